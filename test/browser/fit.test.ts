/**
 * Every screen fits (STYLE.md habit 13) in the production build, in English and in Chinese, at
 * 1440x900, 1280x720 and a phone's 390x844: the page never scrolls sideways, no table or chart
 * reaches past its card unless it scrolls inside it, no label is cut short, the header is one
 * row on a wide window, and a phone's controls are 44 px touch targets. One game of the tutorial
 * per language visits home, the briefing, a quarter, its report, the firm view, the database,
 * the chain, a "what if" beside its game, and the debrief; each at the three sizes is kept as
 * a screenshot (test-results/screenshots/fit-<lang>-<screen>-<w>x<h>.png). On a window the firm
 * view's picture is wholly in view below its controls; axe runs on every screen on the phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS, axe, gotoApp, newPage, openBrowser, screenshot, waitForScreen, type Lang, type Screen } from './harness';
import { press, typeInto } from './keyboard';
import { layoutProblems } from './layout';
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
  [390, 844],
] as const;

/** The tutorial's choice card of quarter 4, as the button's reason names it. */
const CARD_TITLE: Record<Lang, string> = { en: 'Friday night: a client\'s server is down', 'zh-CN': '周五深夜：客户服务器宕机' };

/** Two frames and a little time: charts measure their width (ResizeObserver) and draw again. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  await page.waitForTimeout(150);
}

describe.each<Lang>(['en', 'zh-CN'])('every screen fits (%s)', (lang) => {
  test('home, briefing, quarter, report, firm, database, chain, timelines and end at 1440x900, 1280x720 and 390x844', async () => {
    const app = await newPage(browser, { lang });
    const { page } = app;
    const problems: string[] = [];
    /** Checks the screen in front at every size (axe on the phone) and keeps a screenshot of each. */
    const fits = async (screen: Screen): Promise<void> => {
      for (const [width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        await settle(page);
        const found = await layoutProblems(page, { oneRowHeader: width >= 1280, touchTargets: width < 600 });
        problems.push(...found.map((p) => `${screen} at ${width}x${height}: ${p}`));
        if (screen === 'firm' && width >= 1280) {
          // The whole picture is in the window with the controls above it.
          const bottom = await page.$eval('[data-testid="firm-stage"]', (el) => el.getBoundingClientRect().bottom + window.scrollY);
          if (bottom > height) problems.push(`firm at ${width}x${height}: the picture ends at ${Math.round(bottom)} px, below the window`);
        }
        await screenshot(page, `fit-${lang}-${screen}-${width}x${height}`);
      }
      const violations = await axe(page);
      problems.push(...violations.map((v) => `${screen} at 390x844: axe ${v.id} (${v.count}): ${v.targets.join(', ')}`));
      await page.setViewportSize({ width: 1440, height: 900 });
    };
    const open = async (screen: Screen): Promise<void> => {
      await press(page, `[data-testid="nav-${screen}"]`);
      await waitForScreen(page, screen);
    };
    try {
      // The firm view opens on the quarter's end (no animation to wait for).
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.setViewportSize({ width: 1440, height: 900 });
      await gotoApp(page, { lang });
      await fits('home');
      await startBuiltin(page, 'tutorial', `fit-${lang}`);
      await fits('briefing');
      await press(page, '[data-testid="begin"]');
      await waitForScreen(page, 'quarter');
      await playQuarter(page, 1);
      await carryOn(page);
      // Quarter 2 opens research: a survey of every tier with NPS, so the report has its widest tables.
      await waitForScreen(page, 'quarter');
      for (const i of [0, 1, 2]) await typeInto(page, `[data-testid="survey-${i}"]`, '40');
      await page.check('fieldset:has([data-testid="employee-survey"]) input[type="checkbox"]:not([data-testid])');
      await playQuarter(page, 2);
      await page.waitForSelector('[data-testid="survey"]');
      await fits('report');
      await open('firm');
      await page.locator('[data-testid="firm-summary"] h3').first().waitFor({ timeout: 30_000 });
      await fits('firm');
      await open('database');
      await page.waitForSelector('[data-testid="customer-grid"] [role="row"]');
      await fits('database');
      await open('chain');
      await fits('chain');
      await open('report');
      await press(page, '[data-testid="what-if"]');
      await waitForScreen(page, 'quarter');
      await playQuarter(page, 2);
      await open('timelines');
      await page.waitForSelector('[data-testid="timelines-table"] tbody tr');
      await fits('timelines');
      await open('report');
      for (let r = 3; r <= 6; r++) {
        await carryOn(page);
        await waitForScreen(page, 'quarter');
        if (r === 4) {
          // A choice card comes unanswered: no option picked, the quarter waits and says for which card.
          await page.waitForSelector('[data-testid="card-server-crash"]');
          expect(await page.$$eval('[name="card-server-crash"]', (rs) => rs.filter((r) => (r as HTMLInputElement).checked).length)).toBe(0);
          expect(await page.getAttribute('[data-testid="advance"]', 'disabled')).not.toBeNull();
          expect(await page.textContent('[data-testid="unanswered-server-crash"]')).toContain(CARD_TITLE[lang]);
          await fits('quarter');
        }
        await playQuarter(page, r);
      }
      await carryOn(page);
      await waitForScreen(page, 'end');
      await page.waitForSelector('[data-testid="scorecard"]');
      await page.waitForSelector('[data-testid="whale"] svg', { timeout: 60_000 });
      await page.waitForSelector('[data-testid="top-decisions"]', { timeout: 60_000 });
      await fits('end');
      writeFileSync(join(SCREENSHOTS, `fit-${lang}-problems.txt`), problems.join('\n'));
      expect(problems).toEqual([]);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 240_000);
});
