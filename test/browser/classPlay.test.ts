/**
 * Issue 15, a student's side of a class: the home screen takes a class code and a name; the
 * code is the seed and sets the class's variant of the scenario; the save resumes as the class's
 * game; the exported run file records code, player and the variant, and the instructor's
 * `npm run sim -- class` verifies it as a game of the class. A code of the wrong shape blocks
 * Start and says why, in both languages.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { classVariant } from '../../src/scenario/classCode';
import { loadScenario } from '../../src/scenario/load';
import { axe, gotoApp, newPage, openBrowser, screenshot, waitForScreen, type Lang } from './harness';
import { press, typeInto } from './keyboard';
import { carryOn, playQuarter } from './play';
import { download } from './checks';
import { ROOT } from './server';
import { readFileSync } from 'node:fs';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const tutorial = loadScenario(readFileSync(join(ROOT, 'scenarios/tutorial.json'), 'utf8'), 'tutorial.json');

describe('a class game', () => {
  test('class code and name on the home screen; the saved game resumes as the class\'s; its run file verifies as a game of the class', async () => {
    if (!tutorial.ok) throw new Error('the tutorial does not load');
    const app = await newPage(browser, { lang: 'en' });
    const { page } = app;
    try {
      await gotoApp(page, { lang: 'en' });
      await press(page, '[data-testid="scenario-tutorial"]');
      await typeInto(page, '[data-testid="class-code"]', 'crm-2026-a');
      await typeInto(page, '[data-testid="player"]', 'Li Wei');
      // The seed is the class code, and cannot be typed over.
      expect(await page.inputValue('#seed')).toBe('CRM-2026-A');
      expect(await page.isDisabled('#seed')).toBe(true);
      await screenshot(page, 'class-home-en');
      expect(await axe(page), 'axe on the home screen with a class code').toEqual([]);
      await press(page, '[data-testid="start"]');
      await waitForScreen(page, 'briefing');
      await press(page, '[data-testid="begin"]');
      await playQuarter(page, 1);
      await carryOn(page);
      const h2 = await playQuarter(page, 2);

      // Reloaded, the save says whose class game it is, and resumes to the same quarter.
      await page.reload();
      await page.waitForSelector('[data-testid="save-0"]');
      expect(await page.textContent('[data-testid="save-0"]')).toContain('class CRM-2026-A · Li Wei');
      await press(page, '[data-testid="resume-0"]');
      await waitForScreen(page, 'quarter');
      await press(page, '[data-testid="nav-report"]');
      await waitForScreen(page, 'report');
      expect((await page.textContent('[data-testid="state-hash"]'))!.trim()).toBe(h2);

      const { path, text } = await download(page, () => press(page, '[data-testid="export"]'));
      const run = JSON.parse(text) as { seed: string; classCode: string; player: string; overrides: string[]; scenario: { id: string } };
      expect(run).toMatchObject({ seed: 'CRM-2026-A', classCode: 'CRM-2026-A', player: 'Li Wei', scenario: { id: 'tutorial' } });
      expect(run.overrides).toEqual(classVariant(tutorial.variants, 'CRM-2026-A'));
      expect(run.overrides.length).toBeGreaterThan(0);
      const folder = mkdtempSync(join(tmpdir(), 'crm-class-'));
      copyFileSync(path, join(folder, 'li-wei.json'));
      const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'main.ts'), 'class', folder, '--class', 'CRM-2026-A', '--json', '--workers', '1'], { cwd: ROOT, encoding: 'utf8' });
      const graded = JSON.parse(out) as { files: { player: string; status: string; rank: number }[] };
      expect(graded.files).toEqual([expect.objectContaining({ player: 'Li Wei', status: 'verified', rank: 1 })]);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test.each<[Lang, string]>([['en', 'A class code has 2 to 40 letters'], ['zh-CN', '班级代码须为 2 到 40 个']])('a class code of the wrong shape blocks Start and says why (%s)', async (lang, words) => {
    const app = await newPage(browser, { lang });
    const { page } = app;
    try {
      await gotoApp(page, { lang });
      await press(page, '[data-testid="scenario-tutorial"]');
      await typeInto(page, '[data-testid="class-code"]', 'no spaces please');
      expect(await page.isDisabled('[data-testid="start"]')).toBe(true);
      expect(await page.textContent('[data-testid="start-why"]')).toContain(words);
      await screenshot(page, `class-blocked-${lang}`);
      expect(await axe(page)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
