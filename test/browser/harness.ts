/**
 * Helpers for the browser tests (run by vitest.browser.config.ts; the app is built and served
 * by globalSetup.ts). The selectors and html attributes used here are the UI contract:
 * html[data-ready="home"], data-screen, data-busy, data-round, lang.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from './chromium';
import { ROOT } from './server';

export type Lang = 'en' | 'zh-CN';
export type Screen = 'home' | 'marketSetup' | 'market' | 'briefing' | 'quarter' | 'report' | 'firm' | 'database' | 'chain' | 'timelines' | 'end' | 'classResults' | 'workbench';

export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

export function openBrowser(): Promise<Browser> {
  return launchChromium();
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions (page and its workers); tests assert it is empty. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * A page in a fresh context with the given language, a 1366x900 viewport and error collection.
 * Service workers are blocked unless `serviceWorkers` is true (test/browser/pwa.test.ts): the
 * served app's worker would precache the whole game in every context the tests open.
 */
export async function newPage(browser: Browser, { lang = 'en', serviceWorkers = false }: { lang?: Lang; serviceWorkers?: boolean } = {}): Promise<AppPage> {
  const context = await browser.newContext({
    serviceWorkers: serviceWorkers ? 'allow' : 'block',
    locale: lang,
    extraHTTPHeaders: { 'Accept-Language': lang === 'zh-CN' ? 'zh-CN,zh;q=0.9' : 'en-US,en;q=0.9' },
    viewport: { width: 1366, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  // page 'console' also carries the messages of the page's dedicated workers.
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const url = m.location().url;
    // Chromium itself asks for /favicon.ico after load (the app does not); whether its 404
    // is logged before a test ends is a matter of timing, so it would make tests flaky.
    if (url.endsWith('/favicon.ico')) return;
    errors.push(`console.error: ${m.text()}${url ? ` (${url}:${m.location().lineNumber})` : ''}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.stack ?? e.message}`));
  page.on('crash', () => errors.push('page crashed'));
  return { page, context, errors, close: () => context.close() };
}

/** Another page (a second tab) in the same context as `app`: same origin, so the same IndexedDB and Web Locks; its errors are collected too. */
export async function anotherTab(app: AppPage): Promise<{ page: Page; errors: string[] }> {
  const page = await app.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.stack ?? e.message}`));
  return { page, errors };
}

export function appUrl(query?: string | Record<string, string>): string {
  const q = typeof query === 'string' ? query.replace(/^\?/, '') : new URLSearchParams(query ?? {}).toString();
  return `${inject('baseUrl')}/${q ? `?${q}` : ''}`;
}

/**
 * Opens the app (e.g. gotoApp(page, { lang: 'zh-CN', seed: '7' })) and, unless `ready` is
 * false, waits until the home screen is interactive.
 */
export async function gotoApp(
  page: Page,
  query?: string | Record<string, string>,
  { ready = true, timeout = 15_000 }: { ready?: boolean; timeout?: number } = {},
): Promise<void> {
  await page.goto(appUrl(query), { waitUntil: 'load' });
  if (ready) await waitForHtml(page, '[data-ready="home"]', timeout);
}

/** Waits for `html<attrSelector>`; on timeout says what the html element looked like instead. */
export async function waitForHtml(page: Page, attrSelector: string, timeout = 15_000): Promise<void> {
  try {
    await page.waitForSelector(`html${attrSelector}`, { state: 'attached', timeout });
  } catch {
    const attrs = await page.evaluate(() =>
      Array.from(document.documentElement.attributes, (a) => `${a.name}="${a.value}"`).join(' '),
    );
    throw new Error(`html${attrSelector} did not appear within ${timeout} ms; <html ${attrs}>`);
  }
}

export function waitForScreen(page: Page, screen: Screen, timeout?: number): Promise<void> {
  return waitForHtml(page, `[data-screen="${screen}"]`, timeout);
}

/** Waits until the worker is not computing (html has no data-busy="true"). */
export function waitIdle(page: Page, timeout?: number): Promise<void> {
  return waitForHtml(page, ':not([data-busy="true"])', timeout);
}

/** Full-page PNG in test-results/screenshots/<name>.png (kept as a CI artifact); returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** How many elements fail. */
  count: number;
  /** CSS selectors of the first few. */
  targets: string[];
}

/** A CSS selector, or selectors to include/exclude (axe's element context, serialisable). */
export type AxeContext = string | { include?: string[]; exclude?: string[] };

let axeSource: string | undefined;

/** Runs axe-core on the page (or `context`) with the WCAG 2.2 AA rules; returns the violations. */
export async function axe(page: Page | Frame, context?: AxeContext): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.addScriptTag({ content: axeSource });
  }
  return page.evaluate(
    async ({ context, tags }) => {
      type Axe = typeof import('axe-core');
      const axe = (window as unknown as { axe: Axe }).axe;
      const where = (context ?? document) as import('axe-core').ElementContext;
      const result = await axe.run(where, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        count: v.nodes.length,
        targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
    },
    { context: context ?? null, tags: AXE_TAGS },
  );
}
