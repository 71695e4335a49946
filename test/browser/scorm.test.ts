// The SCORM 1.2 package in an LMS: scorm-again's API on a test LMS page (test/browser/scorm/
// lms.html), the package built by `npm run build:scorm` and unzipped as an LMS does. A whole
// game in a frame (English), then, on another computer (a fresh browser context, nothing in
// IndexedDB), the same game resumed from the suspend data in a pop-up window (Chinese) and
// played to the end: the same quarters, the same grade.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, newPage, openBrowser, screenshot, type AppPage } from './harness';
import { carryOn, DEFAULT_OPTION, playQuarter } from './play';
import { press } from './keyboard';
import { ROOT, serveStatic, type StaticServer } from './server';
import { decodeSuspend } from '../../src/lms/suspend';
import { runBuild } from './builds';

const ROUNDS = 6; // the tutorial, the package's default scenario
const SUSPEND_LIMIT = 4096;

/** The package unzipped into `site` as an LMS unpacks it, served with the test LMS page (/fixtures/lms.html) and scorm-again. */
async function serveLms(zip: Record<string, Uint8Array>, site: string): Promise<StaticServer> {
  for (const [name, bytes] of Object.entries(zip)) {
    mkdirSync(dirname(join(site, name)), { recursive: true });
    writeFileSync(join(site, name), bytes);
  }
  return serveStatic(site, [join(ROOT, 'test', 'browser', 'scorm'), join(ROOT, 'node_modules', 'scorm-again', 'dist')]);
}

let dir: string;
let files: Record<string, Uint8Array>;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const built = runBuild('build-scorm.ts');
  dir = built.dir;
  if (built.status !== 0) throw new Error(`build:scorm failed (exit ${built.status}):\n${built.out}`);
  files = unzipSync(new Uint8Array(readFileSync(join(dir, 'crm-sandbox-scorm12.zip'))));
  server = await serveLms(files, join(dir, 'site'));
  browser = await openBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const text = (name: string) => new TextDecoder().decode(files[name]);

describe('the SCORM 1.2 zip', () => {
  it('has imsmanifest.xml at its root, declares SCORM 1.2, lists every file it holds by a relative path, and no service worker', () => {
    const manifest = text('imsmanifest.xml');
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest).toMatch(/adlcp:scormtype="sco" href="index.html"/);
    const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]!);
    const inZip = Object.keys(files).filter((f) => f !== 'imsmanifest.xml');
    expect(listed.sort()).toEqual(inZip.sort());
    for (const f of listed) expect(f, f).not.toMatch(/^\/|^[a-z]+:|\.\.|\\/);
    expect(inZip).toContain('index.html');
    expect(inZip).toContain('crm-sandbox-lms.json');
    expect(JSON.parse(text('crm-sandbox-lms.json'))).toEqual({ format: 'crm-sandbox-lms', version: 1, scenario: { builtin: 'tutorial' }, classCode: null, mastery: 60 });
    // Nothing is loaded from outside the package, and nothing from the site's root.
    expect(text('index.html')).not.toMatch(/(src|href)="(\/|https?:)/);
    for (const f of inZip.filter((x) => x.endsWith('.js'))) expect(text(f), f).not.toContain('serviceWorker.register');
  });
});

const buildScorm = (args: string[]) => runBuild('build-scorm.ts', args);

/** The LMS's record of what the package set and called. */
type LmsLog = (string[])[];
const log = (page: Page): Promise<LmsLog> => page.evaluate(() => (window as unknown as { lmsLog: LmsLog }).lmsLog);
const lastSet = (page: Page, element: string): Promise<string | undefined> => page.evaluate((e) => (window as unknown as { lastSet(e: string): string | undefined }).lastSet(e), element);
const count = async (page: Page, call: string) => (await log(page)).filter((e) => e[0] === call).length;

const onScreen = (f: Frame | Page, screen: string, round?: number) =>
  f.waitForSelector(`html[data-screen="${screen}"]${round === undefined ? '' : `[data-round="${round}"]`}`, { state: 'attached', timeout: 30_000 });

/** A quarter played in the frame with the mouse (the keyboard helpers drive a page of their own). */
async function playQuarterInFrame(f: Frame, round: number): Promise<string> {
  await f.waitForSelector('[data-testid="meters"]');
  for (const id of await f.$$eval('[data-testid^="unanswered-"]', (es) => es.map((e) => e.getAttribute('data-testid')!.slice('unanswered-'.length)))) {
    await f.check(`#opt-${id}-${DEFAULT_OPTION.get(id)}`);
  }
  await f.click('[data-testid="advance"]:not([disabled])');
  await onScreen(f, 'report', round);
  return (await f.textContent('[data-testid="state-hash"]'))!.trim();
}

const gradeIn = (bar: string): number => Number(/(\d+) (of 100|分)/.exec(bar)?.[1] ?? NaN);

describe('a game in an LMS', () => {
  const hashes: string[] = [];
  let keptAfter3 = '';
  let raw = '';
  let finalScore = '';

  it('in a frame (English): connects, keeps the game after every quarter, reports the grade and closes the session', async () => {
    const app: AppPage = await newPage(browser, { lang: 'en' });
    const { page, errors } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    // The package draws each student's seed at random (src/store/seed.ts); on about 1 seed in 40
    // the value-based reference scores at or below zero on the tutorial and the grade is the
    // objectives alone. This test checks the two-half grade, so it fixes the draw: seed 100000,
    // where value-based scores 48.8. Other random draws pass through.
    await app.context.addInitScript(() => {
      const draw = crypto.getRandomValues.bind(crypto);
      crypto.getRandomValues = <T extends ArrayBufferView | null>(a: T): T => {
        if (a instanceof Uint32Array && a.length === 1) {
          a[0] = 0;
          return a;
        }
        return draw(a as never) as T;
      };
    });
    const cmi = { core: { student_id: 's-001', student_name: 'Li, Wei', lesson_status: 'not attempted' } };
    await page.goto(`${server.url}/fixtures/lms.html?lang=en&cmi=${encodeURIComponent(JSON.stringify(cmi))}`);
    const frame = (await (await page.waitForSelector('#sco')).contentFrame())!;
    // The package starts the course's scenario at once: no home screen to pass.
    await onScreen(frame, 'briefing', 0);
    await frame.waitForSelector('[data-testid="lms-bar"][data-lms-phase="connected"]');
    expect(await frame.textContent('[data-testid="lms-bar"]')).toContain('Connected to your course');
    expect(await count(page, 'LMSInitialize')).toBe(1);
    expect(await lastSet(page, 'cmi.core.lesson_status')).toBe('incomplete');
    await screenshot(page, 'scorm-frame-briefing-1440');
    expect(await axe(frame)).toEqual([]);

    await frame.click('[data-testid="begin"]');
    for (let q = 1; q <= ROUNDS; q++) {
      await onScreen(frame, 'quarter', q - 1);
      const commits = await count(page, 'LMSCommit');
      hashes.push(await playQuarterInFrame(frame, q));
      // The quarter is in the LMS: suspend data under the limit, and a commit.
      await frame.waitForSelector(`[data-testid="lms-bar"]:has-text("${q === ROUNDS ? 'Reported' : `keeps ${q} of the ${q}`}")`, { timeout: 60_000 });
      await expect.poll(() => count(page, 'LMSCommit')).toBeGreaterThan(commits);
      const kept = (await lastSet(page, 'cmi.suspend_data'))!;
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
      if (q === 3) {
        keptAfter3 = kept;
        const read = await decodeSuspend(kept);
        expect(read.ok && read.game.seed).toBe('100000');
      }
      if (q < ROUNDS) {
        expect(await lastSet(page, 'cmi.core.lesson_status')).toBe('incomplete');
        expect(await lastSet(page, 'cmi.core.score.raw')).toBeUndefined();
        await frame.click('[data-testid="continue"]');
      }
    }
    // The end: the grade the bar explains is the one the LMS received, and the status follows the pass mark.
    const bar = (await frame.textContent('[data-testid="lms-bar"]'))!;
    raw = (await lastSet(page, 'cmi.core.score.raw'))!;
    expect(Number(raw)).toBeGreaterThanOrEqual(0);
    expect(Number(raw)).toBeLessThanOrEqual(100);
    expect(Number.isInteger(Number(raw))).toBe(true);
    expect(gradeIn(bar)).toBe(Number(raw));
    expect(await lastSet(page, 'cmi.core.lesson_status')).toBe(Number(raw) >= 60 ? 'passed' : 'failed');
    expect(bar).toMatch(/objectives’ points met \(\d+%\), half your score against/);
    expect(await lastSet(page, 'cmi.core.score.max')).toBe('100');
    await frame.click('[data-testid="continue"]');
    await onScreen(frame, 'end', ROUNDS);
    finalScore = (await frame.textContent('[data-testid="end-score"] .big-score strong'))!.trim();
    expect(finalScore).toMatch(/^-?[\d.,]+$/);
    for (const [w, h] of [[1440, 900], [1280, 720]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await screenshot(page, `scorm-frame-end-${w}`);
    }
    expect(await axe(frame)).toEqual([]);
    // Leaving the course: session time, exit, commit and finish.
    await frame.goto('about:blank');
    await expect.poll(() => count(page, 'LMSFinish')).toBe(1);
    expect(await lastSet(page, 'cmi.core.session_time')).toMatch(/^\d{2,4}:\d{2}:\d{2}$/);
    expect(await lastSet(page, 'cmi.core.exit')).toBe('');
    expect(errors).toEqual([]);
    await app.close();
  });

  it('on another computer, in a pop-up window (Chinese): resumes from the suspend data at quarter 3 and ends with the same game and grade', async () => {
    expect(keptAfter3).not.toBe('');
    const app = await newPage(browser, { lang: 'zh-CN' });
    const { page, errors } = app;
    const cmi = { core: { student_id: 's-001', student_name: 'Li, Wei', lesson_status: 'incomplete', entry: 'resume' }, suspend_data: keptAfter3 };
    await page.goto(`${server.url}/fixtures/lms.html?mode=popup&lang=zh-CN&cmi=${encodeURIComponent(JSON.stringify(cmi))}`);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#launch')]);
    const popupErrors: string[] = [];
    popup.on('pageerror', (e) => popupErrors.push(e.message));
    popup.on('console', (m) => void (m.type() === 'error' && popupErrors.push(m.text())));
    await popup.setViewportSize({ width: 1280, height: 720 });
    await onScreen(popup, 'quarter', 3);
    expect(await popup.textContent('[data-testid="lms-bar"]')).toContain('已从课程恢复：重放了 3 个季度');
    await screenshot(popup, 'scorm-popup-resumed-1280');
    expect(await axe(popup)).toEqual([]);
    for (let q = 4; q <= ROUNDS; q++) {
      expect(await playQuarter(popup, q), `quarter ${q}`).toBe(hashes[q - 1]);
      if (q < ROUNDS) await carryOn(popup);
    }
    await popup.waitForSelector('[data-testid="lms-bar"]:has-text("已上报课程")', { timeout: 60_000 });
    expect(await lastSet(page, 'cmi.core.score.raw')).toBe(raw);
    expect(gradeIn((await popup.textContent('[data-testid="lms-bar"]'))!)).toBe(Number(raw));
    await press(popup, '[data-testid="continue"]');
    await onScreen(popup, 'end', ROUNDS);
    expect((await popup.textContent('[data-testid="end-score"] .big-score strong'))!.trim()).toBe(finalScore);
    await popup.setViewportSize({ width: 1440, height: 900 });
    await screenshot(popup, 'scorm-popup-end-1440');
    await popup.close({ runBeforeUnload: true });
    await expect.poll(() => count(page, 'LMSFinish')).toBe(1);
    expect(errors).toEqual([]);
    expect(popupErrors).toEqual([]);
    await app.close();
  });

  it('packs an instructor\'s scenario file with a class code and a mastery score; the course plays the class\'s world of it', async () => {
    const built = buildScorm(['test/fixtures/minimal-scenario.json', '--class', 'crm-2026-b', '--mastery', '75']);
    const dir2 = built.dir;
    let own: StaticServer | null = null;
    try {
      expect(built.status, built.out).toBe(0);
      const zip = unzipSync(new Uint8Array(readFileSync(join(dir2, 'crm-sandbox-scorm12.zip'))));
      expect(Buffer.from(zip['scenario.json']!).equals(readFileSync(join(ROOT, 'test', 'fixtures', 'minimal-scenario.json')))).toBe(true);
      expect(JSON.parse(new TextDecoder().decode(zip['crm-sandbox-lms.json']))).toEqual({ format: 'crm-sandbox-lms', version: 1, scenario: { file: 'scenario.json' }, classCode: 'CRM-2026-B', mastery: 75 });
      const manifest = new TextDecoder().decode(zip['imsmanifest.xml']);
      expect(manifest).toContain('<adlcp:masteryscore>75</adlcp:masteryscore>');
      expect(manifest).toContain('<file href="scenario.json"/>');
      expect(manifest).toContain('Minimal test firm');
      own = await serveLms(zip, join(dir2, 'site'));
      const app = await newPage(browser, { lang: 'en' });
      const { page } = app;
      await page.goto(`${own.url}/fixtures/lms.html?lang=en`);
      const frame = (await (await page.waitForSelector('#sco')).contentFrame())!;
      await onScreen(frame, 'briefing', 0);
      expect(await frame.textContent('header')).toContain('Minimal test firm');
      await frame.click('[data-testid="begin"]');
      await onScreen(frame, 'quarter', 0);
      await playQuarterInFrame(frame, 1);
      await expect.poll(() => lastSet(page, 'cmi.suspend_data')).toBeTruthy();
      const kept = await decodeSuspend((await lastSet(page, 'cmi.suspend_data'))!);
      expect(kept.ok && { seed: kept.game.seed, classCode: kept.game.classCode, quarters: kept.game.decisions.length }).toEqual({ seed: 'CRM-2026-B', classCode: 'CRM-2026-B', quarters: 1 });
      expect(app.errors).toEqual([]);
      await app.close();
    } finally {
      await own?.close();
      rmSync(dir2, { recursive: true, force: true });
    }
  });

  it('refuses a broken scenario file with the file, the field path and what was expected, and writes no package', () => {
    const built = buildScorm(['test/fixtures/bad-scenarios/event-unknown-tier.json']);
    try {
      expect(built.status).toBe(1);
      expect(built.out).toContain('event-unknown-tier.json:');
      expect(built.out).toContain('events.0.options.0.effects.0.target.tier: expected a tier id of this scenario');
      expect(built.out).toContain('no package was written');
      expect(() => readFileSync(join(built.dir, 'crm-sandbox-scorm12.zip'))).toThrow();
    } finally {
      rmSync(built.dir, { recursive: true, force: true });
    }
  });

  it('opened without an LMS (from a disk or a web server): says nothing is reported, and the game plays', async () => {
    const app = await newPage(browser, { lang: 'en' });
    await app.page.goto(`${server.url}/index.html?lang=en`);
    await app.page.waitForSelector('[data-testid="lms-bar"][data-lms-phase="noLms"]');
    expect(await app.page.textContent('[data-testid="lms-bar"]')).toContain('nothing is reported');
    expect(await axe(app.page)).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
