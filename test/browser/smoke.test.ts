/**
 * Smoke test of the production build: the home screen comes up in both languages without
 * console errors, and passes axe's WCAG 2.2 AA rules. Screenshots go to test-results/screenshots.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axe, gotoApp, newPage, openBrowser, screenshot, type Lang } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each<Lang>(['en', 'zh-CN'])('home (%s)', (lang) => {
  test('becomes interactive without errors, in the browser language', async () => {
    const app = await newPage(browser, { lang });
    try {
      await gotoApp(app.page);
      const html = await app.page.evaluate(() => ({
        lang: document.documentElement.lang,
        screen: document.documentElement.dataset.screen,
        // The UI bench reads this mark; it must exist once home is interactive.
        marked: performance.getEntriesByName('home-interactive').length > 0,
      }));
      expect(html).toEqual({ lang, screen: 'home', marked: true });
      await screenshot(app.page, `home-${lang}`);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('has no WCAG 2.2 AA violations (axe)', async () => {
    const app = await newPage(browser, { lang });
    try {
      await gotoApp(app.page);
      expect(await axe(app.page)).toEqual([]);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
