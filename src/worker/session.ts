/**
 * The worker's game: one scenario, seed and list of decisions, the current state, the
 * summaries of the rounds played and what customer records need. Pure TypeScript with no
 * worker API, so Node tests drive it directly; `simWorker.ts` only routes messages to it.
 */
import {
  explainNext, hashJson, hashState, isFormProblem, newExplainer, newGame, planUse, prepareNext, skipNext, step, stepInPlace, validateDecisions,
  type Decisions, type Explainer, type QuarterAttribution, type ScenarioConfig, type SimState,
} from '../sim/index';
import type { Lang } from '../sim/text';
import { loadScenario, validateScenarioJson } from '../scenario/index';
import { classVariant, normalizeClassCode, variantsOf, type ScenarioVariant } from '../scenario/classCode';
import { applyOverrides } from '../scenario/override';
import { showProblems } from '../scenario/decisionMessages';
import { verifyRunFile, type ReadRun, type Replayed } from '../scenario/readRun';
import { renderRunFile, withoutSchemaRef, type RunFile } from '../scenario/runFile';
import { BUILTIN_IDS, builtinText } from './builtins';
import { customerAnalytics, customerRecord, customerTable, queryCustomers, traceBase, traceRound, type BaseTrace, type RoundTrace } from './customers';
import type { ClassPlay, GameSnapshot, GameSource, GameTruth, Responses, StartFailure, RoundSummary, RoundTruth, CustomerColumn, CustomerFilter, CustomerTable } from './protocol';
import { customerBaseFrame } from './scene';
import { answerScale, kpiSource, observeAttribution, quarterView, summarize } from './summary';

/** Reports progress of a long request: `done` of `total` rounds replayed. */
export type Progress = (done: number, total: number) => void;

/** A game in play. */
export interface Session {
  source: GameSource;
  /** The scenario document as parsed (for inline run files). */
  json: unknown;
  scenario: ScenarioConfig;
  scenarioHash: string;
  seed: string;
  decisions: Decisions[];
  /** What the page sees of each round played (observed data only). */
  summaries: RoundSummary[];
  /** Each round's hidden truth, kept here: it leaves the worker only once the game is over (`truthOf`). */
  truths: RoundTruth[];
  /** The customer base before the first round (round 0 of the customer-base scene). */
  base: BaseTrace;
  /** One per round played. */
  traces: RoundTrace[];
  state: SimState;
  /** Cached observed table of the current state (built on first use after a round). */
  table: CustomerTable | null;
  /** The attribution of each quarter explained so far (index 0 = quarter 1; holes: not asked for); computed on request. */
  attributions: (QuarterAttribution | undefined)[];
  /** Where the explanation stands (its counterfactual worlds); null until first asked. */
  explainer: Explainer | null;
  /**
   * A firm of a market (src/worker/market.ts): its state is the market's; the solo explainer's
   * counterfactual worlds and the solo run file do not apply to it.
   */
  market?: true;
  /** A game played for a class: the class code (the seed) and the player. */
  classPlay?: ClassPlay;
  /** The overrides the scenario is played with (a class's variant), as the run file records them. */
  overrides?: string[];
}

export const fileNameOf = (source: GameSource): string =>
  source.kind === 'builtin' ? `${source.id}.json` : source.kind === 'file' ? source.name : source.url;

/** Loads the scenario of `source`; errors carry file, line, column and path. */
export async function loadSource(source: GameSource, lang: Lang): Promise<{ ok: true; scenario: ScenarioConfig; json: unknown; text: string; variants: ScenarioVariant[] } | { ok: false; failure: StartFailure }> {
  const text = source.kind === 'builtin' ? await builtinText(source.id) : source.text;
  if (text === null) return { ok: false, failure: { kind: 'unknownBuiltin', id: source.kind === 'builtin' ? source.id : '' } };
  const loaded = loadScenario(text, fileNameOf(source), lang);
  if (!loaded.ok) return { ok: false, failure: { kind: 'scenario', errors: loaded.errors } };
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null; // unreachable: the loader parsed it already
  }
  return { ok: true, scenario: loaded.scenario, json, text, variants: loaded.variants };
}

/** Starts a game on a loaded scenario and replays `decisions` (progress per round). */
export function startSession(
  source: GameSource,
  scenario: ScenarioConfig,
  json: unknown,
  seed: string,
  decisions: readonly Decisions[],
  progress?: Progress,
  lang: Lang = 'en',
): { ok: true; session: Session } | { ok: false; failure: StartFailure } {
  const state = newGame(scenario, seed);
  // Copied before the replay: `advance(…, true)` plays the rounds on this very state.
  const base = traceBase(state);
  const s: Session = { source, json, scenario, scenarioHash: hashJson(scenario), seed, decisions: [], summaries: [], truths: [], base, traces: [], state, table: null, attributions: [], explainer: null };
  for (const [i, d] of decisions.entries()) {
    const r = advance(s, d, true, lang);
    if (!r.ok) return { ok: false, failure: { kind: 'refused', round: i + 1, problems: r.problems } };
    progress?.(i + 1, decisions.length);
  }
  return { ok: true, session: s };
}

/**
 * A class's world: the code (normalized) is the seed, and the class's values of the scenario's
 * variants are overrides of it, first among the run file's (a solo game and a market alike).
 */
export function classWorld(
  loaded: { scenario: ScenarioConfig; json: unknown; variants: ScenarioVariant[] },
  classCode: string,
  source: GameSource,
  lang: Lang,
): { ok: true; code: string; overrides: string[]; scenario: ScenarioConfig } | { ok: false; failure: StartFailure } {
  const code = normalizeClassCode(classCode);
  if (code === null) throw new Error(`"${classCode}" is not a class code`);
  const overrides = classVariant(loaded.variants, code);
  if (overrides.length === 0) return { ok: true, code, overrides, scenario: loaded.scenario };
  const applied = applyOverrides(loaded.json, overrides, lang);
  const checked = applied.ok ? validateScenarioJson(applied.json, fileNameOf(source), lang) : null;
  if (!checked?.ok) return { ok: false, failure: { kind: 'scenario', errors: checked && !checked.ok ? checked.errors : [] } };
  return { ok: true, code, overrides, scenario: checked.scenario };
}

/** Loads `source` and starts a game on it with `decisions` replayed: `start`, `timeline` and the tests. */
export async function openSession(
  source: GameSource,
  seed: string,
  decisions: readonly Decisions[],
  lang: Lang,
  progress?: Progress,
  classPlay?: ClassPlay,
): Promise<{ ok: true; session: Session } | { ok: false; failure: StartFailure }> {
  const loaded = await loadSource(source, lang);
  if (!loaded.ok) return loaded;
  if (!classPlay) return startSession(source, loaded.scenario, loaded.json, seed, decisions, progress, lang);
  const world = classWorld(loaded, classPlay.code, source, lang);
  if (!world.ok) return world;
  const { code, overrides, scenario } = world;
  const r = startSession(source, scenario, loaded.json, code, decisions, progress, lang);
  if (r.ok) {
    r.session.classPlay = { code, player: classPlay.player };
    r.session.overrides = overrides;
  }
  return r;
}

/** Whether the game is over (finished or bankrupt): only then does the truth leave the worker. */
export const isOver = (s: Session): boolean => s.state.status !== 'running';

/** The truth of every quarter played, once the game is over; null while it runs. */
export function truthOf(s: Session): GameTruth | null {
  return isOver(s) ? { rounds: s.truths.map((t) => structuredClone(t)) } : null;
}

/** The game as the page holds it: observed data, and the truth only once the game is over. */
export function snapshot(s: Session): GameSnapshot {
  const last = s.summaries[s.summaries.length - 1];
  return {
    classPlay: s.classPlay ?? null,
    scenario: s.scenario,
    scenarioHash: s.scenarioHash,
    seed: s.seed,
    decisions: s.decisions.map((d) => structuredClone(d)),
    summaries: s.summaries,
    view: quarterView(s.scenario, s.state, last?.hash),
    initialCustomers: s.state.initialCount,
    truth: truthOf(s),
    answerScale: answerScale(s.scenario),
  };
}

/** Budget and staff the draft would use, and every reason the engine would refuse it. */
export function preview(s: Session, d: Decisions, lang: Lang = 'en'): Responses['preview'] {
  const problems = validateDecisions(s.scenario, s.state, d, undefined, { market: s.market === true });
  const wellFormed = !problems.some((p) => p.code === 'gameOver' || isFormProblem(p));
  return { use: wellFormed ? planUse(s.scenario, s.state, d) : null, problems: showProblems(problems, lang, s.scenario.currency) };
}

/**
 * Plays one quarter. `inPlace` (replays) saves a copy of the state: the session owns it.
 * A refused decision changes nothing.
 */
export function advance(s: Session, d: Decisions, inPlace = false, lang: Lang = 'en'): Responses['advance'] {
  if (s.market) throw new Error('a market firm plays its quarter with the market (marketResolve)');
  const r = inPlace ? stepInPlace(s.scenario, s.state, d) : step(s.scenario, s.state, d);
  if (!r.ok) return { ok: false, problems: showProblems(r.problems, lang, s.scenario.currency) };
  s.state = r.state;
  s.decisions.push(structuredClone(d));
  const { summary, truth } = summarize(s.scenario, r.report, r.state);
  s.summaries.push(summary);
  s.truths.push(truth);
  s.traces.push(traceRound(r.state, r.report.events));
  s.table = null;
  return { ok: true, summary, view: quarterView(s.scenario, s.state, r.report.hash), truth: truthOf(s) };
}

/** The session rolled back to `round` rounds played (replayed from the start: history is not stored). */
export function rewind(s: Session, round: number): Session {
  if (s.market) throw new Error('a market firm is not rewound on its own');
  const keep = s.decisions.slice(0, Math.max(0, Math.min(round, s.decisions.length)));
  const r = startSession(s.source, s.scenario, s.json, s.seed, keep);
  if (!r.ok) throw new Error('a replay of accepted decisions was refused');
  // The quarters kept are the same quarters: their explanations stand.
  r.session.attributions = s.attributions.slice(0, keep.length);
  return r.session;
}

/**
 * One piece of the explainer's work between quarters (the next quarter's baseline, the
 * traced worlds' momentum), for the worker's idle time, so that explaining the quarter the
 * learner plays next only replays the groups they changed. False: nothing left to do now.
 */
export function prepare(s: Session): boolean {
  if (s.market) return false;
  if (!s.explainer && s.state.round === 0) s.explainer = newExplainer(s.state);
  const ex = s.explainer;
  if (!ex || ex.round !== s.state.round || (s.state.round > 0 && !s.attributions[s.state.round - 1])) return false;
  return prepareNext(s.scenario, ex);
}

/**
 * The attributions of quarters from..upTo (within the quarters played), computing the missing
 * ones: normally just the last quarter, from the explainer that stands at the quarter before
 * it (the session's own state and summary serve as the real quarter, so no extra replay).
 * After a replay (resume, import, rewind) or for an earlier quarter, the explainer starts
 * again from the first quarter: quarters before the first one needed are only stepped, except
 * the last `maxLag` before it, which rebuild the worlds whose late effects are traced (their
 * own explanations lack the late effects of the skipped quarters, so they are not kept).
 */
export function explain(s: Session, upTo: number, from = 1, progress?: Progress): QuarterAttribution[] {
  for (;;) {
    const done = explainUnit(s, upTo, from);
    if (done) return done;
    progress?.(s.explainer!.round, Math.min(upTo, s.decisions.length));
  }
}

/**
 * One quarter of the work of {@link explain} (the worker does it between requests, so that
 * a quarter played meanwhile is not kept waiting): the attributions when they are all there,
 * otherwise null after moving the explainer on by one quarter.
 */
export function explainUnit(s: Session, upTo: number, from = 1): QuarterAttribution[] | null {
  if (s.market) throw new Error("a market firm's quarters are not explained by the solo game's counterfactuals");
  const first = firstUnexplained(s, upTo, from);
  if (Array.isArray(first)) return first;
  let ex = s.explainer;
  if (!ex || ex.round > first - 1) ex = newExplainer(newGame(s.scenario, s.seed));
  s.explainer = ex;
  const r = ex.round + 1;
  const d = s.decisions[r - 1]!;
  if (r < first - ex.maxLag) skipNext(s.scenario, ex, d);
  else {
    const actual = r === s.state.round ? { state: s.state, report: kpiSource(s.summaries[r - 1]!, s.truths[r - 1]!) } : undefined;
    const { attribution } = explainNext(s.scenario, ex, d, actual);
    // Before `first` the late effects of skipped quarters are missing: those only rebuild the traced worlds.
    if (r >= first) s.attributions[r - 1] ??= attribution;
  }
  return null;
}

/** The first quarter of from..upTo (within the quarters played) not explained yet, or all their attributions when none is missing. */
export function firstUnexplained(s: Session, upTo: number, from: number): number | QuarterAttribution[] {
  const n = Math.max(0, Math.min(upTo, s.decisions.length));
  const lo = Math.max(1, from);
  for (let r = lo; r <= n; r++) if (!s.attributions[r - 1]) return r;
  const out: QuarterAttribution[] = [];
  for (let r = lo; r <= n; r++) out.push(s.attributions[r - 1]!);
  return out;
}

/**
 * The attributions as the page may have them: whole once the game is over, without the true
 * KPIs (satisfaction, loyalty, employee satisfaction) while it runs.
 */
export function explainAnswer(s: Session, from: number, attributions: QuarterAttribution[]): Responses['explain'] {
  return isOver(s) ? { from, revealed: true, attributions } : { from, revealed: false, attributions: attributions.map(observeAttribution) };
}

/** The observed customer table (cached until the next round). */
export function table(s: Session): CustomerTable {
  s.table ??= customerTable(s.scenario, s.state, s.traces.at(-1)?.events);
  return s.table;
}

export function query(s: Session, sort: CustomerColumn, descending: boolean, filter: CustomerFilter): Int32Array {
  return queryCustomers(table(s), sort, descending, filter);
}

export function record(s: Session, id: number): Responses['record'] {
  return customerRecord(s.state, s.traces, id, s.base);
}

export function analytics(s: Session): Responses['analytics'] {
  return customerAnalytics(table(s));
}

/** The customer-base scene's frame of quarter `round` (0..rounds played), or null out of range. Fresh arrays each call. */
export function customerBase(s: Session, round: number): Responses['customerBase'] {
  return customerBaseFrame(s, round);
}

/** The run file of the game so far (before quarter 1 too: its final hash is the initial state's); the command line's `verify` checks it. */
export function exportRun(s: Session): Responses['exportRun'] {
  if (s.market) throw new Error("a market firm's run file is the market's (marketExport)");
  const scenario: RunFile['scenario'] = s.source.kind === 'builtin' ? { id: s.source.id, hash: s.scenarioHash } : { inline: withoutSchemaRef(s.json) };
  const text = renderRunFile({
    scenario, overrides: s.overrides ?? [], seed: s.seed, decisions: s.decisions, score: s.state.score, finalHash: hashState(s.state),
    ...(s.classPlay ? { classCode: s.classPlay.code, ...(s.classPlay.player !== null ? { player: s.classPlay.player } : {}) } : {}),
  });
  const safeSeed = s.seed.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40) || 'seed';
  return { text, fileName: `${s.scenario.id}-${safeSeed}-q${s.state.round}.crm-run.json` };
}

/** The game's source for a run file that was read: a built-in by id when the file plays one as it is, else the scenario it played as a file (overrides applied). */
function runSource(read: ReadRun): GameSource {
  if (read.builtin !== null && read.run.overrides.length === 0) return { kind: 'builtin', id: read.builtin };
  return { kind: 'file', name: read.scenarioLabel, text: `${JSON.stringify(read.doc, null, 2)}\n` };
}

/**
 * A class game read from a run file, when its overrides are exactly its class's variant: the
 * class and the scenario as the class plays it (the source before the variant, which a resume
 * applies again from the code). Null otherwise: the game is then a game of its own scenario.
 */
function runClass(read: ReadRun): { classPlay: ClassPlay; source: GameSource; overrides: string[] } | null {
  const code = read.run.classCode === undefined ? null : normalizeClassCode(read.run.classCode);
  if (code === null || code !== read.run.seed) return null;
  const overrides = classVariant(variantsOf(read.doc), code);
  if (overrides.length !== read.run.overrides.length || overrides.some((o, i) => read.run.overrides[i] !== o)) return null;
  const inline = 'inline' in read.run.scenario ? read.run.scenario.inline : null;
  const source: GameSource = read.builtin !== null ? { kind: 'builtin', id: read.builtin } : { kind: 'file', name: read.scenarioLabel, text: `${JSON.stringify(inline, null, 2)}\n` };
  return { classPlay: { code, player: read.run.player ?? null }, source, overrides };
}

/**
 * Reads a run file's bytes with the reader the command line's `verify` uses
 * (src/scenario/readRun.ts), replays it into a session and checks its claim: the same
 * verdict as `npm run sim -- verify`. The session is returned, not adopted: the caller decides.
 */
export async function importRun(bytes: Uint8Array, fileName: string, lang: Lang, progress?: Progress): Promise<{ ok: true; session: Session } | { ok: false; failure: StartFailure }> {
  const v = await verifyRunFile(bytes, fileName, lang, { builtin: builtinText, builtinIds: BUILTIN_IDS }, (read): Replayed<Session> => {
    const cls = runClass(read);
    const r = startSession(cls?.source ?? runSource(read), read.scenario, cls && 'inline' in read.run.scenario ? read.run.scenario.inline : read.doc, read.run.seed, read.run.decisions, progress, lang);
    if (r.ok && cls) {
      r.session.classPlay = cls.classPlay;
      r.session.overrides = cls.overrides;
    }
    if (r.ok) return { ok: true, state: r.session.state, kept: r.session };
    if (r.failure.kind === 'refused') return { ok: false, round: r.failure.round, problems: r.failure.problems };
    throw new Error('a replay failed for a reason other than a refused round');
  });
  return v.ok ? { ok: true, session: v.kept } : { ok: false, failure: { kind: 'runFile', errors: v.errors } };
}
