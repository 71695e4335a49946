/**
 * Grading a class (issue 15): each run file verified by replay ({@link gradeFile}, one file at a
 * time, so workers can share a folder), then the class as a whole ({@link gradeClass}): copies
 * found, ranks given. A file's status:
 * - `verified`: a game of this class whose claim holds;
 * - `copy`: verified, but its decision log is identical or nearly identical to another file's
 *   (`copyOf` names that file's player; the files cannot tell who copied, so both are copies);
 * - `tampered`: the claim does not hold, the engine refuses a quarter's plan, or the class's
 *   variant was changed;
 * - `foreign-class`: a game of another class code (or of none);
 * - `invalid`: not a run file, with the reader's error.
 * Pure: the caller reads the bytes and hands in the built-ins (a {@link RunHost}).
 */
import type { Decisions } from '../sim/config';
import type { Lang } from '../sim/text';
import { classVariant, normalizeClassCode, type ScenarioVariant } from './classCode';
import { fileText } from './decode';
import { verifyMarketRunFile } from './marketRun';
import { replayReports, verifyRunFile, type RunHost } from './readRun';
import { runKindOf } from './runFile';

export type GradeStatus = 'verified' | 'copy' | 'tampered' | 'foreign-class' | 'invalid';

/** A player's game in a file: a solo file has one, a market file one per team. */
export interface GradedGame {
  player: string | null;
  score: number;
  customerEquity: number;
  cumulativeProfit: number;
  /** True mean satisfaction of the last quarter's customers, 0-100. */
  satisfaction: number;
}

/** One file, verified on its own. */
export interface GradedFile {
  file: string;
  kind: 'solo' | 'market';
  status: Exclude<GradeStatus, 'copy'>;
  /** Why the file is not verified (the reader's or the replay's first sentence). */
  reason: string | null;
  classCode: string | null;
  /** Its games (none when the file is not verified or cannot be read). */
  games: GradedGame[];
  /** A solo file's decision log, for finding copies (null otherwise). */
  decisions: Decisions[] | null;
  /** The player the file names (a market file: its teams' names are its games' players). */
  player: string | null;
}

/** One line of the class's results. */
export interface GradeRow {
  file: string;
  player: string | null;
  status: GradeStatus;
  score: number | null;
  rank: number | null;
  /** A copy: the player (or file) it copies. */
  copyOf: string | null;
  reason: string | null;
  customerEquity: number | null;
  cumulativeProfit: number | null;
  satisfaction: number | null;
}

export const GRADE_MESSAGES = {
  en: {
    noClass: 'the file was played without a class code',
    otherClass: (code: string) => `the file was played for class ${code}`,
    variantChanged: (expected: string) => `the class's variant of the scenario was changed (the class plays ${expected})`,
    noVariant: 'the class plays the scenario as it is',
  },
  'zh-CN': {
    noClass: '该文件没有使用班级代码',
    otherClass: (code: string) => `该文件属于班级 ${code}`,
    variantChanged: (expected: string) => `班级的情景变体被改动了（本班使用 ${expected}）`,
    noVariant: '本班使用原情景',
  },
} as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The class variants of a loaded run's scenario document (the loader checked them). */
function variantsOf(doc: Record<string, unknown>): ScenarioVariant[] {
  return Array.isArray(doc.variants) ? (doc.variants as ScenarioVariant[]) : [];
}

/** Verifies one run file as a game of class `code` (normalized). */
export async function gradeFile(bytes: Uint8Array, file: string, code: string, lang: Lang, host: RunHost): Promise<GradedFile> {
  const m = GRADE_MESSAGES[lang];
  const decoded = fileText(bytes, file, lang);
  const kind: GradedFile['kind'] = decoded.ok && runKindOf(decoded.text) === 'market' ? 'market' : 'solo';
  const base = { file, kind, games: [] as GradedGame[], decisions: null, player: null, classCode: null };
  const v = kind === 'market' ? await verifyMarketRunFile(bytes, file, lang, host) : await verifyRunFile(bytes, file, lang, host, replayReports);
  if (!v.ok && v.stage === 'file') return { ...base, status: 'invalid', reason: v.errors[0]?.message ?? file };
  const run = v.read.run;
  const classCode = run.classCode === undefined ? null : normalizeClassCode(run.classCode);
  const player = run.player ?? null;
  const named = { ...base, classCode, player };
  if (classCode !== code) return { ...named, status: 'foreign-class', reason: classCode === null ? m.noClass : m.otherClass(classCode) };
  // The class's values of the scenario's variants come first among the overrides, unchanged.
  const expected = classVariant(variantsOf(v.read.doc), code);
  if (expected.some((s, i) => run.overrides[i] !== s)) return { ...named, status: 'tampered', reason: m.variantChanged(expected.join(', ') || m.noVariant) };
  if (!v.ok) return { ...named, status: 'tampered', reason: v.errors[0]?.message ?? file };
  if ('replay' in v) {
    // A market file: one game per team (a firm no strategy ran).
    const games = v.read.run.firms.flatMap((f, seat) => {
      if (f.policy !== undefined) return [];
      const st = v.replay.market.firms[seat]!.state;
      const report = [...v.replay.quarters].reverse().map((q) => q.reports[seat]).find((r) => r != null) ?? null;
      return [{ player: f.name, score: st.score, customerEquity: report?.firm.customerEquity ?? 0, cumulativeProfit: st.firm.cumulativeProfit, satisfaction: report?.firm.satisfaction ?? 0 }];
    });
    return { ...named, status: 'verified', reason: null, games };
  }
  const end = v.kept.at(-1);
  const state = v.actual;
  return {
    ...named,
    status: 'verified',
    reason: null,
    games: [{ player, score: state.score, customerEquity: end?.firm.customerEquity ?? 0, cumulativeProfit: cumulativeProfitOf(v.kept), satisfaction: end?.firm.satisfaction ?? 0 }],
    decisions: run.decisions as Decisions[],
  };
}

/** Cumulative operating profit over a game's reports. */
function cumulativeProfitOf(reports: readonly { finance: { operatingProfit: number } }[]): number {
  return reports.reduce((s, r) => s + r.finance.operatingProfit, 0);
}

/** Every number and yes/no of a plan, in a fixed order (keys sorted), for comparing plans field by field. */
function leaves(x: unknown, out: (number | boolean | string | null)[] = []): (number | boolean | string | null)[] {
  if (Array.isArray(x)) for (const v of x) leaves(v, out);
  else if (isObject(x)) for (const k of Object.keys(x).sort()) leaves(x[k], out);
  else out.push(x as number | boolean | string | null);
  return out;
}

/** The share of the two decision logs' fields that are equal, quarter by quarter (0 when their shapes differ). */
export function decisionSimilarity(a: readonly Decisions[], b: readonly Decisions[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  let all = 0;
  for (let q = 0; q < a.length; q++) {
    const x = leaves(a[q]);
    const y = leaves(b[q]);
    if (x.length !== y.length) return 0;
    for (let i = 0; i < x.length; i++) {
      const u = x[i];
      const w = y[i];
      all++;
      if (u === w || (typeof u === 'number' && typeof w === 'number' && Math.abs(u - w) <= 1e-9 * Math.max(1, Math.abs(u)))) same++;
    }
  }
  return all > 0 ? same / all : 0;
}

/** Two logs at least this similar are one game copied (a value or two changed in a whole game). */
export const COPY_SIMILARITY = 0.98;

/**
 * The class's results, a row per game, in the files' order: a verified solo game whose log is
 * (nearly) another verified one's is a copy of it (both are); verified games and copies are
 * ranked by score (equal scores share a rank).
 */
export function gradeClass(files: readonly GradedFile[]): GradeRow[] {
  const rows: GradeRow[] = [];
  const solo = files.filter((f) => f.status === 'verified' && f.decisions !== null);
  for (const f of files) {
    if (f.status !== 'verified') {
      rows.push({ file: f.file, player: f.player, status: f.status, score: null, rank: null, copyOf: null, reason: f.reason, customerEquity: null, cumulativeProfit: null, satisfaction: null });
      continue;
    }
    // Who copied whom cannot be told from the files: each of a pair is a copy of the other.
    const of = f.decisions ? solo.find((o) => o !== f && decisionSimilarity(o.decisions!, f.decisions!) >= COPY_SIMILARITY) : undefined;
    for (const g of f.games) {
      rows.push({
        file: f.file, player: g.player, status: of ? 'copy' : 'verified', score: g.score, rank: null, copyOf: of ? (of.player ?? of.file) : null, reason: null,
        customerEquity: g.customerEquity, cumulativeProfit: g.cumulativeProfit, satisfaction: g.satisfaction,
      });
    }
  }
  const scores = rows.filter((r) => r.score !== null).map((r) => r.score!);
  for (const r of rows) if (r.score !== null) r.rank = 1 + scores.filter((s) => s > r.score!).length;
  return rows;
}
