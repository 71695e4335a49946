/**
 * `npm run bench:ui`: speed of the web app, printed, never asserted. Builds the production app,
 * serves it like the browser tests do (test/browser/server.ts; /fixtures/ from a temp dir and
 * bench/fixtures) and measures in headless Chromium (no GPU):
 *   1. navigation start -> home interactive (the 'home-interactive' mark), 5 cold runs
 *   2. first contentful paint, same runs
 *   3. JavaScript loaded before home is interactive, gzip -9 and raw, same runs
 *   1b, 4b. figures 1 and 4 again with the CPU throttled 4x (CDP Emulation.setCPUThrottlingRate,
 *      a student's old laptop), printed beside them
 *   4. click on advance -> html[data-round] changes, retail bank (50,000 customers), 5 quarters
 *   5. frames per second scrolling the customer database of a 200,000-customer bank
 *   5b. the market console resolving a quarter of 8 firms sharing 50,000 customers, at once and
 *      after the teams' decision time (bench/ui/market.ts)
 *   6. frames per second while the firm view plays a quarter's transition, 5,000 customers shown
 *      (retail bank, quarter 2, re-tiered to 3 tiers), 3 replays at 1x each, with the Canvas
 *      renderer and the WebGL one forced (?renderer=) and with the renderer the app picks itself;
 *      rAF callbacks in the page from the replay click until data-scene-playing is "false"
 *      (cut after --fps-cap seconds), plus the slowest whole second and fps by phase
 *   7. memory over a 40-quarter game (bench/fixtures/hotel-40.json) with the firm view opened
 *      after every quarter and its transition played at 4x: page heap after a forced GC
 *      (JS, DOM, ArrayBuffers) and the worker's heap after quarters 1, 5, 10, 20, 30, 40, on
 *      the firm view and after leaving it, canvases in the document and alive, firm screens
 *      alive, document visibilitychange listeners; growth from quarter 10 to 40; the same game
 *      without the firm view as a control
 * A figure the app cannot give yet is printed as "not measured: <reason>".
 * Flags: --json prints one JSON document on stdout; --no-build uses the existing dist/;
 * --only cold,advance,scroll,market,fps,heap (or firm = fps,heap) runs only those (cold = 1-3);
 * --fps-cap <s> cuts a transition after s seconds of wall time (default 30: WebGL in software
 * is slow, and its first replay takes about a minute); --heap-renderer canvas|webgl forces the
 * renderer of the memory run; --heap-quarters <n> plays only n of its 40 quarters (a quick look).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { loadScenario } from '../src/scenario/index';
import { CHROMIUM_ARGS, ensureChromium, launchChromium } from '../test/browser/chromium';
import { ROOT, buildApp, serveStatic, type Served, type StaticServer } from '../test/browser/server';
import { BENCH_FIXTURES, HEAP_FIXTURE, firmFpsFigure, heapRun, type HeapRun, type RendererAsk } from './ui/firmBench';
import { click, idleFps, scrollGrid, startGame, timeAdvance, toQuarter, waitHtml, waitMark } from './ui/flows';
import { marketFigures } from './ui/market';
import { log, message, newPage } from './ui/page';
import { figure, growth, heapReport, median, pageTotal, table, type Figure } from './ui/report';

const SECTIONS = ['cold', 'advance', 'scroll', 'fps', 'heap', 'market'] as const;
type Section = (typeof SECTIONS)[number];

/** The value of `--name v` or `--name=v`, or undefined. */
function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}`) return args[i + 1];
    if (args[i]!.startsWith(`--${name}=`)) return args[i]!.slice(name.length + 3);
  }
  return undefined;
}

function parseOnly(v: string | undefined): Set<Section> {
  if (v === undefined) return new Set(SECTIONS);
  const out = new Set<Section>();
  for (const part of v.split(',').map((x) => x.trim()).filter(Boolean)) {
    if (part === 'firm') {
      out.add('fps');
      out.add('heap');
    } else if ((SECTIONS as readonly string[]).includes(part)) out.add(part as Section);
    else throw new Error(`--only: unknown section "${part}" (known: ${SECTIONS.join(', ')}, firm)`);
  }
  return out;
}

const json = process.argv.includes('--json');
const only = parseOnly(flag('only'));
const FPS_CAP_MS = Number(flag('fps-cap') ?? 30) * 1000;
const heapAsk = (flag('heap-renderer') ?? null) as RendererAsk;
const HEAP_QUARTERS = Number(flag('heap-quarters') ?? Infinity);
if (!Number.isFinite(FPS_CAP_MS) || FPS_CAP_MS <= 0) throw new Error('--fps-cap takes a number of seconds');
if (heapAsk !== null && heapAsk !== 'canvas' && heapAsk !== 'webgl') throw new Error('--heap-renderer takes canvas or webgl');
if (!(HEAP_QUARTERS >= 1)) throw new Error('--heap-quarters takes a number of quarters (1..40)');
const RUNS = 5;
/** The CPU throttling of the "old laptop" figures (issue 17: under 500 ms to an interactive home at 4x). */
const THROTTLE = 4;
const HOME_MS = 15_000; // how long to wait for an interactive home before calling it absent
const BIG_START_MS = 120_000; // starting a 200,000-customer game

interface JsFile {
  path: string;
  raw: number;
  gzip: number;
}

const gzipCache = new Map<string, number>();
function jsFiles(served: readonly Served[]): JsFile[] {
  const seen = new Map<string, JsFile>();
  for (const s of served) {
    if (!/\.m?js$/.test(s.path) || seen.has(s.path)) continue;
    let gzip = gzipCache.get(s.file);
    if (gzip === undefined) gzipCache.set(s.file, (gzip = gzipSync(readFileSync(s.file), { level: 9 }).length));
    seen.set(s.path, { path: s.path, raw: s.bytes, gzip });
  }
  return [...seen.values()];
}

interface ColdRun {
  homeMs: number | null;
  fcpMs: number | null;
  js: JsFile[] | null;
  homeError?: string;
}

/** One cold load: fresh context, cache disabled. */
async function coldRun(browser: Browser, server: StaticServer, waitHome: boolean, cpuThrottle = 1): Promise<ColdRun> {
  const page = await newPage(browser, { noCache: true, cpuThrottle });
  try {
    server.served.length = 0;
    await page.goto(`${server.url}/`, { waitUntil: 'commit' });
    let js: JsFile[] | null = null;
    let homeError: string | undefined;
    if (waitHome) {
      try {
        await waitMark(page, 'home-interactive', HOME_MS);
        // The page's own resource timing says what it asked for before the mark, exactly (the
        // app prefetches the next screens and starts the worker right after it). That timeline
        // has the page's scripts and a worker's main script, not what a worker imports itself.
        const early = await page.evaluate(() => {
          const mark = performance.getEntriesByName('home-interactive')[0]?.startTime ?? Infinity;
          return performance.getEntriesByType('resource').filter((e) => e.startTime <= mark).map((e) => decodeURIComponent(new URL(e.name).pathname));
        });
        js = jsFiles(server.served.filter((s) => early.includes(s.path)));
      } catch (e) {
        homeError = message(e);
      }
    }
    await page.waitForLoadState('load');
    // The first contentful paint may come after the load event.
    const fcp = () => performance.getEntriesByType('paint').some((p) => p.name === 'first-contentful-paint');
    await page.waitForFunction(fcp, null, { timeout: 5000 }).catch(() => undefined);
    const t = await page.evaluate(() => ({
      home: performance.getEntriesByName('home-interactive')[0]?.startTime ?? null,
      fcp: performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime ?? null,
    }));
    if (js && t.home === null) homeError = "html[data-ready=home] is set but performance.mark('home-interactive') is missing";
    return { homeMs: t.home, fcpMs: t.fcp, js, ...(homeError ? { homeError } : {}) };
  } finally {
    await page.context().close();
  }
}

async function coldFigures(browser: Browser, server: StaticServer): Promise<{ figures: Figure[]; files: JsFile[]; homeError?: string }> {
  const runs: ColdRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Once home has not come up, later runs only wait for the load event (for the paint figure).
    const run = await coldRun(browser, server, i === 0 || runs[0]!.homeError === undefined);
    runs.push(run);
    log(`cold run ${i + 1}: home ${run.homeMs?.toFixed(0) ?? '-'} ms, FCP ${run.fcpMs?.toFixed(0) ?? '-'} ms`);
  }
  const homeError = runs.find((r) => r.homeError)?.homeError;
  // The same cold load on a CPU four times slower.
  const slow: number[] = [];
  let slowError: string | undefined = homeError;
  for (let i = 0; i < RUNS && !slowError; i++) {
    const run = await coldRun(browser, server, true, THROTTLE);
    if (run.homeError || run.homeMs === null) slowError = run.homeError ?? 'no home-interactive mark';
    else slow.push(run.homeMs);
    log(`cold run ${i + 1}, CPU ${THROTTLE}x: home ${run.homeMs?.toFixed(0) ?? '-'} ms`);
  }
  const fcps = runs.flatMap((r) => (r.fcpMs === null ? [] : [r.fcpMs]));
  const jsRuns = runs.flatMap((r) => (r.js ? [r.js] : []));
  const totals = jsRuns.map((files) => files.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip }), { raw: 0, gzip: 0 }));
  const files = jsRuns[0] ?? [];
  return {
    files,
    ...(homeError ? { homeError } : {}),
    figures: [
      figure('homeInteractive', 'navigation start -> interactive home', 'ms', 300,
        homeError ? { notMeasured: homeError } : { samples: runs.map((r) => r.homeMs!) }),
      figure('homeInteractive4x', `navigation start -> interactive home, CPU ${THROTTLE}x slower`, 'ms', 500,
        slowError ? { notMeasured: slowError } : { samples: slow }),
      figure('firstContentfulPaint', 'first contentful paint', 'ms', 500,
        fcps.length ? { samples: fcps } : { notMeasured: 'no first-contentful-paint entry' }),
      figure('firstScreenJs', 'JavaScript before home (gzip -9)', 'kB', 200,
        homeError
          ? { notMeasured: homeError }
          : {
              samples: totals.map((t) => t.gzip / 1000),
              note: `${files.length} files, raw ${(median(totals.map((t) => t.raw)) / 1000).toFixed(1)} kB (median)`,
            }),
    ],
  };
}

/** Figure 4 (4b with the CPU throttled): retail bank (50,000 customers), click on advance -> data-round changes, 5 quarters. */
async function advanceFigure(browser: Browser, server: StaticServer, homeError?: string, cpuThrottle = 1): Promise<Figure> {
  const id = cpuThrottle > 1 ? 'advance50k4x' : 'advance50k';
  const name = `advance -> dashboard, 50,000 customers${cpuThrottle > 1 ? `, CPU ${cpuThrottle}x slower` : ''}`;
  const target = cpuThrottle > 1 ? 600 : 150;
  if (homeError) return figure(id, name, 'ms', target, { notMeasured: homeError });
  const page = await newPage(browser, { cpuThrottle });
  try {
    await page.goto(`${server.url}/?lang=en`);
    await waitHtml(page, '[data-ready="home"]', HOME_MS * cpuThrottle);
    await startGame(page, 'retail-bank', BIG_START_MS);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (i > 0) await toQuarter(page, BIG_START_MS);
      samples.push(await timeAdvance(page, BIG_START_MS));
      log(`advance ${i + 1}${cpuThrottle > 1 ? `, CPU ${cpuThrottle}x` : ''}: ${samples.at(-1)!.toFixed(0)} ms`);
    }
    return figure(id, name, 'ms', target, { samples });
  } catch (e) {
    return figure(id, name, 'ms', target, { notMeasured: message(e) });
  } finally {
    await page.context().close();
  }
}

/** Figure 5: frames per second scrolling the database of a 200,000-customer bank. */
async function scrollFigure(browser: Browser, server: StaticServer, fixture: string | Error, homeError?: string): Promise<Figure> {
  const name = 'database scroll, 200,000 customers';
  if (homeError) return figure('scroll200k', name, 'fps', 60, { notMeasured: homeError });
  if (fixture instanceof Error) return figure('scroll200k', name, 'fps', 60, { notMeasured: fixture.message });
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/?lang=en&scenario=${encodeURIComponent(fixture)}`);
    await waitHtml(page, '[data-ready="home"]', HOME_MS);
    // The file is fetched after home is up: start only once it is chosen, not the default scenario.
    await page.locator('[data-testid="chosen-file"]').first().waitFor({ timeout: HOME_MS });
    // Play one quarter so the database has a history; if that fails, scroll it anyway (it holds
    // all the customers from quarter 0) and say so.
    let played = 'after 1 quarter';
    try {
      await startGame(page, null, BIG_START_MS);
      await timeAdvance(page, BIG_START_MS);
    } catch (e) {
      played = `before any quarter (${message(e)})`;
    }
    await click(page, 'nav-database');
    await page.locator('[data-testid="customer-grid"] [role=row]').first().waitFor({ timeout: BIG_START_MS });
    const r = await scrollGrid(page);
    const fps = (r.frames * 1000) / r.ms;
    log(`scroll: ${r.frames} frames in ${r.ms.toFixed(0)} ms`);
    return figure('scroll200k', name, 'fps', 60, {
      samples: [fps],
      note:
        `${r.frames} frames in ${(r.ms / 1000).toFixed(1)} s at 400 px/frame after 0.5 s warm-up, longest frame ${r.worstMs.toFixed(0)} ms, ` +
        `${r.longFrames} frames > 25 ms, ${r.rowsInDom} rows in the DOM; ${played}`,
    });
  } catch (e) {
    return figure('scroll200k', name, 'fps', 60, { notMeasured: message(e) });
  } finally {
    await page.context().close();
  }
}

interface Bank {
  population: { size: number };
  firm: { cash: number; headcount: number; fixedCosts: number; budget: { base: number }; insolvency: { maxDebt: number } };
  initialDecisions: { tiers: { acquisitionSpend: number }[] };
}

/**
 * scenarios/retail-bank.json with 200,000 customers, written to `dir`; its URL path, or why
 * not. Staff, budget and money grow with the customers as in bench/sim.bench.ts: with the
 * size alone the opening plan is over budget and staff time, and cannot be played.
 */
function bigBank(dir: string): string | Error {
  const s = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'retail-bank.json'), 'utf8')) as Bank;
  const k = 200_000 / s.population.size;
  s.population.size = 200_000;
  s.firm.cash *= k;
  s.firm.headcount = Math.round(s.firm.headcount * k);
  s.firm.fixedCosts *= k;
  s.firm.budget.base *= k;
  s.firm.insolvency.maxDebt *= k;
  for (const t of s.initialDecisions.tiers) t.acquisitionSpend *= k;
  const out = JSON.stringify(s, null, 2);
  const check = loadScenario(out, 'bank-200k.json');
  if (!check.ok) return new Error(`the 200,000-customer bank is not a valid scenario: ${check.errors.map((e) => e.message).join('; ')}`);
  writeFileSync(join(dir, 'bank-200k.json'), out);
  return '/fixtures/bank-200k.json';
}

async function environment(browser: Browser, server: StaticServer) {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/`);
    const webgl = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl');
      if (!gl) return 'none';
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    });
    // What src/scene/renderer.ts asks first: WebGL without a major performance caveat.
    const webglCaveat = await page.evaluate(() => document.createElement('canvas').getContext('webgl', { failIfMajorPerformanceCaveat: true }) === null);
    return {
      chromium: browser.version(),
      headless: true,
      args: CHROMIUM_ARGS.join(' '),
      webglRenderer: webgl,
      webglMajorPerformanceCaveat: webglCaveat,
      idleFps: Math.round(await idleFps(page, 2000)),
      cpu: `${cpus()[0]?.model ?? '?'} x ${cpus().length}`,
      node: process.version,
    };
  } finally {
    await page.context().close();
  }
}

/** The memory run's growth figures, for --json. */
function heapSummary(run: HeapRun) {
  const g = (pts: HeapRun['onFirm']) => ({
    jsHeap: growth(pts, (p) => p.page.used),
    pageTotal: growth(pts, pageTotal),
    workerJs: growth(pts.filter((p) => p.worker), (p) => p.worker!.used),
  });
  return { onFirm: g(run.onFirm), left: g(run.left), control: g(run.control) };
}

async function main(): Promise<void> {
  ensureChromium();
  if (!process.argv.includes('--no-build')) {
    log('vite build');
    buildApp();
  }
  const tmp = mkdtempSync(join(tmpdir(), 'crm-bench-ui-'));
  const server = await serveStatic(undefined, [tmp, BENCH_FIXTURES]);
  const browser = await launchChromium();
  try {
    const env = await environment(browser, server);
    const cold = only.has('cold') ? await coldFigures(browser, server) : null;
    // Figures 4 and 5 start from home: no point waiting for it again if the cold runs saw none.
    const figures = [...(cold?.figures ?? [])];
    if (only.has('advance')) figures.push(await advanceFigure(browser, server, cold?.homeError), await advanceFigure(browser, server, cold?.homeError, THROTTLE));
    if (only.has('scroll')) figures.push(await scrollFigure(browser, server, bigBank(tmp), cold?.homeError));
    if (only.has('market')) figures.push(...(await marketFigures(browser, server, tmp, cold?.homeError)));
    if (only.has('fps')) {
      for (const ask of ['canvas', 'webgl', null] as const) figures.push(await firmFpsFigure(browser, server, ask, FPS_CAP_MS));
    }
    const heap = only.has('heap') ? await heapRun(browser, server, heapAsk, HEAP_QUARTERS) : null;
    const heapFixture = `bench/fixtures/${HEAP_FIXTURE}: hotel with 40 quarters, 3,000 customers`;
    if (json) {
      console.log(
        JSON.stringify(
          {
            environment: env,
            runs: RUNS,
            sections: [...only],
            figures,
            firstScreenJsFiles: cold?.files ?? [],
            ...(heap ? { heap: { fixture: heapFixture, ...heap, growth: heapSummary(heap) } } : {}),
          },
          null,
          2,
        ),
      );
      return;
    }
    if (cold) console.log(`UI bench: production build, ${RUNS} cold runs (fresh context, cache disabled) for the first three figures`);
    else console.log(`UI bench: production build; sections ${[...only].join(', ')}`);
    console.log(`Chromium ${env.chromium}, headless, GPU disabled (WebGL renderer: ${env.webglRenderer}${env.webglMajorPerformanceCaveat ? ', major performance caveat' : ''}), idle rAF ${env.idleFps} fps`);
    console.log(`${env.cpu}, Node ${env.node}\n`);
    if (figures.length) console.log(table(figures));
    if (cold?.files.length) {
      console.log('\nJavaScript loaded before home is interactive (first cold run):');
      for (const f of cold.files) console.log(`  ${f.path.padEnd(48)} ${(f.gzip / 1000).toFixed(1).padStart(7)} kB gzip ${(f.raw / 1000).toFixed(1).padStart(8)} kB raw`);
    }
    if (heap) console.log(`\n${heapReport(heap, heapFixture)}`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
