/**
 * The learning loop in the production build, in English and in Chinese: a game of the
 * tutorial with real decisions; after a quarter, "why did it change?" shows a waterfall and
 * a sentence naming the decision; "what if" branches from a past quarter and shows both
 * timelines (the original stays saved); the end shows the debrief (top decisions, lessons,
 * whale curve), which prints to an A4 PDF through Chromium; the CSV opens in Excel (BOM) and
 * the exported run file verifies on the command line.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gotoApp, newPage, openBrowser, screenshot, waitForScreen, type Lang } from './harness';
import { press, typeInto } from './keyboard';
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



/** Sets a number field to its current value times `k` (rounded), by keyboard. */
async function scaleField(page: Page, selector: string, k: number): Promise<void> {
  const now = Number(await page.inputValue(selector));
  await typeInto(page, selector, String(Math.round(now * k)));
}

/** Pages of a PDF and the size of the first (points). */
function pdfPages(pdf: Buffer): { pages: number; count: number; width: number; height: number; cjkFont: boolean } {
  const text = pdf.toString('latin1');
  const pages = [...text.matchAll(/\/Type\s*\/Page(?![s\w])/g)].length;
  const counts = [...text.matchAll(/\/Type\s*\/Pages[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  return {
    pages,
    count: Math.max(0, ...counts),
    width: box ? Number(box[3]) - Number(box[1]) : 0,
    height: box ? Number(box[4]) - Number(box[2]) : 0,
    cjkFont: /\/(?:BaseFont|FontName)\s*\/[A-Z]{6}\+[\w-]*CJK/.test(text),
  };
}

const SERVICE_WORD: Record<Lang, RegExp> = { en: /service level/i, 'zh-CN': /服务水平/ };

describe.each<[Lang]>([['en'], ['zh-CN']])('the learning loop (%s)', (lang) => {
  test('explain, what if, debrief, print to PDF, CSV and run file', async () => {
    const app = await newPage(browser, { lang });
    const { page } = app;
    const shots = `loop-${lang}`;
    try {
      await gotoApp(page, { lang });
      await startBuiltin(page, 'tutorial', `loop-${lang}`);
      await press(page, '[data-testid="begin"]');
      await waitForScreen(page, 'quarter');

      // Quarter 1: more service for the customers (the lever the tutorial opens first).
      await scaleField(page, '[data-testid="lever-serviceHours-0"]', 1.5);
      await playQuarter(page, 1);
      const panel = '[data-testid="explain-1"]';
      await page.waitForSelector(`${panel} [data-testid="explain-sentence"]`, { timeout: 30_000 });
      expect(await page.textContent(`${panel} [data-testid="explain-sentence"]`)).toMatch(SERVICE_WORD[lang]);
      // The waterfall: a chart with a start, the service bar and the end, and its data table.
      expect(await page.locator(`${panel} svg`).count()).toBeGreaterThan(0);
      const rows = await page.locator(`${panel} table tbody tr`).count();
      expect(rows).toBeGreaterThanOrEqual(3);
      // Another figure: the sentence follows it.
      const before = await page.textContent(`${panel} [data-testid="explain-sentence"]`);
      await page.selectOption(`${panel} [data-testid="explain-kpi"]`, 'customers');
      await page.waitForFunction(([sel, old]) => document.querySelector(sel!)?.textContent !== old, [`${panel} [data-testid="explain-sentence"]`, before] as const);
      // True satisfaction is not offered during the game.
      expect(await page.locator(`${panel} option[value="satisfaction"]`).getAttribute('disabled')).not.toBeNull();
      await check(page, `${shots}-1-explain`);
      await carryOn(page);

      for (let r = 2; r <= 3; r++) {
        if (r === 3) await scaleField(page, '[data-testid="lever-serviceHours-0"]', 0.7);
        await playQuarter(page, r);
        if (r < 3) await carryOn(page);
      }
      // Quarter 3's report: a later quarter explains late effects of quarter 1's change.
      await page.waitForSelector('[data-testid="explain-3"] [data-testid="explain-sentence"]', { timeout: 30_000 });

      // What if: back to the start of quarter 3, decide it differently.
      await press(page, '[data-testid="what-if"]');
      await waitForScreen(page, 'quarter');
      await scaleField(page, '[data-testid="lever-serviceHours-0"]', 1.3);
      await playQuarter(page, 3);
      await press(page, '[data-testid="nav-timelines"]');
      await waitForScreen(page, 'timelines');
      await page.waitForSelector('[data-testid="timelines-table"] tbody tr');
      expect(await page.locator('[data-testid="timelines-table"] tbody tr').count()).toBe(3);
      await check(page, `${shots}-2-timelines`);
      await press(page, '[data-testid="nav-report"]');
      await waitForScreen(page, 'report');
      await carryOn(page);

      // Play the branch to the end; quarter 4 cuts training to nothing.
      for (let r = 4; r <= 6; r++) {
        if (r === 4) await typeInto(page, '[data-testid="training"]', '0');
        await playQuarter(page, r);
        await carryOn(page);
      }
      await waitForScreen(page, 'end');
      await page.waitForSelector('[data-testid="top-decisions"] li', { timeout: 60_000 });
      await page.waitForSelector('[data-testid="lessons"] li');
      await page.waitForSelector('[data-testid="whale"] svg');
      expect(await page.locator('[data-testid="top-decisions"] li').count()).toBeGreaterThanOrEqual(1);
      expect(await page.locator('[data-testid="top-decisions"] li').count()).toBeLessThanOrEqual(3);
      expect(await page.locator('[data-testid="lessons"] li').count()).toBeGreaterThanOrEqual(8);
      // At the end the truth is open: true satisfaction can be explained.
      await page.selectOption('[data-testid^="explain-"] [data-testid="explain-kpi"]', 'satisfaction');
      await check(page, `${shots}-3-debrief`);

      // The printed debrief: A4 pages, Chinese in a CJK font.
      await page.emulateMedia({ media: 'print' });
      await screenshot(page, `${shots}-4-print`);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      const file = join(ROOT, 'test-results', `debrief-${lang}.pdf`);
      writeFileSync(file, pdf);
      const info = pdfPages(pdf);
      expect(info.pages).toBeGreaterThanOrEqual(2);
      expect(info.pages).toBeLessThanOrEqual(30);
      expect(info.count).toBe(info.pages);
      expect(Math.abs(info.width - 595.3)).toBeLessThan(2);
      expect(Math.abs(info.height - 841.9)).toBeLessThan(2);
      expect(info.cjkFont).toBe(lang === 'zh-CN');
      await page.emulateMedia({ media: 'screen' });

      // CSV for Excel: BOM, a header and one row per quarter.
      const csv = await download(page, () => press(page, '[data-testid="export-csv"]'));
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = csv.bytes.toString('utf8').split('\r\n').filter((l) => l.length > 0);
      expect(lines).toHaveLength(7);
      if (lang === 'zh-CN') expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);

      // The run file of the branch verifies on the command line.
      const run = await download(page, () => press(page, '[data-testid="end-export"]'));
      const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'main.ts'), 'verify', run.path], { cwd: ROOT, encoding: 'utf8' });
      expect(out.length).toBeGreaterThan(0);

      // The original game is still saved beside the branch.
      await press(page, '[data-testid="nav-home"]');
      await waitForScreen(page, 'home');
      await page.waitForSelector('[data-testid="saves"] li');
      expect(await page.locator('[data-testid="saves"] li').count()).toBe(2);
      expect(await page.locator('[data-testid="saves"] li em').count()).toBe(1);
      await check(page, `${shots}-5-saves`);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
