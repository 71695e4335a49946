/**
 * The truth stays in the worker, in the production build: every message the page receives from
 * its workers (the simulation and the reference strategies) is recorded from before the app
 * loads (`Worker.prototype`'s `onmessage` and `addEventListener('message')` are wrapped by an
 * init script, so nothing reaches the app unseen), and none carries a true satisfaction, NPS,
 * loyalty, share of wallet, delivered value or employee satisfaction, by name or by value
 * (the true values computed in Node for the same decisions and for the reference strategies),
 * while the game runs. At the end the truth arrives, it is the engine's, and the debrief shows
 * it (the reveal's charts and tables, "why did it change?" on true satisfaction, the CSV).
 * Screenshots of the quarter report and the debrief at 1440x900 and 1280x720.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { playGame, policyById } from '../../src/policies/index';
import { newGame, step, type Decisions, type RoundReport } from '../../src/sim/index';
import type { GameTruth } from '../../src/worker/protocol';
import { REFERENCE_POLICIES } from '../../src/worker/referenceProtocol';
import { builtin } from '../helpers';
import { trueValues, truthByName, truthByValue } from '../truthScan';
import { check, download } from './checks';
import { gotoApp, newPage, openBrowser, screenshot, waitForScreen, type Lang } from './harness';
import { press, typeInto } from './keyboard';
import { carryOn, playQuarter, startBuiltin } from './play';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** One recorded message: to a worker (`out`) or from one (`in`), typed arrays as markers. */
interface Logged {
  dir: 'in' | 'out';
  data: unknown;
}

/**
 * Runs in the page before any of its scripts: wraps the ways a page can hear a worker (the
 * `onmessage` setter and `addEventListener('message')`) and `postMessage`, and logs every
 * message as JSON-safe data (typed arrays and buffers become `{__typed, length}`).
 */
function recordWorkers(): void {
  const log: { dir: 'in' | 'out'; data: unknown }[] = [];
  Object.defineProperty(window, '__workerLog', { value: log });
  const enc = (x: unknown): unknown => {
    if (x === null || typeof x !== 'object') return x;
    if (ArrayBuffer.isView(x)) return { __typed: x.constructor.name, length: (x as unknown as { length?: number }).length ?? x.byteLength };
    if (x instanceof ArrayBuffer) return { __typed: 'ArrayBuffer', length: x.byteLength };
    if (Array.isArray(x)) return x.map(enc);
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(x)) o[k] = enc((x as Record<string, unknown>)[k]);
    return o;
  };
  const proto = Worker.prototype;
  const seen = new WeakSet<Event>();
  const heard = (e: Event): void => {
    if (seen.has(e)) return;
    seen.add(e);
    log.push({ dir: 'in', data: enc((e as MessageEvent).data) });
  };
  const add = proto.addEventListener;
  proto.addEventListener = function (this: Worker, type: string, fn: EventListenerOrEventListenerObject | null, opts?: boolean | AddEventListenerOptions) {
    if (type !== 'message' || !fn) return add.call(this, type, fn as EventListenerOrEventListenerObject, opts);
    const inner = fn;
    const wrapped = (e: Event) => {
      heard(e);
      return typeof inner === 'function' ? inner.call(this, e) : inner.handleEvent(e);
    };
    return add.call(this, type, wrapped, opts);
  } as typeof proto.addEventListener;
  const desc = Object.getOwnPropertyDescriptor(proto, 'onmessage')!;
  Object.defineProperty(proto, 'onmessage', {
    configurable: true,
    get(this: Worker) {
      return desc.get!.call(this);
    },
    set(this: Worker, fn: ((e: MessageEvent) => unknown) | null) {
      desc.set!.call(this, fn ? (e: MessageEvent) => (heard(e), fn.call(this, e)) : null);
    },
  });
  const post = proto.postMessage;
  proto.postMessage = function (this: Worker, msg: unknown, ...rest: unknown[]) {
    log.push({ dir: 'out', data: enc(msg) });
    return (post as (...a: unknown[]) => void).call(this, msg, ...rest);
  } as typeof proto.postMessage;
}

const logOf = (page: Page): Promise<Logged[]> => page.evaluate(() => (window as unknown as { __workerLog: Logged[] }).__workerLog.slice());

type Msg = { id?: number; kind?: string; type?: string; value?: Record<string, unknown>; request?: { type: string; decisions?: Decisions } };

/** The decisions of every quarter the page asked the worker to play, in order (refused ones are not retried: the button is disabled). */
const advances = (log: readonly Logged[]): Decisions[] =>
  log.filter((l) => l.dir === 'out' && (l.data as Msg).request?.type === 'advance').map((l) => (l.data as Msg).request!.decisions!);

/** The engine's reports of the learner's game, replayed in Node. */
function replay(id: string, seed: string, decisions: readonly Decisions[]): RoundReport[] {
  const sc = builtin(id);
  let s = newGame(sc, seed);
  return decisions.map((d) => {
    const r = step(sc, s, d);
    if (!r.ok) throw new Error(r.problems.map((p) => p.path + ' ' + p.code).join(' '));
    s = r.state;
    return r.report;
  });
}

/** Every reference strategy's whole game on the scenario and seed (what the reference worker plays). */
const referenceReports = (id: string, seed: string): RoundReport[] =>
  REFERENCE_POLICIES.flatMap((p) => playGame(builtin(id), newGame(builtin(id), seed), policyById(p)!).rounds.map((r) => r.report));

/** Waits until the reference worker said it played every strategy. */
async function referencesDone(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __workerLog: { dir: string; data: { kind?: string; type?: string } }[] }).__workerLog.some((l) => l.dir === 'in' && l.data.kind === 'done' && l.data.type === undefined), undefined, { timeout: 120_000 });
}

/** Checks the NPS box of the research section (it has no test id of its own). */
const NPS = 'fieldset:has([data-testid="employee-survey"]) input[type="checkbox"]:not([data-testid])';

/** The fields of one CSV line (quoted fields may hold commas and doubled quotes; no line breaks here). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let f = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        f += '"';
        i++;
      } else if (c === '"') quoted = false;
      else f += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(f);
      f = '';
    } else f += c;
  }
  out.push(f);
  return out;
}

async function shots(page: Page, name: string): Promise<void> {
  for (const [w, h] of [[1440, 900], [1280, 720]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `${name}-${w}x${h}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

describe.each<[Lang]>([['en'], ['zh-CN']])('the truth stays in the worker (%s)', (lang) => {
  test('quarter 1 in play: no message from a worker carries a truth, by name or by value', async () => {
    const app = await newPage(browser, { lang });
    const { page } = app;
    const seed = `truth-q1-${lang}`;
    try {
      await page.addInitScript(recordWorkers);
      await gotoApp(page, { lang });
      await startBuiltin(page, 'ad-agency', seed);
      await press(page, '[data-testid="begin"]');
      await waitForScreen(page, 'quarter');
      // Measure everything the firm can measure, so measured figures sit beside the hidden ones.
      await typeInto(page, '[data-testid="survey-0"]', '20');
      await press(page, NPS, 'Space');
      await press(page, '[data-testid="employee-survey"]', 'Space');
      const training = Number(await page.inputValue('[data-testid="training"]'));
      await typeInto(page, '[data-testid="training"]', String(Math.max(0, training - 10_000)));
      await playQuarter(page, 1);
      await page.waitForSelector('[data-testid="explain-1"] [data-testid="explain-sentence"]', { timeout: 60_000 });
      expect(await page.locator('[data-testid="explain-1"] option[value="satisfaction"]').getAttribute('disabled')).not.toBeNull();
      // The other screens' answers too: the customer base, the customer table and charts.
      await press(page, '[data-testid="nav-firm"]');
      await waitForScreen(page, 'firm');
      await page.locator('[data-testid="firm-summary"] h3').first().waitFor({ timeout: 30_000 });
      await press(page, '[data-testid="nav-database"]');
      await waitForScreen(page, 'database');
      await page.waitForSelector('[data-testid="customer-grid"] [role="row"]');
      await referencesDone(page);

      const log = await logOf(page);
      const incoming = log.filter((l) => l.dir === 'in').map((l) => l.data as Msg);
      // The recording saw the game: its start, the quarter, its explanation, the scene, the table, the references.
      const kinds = new Set(incoming.map((m) => m.type ?? m.kind));
      for (const k of ['start', 'preview', 'advance', 'explain', 'customerBase', 'customers', 'run', 'done']) expect(kinds, k).toContain(k);
      const advanced = incoming.find((m) => m.type === 'advance')!.value as { summary: { surveyFirm: unknown; employeeSurvey: unknown }; truth: unknown };
      expect(advanced.summary.surveyFirm).not.toBeNull();
      expect(advanced.summary.employeeSurvey).not.toBeNull();
      expect(advanced.truth).toBeNull();

      expect(truthByName(incoming), 'a truth by name').toEqual([]);
      const decisions = advances(log);
      expect(decisions).toHaveLength(1);
      const truths = trueValues([...replay('ad-agency', seed, decisions), ...referenceReports('ad-agency', seed)]);
      expect(truths.size).toBeGreaterThan(100);
      expect(truthByValue(incoming, truths), 'a true value').toEqual([]);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('the end: the truth arrives with the last quarter, is the engine\'s, and the debrief shows it', async () => {
    const app = await newPage(browser, { lang });
    const { page } = app;
    const seed = `truth-end-${lang}`;
    try {
      await page.addInitScript(recordWorkers);
      await gotoApp(page, { lang });
      await startBuiltin(page, 'tutorial', seed);
      await press(page, '[data-testid="begin"]');
      await waitForScreen(page, 'quarter');
      const rounds = builtin('tutorial').rounds;
      for (let r = 1; r <= rounds; r++) {
        if (r === 2) {
          // Surveys in every tier from quarter 2 (research is locked in the tutorial's first quarter).
          for (let t = 0; t < 3; t++) await typeInto(page, `[data-testid="survey-${t}"]`, '20');
          await press(page, NPS, 'Space');
          await press(page, '[data-testid="employee-survey"]', 'Space');
        }
        await playQuarter(page, r);
        if (r === 2) {
          await page.waitForSelector('[data-testid="survey-firm"]');
          await page.waitForSelector('[data-testid="explain-2"] [data-testid="explain-sentence"]', { timeout: 60_000 });
          await check(page, `truth-${lang}-report-q2`);
          await shots(page, `truth-${lang}-report-q2`);
        }
        await carryOn(page);
      }
      await waitForScreen(page, 'end');
      await page.waitForSelector('[data-testid="lessons"] li', { timeout: 60_000 });
      await page.waitForSelector('[data-testid="reveal"] table', { state: 'attached' });

      const log = await logOf(page);
      const incoming = log.filter((l) => l.dir === 'in').map((l) => l.data as Msg);
      const last = incoming.findIndex((m) => m.type === 'advance' && (m.value as { summary: { round: number } }).summary.round === rounds);
      expect(last).toBeGreaterThan(0);
      const decisions = advances(log);
      expect(decisions).toHaveLength(rounds);
      const reports = replay('tutorial', seed, decisions);
      // Nothing before the last quarter's answer carried a truth; the reference runs never do.
      const before = incoming.slice(0, last);
      expect(truthByName(before), 'a truth by name before the end').toEqual([]);
      expect(truthByValue(before, trueValues([...reports.slice(0, -1), ...referenceReports('tutorial', seed)])), 'a true value before the end').toEqual([]);
      const refs = incoming.filter((m) => m.kind === 'run');
      expect(refs).toHaveLength(REFERENCE_POLICIES.length);
      expect(truthByName(refs)).toEqual([]);

      // The last quarter brought every quarter's truth, the engine's own.
      const truth = (incoming[last]!.value as { truth: GameTruth }).truth;
      expect(truth.rounds.map((x) => x.round)).toEqual(reports.map((x) => x.round));
      truth.rounds.forEach((t, i) => {
        expect(t.firm.satisfaction).toBe(reports[i]!.firm.satisfaction);
        expect(t.tiers.map((x) => x.satisfaction)).toEqual(reports[i]!.tiers.map((x) => x.satisfaction));
        expect(t.employees.satisfaction).toBe(reports[i]!.employees.satisfaction);
        expect(t.firm.shareOfWallet).toBe(reports[i]!.firm.shareOfWallet);
      });
      // And the whole attributions, with the true KPIs.
      expect(incoming.some((m) => m.type === 'explain' && (m.value as { revealed: boolean }).revealed && JSON.stringify(m.value).includes('"employeeSatisfaction"'))).toBe(true);

      // The debrief shows it: the reveal's table of true satisfaction, quarter by quarter.
      const table = page.locator('[data-testid="reveal"] figure').first().locator('table');
      const head = await table.locator('thead th').allTextContents();
      const col = head.indexOf(lang === 'en' ? 'Whole firm' : '全公司');
      expect(col).toBeGreaterThan(0);
      const shown = await table.locator('tbody tr').evaluateAll((rows, c) => rows.map((r) => r.children[c]!.textContent ?? ''), col);
      expect(shown.map(Number)).toEqual(truth.rounds.map((x) => Math.round(x.firm.satisfaction * 10) / 10));
      // The employee chart: the truth beside the survey.
      const emp = page.locator('[data-testid="reveal"] figure').nth(3).locator('tbody tr').last();
      expect(Number((await emp.locator('td').first().textContent())!)).toBe(Math.round(truth.rounds.at(-1)!.employees.satisfaction * 10) / 10);
      // "Why did it change?" explains true satisfaction now.
      const panel = '[data-testid^="explain-"]';
      expect(await page.locator(`${panel} option[value="satisfaction"]`).getAttribute('disabled')).toBeNull();
      await page.selectOption(`${panel} [data-testid="explain-kpi"]`, 'satisfaction');
      await page.waitForSelector(`${panel} [data-testid="explain-sentence"]`);
      // The CSV has the truth columns, with the truth's numbers.
      const csv = await download(page, () => press(page, '[data-testid="export-csv"]'));
      const rows = csv.text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l.length > 0).map(csvFields);
      const trueCol = rows[0]!.indexOf(lang === 'en' ? 'True customer satisfaction (points)' : '真实客户满意度（分）');
      expect(trueCol).toBeGreaterThan(0);
      expect(rows.slice(1).map((r) => Number(r[trueCol]))).toEqual(truth.rounds.map((x) => x.firm.satisfaction));
      await check(page, `truth-${lang}-debrief`);
      await shots(page, `truth-${lang}-debrief`);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
