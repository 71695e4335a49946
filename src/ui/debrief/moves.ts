/**
 * The decisions' effects as the debrief reads them: every (quarter, group) the attributions
 * explain, with its immediate part and the late parts traced back to it.
 *
 * "The total effect of decision group g taken in quarter q" on a KPI is its part in q plus the
 * late parts traced back to (q, g) in the following quarters (up to the attribution's lag).
 * For the cumulative score that is how much the change moved the score by then; for a level
 * such as satisfaction, how much higher or lower it stood by then; for a flow such as profit,
 * how much higher or lower that quarter's profit was.
 */
import type { AttributedKpi, GroupId, QuarterAttribution } from '../../sim/attribution';
import type { Decisions, ScenarioConfig } from '../../sim/config';
import { DECISION_GROUPS, type DecisionGroup } from '../../sim/decisions/catalogue';
import type { RoundSummary } from '../../worker/protocol';

/** What the debrief reads: the game as the page holds it, and the attribution of each quarter. */
export interface DebriefInput {
  scenario: ScenarioConfig;
  summaries: RoundSummary[];
  /** decisions[i] is quarter i+1's; quarter 1's "before" is `scenario.initialDecisions`. */
  decisions: Decisions[];
  /** One per explained quarter (any order; quarters not explained are simply missing). */
  attributions: QuarterAttribution[];
  /** The firm's data quality 0..1 at the end (`GameSnapshot.view.dataQuality`), if known. */
  finalDataQuality?: number;
  /**
   * The reference strategies `value-based` and `uniform` on the same scenario and seed, as
   * cumulative operating profit plus final customer equity (money), once played. Lesson 1
   * shows them as the game's answer beside the run; its verdict is the run's own.
   */
  references?: { valueBased: number; uniform: number };
}

/** The decisions in force before quarter `q` (1-based). */
export function before(input: DebriefInput, q: number): Decisions {
  return q >= 2 ? input.decisions[q - 2]! : input.scenario.initialDecisions;
}

/** One decision group changed in one quarter, with its parts: immediate and late. */
export interface Move {
  round: number;
  group: GroupId;
  /** Whether the number of tiers changed (the `tiering` group then holds every per-tier lever). */
  merged: boolean;
  kpis: AttributedKpi[];
  /** Its part in its own quarter (zeros if that quarter was not explained). */
  immediate: number[];
  /** Its late parts, by the quarter they arrived in (ascending). */
  late: { round: number; parts: number[] }[];
}

/** The display order of groups (the catalogue's): tiering, service by tier, then the others. */
export function groupOrder(g: GroupId): number {
  if (g.startsWith('service:')) return 100 + Number(g.slice('service:'.length));
  const i = DECISION_GROUPS.indexOf(g as DecisionGroup);
  return i === 0 ? 0 : 200 + i;
}

export const tierOf = (g: GroupId): number => Number(g.slice('service:'.length));

/** Every (quarter, group) the attributions explain, with its late parts gathered, ordered by quarter and group. */
export function collectMoves(attributions: readonly QuarterAttribution[]): Move[] {
  const byKey = new Map<string, Move>();
  const sorted = [...attributions].sort((a, b) => a.round - b.round);
  const get = (round: number, group: GroupId, a: QuarterAttribution): Move => {
    const key = `${round}|${group}`;
    let m = byKey.get(key);
    if (!m) {
      m = { round, group, merged: false, kpis: a.kpis, immediate: a.kpis.map(() => 0), late: [] };
      byKey.set(key, m);
    }
    return m;
  };
  for (const a of sorted) {
    for (const p of a.groups) {
      const m = get(a.round, p.group, a);
      m.immediate = [...p.parts];
      m.merged = a.mergedTiering;
    }
  }
  for (const a of sorted) {
    for (const l of a.late) get(l.fromRound, l.group, a).late.push({ round: a.round, parts: [...l.parts] });
  }
  return [...byKey.values()].sort((x, y) => x.round - y.round || groupOrder(x.group) - groupOrder(y.group));
}

function kpiIndex(m: Move, kpi: AttributedKpi): number {
  return m.kpis.indexOf(kpi);
}

/** Immediate part of `kpi`. */
export function immediateOf(m: Move, kpi: AttributedKpi): number {
  const i = kpiIndex(m, kpi);
  return i < 0 ? 0 : m.immediate[i]!;
}

/** Sum of the late parts of `kpi`. */
export function lateOf(m: Move, kpi: AttributedKpi): number {
  const i = kpiIndex(m, kpi);
  return i < 0 ? 0 : m.late.reduce((a, l) => a + l.parts[i]!, 0);
}

/** Total effect on `kpi`: immediate part plus every late part. */
export function totalOf(m: Move, kpi: AttributedKpi): number {
  return immediateOf(m, kpi) + lateOf(m, kpi);
}

/** The effect on `kpi` in each traced quarter (q, q+1, ...): running sums of the parts. */
export function effectByQuarter(m: Move, kpi: AttributedKpi): { round: number; value: number }[] {
  const i = kpiIndex(m, kpi);
  if (i < 0) return [];
  let x = m.immediate[i]!;
  const out = [{ round: m.round, value: x }];
  for (const l of m.late) {
    x += l.parts[i]!;
    out.push({ round: l.round, value: x });
  }
  return out;
}

/** The last quarter whose effect is traced. */
export function lastTraced(m: Move): number {
  return m.late.length ? m.late[m.late.length - 1]!.round : m.round;
}

/**
 * Cumulative profit plus customer equity (MODEL.md lesson 1's yardstick) within the traced
 * quarters: the sum of the profit effects of each traced quarter plus the equity effect by the last.
 */
export function valueOf(m: Move): number {
  return effectByQuarter(m, 'profit').reduce((a, e) => a + e.value, 0) + totalOf(m, 'customerEquity');
}
