/**
 * Whole games in the production build, by keyboard only, in English and in Chinese: every
 * screen passes axe (WCAG 2.2 AA) and is kept as a screenshot; the state hash the page
 * shows after each quarter is the one Node computes for the same decisions, and the
 * exported save file verifies on the command line.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRunFile, replayRun } from '../../src/scenario/runFile';
import { builtin } from '../helpers';
import { gotoApp, newPage, openBrowser, waitForScreen, type Lang, type Screen } from './harness';
import { press, tabToSelect, typeInto } from './keyboard';
import { carryOn, playQuarter, startBuiltin } from './play';
import { check, download } from './checks';
import { ROOT } from './server';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});


/** Opens a header screen by keyboard. */
async function open(page: Page, screen: Screen): Promise<void> {
  await press(page, `[data-testid="nav-${screen}"]`);
  await waitForScreen(page, screen);
}


describe.each<[string, Lang]>([
  ['tutorial', 'en'],
  ['tutorial', 'zh-CN'],
  ['ad-agency', 'en'],
  ['ad-agency', 'zh-CN'],
])('%s played to the end by keyboard (%s)', (id, lang) => {
  test('every screen works, passes axe, and the hashes match Node and the command line', async () => {
    const app = await newPage(browser, { lang });
    const { page } = app;
    const shots = `${id}-${lang}`;
    try {
      await gotoApp(page, { lang });
      await check(page, `${shots}-1-home`);
      await startBuiltin(page, id, `kbd-${lang}`);
      await check(page, `${shots}-2-briefing`);
      await press(page, '[data-testid="begin"]');
      await waitForScreen(page, 'quarter');
      await check(page, `${shots}-3-quarter`);
      const rounds = builtin(id).rounds;
      const hashes: string[] = [];
      for (let r = 1; r <= rounds; r++) {
        if (r === 2 && id === 'ad-agency') {
          // A real decision, by keyboard: two tiers, and more service for the top one.
          await tabToSelect(page, '[data-testid="tier-count"]', '2');
          await page.waitForSelector('[data-testid="lever-serviceHours-1"]');
          await typeInto(page, '[data-testid="lever-serviceHours-0"]', '80');
          await typeInto(page, '[data-testid="lever-serviceHours-1"]', '40');
          await typeInto(page, '[data-testid="survey-0"]', '30');
          // The new tier copied the old one's acquisition budget: drop it, or the plan is over budget.
          await typeInto(page, '[data-testid="lever-acquisitionSpend-1"]', '0');
          await page.waitForSelector('[data-testid="advance"]:not([disabled])');
          await check(page, `${shots}-3-quarter-decided`);
        }
        hashes.push(await playQuarter(page, r));
        if (r === 2) {
          await check(page, `${shots}-4-report`);
          await press(page, '[data-testid="open-database"]');
          await waitForScreen(page, 'database');
          await page.waitForSelector('[data-testid="customer-grid"] [role="row"]');
          await check(page, `${shots}-5-database`);
          await open(page, 'chain');
          await check(page, `${shots}-6-chain`);
          await open(page, 'quarter');
          continue;
        }
        await carryOn(page);
      }
      await waitForScreen(page, 'end');
      await page.waitForSelector('[data-testid="scorecard"]');
      await check(page, `${shots}-7-end`);

      // The same decisions replayed in Node give the same hash after every quarter.
      const { text, path } = await download(page, () => press(page, '[data-testid="end-export"]'));
      const parsed = parseRunFile(text, path);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.run.decisions).toHaveLength(rounds);
      const replay = replayRun(builtin(id), parsed.run);
      expect(replay.ok).toBe(true);
      if (replay.ok) expect(replay.reports.map((r) => r.hash)).toEqual(hashes);
      // And the command line verifies the save file.
      const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'main.ts'), 'verify', path], { cwd: ROOT, encoding: 'utf8' });
      expect(out).toContain(hashes.at(-1)!);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

/** Chooses `value` in a select by keyboard. */

describe('broken scenario files', () => {
  test('a broken file picked on home shows its errors with file, line and path, and nothing starts', async () => {
    const app = await newPage(browser, { lang: 'en' });
    const { page } = app;
    try {
      await gotoApp(page, { lang: 'en' });
      const good = readFileSync(join(ROOT, 'scenarios', 'tutorial.json'), 'utf8');
      const broken = good.replace('"rounds": 6', '"rounds": "six"');
      expect(broken).not.toBe(good);
      const file = join(ROOT, 'test-results', 'broken-scenario.json');
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      writeFileSync(file, broken);
      await page.setInputFiles('[data-testid="scenario-file"]', file);
      await page.waitForSelector('[data-testid="chosen-file"]');
      await press(page, '[data-testid="start"]');
      await page.waitForSelector('[data-testid="load-errors"]');
      const errors = await page.textContent('[data-testid="load-errors"]');
      const line = good.split('\n').findIndex((l) => l.includes('"rounds": 6')) + 1;
      expect(errors).toContain(`broken-scenario.json:${line}:`);
      expect(errors).toContain('rounds');
      expect(await page.evaluate(() => document.documentElement.dataset.screen)).toBe('home');
      await check(page, 'broken-scenario-en');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('a file that is not JSON, loaded from a ?scenario= link, shows where it breaks (zh-CN)', async () => {
    const app = await newPage(browser, { lang: 'zh-CN' });
    const { page } = app;
    try {
      await gotoApp(page, { lang: 'zh-CN', scenario: './fixtures/not-json.json' });
      await page.waitForSelector('[data-testid="chosen-file"]');
      await press(page, '[data-testid="start"]');
      await page.waitForSelector('[data-testid="load-errors"]');
      expect(await page.textContent('[data-testid="load-errors"]')).toContain('not-json.json:3:');
      await check(page, 'broken-scenario-zh-CN');
    } finally {
      await app.close();
    }
  });
});

describe('saving', () => {
  test('reload mid-game and resume where you were', async () => {
    const app = await newPage(browser, { lang: 'en' });
    const { page } = app;
    try {
      await gotoApp(page, { lang: 'en' });
      await startBuiltin(page, 'ad-agency', 'reload-1');
      await press(page, '[data-testid="begin"]');
      const h1 = await playQuarter(page, 1);
      await carryOn(page);
      const h2 = await playQuarter(page, 2);
      await carryOn(page);
      await page.reload();
      await page.waitForSelector('[data-testid="resume-0"]');
      await check(page, 'resume-home-en');
      await press(page, '[data-testid="resume-0"]');
      await waitForScreen(page, 'quarter');
      expect(await page.evaluate(() => document.documentElement.dataset.round)).toBe('2');
      await open(page, 'report');
      expect((await page.textContent('[data-testid="state-hash"]'))!.trim()).toBe(h2);
      await press(page, '[data-testid="continue"]');
      const h3 = await playQuarter(page, 3);
      expect(h3).not.toBe(h1);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('export, reload, import (asks before replacing), continue; a corrupt file changes nothing', async () => {
    const app = await newPage(browser, { lang: 'en' });
    const { page } = app;
    try {
      await gotoApp(page, { lang: 'en' });
      await startBuiltin(page, 'tutorial', 'export-1');
      await press(page, '[data-testid="begin"]');
      await playQuarter(page, 1);
      await carryOn(page);
      const h2 = await playQuarter(page, 2);
      const { path } = await download(page, () => press(page, '[data-testid="export"]'));
      await page.reload();
      await page.waitForSelector('[data-testid="saves"]');
      const savesBefore = await page.locator('[data-testid="saves"] li').count();

      // A corrupt file: a clear error, and the saved games are as they were.
      const corrupt = join(ROOT, 'test-results', 'corrupt-save.json');
      writeFileSync(corrupt, readFileSync(path, 'utf8').replace('"finalHash": "', '"finalHash": "0'));
      await page.setInputFiles('[data-testid="import-file"]', corrupt);
      await page.waitForSelector('[data-testid="notice"]');
      expect(await page.textContent('[data-testid="notice"]')).toContain('corrupt-save.json');
      await check(page, 'import-corrupt-en');
      expect(await page.locator('[data-testid="saves"] li').count()).toBe(savesBefore);

      // The real file: same scenario and seed as a save, so it asks; keep both.
      await page.setInputFiles('[data-testid="import-file"]', path);
      await page.waitForSelector('[data-testid="import-dialog"]');
      await check(page, 'import-dialog-en');
      // Focus stays in the (modal) dialog: three Tabs come back round to "keep both".
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('import-both');
      await page.keyboard.press('Enter'); // keep both
      await waitForScreen(page, 'quarter');
      await page.waitForSelector('[data-testid="advance"]:not([disabled])');
      expect(await page.evaluate(() => document.documentElement.dataset.round)).toBe('2');
      await open(page, 'report');
      expect((await page.textContent('[data-testid="state-hash"]'))!.trim()).toBe(h2);
      await press(page, '[data-testid="continue"]');
      await playQuarter(page, 3);
      await press(page, '[data-testid="nav-home"]');
      await page.waitForSelector('[data-testid="saves"]');
      expect(await page.locator('[data-testid="saves"] li').count()).toBe(savesBefore + 1);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
