// The served web app as an installable PWA: its manifest, a first visit that caches the whole
// game, then, with the network cut, a reload that still opens it and a quarter and the firm view
// that still play. A new version (a changed sw.js) does not take over in the middle of the game:
// the page asks, and only "Update now" reloads it, with the game opened again where it was.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, newPage, openBrowser, screenshot, waitForHtml, waitForScreen } from './harness';
import { press } from './keyboard';
import { playQuarter, startBuiltin } from './play';
import { DIST, serveStatic, type StaticServer } from './server';

let dir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // A copy of dist/ (the globalSetup's build), so this test can publish a "new version" of sw.js.
  dir = mkdtempSync(join(tmpdir(), 'crm-pwa-'));
  cpSync(DIST, dir, { recursive: true });
  server = await serveStatic(dir);
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the installable web app', () => {
  it('has a manifest with a name, a start URL and an icon, and a service worker that precaches every script', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toMatch(/<link rel="manifest" href="\.?\/?manifest\.webmanifest"/);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.webmanifest'), 'utf8'));
    expect(manifest).toMatchObject({ short_name: 'CRM Sandbox', start_url: './', display: 'standalone' });
    expect(manifest.icons[0]).toMatchObject({ src: 'icon.svg', type: 'image/svg+xml' });
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    for (const f of ['index.html', 'icon.svg']) expect(sw).toContain(`"${f}"`);
    // Phaser, the workers and the scenarios are all in the precache list.
    const assets = [...sw.matchAll(/url:"(assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(30);
    expect(assets.some((a) => /simWorker/.test(a!))).toBe(true);
  });

  it('works offline after the first visit, and asks before a new version replaces the game in play', async () => {
    const app = await newPage(browser, { lang: 'en', serviceWorkers: true });
    const { page, errors, context } = app;
    await page.goto(`${server.url}/?lang=en`);
    await waitForHtml(page, '[data-ready="home"]');
    // The first visit caches the game and says it works offline.
    await page.waitForSelector('[data-testid="offline-ready"]', { timeout: 60_000 });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    await waitForHtml(page, '[data-ready="home"]', 30_000);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await startBuiltin(page, 'tutorial', '51');
    await press(page, '[data-testid="begin"]');
    await waitForScreen(page, 'quarter');
    await playQuarter(page, 1);
    await press(page, '[data-testid="nav-firm"]');
    await waitForScreen(page, 'firm');
    await page.locator('[data-testid="firm-stage"]:not([data-renderer=""])[data-scene-round="1"]').waitFor({ state: 'attached', timeout: 30_000 });
    await press(page, '[data-testid="nav-quarter"]');
    await waitForScreen(page, 'quarter');

    // A new version is published while the game is in play: the page asks and stays where it is.
    await context.setOffline(false);
    writeFileSync(join(dir, 'sw.js'), `${readFileSync(join(dir, 'sw.js'), 'utf8')}\n// the next version\n`);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await page.waitForSelector('[data-testid="update-prompt"]', { timeout: 60_000 });
    await waitForHtml(page, '[data-screen="quarter"][data-round="1"]');
    expect(await page.textContent('[data-testid="update-prompt"]')).toContain('A new version of CRM Sandbox is ready');
    await screenshot(page, 'pwa-update-prompt');
    expect(await axe(page)).toEqual([]);
    // "Later" keeps the game; the prompt comes back with the next check.
    await press(page, '[data-testid="update-later"]');
    await page.waitForSelector('[data-testid="update-prompt"]', { state: 'detached' });
    await waitForHtml(page, '[data-screen="quarter"][data-round="1"]');

    // Update now: the page reloads under the new version, and the game opens again where it was.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('[data-testid="update-prompt"]', { timeout: 60_000 });
    await startPlaying(page);
    expect(errors).toEqual([]);
    await app.close();

    async function startPlaying(p: typeof page): Promise<void> {
      // Back home after the reload: the save is continued first, then the update is taken.
      await p.waitForSelector('[data-testid="resume-0"]');
      await press(p, '[data-testid="resume-0"]');
      await waitForHtml(p, '[data-screen="quarter"][data-round="1"]', 30_000);
      await Promise.all([p.waitForEvent('load', { timeout: 60_000 }), press(p, '[data-testid="update-now"]')]);
      await waitForHtml(p, '[data-screen="quarter"][data-round="1"]', 30_000);
      expect(await p.evaluate(() => document.querySelector('[data-testid="update-prompt"]'))).toBeNull();
    }
  });
});
