/**
 * Run files: a recorded game (scenario, overrides, seed, every round's decisions) and the
 * score and final state hash it claims. Anyone can replay one and check the claim, since the
 * sim is deterministic. Pure: the caller reads and writes the text, and loads the scenario.
 */
import { z } from 'zod';
import type { Decisions, ScenarioConfig } from '../sim/config';
import { MAX_FIRM_NAME, MAX_FIRMS } from '../sim/market/market';
import { hashState } from '../sim/hash';
import { newGame } from '../sim/newGame';
import type { RoundReport } from '../sim/report';
import type { SimState } from '../sim/state';
import { step } from '../sim/step';
import type { Lang } from '../sim/text';
import type { DecisionProblem } from '../sim/decisions/problems';
import { problemLine } from './decisionMessages';
import { decisionsSchema } from './decisionsSchema';
import { id, int, listOf, text } from './fields';
import { MAX_TEXT_CHARS, parseJsonText, toIssues, type Placed, type ScenarioIssue } from './load';
import { formatNumber, renderDetail, valueText, type Rendered } from './messages';
import type { PathSegment, Problem } from './problem';
import { zodProblems } from './zodProblems';

/** The value of `format` in every run file. */
export const RUN_FILE_FORMAT = 'crm-sandbox-run';
/** The run-file version this code writes and reads. */
export const RUN_FILE_VERSION = 1;
/** Most rounds a run file may record (scenarios have at most 40). */
export const MAX_RUN_ROUNDS = 200;
/** The longest firm name a market run file holds. */
export { MAX_FIRM_NAME };

/** The schema of a run file (after the format and version checks of {@link parseRunFile}). */
export const runFileSchema = z
  .strictObject({
    format: z.literal(RUN_FILE_FORMAT).describe('Always "crm-sandbox-run".'),
    version: z.literal(RUN_FILE_VERSION).describe('Version of the run-file format.'),
    scenario: z
      .union([
        z.strictObject({
          id: id('Id of a built-in scenario.'),
          hash: text(64, 'hashJson of the scenario after the overrides, when the run was recorded.'),
        }),
        z.strictObject({ inline: z.looseObject({}).describe('The scenario file itself, before the overrides.') }),
      ])
      .describe('The scenario played: a built-in by id and hash, or the whole scenario inline.'),
    overrides: listOf(text(1000, 'A --set path=value override.'), 0, 1000, 'The --set overrides, in order.').default([]),
    seed: text(1000, 'The game seed.'),
    classCode: text(40, "The class code the game was played under (upper case): the seed is the code, and the class's variant values are the first overrides.").optional(),
    player: text(200, "The player's name or student number, as typed (it does not change the game).").optional(),
    decisions: listOf(decisionsSchema, 0, MAX_RUN_ROUNDS, 'The decisions of every round played, round 1 first.'),
    claim: z.strictObject({
      score: z.number().describe('Final score.'),
      finalHash: text(64, 'hashState of the final state.'),
      rounds: int(0, MAX_RUN_ROUNDS, 'Rounds played.').optional(),
    }),
  })
  .describe('A recorded game of CRM Sandbox.');

/** A parsed run file. */
export type RunFile = z.output<typeof runFileSchema>;

/**
 * The schema of a market game's run file (MODEL.md section 8): the same format, with the firms
 * in their seats, every quarter's plans in seat order (null for a firm that no longer plays) and
 * each firm's claimed score. Its `firms` field is what makes it a market run file.
 */
export const marketRunFileSchema = z
  .strictObject({
    format: z.literal(RUN_FILE_FORMAT).describe('Always "crm-sandbox-run".'),
    version: z.literal(RUN_FILE_VERSION).describe('Version of the run-file format.'),
    scenario: runFileSchema.shape.scenario,
    overrides: runFileSchema.shape.overrides,
    seed: runFileSchema.shape.seed,
    classCode: runFileSchema.shape.classCode,
    player: runFileSchema.shape.player,
    firms: listOf(
      z.strictObject({
        name: text(MAX_FIRM_NAME, "The firm's name, unique in the market: it is the firm's identity (its draws depend on it)."),
        policy: id('The reference strategy that ran the firm, if the computer did; absent for a team.').optional(),
      }),
      1,
      MAX_FIRMS,
      'The firms of the market, in their seats.',
    ),
    decisions: listOf(
      listOf(decisionsSchema.nullable(), 1, MAX_FIRMS, "One quarter's plans in seat order: null for a firm that no longer plays."),
      0,
      MAX_RUN_ROUNDS,
      'The plans of every quarter played, quarter 1 first.',
    ),
    claim: z.strictObject({
      scores: listOf(z.number().describe("A firm's final score."), 1, MAX_FIRMS, 'Final scores in seat order.'),
      finalHash: text(64, 'hashMarket of the final market.'),
      rounds: int(0, MAX_RUN_ROUNDS, 'Quarters played.').optional(),
    }),
  })
  .describe('A recorded market game of CRM Sandbox.');

/** A parsed market run file. */
export type MarketRunFile = z.output<typeof marketRunFileSchema>;

/** The outcome of {@link parseRunFile}: issues are shaped like the scenario loader's. */
export type RunFileResult = { ok: true; run: RunFile } | { ok: false; errors: ScenarioIssue[] };
/** The outcome of {@link parseMarketRunFile}. */
export type MarketRunFileResult = { ok: true; run: MarketRunFile } | { ok: false; errors: ScenarioIssue[] };

/** Which kind of game a run file records. */
export type RunKind = 'solo' | 'market';

/** Whether a run file's text records a market game (an object with a `firms` field), without checking anything else. */
export function runKindOf(text: string): RunKind {
  try {
    const json: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return isObject(json) && 'firms' in json ? 'market' : 'solo';
  } catch {
    return 'solo';
  }
}

/** One problem before it is positioned: where, and what it says. */
interface Located extends Placed {
  r: Rendered;
}

const MESSAGES = {
  en: {
    runFile: 'a CRM Sandbox run file ("format": "crm-sandbox-run")',
    foreign: (found: string) => `this is not a CRM Sandbox run file: expected "format": "crm-sandbox-run", found ${found}`,
    scenario: 'a scenario file',
    noFormat: 'no "format" field',
    isScenario: 'this is a scenario file, not a run file; use it with "run" or "validate"',
    newer: (v: string) => `this run file has version ${v}, but this CRM Sandbox reads only version ${RUN_FILE_VERSION}; update CRM Sandbox`,
    tooLarge: (mb: string, max: string) => `the file is too large (${mb} MB); a run file may be at most ${max} MB`,
    soloRun: 'the run file of a solo game',
    marketRun: 'the run file of a market game (with "firms")',
    isMarket: (n: number) =>
      `this is the run file of a market game (${n} firm${n === 1 ? '' : 's'}), not of a solo game; check it with "npm run sim -- verify FILE"`,
    isSolo: 'this is the run file of a solo game, not of a market game (it has no "firms"); open it from the game\'s start screen',
  },
  'zh-CN': {
    runFile: '客户关系经营沙盘运行记录文件（"format": "crm-sandbox-run"）',
    foreign: (found: string) => `这不是客户关系经营沙盘的运行记录文件：应有 "format": "crm-sandbox-run"，实际为 ${found}`,
    scenario: '情景文件',
    noFormat: '没有 "format" 字段',
    isScenario: '这是情景文件，不是运行记录文件；请将其用于 "run" 或 "validate"',
    newer: (v: string) => `此运行记录文件的版本为 ${v}，而当前的客户关系经营沙盘只能读取版本 ${RUN_FILE_VERSION}；请更新`,
    tooLarge: (mb: string, max: string) => `文件过大（${mb} MB）；运行记录文件最大为 ${max} MB`,
    soloRun: '单人游戏的运行记录文件',
    marketRun: '市场对抗的运行记录文件（含 "firms"）',
    isMarket: (n: number) => `这是市场对抗（${n} 家企业）的运行记录文件，不是单人游戏的；请用 "npm run sim -- verify 文件" 检查`,
    isSolo: '这是单人游戏的运行记录文件，不是市场对抗的（没有 "firms"）；请在游戏的开始界面打开',
  },
} as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The format, kind and version checks that come before the schema: is this a run file at all, and of the kind wanted? */
function identify(json: unknown, lang: Lang, kind: RunKind): Located | null {
  const m = MESSAGES[lang];
  const at = (path: PathSegment[], r: Rendered): Located => ({ path, anchor: 'value', r });
  if (!isObject(json)) {
    const found = valueText(json, lang);
    return at([], { expected: m.runFile, found, body: m.foreign(found) });
  }
  if (json.format !== RUN_FILE_FORMAT) {
    if (json.format === undefined && 'schemaVersion' in json && 'population' in json) {
      return at([], { expected: m.runFile, found: m.scenario, body: m.isScenario });
    }
    const found = json.format === undefined ? m.noFormat : valueText(json.format, lang);
    return at(json.format === undefined ? [] : ['format'], { expected: m.runFile, found, body: m.foreign(found) });
  }
  const v = json.version;
  if (typeof v === 'number' && Number.isInteger(v) && v > RUN_FILE_VERSION) {
    const found = formatNumber(v, lang);
    return at(['version'], { expected: `version ${RUN_FILE_VERSION}`, found, body: m.newer(found) });
  }
  if (kind === 'solo' && 'firms' in json) {
    const n = Array.isArray(json.firms) ? json.firms.length : 0;
    return at(['firms'], { expected: m.soloRun, found: m.marketRun, body: m.isMarket(n) });
  }
  if (kind === 'market' && !('firms' in json)) return at([], { expected: m.marketRun, found: m.soloRun, body: m.isSolo });
  return null;
}

/** Parses run-file text of one kind with its schema (see {@link parseRunFile}). */
function parseKind<S extends z.ZodType>(schema: S, kind: RunKind, text: string, fileName: string, lang: Lang): { ok: true; run: z.output<S> } | { ok: false; errors: ScenarioIssue[] } {
  const l: Lang = lang === 'zh-CN' ? 'zh-CN' : 'en';
  const fail = (problems: Located[], body?: string) => ({ ok: false as const, errors: toIssues(problems, fileName, l, (p) => p.r, body) });
  const rendered = (p: Problem): Located => ({ path: p.path, anchor: p.anchor, offset: p.offset, r: renderDetail(p.detail, l) });
  const whole = (r: Rendered): Located[] => [{ path: [], anchor: 'value', r }];
  try {
    if (text.length > MAX_TEXT_CHARS) {
      const mb = (n: number): string => (n / (1024 * 1024)).toFixed(1);
      const r = { expected: `≤ ${mb(MAX_TEXT_CHARS)} MB`, found: `${mb(text.length)} MB`, body: MESSAGES[l].tooLarge(mb(text.length), mb(MAX_TEXT_CHARS)) };
      return fail(whole(r));
    }
    const read = parseJsonText(text);
    if (!read.ok) return fail([rendered(read.problem)], read.body);
    const { body, json } = read;
    const foreign = identify(json, l, kind);
    if (foreign) return fail([foreign], body);
    const parsed = schema.safeParse(json);
    if (parsed.success && read.duplicates.length === 0) return { ok: true, run: parsed.data };
    const problems = parsed.success ? [] : zodProblems(parsed.error.issues, schema, json);
    return fail([...read.duplicates, ...problems].map(rendered), body);
  } catch {
    return fail(whole(renderDetail({ kind: 'internal' }, l)));
  }
}

/**
 * Parses the text of a run file. Never throws: a syntax error, a file that is not a run file
 * (another JSON file, a scenario, a market game's run file), a newer version or a field that does
 * not fit (with its path, what was expected and what was found) each comes back as an issue with
 * line and column. The decisions are checked for shape only; whether the engine accepts them
 * shows on replay.
 */
export function parseRunFile(text: string, fileName: string, lang: Lang = 'en'): RunFileResult {
  return parseKind(runFileSchema, 'solo', text, fileName, lang);
}

/** Parses the text of a market game's run file, as {@link parseRunFile} does a solo game's. */
export function parseMarketRunFile(text: string, fileName: string, lang: Lang = 'en'): MarketRunFileResult {
  return parseKind(marketRunFileSchema, 'market', text, fileName, lang);
}

/** A scenario document as a run file inlines it: without its `$schema` (a path relative to where the file was, meaningless in a run file). */
export function withoutSchemaRef(json: unknown): Record<string, unknown> {
  const { $schema: _drop, ...rest } = (json ?? {}) as Record<string, unknown>;
  void _drop;
  return rest;
}

/** What a game recorded by the CLI or the app needs to become a run file. */
export interface RunRecord {
  scenario: RunFile['scenario'];
  overrides: readonly string[];
  seed: string;
  /** The class code (normalized) and the player, when the game was played for a class. */
  classCode?: string;
  player?: string;
  decisions: readonly Decisions[];
  score: number;
  finalHash: string;
}

/** What a market game needs to become a run file. */
export interface MarketRunRecord {
  scenario: RunFile['scenario'];
  overrides: readonly string[];
  seed: string;
  classCode?: string;
  player?: string;
  firms: readonly { name: string; policy?: string }[];
  /** Each quarter's plans in seat order, null for a firm that no longer played. */
  decisions: readonly (readonly (Decisions | null)[])[];
  scores: readonly number[];
  finalHash: string;
}

/** The class fields a record has (none of them for a game not played for a class). */
const classFields = (rec: { classCode?: string; player?: string }): { classCode?: string; player?: string } => ({
  ...(rec.classCode !== undefined ? { classCode: rec.classCode } : {}),
  ...(rec.player !== undefined ? { player: rec.player } : {}),
});

/** The text of a market game's run file: pretty JSON with a trailing newline. */
export function renderMarketRunFile(rec: MarketRunRecord): string {
  const run: MarketRunFile = {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    scenario: rec.scenario,
    overrides: [...rec.overrides],
    seed: rec.seed,
    ...classFields(rec),
    firms: rec.firms.map((f) => (f.policy === undefined ? { name: f.name } : { name: f.name, policy: f.policy })),
    decisions: rec.decisions.map((d) => [...d]),
    claim: { scores: [...rec.scores], finalHash: rec.finalHash, rounds: rec.decisions.length },
  };
  return `${JSON.stringify(run, null, 2)}\n`;
}

/** The text of a run file: pretty JSON with a trailing newline. */
export function renderRunFile(rec: RunRecord): string {
  const run: RunFile = {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    scenario: rec.scenario,
    overrides: [...rec.overrides],
    seed: rec.seed,
    ...classFields(rec),
    decisions: [...rec.decisions],
    claim: { score: rec.score, finalHash: rec.finalHash, rounds: rec.decisions.length },
  };
  return `${JSON.stringify(run, null, 2)}\n`;
}

/** The outcome of {@link replayRun}. */
export type ReplayResult =
  | { ok: true; state: SimState; reports: RoundReport[] }
  /** The engine refused the decisions of `round` (1-based) for these reasons. */
  | { ok: false; round: number; problems: DecisionProblem[] };

/** Replays the run's decisions on `scenario` (already loaded, with the run's overrides applied). */
export function replayRun(scenario: ScenarioConfig, run: Pick<RunFile, 'seed' | 'decisions'>): ReplayResult {
  let state = newGame(scenario, run.seed);
  const reports: RoundReport[] = [];
  for (const [i, decisions] of run.decisions.entries()) {
    const r = step(scenario, state, decisions);
    if (!r.ok) return { ok: false, round: i + 1, problems: r.problems };
    state = r.state;
    reports.push(r.report);
  }
  return { ok: true, state, reports };
}

/** Why a claim does not hold. */
export type VerifyFailure =
  | { kind: 'refused'; round: number; problems: DecisionProblem[] }
  | { kind: 'rounds'; claimed: number; actual: number }
  | { kind: 'score'; claimed: number; actual: number }
  | { kind: 'finalHash'; claimed: string; actual: string };

/** The outcome of {@link verifyRun}: the replayed figures, and the first failure if any. */
export type VerifyResult =
  | { ok: true; score: number; finalHash: string; rounds: number }
  | { ok: false; failure: VerifyFailure };

/**
 * Compares a replayed game with a claim: rounds (if claimed), then the score (exactly:
 * replays are bit-identical) and the hash of the final state.
 */
export function checkClaim(claim: RunFile['claim'], state: SimState, rounds: number): VerifyResult {
  const score = state.score;
  const finalHash = hashState(state);
  if (claim.rounds !== undefined && claim.rounds !== rounds) return { ok: false, failure: { kind: 'rounds', claimed: claim.rounds, actual: rounds } };
  if (claim.score !== score) return { ok: false, failure: { kind: 'score', claimed: claim.score, actual: score } };
  if (claim.finalHash !== finalHash) return { ok: false, failure: { kind: 'finalHash', claimed: claim.finalHash, actual: finalHash } };
  return { ok: true, score, finalHash, rounds };
}

/** Replays `run` on `scenario` (with the run's overrides applied) and checks its claim. */
export function verifyRun(scenario: ScenarioConfig, run: Pick<RunFile, 'seed' | 'decisions' | 'claim'>): VerifyResult {
  const r = replayRun(scenario, run);
  if (!r.ok) return { ok: false, failure: { kind: 'refused', round: r.round, problems: r.problems } };
  return checkClaim(run.claim, r.state, r.reports.length);
}

/** A refused round in words: "round 3 was refused: …" with the engine's reasons. */
export function refusedText(round: number, problems: readonly DecisionProblem[], lang: Lang): string {
  const reasons = problems.map((p) => problemLine(p, lang));
  return lang === 'en'
    ? `the engine refused the decisions of round ${round}: ${reasons.join('; ')}`
    : `引擎拒绝了第 ${round} 回合的决策：${reasons.join('；')}`;
}

/** A failed claim in words, in `lang`. */
export function verifyFailureText(f: VerifyFailure, lang: Lang): string {
  const en = lang === 'en';
  switch (f.kind) {
    case 'refused':
      return refusedText(f.round, f.problems, lang);
    case 'rounds':
      return en ? `the file claims ${f.claimed} rounds, but it holds decisions for ${f.actual}` : `文件声称 ${f.claimed} 个回合，但只含 ${f.actual} 个回合的决策`;
    case 'score':
      return en ? `the claimed score ${f.claimed} does not match the replay's ${f.actual}` : `声称的得分 ${f.claimed} 与重放得分 ${f.actual} 不符`;
    case 'finalHash':
      return en ? `the claimed final hash ${f.claimed} does not match the replay's ${f.actual}` : `声称的最终哈希 ${f.claimed} 与重放结果 ${f.actual} 不符`;
    default: {
      const never: never = f;
      return String(never);
    }
  }
}
