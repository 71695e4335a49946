/**
 * The one reader of run files, used by the command line (`verify`, `replay`) and by the app's
 * import alike, so both give the same verdict on the same bytes: decode (decode.ts), parse and
 * check the shape (runFile.ts), find the scenario (a built-in unchanged since the recording,
 * or the inline one), apply the overrides, replay, and check every part of the claim (rounds,
 * score, final hash). Every problem is a {@link ScenarioIssue} with file, line, column and
 * path, like the scenario loader's. Pure: the caller hands in the bytes and a way to find the
 * built-ins; how to replay is the caller's too (the worker keeps its session, the CLI its reports).
 */
import type { ScenarioConfig } from '../sim/config';
import { hashJson, hashState } from '../sim/hash';
import type { RoundReport } from '../sim/report';
import type { SimState } from '../sim/state';
import type { Lang } from '../sim/text';
import type { DecisionProblem } from '../sim/validate';
import { fileText } from './decode';
import { loadScenario, toIssues, validateScenarioJson, type ScenarioIssue } from './load';
import { formatNumber, type Rendered } from './messages';
import { applyOverrides } from './override';
import type { PathSegment } from './problem';
import { parseRunFile, refusedText, replayRun, withoutSchemaRef, type RunFile } from './runFile';

/** Where the reader finds the built-in scenarios a run file names. */
export interface RunHost {
  /** The bytes or text of built-in scenario `id`, or null if this version has none by that id. */
  builtin(id: string): Promise<Uint8Array | string | null> | Uint8Array | string | null;
  /** The ids of the built-ins, named when a file asks for one that does not exist. */
  readonly builtinIds: readonly string[];
}

/** A run file read and its scenario loaded, before the replay. */
export interface ReadRun {
  run: RunFile;
  /** The file's decoded text (issues are positioned in it). */
  text: string;
  scenario: ScenarioConfig;
  /** The scenario document played, after the overrides, without `$schema`. */
  doc: Record<string, unknown>;
  /** The built-in the file names (null: the scenario is inline). */
  builtin: string | null;
  /** The scenario as problems with it name it: `run.json (scenario.inline)`, `run.json (built-in scenario hotel, after --set)`. */
  scenarioLabel: string;
}

/** What a replay gives: the final state and whatever the caller keeps of it, or the round the engine refused. */
export type Replayed<R> = { ok: true; state: SimState; kept: R } | { ok: false; round: number; problems: DecisionProblem[] };

/** The replayed figures. */
export interface Actual {
  score: number;
  finalHash: string;
  rounds: number;
}

/** The verdict on a run file. */
export type RunVerdict<R> =
  | { ok: true; read: ReadRun; kept: R; actual: Actual }
  /** The file could not be read: its text, its shape or its scenario. Nothing was replayed. */
  | { ok: false; stage: 'file'; errors: ScenarioIssue[] }
  /** The engine refused the decisions of a round. */
  | { ok: false; stage: 'refused'; errors: ScenarioIssue[]; read: ReadRun }
  /** The replay went through, but the claim does not hold. */
  | { ok: false; stage: 'claim'; errors: ScenarioIssue[]; read: ReadRun; kept: R; actual: Actual };

export const RUN_MESSAGES = {
  en: {
    inline: (file: string, sets: boolean) => `${file} (scenario.inline${sets ? ', after --set' : ''})`,
    builtin: (file: string, id: string, sets: boolean) => `${file} (built-in scenario ${id}${sets ? ', after --set' : ''})`,
    builtinIds: (ids: readonly string[]) => (ids.length > 0 ? `one of ${ids.join(', ')}` : 'a built-in scenario of this version'),
    unknownBuiltin: (id: string, ids: readonly string[]) =>
      `the run was recorded on the built-in scenario "${id}", which this version of CRM Sandbox does not have` + (ids.length > 0 ? `; the built-in scenarios are ${ids.join(', ')}` : ''),
    hashNow: (now: string) => `the hash of the built-in scenario now, ${now}`,
    builtinChanged: (id: string, withSets: boolean, was: string, now: string) =>
      `the built-in scenario "${id}"${withSets ? " (with this file's --set overrides)" : ''} has changed since this run was recorded (scenario hash ${was}, now ${now}), so the run cannot be replayed`,
    override: 'an override that applies to this scenario',
    accepted: 'decisions the engine accepts',
    reasons: (n: number) => `${n} reason${n === 1 ? '' : 's'} to refuse them`,
    rounds: (n: string) => `${n}, the rounds its decisions hold`,
    roundsBody: (claimed: string, actual: string) => `the file claims ${claimed} rounds, but it holds decisions for ${actual}`,
    score: (n: string) => `${n}, the replay's score`,
    scoreBody: (claimed: string, actual: string) => `the claimed score ${claimed} does not match the replay's ${actual}`,
    hash: (h: string) => `${h}, the replay's final hash`,
    hashBody: (claimed: string, actual: string) => `the claimed final hash ${claimed} does not match the replay's ${actual}: the file was changed, or made by another version`,
  },
  'zh-CN': {
    inline: (file: string, sets: boolean) => `${file}（scenario.inline${sets ? '，应用 --set 后' : ''}）`,
    builtin: (file: string, id: string, sets: boolean) => `${file}（内置情景 ${id}${sets ? '，应用 --set 后' : ''}）`,
    builtinIds: (ids: readonly string[]) => (ids.length > 0 ? `${ids.join('、')} 之一` : '当前版本的内置情景'),
    unknownBuiltin: (id: string, ids: readonly string[]) =>
      `此运行记录使用的内置情景“${id}”在当前版本的客户关系经营沙盘中不存在` + (ids.length > 0 ? `；内置情景有 ${ids.join('、')}` : ''),
    hashNow: (now: string) => `内置情景当前的哈希 ${now}`,
    builtinChanged: (id: string, withSets: boolean, was: string, now: string) =>
      `内置情景“${id}”${withSets ? '（应用此文件的 --set 覆盖后）' : ''}在此运行记录之后已被修改（情景哈希原为 ${was}，现为 ${now}），因此无法重放`,
    override: '适用于此情景的参数覆盖',
    accepted: '引擎接受的决策',
    reasons: (n: number) => `${n} 条拒绝理由`,
    rounds: (n: string) => `${n}（其决策所含的回合数）`,
    roundsBody: (claimed: string, actual: string) => `文件声称 ${claimed} 个回合，但只含 ${actual} 个回合的决策`,
    score: (n: string) => `${n}（重放得分）`,
    scoreBody: (claimed: string, actual: string) => `声称的得分 ${claimed} 与重放得分 ${actual} 不符`,
    hash: (h: string) => `${h}（重放的最终哈希）`,
    hashBody: (claimed: string, actual: string) => `声称的最终哈希 ${claimed} 与重放结果 ${actual} 不符：文件被修改过，或来自其他版本`,
  },
} as const;

/** One problem at a path of the run file, rendered. */
export interface At {
  path: PathSegment[];
  anchor: 'value';
  r: Rendered;
}

export const at = (path: PathSegment[], r: Rendered): At => ({ path, anchor: 'value', r });

/** Issues at paths of the run file, positioned in its text. */
export function placed(problems: At[], file: string, lang: Lang, text: string): ScenarioIssue[] {
  return toIssues(problems, file, lang, (p) => p.r, text);
}

/** The scenario a run file was played on, loaded. */
export interface RunScenario {
  scenario: ScenarioConfig;
  doc: Record<string, unknown>;
  builtin: string | null;
  scenarioLabel: string;
}

/**
 * Loads the scenario a parsed run file (solo or market) names: the built-in by id, unchanged
 * since the recording, or the inline one; then its overrides, one at a time. Problems are
 * positioned in the run file's `text`.
 */
export async function loadRunScenario(
  run: Pick<RunFile, 'scenario' | 'overrides'>,
  text: string,
  fileName: string,
  lang: Lang,
  host: RunHost,
): Promise<{ ok: true; loaded: RunScenario } | { ok: false; errors: ScenarioIssue[] }> {
  const l: Lang = lang === 'zh-CN' ? 'zh-CN' : 'en';
  const m = RUN_MESSAGES[l];
  const fail = (problems: At[]) => ({ ok: false as const, errors: placed(problems, fileName, l, text) });
  const sets = run.overrides.length > 0;
  let base: unknown;
  let scenarioLabel: string;
  if ('inline' in run.scenario) {
    base = run.scenario.inline;
    scenarioLabel = m.inline(fileName, sets);
  } else {
    const id = run.scenario.id;
    const src = await host.builtin(id);
    if (src === null) return fail([at(['scenario', 'id'], { expected: m.builtinIds(host.builtinIds), found: `"${id}"`, body: m.unknownBuiltin(id, host.builtinIds) })]);
    scenarioLabel = m.builtin(fileName, id, sets);
    // Problems in the built-in's own text (never expected) point into its file.
    const own = `scenarios/${id}.json`;
    const srcText = typeof src === 'string' ? { ok: true as const, text: src } : fileText(src, own, l);
    if (!srcText.ok) return srcText;
    const loaded = loadScenario(srcText.text, own, l);
    if (!loaded.ok) return loaded;
    base = JSON.parse(srcText.text.charCodeAt(0) === 0xfeff ? srcText.text.slice(1) : srcText.text);
  }

  // Overrides one at a time, so each problem points at its own entry (each applies to the result of those before it).
  let doc = base;
  const bad: At[] = [];
  run.overrides.forEach((set, i) => {
    const o = applyOverrides(doc, [set], l);
    if (o.ok) doc = o.json;
    else for (const e of o.errors) bad.push(at(['overrides', i], { expected: m.override, found: `"${set}"`, body: e }));
  });
  if (bad.length > 0) return fail(bad);
  const checked = validateScenarioJson(doc, scenarioLabel, l);
  if (!checked.ok) return checked;
  const scenario = checked.scenario;
  if ('id' in run.scenario) {
    const now = hashJson(scenario);
    const was = run.scenario.hash;
    if (now !== was) {
      return fail([at(['scenario', 'hash'], { expected: m.hashNow(now), found: was, body: m.builtinChanged(run.scenario.id, sets, was, now) })]);
    }
  }
  return { ok: true, loaded: { scenario, doc: withoutSchemaRef(doc), builtin: 'id' in run.scenario ? run.scenario.id : null, scenarioLabel } };
}

/** Reads a run file's bytes and loads the scenario it was played on; nothing is replayed yet. */
export async function readRunFile(bytes: Uint8Array, fileName: string, lang: Lang, host: RunHost): Promise<{ ok: true; read: ReadRun } | { ok: false; errors: ScenarioIssue[] }> {
  const l: Lang = lang === 'zh-CN' ? 'zh-CN' : 'en';
  const decoded = fileText(bytes, fileName, l);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  const parsed = parseRunFile(text, fileName, l);
  if (!parsed.ok) return parsed;
  const run = parsed.run;
  const sc = await loadRunScenario(run, text, fileName, l, host);
  if (!sc.ok) return sc;
  return { ok: true, read: { run, text, ...sc.loaded } };
}

/** Every part of the claim that the replay does not bear out (rounds, score, final hash), positioned at the claim's fields. */
export function claimIssues(read: ReadRun, actual: Actual, fileName: string, lang: Lang): ScenarioIssue[] {
  const l: Lang = lang === 'zh-CN' ? 'zh-CN' : 'en';
  const m = RUN_MESSAGES[l];
  const claim = read.run.claim;
  const n = (x: number): string => formatNumber(x, l);
  const problems: At[] = [];
  if (claim.rounds !== undefined && claim.rounds !== actual.rounds) {
    problems.push(at(['claim', 'rounds'], { expected: m.rounds(n(actual.rounds)), found: n(claim.rounds), body: m.roundsBody(n(claim.rounds), n(actual.rounds)) }));
  }
  if (claim.score !== actual.score) {
    problems.push(at(['claim', 'score'], { expected: m.score(String(actual.score)), found: String(claim.score), body: m.scoreBody(String(claim.score), String(actual.score)) }));
  }
  if (claim.finalHash !== actual.finalHash) {
    problems.push(at(['claim', 'finalHash'], { expected: m.hash(actual.finalHash), found: claim.finalHash === '' ? '""' : claim.finalHash, body: m.hashBody(claim.finalHash === '' ? '""' : claim.finalHash, actual.finalHash) }));
  }
  return placed(problems, fileName, l, read.text);
}

/** The command line's replay: the engine's reports of every round. */
export function replayReports(read: ReadRun): Replayed<RoundReport[]> {
  const r = replayRun(read.scenario, read.run);
  return r.ok ? { ok: true, state: r.state, kept: r.reports } : r;
}

/**
 * The verdict on a run file's bytes: read it ({@link readRunFile}), replay it with `replay`
 * and check its claim ({@link claimIssues}). The command line and the app's import both call
 * this, so a file one accepts the other accepts.
 */
export async function verifyRunFile<R>(
  bytes: Uint8Array,
  fileName: string,
  lang: Lang,
  host: RunHost,
  replay: (read: ReadRun) => Replayed<R>,
): Promise<RunVerdict<R>> {
  const l: Lang = lang === 'zh-CN' ? 'zh-CN' : 'en';
  const r = await readRunFile(bytes, fileName, l, host);
  if (!r.ok) return { ok: false, stage: 'file', errors: r.errors };
  const read = r.read;
  const played = replay(read);
  if (!played.ok) {
    const reasons = RUN_MESSAGES[l].reasons(played.problems.length);
    const issue = at(['decisions', played.round - 1], { expected: RUN_MESSAGES[l].accepted, found: reasons, body: refusedText(played.round, played.problems, l) });
    return { ok: false, stage: 'refused', errors: placed([issue], fileName, l, read.text), read };
  }
  const actual: Actual = { score: played.state.score, finalHash: hashState(played.state), rounds: read.run.decisions.length };
  const errors = claimIssues(read, actual, fileName, l);
  return errors.length > 0 ? { ok: false, stage: 'claim', errors, read, kept: played.kept, actual } : { ok: true, read, kept: played.kept, actual };
}
