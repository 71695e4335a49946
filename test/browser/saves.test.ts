/**
 * Nothing saved is lost, in the production build: damaged save records are listed with their
 * reasons beside good ones (continue, export the raw text, delete), in English and Chinese, at
 * 1440x900 and 1280x720, with axe; the error boundary's "Back to home" never loops; two tabs
 * of one browser on one save (with Web Locks, and without them) keep both tabs' quarters; a
 * `?scenario=` link that fails, is too large (the download is stopped as it streams) or is
 * still loading blocks Start with the reason shown.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { anotherTab, axe, gotoApp, newPage, openBrowser, screenshot, waitForScreen, waitIdle, type Lang } from './harness';
import { check, download } from './checks';
import { press } from './keyboard';
import { carryOn, playQuarter, startBuiltin } from './play';
import { ROOT } from './server';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Rec = Record<string, unknown>;

/** Puts `records` into the app's saves store (IndexedDB "crm-sandbox", store "saves"), as another build or a hand edit might have. */
async function putRecords(page: Page, records: [string, unknown][]): Promise<void> {
  await page.evaluate(async (recs) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('crm-sandbox');
      r.onupgradeneeded = () => r.result.createObjectStore('saves');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction('saves', 'readwrite');
      for (const [k, v] of recs) tx.objectStore('saves').put(v, k);
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, records);
}

/** Every record in the saves store, by key. */
async function readRecords(page: Page): Promise<Record<string, Rec>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('crm-sandbox');
      r.onupgradeneeded = () => r.result.createObjectStore('saves');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const out = await new Promise<Record<string, Record<string, unknown>>>((ok, fail) => {
      const tx = db.transaction('saves', 'readonly');
      const store = tx.objectStore('saves');
      const keys = store.getAllKeys();
      const values = store.getAll();
      tx.oncomplete = () => ok(Object.fromEntries(keys.result.map((k, i) => [String(k), values.result[i] as Record<string, unknown>])));
      tx.onerror = () => fail(tx.error);
    });
    db.close();
    return out;
  });
}

/** The page does not scroll sideways. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

/** Plays the tutorial's first quarter under `seed` and goes back home; returns the save's id. */
async function oneQuarter(page: Page, seed: string): Promise<string> {
  await startBuiltin(page, 'tutorial', seed);
  await press(page, '[data-testid="begin"]');
  await playQuarter(page, 1);
  await press(page, '[data-testid="nav-home"]');
  await page.waitForSelector('[data-testid="saves"]');
  const ids = Object.keys(await readRecords(page));
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

/** Two damaged records beside a good one: a summary that does not fit (still playable) and a game that is lost. */
function damagedBeside(good: Rec): [string, unknown][] {
  return [
    ['broken-summary', { ...good, id: 'broken-summary', updatedAt: 'yesterday', title: { en: { text: 'Tutorial' } } }],
    ['broken-game', { format: 'crm-sandbox-save', version: 1, id: 'broken-game', title: { en: 'Hotel: the Harbour View', 'zh-CN': '酒店：海景酒店' }, scenarioId: 'hotel', seed: 'lost-7', source: { kind: 'builtin', id: 'hotel' }, decisions: 'gone', round: 3, rounds: 8, score: 10, status: 'running', updatedAt: Date.now() - 86_400_000 }],
  ];
}

describe.each<Lang>(['en', 'zh-CN'])('damaged saves (%s)', (lang) => {
  test('are listed beside a good one with their reasons; the good one resumes, the bad ones export, delete and repair', async () => {
    const app = await newPage(browser, { lang });
    const { page } = app;
    try {
      await gotoApp(page, { lang });
      const id = await oneQuarter(page, `damaged-${lang}`);
      const good = (await readRecords(page))[id]!;
      await putRecords(page, damagedBeside(good));
      await page.reload();
      await page.waitForSelector('[data-testid="damaged-1"]');
      // Newest first: the good save, the lost game (yesterday), the record without a readable date.
      expect(await page.locator('[data-testid="saves"] > li').count()).toBe(3);
      const lost = (await page.textContent('[data-testid="damaged-0"]'))!;
      const fixable = (await page.textContent('[data-testid="damaged-1"]'))!;
      if (lang === 'en') {
        expect(lost).toContain('Hotel: the Harbour View');
        expect(lost).toContain('damaged');
        expect(lost).toContain('decisions: expected a list of quarterly decisions, found "gone"');
        expect(lost).toContain('It cannot be played');
        expect(fixable).toContain('title: expected a title in English or Chinese, found an object');
        expect(fixable).toContain('updatedAt: expected a date (milliseconds since 1970), found "yesterday"');
        expect(fixable).toContain('Continue replays them and repairs the save');
      } else {
        expect(lost).toContain('酒店：海景酒店');
        expect(lost).toContain('已损坏');
        expect(lost).toContain('decisions：应为各季度决策的列表，实际为文本 "gone"');
        expect(fixable).toContain('updatedAt：应为日期（自 1970 年起的毫秒数），实际为文本 "yesterday"');
      }
      for (const [w, h] of [[1440, 900], [1280, 720], [390, 844]] as const) {
        await page.setViewportSize({ width: w, height: h });
        await screenshot(page, `damaged-saves-${lang}-${w}x${h}`);
        expect(await fitsWidth(page), `${w}x${h} fits`).toBe(true);
      }
      await page.setViewportSize({ width: 1366, height: 900 });
      expect(await axe(page)).toEqual([]);

      // The lost game: its raw text downloads as it is stored, then delete asks and removes it.
      const raw = await download(page, () => press(page, '[data-testid="damaged-export-0"]'));
      expect(raw.path).toMatch(/crm-sandbox-damaged-save-broken-game\.json$/);
      expect(JSON.parse(raw.text)).toEqual((await readRecords(page))['broken-game']);
      const asked: string[] = [];
      page.once('dialog', (d) => {
        asked.push(d.message());
        void d.accept();
      });
      await press(page, '[data-testid="damaged-delete-0"]');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="saves"] > li').length === 2);
      expect(asked).toHaveLength(1);
      expect(Object.keys(await readRecords(page)).sort()).toEqual(['broken-summary', id].sort());

      // The good one resumes where it was.
      await press(page, '[data-testid="resume-0"]');
      await waitForScreen(page, 'quarter');
      expect(await page.evaluate(() => document.documentElement.dataset.round)).toBe('1');
      await press(page, '[data-testid="nav-home"]');

      // The damaged summary: Continue replays its game and writes it again, repaired.
      await press(page, '[data-testid="damaged-resume-0"]');
      await waitForScreen(page, 'quarter');
      await waitIdle(page);
      expect(await page.textContent('[data-testid="notice"]')).toContain(lang === 'en' ? 'rebuilt from its decisions' : '已根据其决策重建');
      const repaired = (await readRecords(page))['broken-summary']!;
      expect(typeof repaired.updatedAt).toBe('number');
      expect(repaired.title).toEqual(good.title);
      expect(repaired.decisions).toEqual(good.decisions);
      await press(page, '[data-testid="nav-home"]');
      await page.waitForSelector('[data-testid="save-1"]');
      expect(await page.locator('[data-testid^="damaged-"]').count()).toBe(0);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('the error boundary', () => {
  test('"Back to home" never loops: a game screen goes home, a crashed home opens without the saved games, then offers a reload', async () => {
    const app = await newPage(browser, { lang: 'en' });
    const { page } = app;
    // A fault to switch on and off: number formatting throws while window.__crash is true (Intl's,
    // and Number.isInteger, with which the app's own whole-number formatting begins).
    await app.context.addInitScript(() => {
      const crashing = () => (window as { __crash?: boolean }).__crash === true;
      const d = Object.getOwnPropertyDescriptor(Intl.NumberFormat.prototype, 'format')!;
      Object.defineProperty(Intl.NumberFormat.prototype, 'format', {
        configurable: true,
        get(this: Intl.NumberFormat) {
          if (crashing()) throw new Error('injected fault');
          return d.get!.call(this) as unknown;
        },
      });
      const isInteger = Number.isInteger;
      Number.isInteger = (x: unknown) => {
        if (crashing()) throw new Error('injected fault');
        return isInteger(x);
      };
    });
    const crash = (on: boolean) => page.evaluate((v) => void ((window as { __crash?: boolean }).__crash = v), on);
    const way = () => page.getAttribute('[data-testid="screen-error"]', 'data-way');
    try {
      await gotoApp(page, { lang: 'en' });
      await startBuiltin(page, 'tutorial', 'boundary-1');
      // A crash on a game screen: back to home, which works.
      await crash(true);
      await press(page, '[data-testid="begin"]');
      await page.waitForSelector('[data-testid="screen-error"]');
      expect(await way()).toBe('home');
      await crash(false);
      await press(page, '[data-testid="crash-home"]');
      await page.waitForSelector('[data-testid="saves"]');

      // Home itself crashes: "Back to home" opens home without the saved games; Start still works.
      await crash(true);
      await press(page, '[data-testid="scenario-hotel"]');
      await page.waitForSelector('[data-testid="screen-error"]');
      expect(await way()).toBe('safeHome');
      await check(page, 'boundary-home-crashed-en');
      await crash(false);
      await press(page, '[data-testid="crash-home"]');
      await page.waitForSelector('[data-testid="saves-hidden"]');
      expect(await page.locator('[data-testid="saves"]').count()).toBe(0);
      expect(await page.isEnabled('[data-testid="start"]')).toBe(true);
      await check(page, 'boundary-safe-home-en');

      // And if home crashes even so, the way out is a reload, not "Back to home" again.
      await crash(true);
      await press(page, '[data-testid="scenario-ad-agency"]');
      await page.waitForSelector('[data-testid="screen-error"]');
      expect(await way()).toBe('reload');
      await page.evaluate(() => sessionStorage.setItem('reloaded', '1'));
      await press(page, '[data-testid="crash-home"]');
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'home' && sessionStorage.getItem('reloaded') === '1');
      await page.waitForSelector('[data-testid="saves"]');
      expect(app.errors.filter((e) => !e.includes('injected fault'))).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('a crash in the saved-games list shows only there; Start and Import still work', async () => {
    const app = await newPage(browser, { lang: 'zh-CN' });
    const { page } = app;
    await app.context.addInitScript(() => {
      Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', {
        configurable: true,
        get() {
          throw new Error('injected date fault');
        },
      });
    });
    try {
      await gotoApp(page, { lang: 'zh-CN' });
      await putRecords(page, [['g1', { format: 'crm-sandbox-save', version: 1, id: 'g1', title: { en: 'Tutorial', 'zh-CN': '教程' }, scenarioId: 'tutorial', source: { kind: 'builtin', id: 'tutorial' }, seed: 's', decisions: [], round: 0, rounds: 6, score: 0, status: 'running', updatedAt: Date.now(), revision: 1 }]]);
      await page.reload();
      await page.waitForSelector('[data-testid="saves-failed"]');
      expect(await page.textContent('[data-testid="saves-failed"]')).toContain('injected date fault');
      expect(await page.locator('[data-testid="screen-error"]').count()).toBe(0);
      await check(page, 'saves-list-crashed-zh-CN');
      await startBuiltin(page, 'tutorial', 'still-works');
      expect(app.errors.filter((e) => !e.includes('injected date fault'))).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('two tabs on one save', () => {
  test('with Web Locks: the second tab plays a copy and says so; closing, reloading and other saves are fine; no quarter is lost', async () => {
    const app = await newPage(browser, { lang: 'en' });
    const a = app.page;
    const b = await anotherTab(app);
    try {
      await gotoApp(a, { lang: 'en' });
      await startBuiltin(a, 'tutorial', 'tabs-1');
      await press(a, '[data-testid="begin"]');
      await playQuarter(a, 1);
      await carryOn(a);
      const id = Object.keys(await readRecords(a))[0]!;

      // Tab B opens the same save at quarter 1: it is open in tab A, so B plays a copy, and says so.
      await gotoApp(b.page, { lang: 'en' });
      await press(b.page, `[data-save-id="${id}"] [data-testid^="resume-"]`);
      await waitForScreen(b.page, 'quarter');
      expect(await b.page.textContent('[data-testid="tab-notice"]')).toContain('open in another tab');
      expect(await b.page.textContent('[data-testid="copy-mark"]')).toBe('copy');
      await check(b.page, 'two-tabs-copy-en');

      // A plays quarters 2 and 3, B its quarter 2: the original holds A's three, the copy B's two.
      await playQuarter(a, 2);
      await carryOn(a);
      await playQuarter(a, 3);
      await playQuarter(b.page, 2);
      const after = await readRecords(a);
      expect(Object.keys(after)).toHaveLength(2);
      expect((after[id]!.decisions as unknown[]).length).toBe(3);
      const copy = Object.values(after).find((r) => r.id !== id)!;
      expect(copy.copyOf).toEqual({ of: id, round: 1 });
      expect((copy.decisions as unknown[]).length).toBe(2);
      await press(b.page, '[data-testid="nav-home"]');
      await b.page.waitForSelector('[data-testid="save-1"]');
      expect(await b.page.textContent('[data-testid="saves"]')).toContain('copy made beside another tab, from quarter 1');

      // Tab A closes: its lock is freed, and B opens the original itself, with no notice.
      await a.close();
      await press(b.page, `[data-save-id="${id}"] [data-testid^="resume-"]`);
      await waitForScreen(b.page, 'quarter');
      expect(await b.page.locator('[data-testid="tab-notice"]').count()).toBe(0);
      await playQuarter(b.page, 4);
      expect(((await readRecords(b.page))[id]!.decisions as unknown[]).length).toBe(4);

      // A reload frees the lock too: B reopens it as itself.
      await b.page.reload();
      await b.page.waitForSelector(`[data-save-id="${id}"]`);
      await press(b.page, `[data-save-id="${id}"] [data-testid^="resume-"]`);
      await waitForScreen(b.page, 'quarter');
      expect(await b.page.locator('[data-testid="tab-notice"]').count()).toBe(0);

      // A third tab on another save: both play and save without a word.
      const c = await anotherTab(app);
      await gotoApp(c.page, { lang: 'en' });
      await startBuiltin(c.page, 'tutorial', 'tabs-other');
      await press(c.page, '[data-testid="begin"]');
      await playQuarter(c.page, 1);
      await playQuarter(b.page, 5);
      expect(await c.page.locator('[data-testid="tab-notice"]').count()).toBe(0);
      expect(await b.page.locator('[data-testid="tab-notice"]').count()).toBe(0);
      const all = await readRecords(b.page);
      expect(Object.keys(all)).toHaveLength(3);
      expect((all[id]!.decisions as unknown[]).length).toBe(5);
      expect([...app.errors, ...b.errors, ...c.errors]).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('without Web Locks: the stale tab\'s write is caught, and its quarter is saved as a copy', async () => {
    const app = await newPage(browser, { lang: 'zh-CN' });
    await app.context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'locks', { configurable: true, get: () => undefined }));
    const a = app.page;
    const b = await anotherTab(app);
    try {
      await gotoApp(a, { lang: 'zh-CN' });
      expect(await a.evaluate(() => navigator.locks)).toBeUndefined();
      await startBuiltin(a, 'tutorial', 'nolocks-1');
      await press(a, '[data-testid="begin"]');
      await playQuarter(a, 1);
      await carryOn(a);
      const id = Object.keys(await readRecords(a))[0]!;
      await gotoApp(b.page, { lang: 'zh-CN' });
      await press(b.page, `[data-save-id="${id}"] [data-testid^="resume-"]`);
      await waitForScreen(b.page, 'quarter');
      // Nothing to tell yet: without locks the tabs cannot know of each other.
      expect(await b.page.locator('[data-testid="tab-notice"]').count()).toBe(0);
      await playQuarter(a, 2);
      await playQuarter(b.page, 2);
      expect(await b.page.textContent('[data-testid="tab-notice"]')).toContain('另存为副本');
      await check(b.page, 'two-tabs-forked-zh-CN');
      const all = await readRecords(a);
      expect(Object.keys(all)).toHaveLength(2);
      const copy = Object.values(all).find((r) => r.id !== id)!;
      expect(copy.copyOf).toEqual({ of: id, round: 1 });
      expect((all[id]!.decisions as unknown[]).length).toBe(2);
      expect((copy.decisions as unknown[]).length).toBe(2);
      expect([...app.errors, ...b.errors]).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('?scenario= links', () => {
  /** A second origin for links: a slow scenario, an endless body, and a body announced as too large. */
  let server: Server;
  let base = '';
  const sent = { endless: 0, announced: 0, closed: new Set<string>() };
  beforeAll(async () => {
    const tutorial = readFileSync(join(ROOT, 'scenarios', 'tutorial.json'));
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      const headers = { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' };
      res.on('close', () => sent.closed.add(path));
      if (path === '/slow.json') {
        setTimeout(() => res.writeHead(200, headers).end(tutorial), 2500);
        return;
      }
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const key = path === '/endless.json' ? 'endless' : path === '/announced.json' ? 'announced' : null;
      if (!key) {
        res.writeHead(404, headers).end('{}');
        return;
      }
      res.writeHead(200, key === 'announced' ? { ...headers, 'Content-Length': String(50 * 1024 * 1024) } : headers);
      const pump = () => {
        // Stop on our own at 200 MB: the test fails if the page never stops reading.
        while (!res.destroyed && sent[key] < 200 * 1024 * 1024) {
          sent[key] += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  });

  const pressed = (page: Page) => page.locator('.scenario-card[aria-pressed="true"]').count();

  test('a link that 404s selects nothing; Start is blocked until the learner picks a scenario, and says why', async () => {
    const app = await newPage(browser, { lang: 'en' });
    const { page } = app;
    try {
      await gotoApp(page, { lang: 'en', scenario: './fixtures/no-such-scenario.json' });
      await page.waitForSelector('[data-testid="link-error"]');
      expect(await page.textContent('[data-testid="link-error"]')).toMatch(/no-such-scenario\.json.*could not be loaded.*404/);
      expect(await pressed(page)).toBe(0);
      expect(await page.isDisabled('[data-testid="start"]')).toBe(true);
      expect(await page.textContent('[data-testid="start-why"]')).toContain('Choose a scenario');
      expect(await page.getAttribute('[data-testid="start"]', 'aria-describedby')).toBe('start-why');
      await check(page, 'link-404-en');
      await press(page, '[data-testid="scenario-tutorial"]');
      expect(await page.isEnabled('[data-testid="start"]')).toBe(true);
      expect(await page.locator('[data-testid="link-error"]').count()).toBe(0);
      await press(page, '[data-testid="start"]');
      await waitForScreen(page, 'briefing');
      // A built-in the link names that does not exist: the same, with the reason.
      await gotoApp(page, { lang: 'en', scenario: 'builtin:no-such-id' });
      expect(await page.textContent('[data-testid="link-error"]')).toContain('there is no built-in scenario "no-such-id"');
      expect(await pressed(page)).toBe(0);
      expect(await page.isDisabled('[data-testid="start"]')).toBe(true);
      expect(app.errors.filter((e) => !e.includes('404'))).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('a link too large is stopped as it streams (and at once when its size is announced), in Chinese', async () => {
    const app = await newPage(browser, { lang: 'zh-CN' });
    const { page } = app;
    try {
      await gotoApp(page, { lang: 'zh-CN', scenario: `${base}/endless.json` });
      await page.waitForSelector('[data-testid="link-error"]', { timeout: 60_000 });
      expect(await page.textContent('[data-testid="link-error"]')).toContain('超过情景文件的上限 20 MB，已停止下载');
      expect(await pressed(page)).toBe(0);
      expect(await page.isDisabled('[data-testid="start"]')).toBe(true);
      await expect.poll(() => sent.closed.has('/endless.json'), { timeout: 10_000 }).toBe(true);
      // The page read a little over 20 MB, then cancelled. What the server wrote is more: Chromium's
      // network service reads ahead of the page into its own buffers, by tens of MB on a loaded
      // machine (57 MB measured once in CI). A page that never cancels takes all 200 MB.
      expect(sent.endless).toBeGreaterThan(20 * 1024 * 1024);
      expect(sent.endless).toBeLessThan(120 * 1024 * 1024);
      await check(page, 'link-too-large-zh-CN');

      await gotoApp(page, { lang: 'zh-CN', scenario: `${base}/announced.json` });
      await page.waitForSelector('[data-testid="link-error"]');
      await expect.poll(() => sent.closed.has('/announced.json'), { timeout: 10_000 }).toBe(true);
      expect(sent.announced).toBeLessThan(20 * 1024 * 1024);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('while the link downloads, Start waits and says so; then the link\'s scenario is what Start plays', async () => {
    const app = await newPage(browser, { lang: 'en' });
    const { page } = app;
    try {
      await gotoApp(page, { lang: 'en', scenario: `${base}/slow.json` });
      await page.waitForSelector('[data-testid="link-loading"]');
      expect(await page.isDisabled('[data-testid="start"]')).toBe(true);
      expect(await page.textContent('[data-testid="start-why"]')).toContain('Start waits for the scenario the link names');
      expect(await pressed(page)).toBe(0);
      expect(await axe(page)).toEqual([]);
      await page.waitForSelector('[data-testid="chosen-file"]', { timeout: 20_000 });
      expect(await page.isEnabled('[data-testid="start"]')).toBe(true);
      await press(page, '[data-testid="start"]');
      await waitForScreen(page, 'briefing');
      expect(await page.textContent('header')).toContain('Bluebridge');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
