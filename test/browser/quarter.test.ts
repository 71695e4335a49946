/**
 * The quarter screen from the decision catalogue, in the built app: each input takes the range
 * the engine takes (its limits this quarter included), a value out of range shows the engine's
 * reason beside the field and on the disabled advance button, in the learner's language (and
 * again in the other one after a switch), and the screen passes axe and fits at 1440x900 and
 * 1280x720 in English and in Chinese (screenshots kept). With one tier in use every screen calls
 * it all customers; back home the game's scenario stays selected and the file pickers speak
 * the page's language.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axe, gotoApp, newPage, openBrowser, screenshot, waitForScreen, type Lang } from './harness';
import { press, tabTo, typeInto } from './keyboard';
import { playQuarter, startBuiltin } from './play';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const REASONS: Record<Lang, { hours: RegExp; hoursAt: RegExp; hires: RegExp; notNumber: RegExp; negativeHires: RegExp; workload: RegExp }> = {
  en: {
    hours: /expected a number from 0 to 10,000, found 20,000/,
    hoursAt: /Service hours per customer · Platinum guests: expected a number from 0 to 10,000/,
    hires: /At most 320 people can be hired/,
    notNumber: /found no number/,
    negativeHires: /expected an integer from 0 to 320, found -3/,
    workload: /Expected workload \d+%/,
  },
  'zh-CN': {
    hours: /应为 0 到 10,000 之间的数字，实际为 20,000/,
    hoursAt: /每个客户的服务工时 · 铂金客户：应为 0 到 10,000 之间的数字/,
    hires: /每季度最多招聘 320 人/,
    notNumber: /实际为非数字/,
    negativeHires: /应为 0 到 320 之间的整数，实际为 -3/,
    workload: /预计工作负荷 \d+%/,
  },
};

describe.each<Lang>(['en', 'zh-CN'])('the quarter screen (%s)', (lang) => {
  test('inputs take the engine\'s ranges; the engine\'s reasons show beside the field in the learner\'s language; it fits and passes axe', async () => {
    const app = await newPage(browser, { lang });
    const { page } = app;
    try {
      await gotoApp(page, { lang });
      await startBuiltin(page, 'hotel', `quarter-${lang}`);
      await press(page, '[data-testid="begin"]');
      await waitForScreen(page, 'quarter');
      const acquisition = async () => {
        const xs = await page.$$eval('[data-testid^="lever-acquisitionSpend-"]', (es) => es.map((e) => Number((e as HTMLInputElement).value)));
        return xs.reduce((a, b) => a + b, 0);
      };
      const before = await acquisition();
      await page.selectOption('[data-testid="tier-count"]', '3');
      await page.waitForSelector('[data-testid="lever-serviceHours-2"]');
      // The new tiers share the tier budgets; they do not copy them (the plan's money is the same).
      expect(await acquisition()).toBeCloseTo(before, 6);
      expect(await page.textContent('[data-testid="expected-workload"]')).toMatch(REASONS[lang].workload);
      // The catalogue's ranges, and this quarter's limits (the hotel has 160 staff: at most 320 hires, 160 layoffs).
      const attrs = async (sel: string) => page.$eval(sel, (e) => [e.getAttribute('min'), e.getAttribute('max'), e.getAttribute('step')]);
      expect(await attrs('[data-testid="lever-serviceHours-0"]')).toEqual(['0', '10000', '0.5']);
      expect(await attrs('[data-testid="lever-priceIndex-1"]')).toEqual(['0.5', '1.5', '0.01']);
      expect(await attrs('[data-testid="hires"]')).toEqual(['0', '320', '1']);
      expect(await attrs('[data-testid="field-people.layoffs"]')).toEqual(['0', '160', '1']);
      expect(await page.$$eval('[data-testid="tier-count"] option', (o) => o.map((x) => x.getAttribute('value')))).toEqual(['1', '2', '3']);

      await typeInto(page, '[data-testid="lever-serviceHours-0"]', '20000');
      await typeInto(page, '[data-testid="hires"]', '400');
      await page.waitForSelector('[data-testid="advance"][disabled]');
      await page.waitForFunction(() => document.querySelectorAll('.field-error').length >= 2);
      const fieldError = (sel: string) => page.$eval(sel, (e) => e.closest('.field')?.querySelector('.field-error')?.textContent ?? '');
      expect(await fieldError('[data-testid="lever-serviceHours-0"]')).toMatch(REASONS[lang].hours);
      expect(await fieldError('[data-testid="hires"]')).toMatch(REASONS[lang].hires);
      const reasons = (await page.textContent('[data-testid="advance-reasons"]')) ?? '';
      // Beside the button each reason names its field.
      expect(reasons).toMatch(REASONS[lang].hoursAt);
      expect(reasons).toMatch(REASONS[lang].hires);
      for (const [w, h] of [[1440, 900], [1280, 720]] as const) {
        await page.setViewportSize({ width: w, height: h });
        // The page never scrolls sideways: wide tables scroll inside their card.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await screenshot(page, `quarter-${lang}-${w}x${h}`);
      }
      expect(await axe(page)).toEqual([]);

      // The other language: the same reasons, in it.
      const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
      await press(page, '[data-testid="lang-switch"]');
      await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-testid="advance-reasons"]')?.textContent ?? ''), REASONS[other].hours.source);
      expect(await fieldError('[data-testid="hires"]')).toMatch(REASONS[other].hires);

      // Text that is no number, and hires below 0: refused, and said so in this quarter's limits.
      await typeInto(page, '[data-testid="lever-priceIndex-1"]', 'x');
      await typeInto(page, '[data-testid="hires"]', '-3');
      await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-testid="advance-reasons"]')?.textContent ?? ''), REASONS[other].negativeHires.source);
      expect(await fieldError('[data-testid="lever-priceIndex-1"]')).toMatch(REASONS[other].notNumber);
      await typeInto(page, '[data-testid="lever-priceIndex-1"]', '1');
      // Back within range (and the budgets the new tiers copied dropped): the plan plays.
      await typeInto(page, '[data-testid="lever-serviceHours-0"]', '4');
      await typeInto(page, '[data-testid="hires"]', '0');
      for (const i of [1, 2]) await typeInto(page, `[data-testid="lever-acquisitionSpend-${i}"]`, '0');
      try {
        await page.waitForSelector('[data-testid="advance"]:not([disabled])', { timeout: 10_000 });
      } catch {
        throw new Error(`still refused: ${await page.textContent('[data-testid="advance-reasons"]')}`);
      }
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 120_000);
});

const ALL: Record<Lang, string> = { en: 'All customers', 'zh-CN': '所有客户' };
const TOP_TIER: Record<Lang, string> = { en: 'Key accounts', 'zh-CN': '关键客户' };
const CHOOSE: Record<Lang, string> = { en: 'Choose a file', 'zh-CN': '选择文件' };

describe.each<Lang>(['en', 'zh-CN'])('one tier in use (%s)', (lang) => {
  test('every customer is "all customers" on the quarter screen, the report, the database and the firm view, not the top tier; home keeps the game\'s scenario selected', async () => {
    const app = await newPage(browser, { lang });
    const { page } = app;
    try {
      await gotoApp(page, { lang });
      // The ad agency starts with one tier for all its clients.
      await startBuiltin(page, 'ad-agency', `one-tier-${lang}`);
      await press(page, '[data-testid="begin"]');
      await waitForScreen(page, 'quarter');
      const decisions = (await page.textContent('form.decisions')) ?? '';
      expect(decisions).toContain(ALL[lang]);
      expect(decisions).not.toContain(TOP_TIER[lang]);
      await playQuarter(page, 1);
      // The report's tables (its news may name the tiers in their own words).
      for (const table of ['section[aria-labelledby="tiers-title"]', 'section[aria-labelledby="mig-title"]']) {
        const text = (await page.textContent(table)) ?? '';
        expect(text).toContain(ALL[lang]);
        expect(text).not.toContain(TOP_TIER[lang]);
      }
      await press(page, '[data-testid="open-database"]');
      await waitForScreen(page, 'database');
      await page.waitForSelector('[data-testid="customer-grid"] [role="row"] [role="gridcell"]');
      const tiers = await page.$$eval('[data-testid="customer-grid"] [role="row"] [role="gridcell"]:nth-child(2)', (cs) => [...new Set(cs.map((c) => c.textContent))]);
      expect(tiers.length).toBeGreaterThan(0);
      for (const x of tiers) expect([ALL[lang], lang === 'en' ? 'Lapsed' : '流失']).toContain(x);
      await press(page, '[data-testid="nav-firm"]');
      await waitForScreen(page, 'firm');
      await page.locator('[data-testid="firm-summary"] h3').first().waitFor({ timeout: 30_000 });
      for (const part of ['.firm-labels', '[data-testid="firm-summary"]']) {
        const text = (await page.textContent(part)) ?? '';
        expect(text).toContain(ALL[lang]);
        expect(text).not.toContain(TOP_TIER[lang]);
      }
      await screenshot(page, `one-tier-${lang}-firm`);

      // Back home, the scenario of the game stays selected (it does not jump back to the tutorial).
      await press(page, '[data-testid="nav-home"]');
      await waitForScreen(page, 'home');
      expect(await page.getAttribute('[data-testid="scenario-ad-agency"]', 'aria-pressed')).toBe('true');
      expect(await page.getAttribute('[data-testid="scenario-tutorial"]', 'aria-pressed')).toBe('false');
      // The file pickers speak the page's language: the browser's own input is hidden under our label, and still reached by Tab.
      expect(await page.textContent('label[for="scenario-file"]')).toContain(CHOOSE[lang]);
      expect(await page.$eval('#scenario-file', (el) => getComputedStyle(el).opacity)).toBe('0');
      await tabTo(page, '#scenario-file');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby')?.split(' ').map((id) => document.getElementById(id)?.textContent).join(' '))).toContain(CHOOSE[lang]);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 120_000);
});
