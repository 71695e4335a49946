/**
 * The accounts a teacher checks, in the production build, in English and in Chinese: the
 * report's books from the tiers' profit to operating profit add up as shown and end at the
 * money section's operating profit; the database counts active and lapsed customers apart
 * (the active ones are the report's customers) and an initial customer's record shows the
 * quarters before the game that its last-4-quarters revenue counts; the debrief's books (the
 * whole game and the last quarter) add up; each screen fits at 1440x900 and 1280x720 and
 * passes axe. Screenshots in test-results/screenshots/books-*.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axe, gotoApp, newPage, openBrowser, screenshot, waitForScreen, type Lang } from './harness';
import { press } from './keyboard';
import { carryOn, playQuarter, startBuiltin } from './play';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SIZES = [
  [1440, 900],
  [1280, 720],
] as const;

/** Axe, no sideways scroll, and a screenshot at each size. */
async function look(page: Page, name: string): Promise<void> {
  for (const [w, h] of SIZES) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(150);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways, `${name} at ${w}x${h} scrolls sideways`).toBeLessThanOrEqual(0);
    await screenshot(page, `${name}-${w}`);
  }
  expect(await axe(page), `axe on ${name}`).toEqual([]);
}

/** A books table's rows: their kind and the whole figure shown. */
async function bridge(page: Page, testId: string): Promise<{ row: string; value: number }[]> {
  return page.$$eval(`[data-testid="${testId}"] tbody tr`, (trs) =>
    trs.map((tr) => ({ row: tr.getAttribute('data-row') ?? '', value: Number(tr.querySelector('td')!.getAttribute('data-value')) })),
  );
}

/** The figures shown add up: tiers to their sum, their sum and the lines to operating profit. */
function addsUp(rows: { row: string; value: number }[]): number {
  const sum = (xs: { value: number }[]) => xs.reduce((a, b) => a + b.value, 0);
  const tiers = rows.filter((r) => /^t\d$/.test(r.row));
  const customers = rows.find((r) => r.row === 'customers')!;
  const op = rows.at(-1)!;
  expect(op.row).toBe('operatingProfit');
  if (tiers.length > 0) expect(sum(tiers)).toBe(customers.value);
  const lines = rows.slice(rows.indexOf(customers) + 1, -1);
  expect(lines.length).toBeGreaterThan(0);
  expect(customers.value + sum(lines)).toBe(op.value);
  return op.value;
}

/** Whole numbers in a text, in order (thousands separators dropped; a minus sign kept). */
const numbers = (s: string): number[] => [...s.replace(/(\d),(?=\d{3})/g, '$1').matchAll(/[−-]?\d+(?:\.\d+)?/g)].map((m) => Number(m[0].replace('−', '-')));

describe.each<[Lang]>([['en'], ['zh-CN']])('the books (%s)', (lang) => {
  test('report, database and debrief: every column adds up, the counts agree, and each screen fits', async () => {
    const app = await newPage(browser, { lang });
    const { page } = app;
    try {
      await gotoApp(page, { lang });
      // One seed for both languages: the same game, read in each.
      await startBuiltin(page, 'ad-agency', 'books-en');
      await press(page, '[data-testid="begin"]');
      await waitForScreen(page, 'quarter');
      await page.selectOption('[data-testid="tier-count"]', '3');
      await page.waitForSelector('[data-testid="lever-serviceHours-2"]');
      await playQuarter(page, 1);

      // The report: the tiers' profit, the lines of the books, operating profit as the money section shows it.
      await page.waitForSelector('[data-testid="bridge-table"]');
      const rows = await bridge(page, 'bridge-table');
      expect(rows.filter((r) => /^t\d$/.test(r.row)).length).toBe(3);
      const op = addsUp(rows);
      const moneyOp = await page.evaluate(() => {
        const th = [...document.querySelectorAll('th')].find((x) => /Operating profit|营业利润/.test(x.textContent ?? '') && x.closest('[aria-labelledby="money-title"]'));
        return th?.parentElement?.querySelector('td')?.textContent ?? '';
      });
      expect(moneyOp).not.toBe('');
      await page.evaluate(() => document.querySelector('[data-testid="report-bridge"]')!.scrollIntoView());
      await look(page, `books-${lang}-report`);
      expect(Math.sign(op)).toBe(moneyOp.includes('−') || moneyOp.includes('-') ? -1 : 1);

      // The database: active and lapsed apart; the active ones are the report's customers.
      const customers = numbers((await page.textContent('[data-testid="kpi-customers"] .kpi-value'))!)[0]!;
      await press(page, '[data-testid="open-database"]');
      await waitForScreen(page, 'database');
      await page.waitForSelector('.db-row[data-pos="0"]');
      const [total, active, lapsed] = numbers((await page.textContent('.db-count'))!);
      expect(active).toBe(customers);
      expect(active! + lapsed!).toBe(total);
      expect(lapsed).toBeGreaterThan(0);
      // The customer with the most revenue over the last 4 quarters, an initial one: three quarters before the game count.
      await page.click('.db-row[data-pos="0"]');
      await page.waitForSelector('[data-testid="record-before"]');
      const trailing = numbers((await page.textContent('.db-figures div:first-child dd'))!)[0]!;
      const history = await page.$$eval('.db-history tbody tr td.num', (tds) => tds.map((td) => td.textContent ?? ''));
      expect(history.length).toBe(4);
      const last4 = history.map((x) => numbers(x)[0] ?? 0).reduce((a, b) => a + b, 0);
      // Whole units shown: the sum of the rows is the figure within a unit per row.
      expect(Math.abs(last4 - trailing)).toBeLessThanOrEqual(4);
      const since = numbers((await page.textContent('.db-figures div:nth-child(4) dd'))!)[0]!;
      expect(since).toBeLessThan(trailing);
      await look(page, `books-${lang}-database`);
      await page.keyboard.press('Escape');

      // On to the end with the same plan.
      await page.waitForSelector('dialog.db-record', { state: 'detached' });
      await press(page, '[data-testid="nav-quarter"]');
      await waitForScreen(page, 'quarter');
      for (let q = 2; q <= 12; q++) {
        await playQuarter(page, q);
        if (q < 12) {
          await carryOn(page);
          await waitForScreen(page, 'quarter');
        }
      }
      await carryOn(page);
      await waitForScreen(page, 'end');
      await page.waitForSelector('[data-testid="top-decisions"] li', { timeout: 90_000 });
      await page.waitForSelector('[data-testid="lessons"] li');
      await page.waitForSelector('[data-testid="whale"] svg');
      addsUp(await bridge(page, 'bridge-game'));
      const lastRows = await bridge(page, 'bridge-last');
      addsUp(lastRows);
      expect(lastRows.filter((r) => /^t\d$/.test(r.row)).length).toBe(3);
      expect(await page.locator('[data-testid="top-objectives"]').count()).toBe(1);
      expect(await page.locator('[data-testid="survey-scale"]').count()).toBeGreaterThan(0);
      for (const v of await page.$$eval('[data-testid="lessons"] > li', (lis) => lis.map((li) => li.getAttribute('data-verdict'))))
        expect(['shown', 'partly', 'broken', 'notTested']).toContain(v);
      await page.evaluate(() => window.scrollTo(0, 0));
      await look(page, `books-${lang}-end`);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 400_000);
});
