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
import type { Lang } from '../sim/text';
import { classVariant, normalizeClassCode, variantsOf } from './classCode';
import { fileText } from './decode';
import { verifyMarketRunFile } from './marketRun';
import { replayReports, verifyRunFile, type RunHost } from './readRun';
import { runKindOf } from './runFile';
import type { Decisions } from '../sim/config';
import type { GradedFile, GradedGame } from './gradebook';

export { COPY_SIMILARITY, GRADEBOOK, decisionSimilarity, gradeClass, gradebookCsv, num, type GradeRow, type GradeStatus, type GradedFile, type GradedGame } from './gradebook';

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
      return [{ player: f.name, score: st.score, customerEquity: report?.firm.customerEquity ?? 0, cumulativeProfit: st.firm.cumulativeProfit, satisfaction: report?.firm.satisfaction ?? 0, currency: v.read.scenario.currency }];
    });
    return { ...named, status: 'verified', reason: null, games };
  }
  const end = v.kept.at(-1);
  return {
    ...named,
    status: 'verified',
    reason: null,
    games: [{ player, score: v.actual.score, customerEquity: end?.firm.customerEquity ?? 0, cumulativeProfit: cumulativeProfitOf(v.kept), satisfaction: end?.firm.satisfaction ?? 0, currency: v.read.scenario.currency }],
    decisions: run.decisions as Decisions[],
  };
}

/** Cumulative operating profit over a game's reports (what the finance pass adds up in firm.cumulativeProfit). */
function cumulativeProfitOf(reports: readonly { finance: { operatingProfit: number } }[]): number {
  return reports.reduce((s, r) => s + r.finance.operatingProfit, 0);
}
