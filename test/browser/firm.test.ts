/**
 * The firm view's Phaser scenes in the production build: they mount in both renderers,
 * play a quarter's transition phase by phase, pass axe, and a click on a customer (found
 * by keyboard, then clicked with the mouse where the scene drew it) opens that customer's
 * record. Leaving and coming back leaves one canvas; reduced motion opens at the end; a
 * 50,000-customer bank says it shows a sample; the end of the game reveals true satisfaction.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axe, gotoApp, newPage, openBrowser, screenshot, waitForScreen, type AppPage, type Lang } from './harness';
import { press, tabTo } from './keyboard';
import { carryOn, playQuarter, startBuiltin } from './play';
import { liveCounts } from '../../bench/ui/memory';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const STAGE = '[data-testid="firm-stage"]';

/** Starts `id`, plays `quarters` quarters and ends on the last one's report. */
async function playTo(page: Page, id: string, seed: string, quarters: number): Promise<void> {
  await startBuiltin(page, id, seed);
  await press(page, '[data-testid="begin"]');
  await waitForScreen(page, 'quarter');
  for (let r = 1; r <= quarters; r++) {
    await playQuarter(page, r);
    if (r < quarters) {
      await carryOn(page);
      await waitForScreen(page, 'quarter');
    }
  }
}

/** Waits until the scene is drawn (the game is up and has its data) for quarter `round`. */
async function sceneReady(page: Page, round: number): Promise<void> {
  // Locators, not waitForSelector: an element handle would keep the screen alive in the heap check below.
  await page.locator(`${STAGE}:not([data-renderer=""])[data-scene-round="${round}"]`).waitFor({ state: 'attached', timeout: 30_000 });
  await page.locator('[data-testid="firm-summary"] h3').first().waitFor({ timeout: 30_000 });
}

const stage = (page: Page) =>
  page.$eval(STAGE, (el) => ({
    renderer: el.getAttribute('data-renderer'),
    round: el.getAttribute('data-scene-round'),
    phase: el.getAttribute('data-scene-phase'),
    playing: el.getAttribute('data-scene-playing'),
  }));

/** The phases the stage reports while the transition plays, sampled until it is done. */
async function watchPhases(page: Page, timeout = 30_000): Promise<string[]> {
  const seen: string[] = [];
  const until = Date.now() + timeout;
  for (;;) {
    const s = await stage(page);
    if (s.phase && seen.at(-1) !== s.phase) seen.push(s.phase);
    if (s.phase === 'done' || Date.now() > until) return seen;
    await page.waitForTimeout(40);
  }
}

async function canvases(page: Page): Promise<number> {
  return page.$$eval('canvas', (list) => list.length);
}

/**
 * Focuses the picture, presses `keys`, and reads the card of the customer the keyboard
 * reached: its id, where the scene drew it, and the canvas's place on the page.
 */
async function keyboardCard(page: Page, keys: string[]): Promise<{ id: number; x: number; y: number; canvas: { x: number; y: number; width: number } }> {
  await tabTo(page, '[data-testid="firm-canvas"]');
  for (const k of keys) await page.keyboard.press(k);
  const card = page.locator('[data-testid="firm-card"]');
  await card.waitFor();
  const at = (await page.locator('[data-testid="firm-canvas"] canvas').boundingBox())!;
  return {
    id: Number(await card.getAttribute('data-customer')),
    x: Number(await card.getAttribute('data-x')),
    y: Number(await card.getAttribute('data-y')),
    canvas: at,
  };
}

/** The database is open on customer `id`'s record. */
async function expectRecordOf(page: Page, id: number): Promise<void> {
  await waitForScreen(page, 'database');
  expect(await page.locator('dialog.db-record[open] h2').textContent()).toContain(`#${id}`);
}

describe.each<['canvas' | 'webgl', Lang]>([
  ['canvas', 'en'],
  ['webgl', 'zh-CN'],
])('the firm view on the %s renderer (%s)', (renderer, lang) => {
  test('mounts, plays the quarter in the model’s order, passes axe, and a click on a customer opens its record', async () => {
    const app = await newPage(browser, { lang });
    const { page } = app;
    try {
      await gotoApp(page, { lang, renderer });
      await playTo(page, 'hotel', `firm-${renderer}`, 2);
      await press(page, '[data-testid="watch-quarter"]');
      await waitForScreen(page, 'firm');
      await sceneReady(page, 2);
      expect((await stage(page)).renderer).toBe(renderer);
      // A new quarter plays by itself, through every phase, in the order the model ran it.
      const phases = await watchPhases(page);
      expect(phases.filter((p) => p !== 'intro')).toEqual(['tiering', 'service', 'lapses', 'arrivals', 'done']);
      expect((await stage(page)).playing).toBe('false');
      expect(await canvases(page)).toBe(1);
      await screenshot(page, `firm-${renderer}-${lang}-done`);
      expect(await axe(page), 'axe on the firm view').toEqual([]);

      // Keyboard: focus the picture, move to a customer, and read its card.
      const { id, x, y, canvas: at } = await keyboardCard(page, ['ArrowRight', 'ArrowDown']);
      expect(Number.isInteger(id) && id >= 0).toBe(true);
      expect(await page.textContent('[data-testid="firm-card"] [role="status"]')).toContain(String(id));

      // The mouse where the scene drew that customer: the hover card names it, and a click opens its record.
      await page.keyboard.press('Escape');
      await page.mouse.move(at.x + x, at.y + y);
      await page.waitForSelector(`[data-testid="firm-card"][data-customer="${id}"]`);
      await page.mouse.click(at.x + x, at.y + y);
      await expectRecordOf(page, id);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

test('leaving the firm view and coming back keeps exactly one game; the keyboard opens a record with Enter', async () => {
  const app = await newPage(browser, { lang: 'en' });
  const { page } = app;
  try {
    await gotoApp(page, { lang: 'en' });
    await playTo(page, 'ad-agency', 'firm-remount', 1);
    const VISITS = 8;
    for (let i = 0; i < VISITS; i++) {
      await press(page, '[data-testid="nav-firm"]');
      await waitForScreen(page, 'firm');
      await sceneReady(page, 1);
      expect(await canvases(page)).toBe(1);
      await press(page, '[data-testid="nav-report"]');
      await waitForScreen(page, 'report');
      expect(await canvases(page)).toBe(0);
    }
    // The eight games do not pile up in memory: a leak keeps one per visit (8 here: that is
    // what Phaser's pooled canvas did, and it never falls). Phaser finishes destroying a game
    // on its next frame, and React may keep the screen it last unmounted until its next
    // render, so the latest visit or two may linger a while: a full test run on a loaded
    // machine once saw 3 after two seconds, and a CI run once saw 2 for six seconds, which no
    // run here has reproduced (0 within the first ask). Ask a few times over six seconds, two
    // animation frames apart at least.
    const cdp = await app.context.newCDPSession(page);
    const seen: number[] = [];
    for (let i = 0; i < 30 && (i === 0 || seen[i - 1]! > 0); i++) {
      if (i > 0) await page.waitForTimeout(200);
      await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
      seen.push((await liveCounts(page, cdp)).firmStages);
    }
    expect(Math.min(...seen), `firm screens alive after ${VISITS} visits, asked ${seen.length} times: ${seen.join(', ')}`).toBeLessThanOrEqual(2);
    await cdp.detach();
    // Watched once, the quarter opens at its end; replay plays it again.
    await press(page, '[data-testid="nav-firm"]');
    await sceneReady(page, 1);
    expect((await stage(page)).phase).toBe('done');
    await press(page, '[data-testid="firm-replay"]');
    await page.waitForSelector(`${STAGE}[data-scene-playing="true"]`);
    await press(page, '[data-testid="firm-skip"]');
    await page.waitForSelector(`${STAGE}[data-scene-phase="done"]`);
    const { id } = await keyboardCard(page, ['End']);
    await page.keyboard.press('Enter');
    await expectRecordOf(page, id);
    expect(app.errors).toEqual([]);
  } finally {
    await app.close();
  }
});

test('with reduced motion the quarter opens at its end, not playing', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block', reducedMotion: 'reduce', viewport: { width: 1366, height: 900 }, locale: 'en' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await gotoApp(page, { lang: 'en' });
    await playTo(page, 'ad-agency', 'firm-reduced', 1);
    await press(page, '[data-testid="watch-quarter"]');
    await sceneReady(page, 1);
    const s = await stage(page);
    expect(s.phase).toBe('done');
    expect(s.playing).toBe('false');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a 50,000-customer bank is drawn as a stable sample of 5,000 and says so', async () => {
  const app: AppPage = await newPage(browser, { lang: 'en' });
  const { page } = app;
  try {
    await gotoApp(page, { lang: 'en' });
    await startBuiltin(page, 'retail-bank', 'firm-sample');
    await press(page, '[data-testid="begin"]');
    await waitForScreen(page, 'quarter');
    // Before the first quarter the firm view shows the base at the start.
    await press(page, '[data-testid="nav-firm"]');
    await waitForScreen(page, 'firm');
    await sceneReady(page, 0);
    // The service floor's part can come before the base's (two answers of the worker): wait for the base's words.
    await page.locator('[data-testid="firm-summary"]', { hasText: /customers are shown/ }).waitFor({ timeout: 30_000 });
    const text = (await page.textContent('[data-testid="firm-summary"]'))!;
    expect(text).toMatch(/5,000 of [\d,]+ customers are shown: a stable sample/);
    await screenshot(page, 'firm-bank-start');
    expect(app.errors).toEqual([]);
  } finally {
    await app.close();
  }
});

test('true satisfaction is revealed only at the end of the game', async () => {
  const app = await newPage(browser, { lang: 'en' });
  const { page } = app;
  try {
    await gotoApp(page, { lang: 'en' });
    await playTo(page, 'tutorial', 'firm-reveal', 5);
    await press(page, '[data-testid="watch-quarter"]');
    await sceneReady(page, 5);
    expect(await page.$('[data-testid="firm-reveal"]')).toBeNull();
    await press(page, '[data-testid="nav-quarter"]');
    await playQuarter(page, 6);
    await press(page, '[data-testid="watch-quarter"]');
    await sceneReady(page, 6);
    await press(page, '[data-testid="firm-skip"]');
    await press(page, '[data-testid="firm-reveal"]', 'Space');
    await page.waitForSelector('#firm-legend-title');
    expect(await page.textContent('.firm-legend')).toContain('True satisfaction');
    await keyboardCard(page, ['ArrowRight']);
    expect(await page.textContent('[data-testid="firm-card"]')).toMatch(/True satisfaction: \d+/);
    await screenshot(page, 'firm-reveal');
    expect(app.errors).toEqual([]);
  } finally {
    await app.close();
  }
});

test('the picture follows the window: stacked on a narrow one, and a click still finds the right customer', async () => {
  const app = await newPage(browser, { lang: 'en' });
  const { page } = app;
  try {
    await gotoApp(page, { lang: 'en' });
    await playTo(page, 'ad-agency', 'firm-resize', 1);
    await press(page, '[data-testid="watch-quarter"]');
    await sceneReady(page, 1);
    await press(page, '[data-testid="firm-skip"]');
    const width = () => page.$eval('[data-testid="firm-canvas"]', (el) => ({ host: el.clientWidth, canvas: el.querySelector('canvas')?.width ?? 0, height: el.querySelector('canvas')?.height ?? 0 }));
    const wide = await width();
    expect(wide.canvas).toBe(wide.host);
    await page.setViewportSize({ width: 820, height: 900 });
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="firm-canvas"]')!;
      return el.querySelector('canvas')?.width === el.clientWidth;
    });
    const narrow = await width();
    expect(narrow.canvas).toBeLessThan(wide.canvas);
    // Stacked: the canvas is taller than it is wide.
    expect(narrow.height).toBeGreaterThan(narrow.canvas);
    const { id, x, y, canvas: at } = await keyboardCard(page, ['ArrowRight']);
    expect(x).toBeLessThan(at.width);
    await page.keyboard.press('Escape');
    await page.mouse.click(at.x + x, at.y + y);
    await expectRecordOf(page, id);
    expect(app.errors).toEqual([]);
  } finally {
    await app.close();
  }
});
