/**
 * Issue 15, the scenario workbench: an instructor opens a template, writes in the editor (key
 * completion from the schema, hover docs in the page's language), breaks the draft in the form and
 * sees the loader's error inline at its line and in the list, mends it in the editor from the
 * list's "go to" button, adds an event and a cookbook recipe, sees the preview follow the budget,
 * saves the file with its `$schema`, finds the draft again after a reload, runs the lab on every
 * core with progress, and play-tests the draft from quarter 3. Axe clean and screenshots at
 * 1440x900 and 1280x720, in English and in Chinese.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axe, gotoApp, newPage, openBrowser, screenshot, SCREENSHOTS, waitForHtml, waitForScreen, type Lang } from './harness';
import { press, tabTo, typeInto } from './keyboard';
import { download } from './checks';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const loads = (page: Page, state: 'yes' | 'no', timeout = 20_000) => page.waitForSelector(`[data-testid="workbench"][data-loads="${state}"]`, { timeout });
const count = (page: Page, sel: string) => page.locator(sel).count();

describe.each<[Lang, RegExp, string]>([
  ['en', /Stable scenario id/, 'Add “A price war” to the draft'],
  ['zh-CN', /情景/, '把“价格战”加入草稿'],
])('the scenario workbench (%s)', (lang, idDoc, addRecipe) => {
  test('write, break and mend a draft in the editor and the form, preview it, save it, lab it, play-test it', async () => {
    const app = await newPage(browser, { lang });
    const { page } = app;
    try {
      await gotoApp(page, { lang });
      await press(page, '[data-testid="open-workbench"]');
      await waitForScreen(page, 'workbench');
      // The first visit opens the first built-in as a template; it loads.
      await loads(page, 'yes');
      expect(await page.inputValue('[data-testid="wb-name"]')).toBe('tutorial-copy.json');
      const budget0 = await page.textContent('[data-testid="wb-budget"]');

      // Editor: completion of a key the root object lacks, from the schema.
      await page.click('.cm-content');
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('"mar');
      await page.keyboard.press('Control+Space');
      await page.waitForSelector('.cm-tooltip-autocomplete li:has-text("\\"market\\"")', { timeout: 5000 });
      await page.screenshot({ path: `${SCREENSHOTS}/workbench-complete-${lang}.png` });
      await page.keyboard.press('Escape');
      // Half a key breaks the JSON: the loader says so, inline and in the list, and the form waits.
      await loads(page, 'no');
      expect(await count(page, '.cm-lintRange-error')).toBeGreaterThan(0);
      expect(await count(page, '[data-testid="wb-error"]')).toBeGreaterThan(0);
      for (let k = 0; k < 4 && (await page.getAttribute('[data-testid="workbench"]', 'data-loads')) !== 'yes'; k++) {
        await page.click('.cm-content');
        await page.keyboard.press('Control+z');
        await page.waitForTimeout(400);
      }
      await loads(page, 'yes');
      expect(await count(page, '[data-testid="wb-error"]')).toBe(0);

      // Hover docs: what a key means, in the page's language.
      const box = await page.evaluate(() => {
        // Where the key `"id"` is drawn: a range over its text in the editor's lines.
        const walker = document.createTreeWalker(document.querySelector('.cm-content')!, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = n.textContent!.indexOf('"id"');
          if (at < 0) continue;
          const r = document.createRange();
          r.setStart(n, at + 1);
          r.setEnd(n, at + 3);
          const b = r.getBoundingClientRect();
          return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
        return null;
      });
      expect(box).not.toBeNull();
      await page.mouse.move(box!.x, box!.y);
      const hover = await page.waitForSelector('.cm-tooltip-hover .wb-hover', { timeout: 5000 });
      expect(await hover.textContent()).toMatch(idDoc);
      await page.screenshot({ path: `${SCREENSHOTS}/workbench-hover-${lang}.png` });
      await page.mouse.move(5, 5);

      // Form: the budget goes into the text, and the preview follows.
      await press(page, '[data-testid="wb-tab-editor"]', 'ArrowRight');
      await page.waitForSelector('[data-testid="wb-form"]');
      await typeInto(page, '[data-path="firm.budget.base"]', '123456');
      await page.waitForFunction((b) => document.querySelector('[data-testid="wb-budget"]')?.textContent !== b, budget0, { timeout: 10_000 });
      expect(await page.textContent('[data-testid="wb-budget"]')).toMatch(/123,456/);
      // An impossible number of quarters: the error appears, with its line; going there mends it in the editor.
      await typeInto(page, '[data-path="rounds"]', '99');
      await loads(page, 'no');
      const err = page.locator('[data-testid="wb-error"]').first();
      expect(await err.textContent()).toContain('rounds');
      await err.locator('button').click();
      await page.waitForSelector('[data-testid="wb-tab-editor"][aria-selected="true"]');
      expect(await count(page, '.cm-lintRange-error')).toBeGreaterThan(0);
      // The cursor is at the value: select it and type a good one.
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type('8');
      await loads(page, 'yes');
      expect(await count(page, '[data-testid="wb-error"]')).toBe(0);
      expect(await count(page, '.cm-lintRange-error')).toBe(0);

      // An event from the form, and a recipe from the guide's cookbook.
      await press(page, '[data-testid="wb-tab-editor"]', 'ArrowRight');
      const events = await count(page, '[data-testid="wb-event"]');
      await press(page, '[data-testid="wb-add-event"]');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="wb-event"]').length === n + 1, events);
      await loads(page, 'yes');
      await press(page, '[data-testid="wb-guide-open"]');
      await page.waitForSelector('[data-testid="wb-guide"]');
      await page.getByRole('button', { name: addRecipe }).click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="wb-card"]').length > 0);
      await loads(page, 'yes');
      await press(page, '[data-testid="wb-guide-open"]');

      for (const [w, h] of [[1440, 900], [1280, 720]] as const) {
        await page.setViewportSize({ width: w, height: h });
        await screenshot(page, `workbench-${lang}-${w}x${h}`);
      }
      expect(await axe(page), 'axe on the workbench').toEqual([]);

      // Save as a file: the draft with its $schema, the form's budget in it.
      const saved = await download(page, () => press(page, '[data-testid="wb-save"]'));
      const doc = JSON.parse(saved.text) as { $schema: string; firm: { budget: { base: number } }; events: { id: string }[] };
      expect(doc.$schema).toBe('./scenario.schema.json');
      expect(doc.firm.budget.base).toBe(123456);
      expect(doc.events.map((e) => e.id)).toEqual(expect.arrayContaining(['new-event', 'price-war']));

      // A reload keeps the draft.
      await page.reload({ waitUntil: 'load' });
      await waitForHtml(page, '[data-ready="home"]');
      await press(page, '[data-testid="open-workbench"]');
      await loads(page, 'yes');
      expect(await page.textContent('[data-testid="wb-budget"]')).toMatch(/123,456/);

      // Another template: the draft is not thrown away without asking.
      await tabTo(page, '[data-testid="wb-template"]');
      await page.selectOption('[data-testid="wb-template"]', 'hotel');
      await press(page, '[data-testid="wb-open-template"]');
      await press(page, '[data-testid="wb-replace"]');
      await page.waitForFunction(() => (document.querySelector('[data-testid="wb-name"]') as HTMLInputElement | null)?.value === 'hotel-copy.json');
      await loads(page, 'yes');
      expect(await page.textContent('[data-testid="wb-customers"]')).toMatch(/3,000/);

      // The lab, on every core, with progress, then the strategies and the flags.
      await typeInto(page, '[data-testid="wb-lab-seeds"]', '2');
      await press(page, '[data-testid="wb-lab-run"]');
      await page.waitForSelector('[data-testid="wb-lab-progress"] progress', { timeout: 20_000 });
      await page.waitForSelector('[data-testid="wb-lab-report"]', { timeout: 180_000 });
      expect(await count(page, '[data-testid="wb-lab-table"] tbody tr')).toBe(5);
      expect((await count(page, '[data-testid="wb-lab-flags"] li')) + (await count(page, '[data-testid="wb-lab-noflags"]'))).toBeGreaterThan(0);
      expect(await axe(page, '[data-testid="wb-lab"]'), 'axe on the lab').toEqual([]);
      await screenshot(page, `workbench-lab-${lang}`);

      // Play-test from quarter 3: two quarters played by value-based, the third to decide.
      await typeInto(page, '[data-testid="wb-from"]', '3');
      await tabTo(page, '[data-testid="wb-playtest"]');
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'quarter', 60_000);
      await waitForHtml(page, '[data-round="2"]');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 400_000);
});

test('the lab in the page uses one worker per core', async () => {
  const app = await newPage(browser);
  const { page } = app;
  try {
    await gotoApp(page);
    await press(page, '[data-testid="open-workbench"]');
    await loads(page, 'yes');
    await typeInto(page, '[data-testid="wb-lab-seeds"]', '1');
    await press(page, '[data-testid="wb-lab-run"]');
    const progress = await page.waitForSelector('[data-testid="wb-lab-progress"]', { timeout: 20_000 });
    await page.waitForFunction(() => /on [1-9]/.test(document.querySelector('[data-testid="wb-lab-progress"]')?.textContent ?? ''));
    const cores = await page.evaluate(() => navigator.hardwareConcurrency || 2);
    expect(await progress.textContent()).toContain(`on ${cores} workers`);
    await page.waitForSelector('[data-testid="wb-lab-report"]', { timeout: 180_000 });
    expect(app.errors).toEqual([]);
  } finally {
    await app.close();
  }
}, 240_000);
