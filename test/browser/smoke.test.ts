/**
 * Smoke test of the production build: the home screen comes up in both languages without
 * console errors, and passes axe's WCAG 2.2 AA rules. Screenshots go to test-results/screenshots.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fmtNumber } from '../../src/ui/format';
import { intlOptions, wholeNumbers } from '../ui/wholeNumbers';
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

  // The app writes whole numbers itself (src/ui/format.ts, so that home never waits for ICU);
  // the unit test holds it to Node's Intl, this to the browser's, whose ICU may be another version.
  test('whole numbers read exactly as the browser\'s Intl writes them', async () => {
    const values = wholeNumbers(1000);
    const app = await newPage(browser, { lang });
    try {
      await gotoApp(app.page);
      const intl = await app.page.evaluate(
        ([vs, lang, fullOpts, compactOpts]) => {
          const full = new Intl.NumberFormat(lang, fullOpts);
          const compact = new Intl.NumberFormat(lang, compactOpts);
          return vs.map((x) => [full.format(x), Math.abs(x) >= 10_000 ? compact.format(x) : full.format(x)]);
        },
        [values, lang, intlOptions(false), intlOptions(true)] as const,
      );
      expect(values.map((x) => [fmtNumber(x, lang, { full: true }), fmtNumber(x, lang)])).toEqual(intl);
    } finally {
      await app.close();
    }
  });

  // vite.config.ts's compile hint: the entry and every script it imports statically (the page's
  // module script and its preloads) open with it, so Chromium compiles them as they stream in;
  // the screens that load later do not carry it.
  test('the first bundle opens with the compile hint; the lazy screens do not', async () => {
    const app = await newPage(browser, { lang });
    try {
      await gotoApp(app.page);
      // As index.html names them (the page adds preloads of its own for later imports).
      const html = await (await fetch(new URL('index.html', app.page.url()))).text();
      const scripts = [...html.matchAll(/<(?:script type="module"[^>]*\bsrc|link rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => new URL(m[1]!, app.page.url()).href);
      expect(scripts.length).toBeGreaterThan(3);
      const opening = async (url: string) => (await (await fetch(url)).text()).slice(0, 40);
      for (const url of scripts) expect(await opening(url), url).toMatch(/^\/\/# allFunctionsCalledOnLoad\n/);
      const lazy = await app.page.evaluate(async () => {
        // A screen's chunk the app imports later (the report), found through the entry's preload list.
        const entry = [...document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')][0]!.src;
        const text = await (await fetch(entry)).text();
        const name = /ReportScreen-[\w-]+\.js/.exec(text)?.[0];
        return name ? new URL(`assets/${name}`, location.href).href : null;
      });
      expect(lazy).not.toBeNull();
      expect(await opening(lazy!)).not.toContain('allFunctionsCalledOnLoad');
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
