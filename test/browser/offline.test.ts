// The one-file offline build (`npm run build:offline`): dist-offline/crm-sandbox.html opened
// from a disk (file://) with the network cut. A game (English) with its report and the firm
// view; then (Chinese) the save is still listed after a reload, and a market of a team and a computer
// firm opens on the facilitator's console. No request goes beyond file:, blob: and data:.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, newPage, openBrowser, screenshot, waitForHtml, waitForScreen, waitIdle, type Lang } from './harness';
import { press, tabToSelect } from './keyboard';
import { playQuarter, startBuiltin } from './play';
import { runBuild } from './builds';

let dir: string;
let fileUrl: string;
let browser: Browser;

beforeAll(async () => {
  const built = runBuild('build-offline.ts');
  dir = built.dir;
  if (built.status !== 0) throw new Error(`build:offline failed (exit ${built.status}):\n${built.out}`);
  fileUrl = pathToFileURL(join(dir, 'crm-sandbox.html')).href;
  browser = await openBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A page on the offline file with the network cut; every URL it asks for is kept. */
async function offlinePage(lang: Lang) {
  const app = await newPage(browser, { lang });
  await app.context.setOffline(true);
  const requests: string[] = [];
  app.context.on('request', (r) => void requests.push(r.url()));
  await app.page.goto(`${fileUrl}?lang=${lang}`, { waitUntil: 'load' });
  await waitForHtml(app.page, '[data-ready="home"]', 30_000);
  return { ...app, requests };
}

/** From home: a tutorial game with `seed`, its first quarter played (the report of quarter 1 on screen). */
async function firstQuarter(page: Page, seed: string): Promise<string> {
  await startBuiltin(page, 'tutorial', seed);
  await press(page, '[data-testid="begin"]');
  await waitForScreen(page, 'quarter');
  return playQuarter(page, 1);
}

const foreign = (urls: readonly string[]) => urls.filter((u) => !/^(file|blob|data):/.test(u));

describe('the offline file', () => {
  it('is one HTML file that names no other file', () => {
    const html = readFileSync(join(dir, 'crm-sandbox.html'), 'utf8');
    expect(html.length).toBeGreaterThan(1_000_000);
    expect(html).not.toMatch(/<(script|link)\b[^>]*\b(src|href)="(?!data:|blob:)/);
    // No compile hint here (vite.config.ts): the app is one inline script, which is not streamed,
    // so the hint would compile every screen on the page's thread before home.
    expect(html).not.toContain('allFunctionsCalledOnLoad');
  });

  it('plays a game from file:// with the network cut (English): quarter, report and the firm view, nothing fetched from outside', async () => {
    const app = await offlinePage('en');
    const { page, errors, requests } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    const hash = await firstQuarter(page, '31');
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    await press(page, '[data-testid="nav-firm"]');
    await waitForScreen(page, 'firm');
    await page.locator('[data-testid="firm-stage"]:not([data-renderer=""])[data-scene-round="1"]').waitFor({ state: 'attached', timeout: 30_000 });
    await screenshot(page, 'offline-en-firm-1440');
    expect(await axe(page)).toEqual([]);
    expect(foreign(requests)).toEqual([]);
    expect(errors).toEqual([]);
    await app.close();
  });

  it('keeps saves over file:// and runs the facilitator\'s console (Chinese)', async () => {
    const app = await offlinePage('zh-CN');
    const { page, errors, requests } = app;
    await page.setViewportSize({ width: 1280, height: 720 });
    await firstQuarter(page, '32');
    await page.reload({ waitUntil: 'load' });
    await waitForHtml(page, '[data-ready="home"]', 30_000);
    await page.waitForSelector('[data-testid^="save-"]', { timeout: 15_000 });

    await press(page, '[data-testid="market-setup"]');
    await waitForScreen(page, 'marketSetup');
    await tabToSelect(page, '[data-testid="market-scenario"]', 'tutorial', { up: true });
    await tabToSelect(page, '[data-testid="market-count"]', '2', { up: true });
    await tabToSelect(page, '[data-testid="seat-runner-1"]', 'computer');
    await press(page, '[data-testid="market-start"]');
    await waitForScreen(page, 'market');
    await page.waitForSelector('[data-testid="market-console"][data-round="0"]');
    await waitIdle(page);
    await page.waitForSelector('[data-testid="team-0"]');
    await screenshot(page, 'offline-zh-console-1280');
    expect(await axe(page)).toEqual([]);
    expect(foreign(requests)).toEqual([]);
    expect(errors).toEqual([]);
    await app.close();
  });
});
