/**
 * Issue 15, the instructor's side: the class results screen grades a folder's files in grading
 * workers (one per core) as `npm run sim -- class` does: honest games verified and ranked, a
 * copy named as one with whose decisions it shares, a false claim tampered, another class's game
 * and a broken file said to be so; the gradebook downloads with a byte-order mark and headers in
 * the page's language; axe clean, in English and in Chinese.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axe, gotoApp, newPage, openBrowser, screenshot, SCREENSHOTS, waitForScreen, type Lang } from './harness';
import { press, typeInto } from './keyboard';
import { download } from './checks';
import { ROOT } from './server';

let browser: Browser;
let dir: string;
const FILES = ['a-li.json', 'b-wang.json', 'c-copy.json', 'd-tampered.json', 'e-other.json', 'f-broken.json', 'g-zhao.json', 'h-chen.json', 'i-liu.json'];

beforeAll(async () => {
  browser = await openBrowser();
  dir = mkdtempSync(join(tmpdir(), 'crm-grade-'));
  const cli = (...args: string[]) => execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  cli('run', 'tutorial', '--class', 'CRM-2026-A', '--player', 'Li Wei', '--policy', 'value-based', '--save', join(dir, 'a-li.json'));
  cli('run', 'tutorial', '--class', 'CRM-2026-A', '--player', '王芳', '--policy', 'uniform', '--save', join(dir, 'b-wang.json'));
  cli('run', 'tutorial', '--class', 'CRM-2026-B', '--player', 'Zhang', '--policy', 'value-based', '--save', join(dir, 'e-other.json'));
  cli('run', 'tutorial', '--class', 'CRM-2026-A', '--player', 'Zhao', '--policy', 'cost-cutter', '--save', join(dir, 'g-zhao.json'));
  cli('run', 'tutorial', '--class', 'CRM-2026-A', '--player', 'Chen', '--policy', 'discounter', '--save', join(dir, 'h-chen.json'));
  cli('run', 'tutorial', '--class', 'CRM-2026-A', '--player', 'Liu', '--policy', 'random', '--save', join(dir, 'i-liu.json'));
  const a = JSON.parse(readFileSync(join(dir, 'a-li.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'c-copy.json'), JSON.stringify({ ...a, player: 'Copycat' }, null, 2));
  const b = JSON.parse(readFileSync(join(dir, 'b-wang.json'), 'utf8')) as { claim: { score: number } } & Record<string, unknown>;
  writeFileSync(join(dir, 'd-tampered.json'), JSON.stringify({ ...b, player: 'Cheater', claim: { ...b.claim, score: b.claim.score + 10 } }, null, 2));
  writeFileSync(join(dir, 'f-broken.json'), '{"format": "crm-sandbox-run"');
}, 240_000);
afterAll(async () => {
  await browser?.close();
});

describe.each<[Lang, string, string, string]>([
  ['en', 'player,class,status,score,rank', 'copy', 'same decisions as Li Wei'],
  ['zh-CN', '玩家,班级,状态,得分,名次', '抄袭', '与 Li Wei 的决策相同'],
])('class results (%s)', (lang, headers, copyWord, copyNote) => {
  test('grade a folder: verified and ranked, a copy, a tampered file, another class, a broken file; the gradebook downloads', async () => {
    const app = await newPage(browser, { lang });
    const { page } = app;
    try {
      await gotoApp(page, { lang });
      await press(page, '[data-testid="open-class-results"]');
      await waitForScreen(page, 'classResults');
      // Nothing chosen yet: Grade says why it waits.
      expect(await page.isDisabled('[data-testid="grade"]')).toBe(true);
      await typeInto(page, '[data-testid="grade-code"]', 'crm-2026-a');
      await page.setInputFiles('#grade-files', FILES.map((f) => join(dir, f)));
      await press(page, '[data-testid="grade"]');
      await page.waitForSelector('[data-testid="grade-done"]', { timeout: 120_000 });
      const status = async (file: string) => page.getAttribute(`[data-testid="grade-row"][data-file="${file}"]`, 'data-status');
      expect(await status('a-li.json')).toBe('copy');
      expect(await status('b-wang.json')).toBe('verified');
      expect(await status('c-copy.json')).toBe('copy');
      expect(await status('d-tampered.json')).toBe('tampered');
      expect(await status('e-other.json')).toBe('foreign-class');
      expect(await status('f-broken.json')).toBe('invalid');
      for (const f of ['g-zhao.json', 'h-chen.json', 'i-liu.json']) expect(await status(f)).toBe('verified');
      expect(await page.textContent('[data-testid="grade-row"][data-file="c-copy.json"]')).toContain(copyNote);
      expect(await page.textContent('[data-testid="grade-row"][data-file="c-copy.json"]')).toContain(copyWord);
      expect(await page.textContent('[data-testid="grade-row"][data-file="f-broken.json"]')).toMatch(/f-broken\.json.*JSON/);
      // Ranked by score: the first row is rank 1, and only the standing games have ranks.
      const firstRank = await page.textContent('[data-testid="grade-row"] td');
      expect(firstRank?.trim()).toBe('1');
      // One grading worker per core (at most one per file).
      const cores = await page.evaluate(() => navigator.hardwareConcurrency || 2);
      expect(Number(await page.getAttribute('[data-testid="grade-done"]', 'data-workers'))).toBe(Math.min(cores, FILES.length));
      // The distribution with the reference strategies played on the class's world, and what separated the top from the bottom.
      await page.waitForSelector('[data-testid="class-distribution"][data-ghosts="4"]', { timeout: 60_000 });
      expect(await page.locator('[data-testid="class-separators"] li').count()).toBe(3);
      expect(await page.textContent('[data-testid="class-beat"]')).toMatch(/\d/);
      // Each student's decisions: one row per decision, one column per quarter.
      expect(await page.locator('[data-testid="class-decisions"] thead th').count()).toBe(1 + 6);
      await screenshot(page, `class-results-${lang}`);
      // The projector view for the debrief: opens, passes axe, and Escape closes it.
      await press(page, '[data-testid="class-projector-open"]');
      await page.waitForSelector('[data-testid="class-projector"]');
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: join(SCREENSHOTS, `class-projector-${lang}.png`) });
      expect(await axe(page), 'axe on the projector view').toEqual([]);
      await page.keyboard.press('Escape');
      await page.waitForSelector('[data-testid="class-projector"]', { state: 'detached' });
      await page.setViewportSize({ width: 1366, height: 900 });
      expect(await axe(page), 'axe on the class results').toEqual([]);
      const csv = await download(page, () => press(page, '[data-testid="grade-csv"]'));
      expect(csv.bytes[0]).toBe(0xef);
      expect(csv.text.slice(1).startsWith(headers)).toBe(true);
      expect(csv.text.trimEnd().split('\r\n')).toHaveLength(1 + FILES.length);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
