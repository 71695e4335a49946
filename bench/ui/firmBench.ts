/**
 * The firm view's figures of `npm run bench:ui`:
 *   - frames per second while a quarter's transition plays, 5,000 customers shown (retail
 *     bank), with each renderer forced (?renderer=canvas, ?renderer=webgl) and with the one
 *     the app picks itself;
 *   - memory over a 40-quarter game in which the firm view is opened after every quarter
 *     (bench/fixtures/hotel-40.json), with the same game without the firm view as a control.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { loadScenario } from '../../src/scenario/index';
import { ROOT, type StaticServer } from '../../test/browser/server';
import { leaveFirm, measureTransition, setSpeed, shownSentence, waitStage, watchQuarter, type TransitionResult } from './firm';
import { click, startGame, timeAdvance, toQuarter, waitHtml } from './flows';
import { Workers, liveCounts, pageHeap, type HeapUsage, type LiveCounts } from './memory';
import { log, message, newPage } from './page';
import { figure, median, type Figure } from './report';

/** Served at /fixtures/ by the bench's server, after its temp dir. */
export const BENCH_FIXTURES = join(ROOT, 'bench', 'fixtures');

const HOME_MS = 15_000;
const BIG_START_MS = 120_000;
export const FPS_TARGET = 30;
export const TRANSITIONS = 3;
const SEED = 'bench';

export type RendererAsk = 'canvas' | 'webgl' | null;

async function home(page: Page, server: StaticServer, query: Record<string, string>): Promise<void> {
  const q = new URLSearchParams({ lang: 'en', seed: SEED, ...query });
  await page.goto(`${server.url}/?${q.toString()}`);
  await waitHtml(page, '[data-ready="home"]', HOME_MS);
  // A scenario file from ?scenario=<url> is fetched after home is up: start only once it is chosen.
  if (!query.scenario?.startsWith('builtin:') && query.scenario) {
    await page.locator('[data-testid="chosen-file"]').first().waitFor({ timeout: HOME_MS }).catch(() => {
      throw new Error(`${query.scenario} was not chosen on home within ${HOME_MS / 1000} s (not served?)`);
    });
  }
}

/**
 * On the decisions of a retail-bank quarter: three tiers instead of one (the scenario's
 * lesson), without acquisition spending for the two new ones (copied from the first, they
 * would be over budget). The next transition then re-tiers most of the base. Returns what
 * was decided; falls back to the opening plan if the controls are not there.
 */
async function threeTiers(page: Page): Promise<string> {
  try {
    await page.locator('[data-testid="tier-count"]').first().selectOption('3', { timeout: 5000 });
    for (const i of [1, 2]) await page.locator(`[data-testid="lever-acquisitionSpend-${i}"]`).first().fill('0', { timeout: 5000 });
    await toQuarter(page, 20_000);
    return 're-tiered from 1 to 3 tiers in quarter 2';
  } catch (e) {
    await page.locator('[data-testid="tier-count"]').first().selectOption('1', { timeout: 2000 }).catch(() => undefined);
    await toQuarter(page, 20_000);
    return `opening plan in quarter 2 (3 tiers failed: ${message(e)})`;
  }
}

const fpsOf = (r: TransitionResult) => (r.frames * 1000) / r.ms;
const PHASES = ['tiering', 'service', 'lapses', 'arrivals'];

/** One renderer: a fresh retail-bank game, 2 quarters, the firm view, then `TRANSITIONS` replays at 1x. */
export async function firmFpsFigure(browser: Browser, server: StaticServer, ask: RendererAsk, capMs: number): Promise<Figure> {
  const id = ask === 'canvas' ? 'firmFpsCanvas' : ask === 'webgl' ? 'firmFpsWebgl' : 'firmFpsChosen';
  let name = `firm transition fps, 5,000 customers, ${ask ?? 'chosen'}${ask ? ' (forced)' : ''}`;
  const page = await newPage(browser);
  try {
    await home(page, server, { scenario: 'builtin:retail-bank', ...(ask ? { renderer: ask } : {}) });
    await startGame(page, null, BIG_START_MS);
    await timeAdvance(page, BIG_START_MS);
    await toQuarter(page, BIG_START_MS);
    const plan = await threeTiers(page);
    await timeAdvance(page, BIG_START_MS);
    const renderer = await watchQuarter(page);
    name = `firm transition fps, 5,000 customers, ${renderer} (${ask ? 'forced' : 'chosen'})`;
    // The first opening autoplays: skip it (it is not measured); every measured one is a replay.
    await waitStage(page, '[data-scene-playing="true"]', 30_000)
      .then(() => click(page, 'firm-skip'))
      .catch(() => undefined);
    await waitStage(page, '[data-scene-playing="false"]', 30_000);
    const round = await page.locator('[data-testid="firm-stage"]').first().getAttribute('data-scene-round');
    const shown = await shownSentence(page);
    const runs: TransitionResult[] = [];
    for (let i = 0; i < TRANSITIONS; i++) {
      const r = await measureTransition(page, capMs);
      runs.push(r);
      log(
        `firm fps ${renderer}${ask ? '' : ' (chosen)'} ${i + 1}: ${r.frames} frames in ${(r.ms / 1000).toFixed(1)} s = ${fpsOf(r).toFixed(1)} fps, ` +
          `slowest second ${r.minPerSecond ?? '-'}, ${r.completed ? 'to the end' : `cut in ${r.endPhase}`}`,
      );
    }
    const samples = runs.map(fpsOf);
    const perSecond = runs.flatMap((r) => (r.minPerSecond === null ? [] : [r.minPerSecond]));
    // Frames and time of each phase, summed over the transitions.
    const phase = PHASES.map((p) => {
      const f = runs.reduce((a, r) => a + (r.phases[p]?.frames ?? 0), 0);
      const ms = runs.reduce((a, r) => a + (r.phases[p]?.ms ?? 0), 0);
      return ms > 0 ? `${p} ${((f * 1000) / ms).toFixed(0)}` : `${p} -`;
    });
    const cut = runs.filter((r) => !r.completed);
    const med = median(samples);
    const note = [
      `${(med / FPS_TARGET).toFixed(1)}x of ${FPS_TARGET}`,
      `slowest whole second ${perSecond.length ? Math.min(...perSecond) : '-'} fps (over the ${TRANSITIONS} transitions)`,
      `fps by phase ${phase.join(', ')}`,
      `longest frame ${Math.max(...runs.map((r) => r.worstMs)).toFixed(0)} ms, ${runs.reduce((a, r) => a + r.longFrames, 0)} frames > 50 ms`,
      `${TRANSITIONS} replays of quarter ${round} at 1x, seed "${SEED}", ${plan}`,
      ...(cut.length
        ? [`${cut.length} of ${TRANSITIONS} cut after ${capMs / 1000} s of wall time (reached ${cut.map((r) => `${r.endPhase}${r.endT !== null ? ` ${(r.endT / 1000).toFixed(1)}/${((r.duration ?? 0) / 1000).toFixed(0)} s` : ''}`).join('; ')})`]
        : []),
      ...(ask && renderer !== ask ? [`asked for ${ask}, the stage says ${renderer}`] : []),
      shown || 'the firm summary does not say how many customers are shown',
    ].join('; ');
    return {
      ...figure(id, name, 'fps', FPS_TARGET, { samples, note }),
      detail: { renderer, asked: ask, minPerSecond: perSecond, transitions: runs },
    };
  } catch (e) {
    return figure(id, name, 'fps', FPS_TARGET, { notMeasured: message(e) });
  } finally {
    await page.context().close();
  }
}

export interface HeapPoint {
  quarter: number;
  /** Where it was measured: 'firm' (transition over), 'quarter' (decisions), 'end', 'report'. */
  screen: string;
  page: HeapUsage;
  worker: HeapUsage | null;
  live: LiveCounts;
}

export interface HeapRun {
  /** With the firm view: measured on it (transition over) and after leaving it. */
  onFirm: HeapPoint[];
  left: HeapPoint[];
  /** The same game without the firm view. */
  control: HeapPoint[];
  quarters: number;
  renderer: string;
  /** Most canvases seen in the document on the firm view and elsewhere, over every quarter. */
  maxCanvasesOnFirm: number;
  maxCanvasesElsewhere: number;
  seconds: number;
  controlSeconds: number;
  error?: string;
}

export const CHECKPOINTS = [1, 5, 10, 20, 30, 40];
export const HEAP_FIXTURE = 'hotel-40.json';

/** The bench's 40-quarter fixture, checked with the app's own loader; its rounds, or why not. */
function fixtureRounds(): number | Error {
  const file = join(BENCH_FIXTURES, HEAP_FIXTURE);
  try {
    const r = loadScenario(readFileSync(file, 'utf8'), HEAP_FIXTURE);
    if (!r.ok) return new Error(`bench/fixtures/${HEAP_FIXTURE} is not a valid scenario: ${r.errors.map((e) => e.message).join('; ')}`);
    return r.scenario.rounds;
  } catch (e) {
    return new Error(`bench/fixtures/${HEAP_FIXTURE}: ${message(e)}`);
  }
}

async function measure(page: Page, cdp: CDPSession, workers: Workers, quarter: number): Promise<HeapPoint> {
  const screen = (await page.evaluate(() => document.documentElement.dataset.screen)) ?? '';
  const heap = await pageHeap(cdp);
  const worker = await workers.heap().catch(() => null);
  return { quarter, screen, page: heap, worker, live: await liveCounts(page, cdp) };
}

/**
 * A game of the fixture's rounds: after every quarter, with `firm`, the firm view opened from
 * the report, its transition played to the end at 4x (the first opening autoplays), then the
 * decisions again (quarter 40: the end screen); without `firm`, the report, then the decisions.
 */
async function heapGame(browser: Browser, server: StaticServer, rounds: number, play: number, firm: boolean, ask: RendererAsk) {
  const page = await newPage(browser);
  const context = page.context();
  try {
    const cdp = await context.newCDPSession(page);
    const workers = new Workers(cdp);
    await workers.attach();
    await home(page, server, { scenario: `/fixtures/${HEAP_FIXTURE}`, ...(ask ? { renderer: ask } : {}) });
    await startGame(page, null, 60_000);
    const onFirm: HeapPoint[] = [];
    const left: HeapPoint[] = [];
    let renderer = '';
    let maxOn = 0;
    let maxElsewhere = 0;
    const t0 = Date.now();
    let quarters = 0;
    for (let q = 1; q <= play; q++) {
      await toQuarter(page, 60_000);
      await timeAdvance(page);
      quarters = q;
      const last = q === rounds; // the game is over: the end screen instead of the decisions
      const checkpoint = CHECKPOINTS.includes(q) || q === play;
      if (firm) {
        renderer = await watchQuarter(page);
        await waitStage(page, '[data-scene-round="' + q + '"]', 30_000);
        if (q === 1) {
          await waitStage(page, '[data-scene-playing="true"]', 30_000);
          await setSpeed(page, 4);
        }
        await waitStage(page, '[data-scene-playing="false"]', 120_000);
        maxOn = Math.max(maxOn, await page.evaluate(() => document.querySelectorAll('canvas').length));
        if (checkpoint) onFirm.push(await measure(page, cdp, workers, q));
        await leaveFirm(page, last ? 'end' : 'quarter');
      } else {
        await waitHtml(page, '[data-screen="report"]');
        await click(page, last ? 'nav-end' : 'nav-quarter');
        await waitHtml(page, `[data-screen="${last ? 'end' : 'quarter'}"]`);
      }
      maxElsewhere = Math.max(maxElsewhere, await page.evaluate(() => document.querySelectorAll('canvas').length));
      if (checkpoint) left.push(await measure(page, cdp, workers, q));
      if (q % 10 === 0) log(`heap game${firm ? ' with the firm view' : ' (control)'}: quarter ${q}, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      const status = await page.evaluate(() => document.documentElement.dataset.screen);
      if (status === 'end' && !last) break; // bankrupt: the game is over early
    }
    return { onFirm, left, renderer, maxOn, maxElsewhere, quarters, seconds: (Date.now() - t0) / 1000 };
  } finally {
    await context.close();
  }
}

/** `quarters`: play only that many of the fixture's 40 (a quicker look; the default is all). */
export async function heapRun(browser: Browser, server: StaticServer, ask: RendererAsk, quarters = Infinity): Promise<HeapRun> {
  const empty: HeapRun = { onFirm: [], left: [], control: [], quarters: 0, renderer: '', maxCanvasesOnFirm: 0, maxCanvasesElsewhere: 0, seconds: 0, controlSeconds: 0 };
  const rounds = fixtureRounds();
  if (rounds instanceof Error) return { ...empty, error: rounds.message };
  const play = Math.min(rounds, quarters);
  let run: HeapRun = empty;
  try {
    const g = await heapGame(browser, server, rounds, play, true, ask);
    run = { ...empty, onFirm: g.onFirm, left: g.left, quarters: g.quarters, renderer: g.renderer, maxCanvasesOnFirm: g.maxOn, maxCanvasesElsewhere: g.maxElsewhere, seconds: g.seconds };
    if (g.quarters < play) run.error = `the game ended after ${g.quarters} of ${play} quarters`;
  } catch (e) {
    return { ...run, error: message(e) };
  }
  try {
    const c = await heapGame(browser, server, rounds, play, false, ask);
    run.control = c.left;
    run.controlSeconds = c.seconds;
  } catch (e) {
    run.error = `control game: ${message(e)}`;
  }
  return run;
}
