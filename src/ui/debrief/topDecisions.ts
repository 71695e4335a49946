/**
 * The decisions that mattered most: the (quarter, group) moves with the largest effect on the
 * game's outcome in money (operating profit over the quarters traced after the decision, plus
 * customer equity by the last of them: MODEL.md lesson 1's yardstick). Objectives are apart: an
 * objective's points arrive all at once at its threshold, so a decision that tipped one says so
 * beside its score effect instead of ranking by it.
 */
import type { GroupId } from '../../sim/attribution';
import type { GameTruth } from '../../worker/protocol';
import { changeMsg, describeChanges, type Change } from './changes';
import { before, collectMoves, effectByQuarter, groupOrder, lastTraced, totalOf, valueOf, type DebriefInput, type Move } from './moves';
import { money, msg, num, points, quarter, scoreVal, type Msg, type Val } from './msg';
import { objectiveTip, type ObjectiveTip } from './objectives';

/** Changes shown per decision before "and n more" (a new number of tiers lists every per-tier lever it holds, up to the larger number). */
const MAX_CHANGES = 2;
const MAX_MERGED_CHANGES = 8;
/** Score effects smaller than this (in points) do not count as mattering; money effects smaller than this many points' worth neither. */
export const MIN_SCORE_EFFECT = 0.005;

/** Money below which an effect on the outcome does not count as mattering: {@link MIN_SCORE_EFFECT} points' worth in the scenario's scoring. */
export const minValue = (input: Pick<DebriefInput, 'scenario'>): number => input.scenario.scoring.moneyPerPoint * MIN_SCORE_EFFECT;

/** One effect of a decision, as shown after it. */
export type DecisionEffect =
  /** Operating profit summed over the quarters traced (`round`..`last`) and customer equity by the last: the outcome, in money. */
  | { kpi: 'outcome'; value: number; profit: number; equity: number; round: number; last: number }
  /** The score by the last quarter traced, with the objective points in it when known. */
  | { kpi: 'score'; value: number; round: number; objectives: ObjectiveTip }
  | { kpi: 'satisfaction' | 'employeeSatisfaction' | 'customers'; value: number; round: number };

export interface TopDecision {
  round: number;
  group: GroupId;
  /** The number of tiers changed: the tiering group holds every per-tier lever. */
  merged: boolean;
  /** Effect on the outcome (money): the ranking's key. */
  value: number;
  /** Total effect on the score (immediate + late), objective points included. */
  score: number;
  /** The objective points in `score`, when the attribution tells them apart. */
  objectives: ObjectiveTip;
  /** The quarters whose late parts were added (empty: only its own quarter was traced). */
  lateRounds: number[];
  changes: Change[];
  /** The outcome first, then the score, then the others that are large enough to read. */
  effects: DecisionEffect[];
  /** The whole sentence. */
  message: Msg;
}

function decisionEffects(m: Move, tip: ObjectiveTip): DecisionEffect[] {
  const last = lastTraced(m);
  const profit = effectByQuarter(m, 'profit').reduce((a, e) => a + e.value, 0);
  const equity = totalOf(m, 'customerEquity');
  const out: DecisionEffect[] = [
    { kpi: 'outcome', value: valueOf(m), profit, equity, round: m.round, last },
    { kpi: 'score', value: totalOf(m, 'score'), round: last, objectives: tip },
  ];
  const sat = totalOf(m, 'satisfaction');
  if (Math.abs(sat) >= 0.05) out.push({ kpi: 'satisfaction', value: sat, round: last });
  const es = totalOf(m, 'employeeSatisfaction');
  if (Math.abs(es) >= 0.05) out.push({ kpi: 'employeeSatisfaction', value: es, round: last });
  const cust = totalOf(m, 'customers');
  if (Math.abs(cust) >= 0.5) out.push({ kpi: 'customers', value: cust, round: last });
  return out;
}

function effectMsg(e: DecisionEffect, input: DebriefInput): Msg {
  switch (e.kpi) {
    case 'outcome': {
      const values: Record<string, Val> = { profit: money(e.profit, true), equity: money(e.equity, true), value: money(e.value, true), quarter: quarter(e.last) };
      return e.last > e.round ? msg('effect.outcome', { ...values, quarters: { kind: 'quarters', from: e.round, to: e.last } }) : msg('effect.outcomeOne', values);
    }
    case 'score': {
      const tip = e.objectives;
      if (tip.points === 0) return msg('effect.score', { value: scoreVal(e.value) });
      const pts = num(tip.points, Math.abs(tip.points) < 1 ? 2 : 0, true);
      const name = (id: string): Msg => msg('effect.objectiveName', { text: { kind: 'text', text: input.scenario.objectives.find((o) => o.id === id)!.text } });
      if (tip.ids) return msg('effect.scoreTipped', { value: scoreVal(e.value), points: pts, count: num(tip.ids.length), objectives: { kind: 'list', items: tip.ids.map(name), comma: true } });
      // Objectives worth the same points: it tipped one of them.
      if (tip.sets.length > 1 && tip.sets.every((x) => x.length === 1))
        return msg('effect.scoreTippedOneOf', { value: scoreVal(e.value), points: pts, objectives: { kind: 'msg', msg: msg('effect.or', { items: { kind: 'list', items: tip.sets.map((x) => name(x[0]!)), comma: true } }) } });
      return msg('effect.scoreObjectives', { value: scoreVal(e.value), points: pts });
    }
    case 'satisfaction':
      return msg('effect.satisfactionBy', { value: points(e.value), quarter: quarter(e.round) });
    case 'employeeSatisfaction':
      return msg('effect.employeeBy', { value: points(e.value), quarter: quarter(e.round) });
    case 'customers':
      return msg('effect.customersBy', { value: num(Math.round(e.value), 0, true), quarter: quarter(e.round) });
  }
}

/**
 * The `k` decisions (quarter, group) with the largest absolute effect on the outcome (money),
 * largest first; ties by earlier quarter, then group order. Decisions whose effect is below
 * {@link minValue} are left out, so fewer than `k` may come back. `truth` (a game that is over)
 * tells which objectives were met, to name the ones a decision tipped.
 */
export function topDecisions(input: DebriefInput & { truth?: GameTruth }, k = 3): TopDecision[] {
  const moves = collectMoves(input.attributions).filter((m) => m.round >= 1 && m.round <= input.decisions.length);
  const floor = minValue(input);
  const ranked = moves
    .map((m) => ({ m, value: valueOf(m) }))
    .filter((x) => Math.abs(x.value) >= floor)
    .sort((x, y) => Math.abs(y.value) - Math.abs(x.value) || x.m.round - y.m.round || groupOrder(x.m.group) - groupOrder(y.m.group));
  return ranked.slice(0, Math.max(0, k)).map(({ m, value }) => {
    const after = input.decisions[m.round - 1]!;
    const changes = describeChanges(m.group, before(input, m.round), after, input.scenario);
    const tip = objectiveTip(input, m);
    const effects = decisionEffects(m, tip);
    const max = m.merged && m.group === 'tiering' ? MAX_MERGED_CHANGES : MAX_CHANGES;
    const shown = changes.slice(0, max).map(changeMsg);
    if (changes.length > max) shown.push(msg('top.more', { n: num(changes.length - max) }));
    const message = msg('top.item', {
      quarter: quarter(m.round),
      changes: shown.length ? { kind: 'list', items: shown } : { kind: 'msg', msg: msg('top.changed') },
      group: { kind: 'group', group: m.group, tierCount: after.tiering.tierCount, merged: m.merged },
      effects: { kind: 'list', items: effects.map((e) => effectMsg(e, input)) },
    });
    return { round: m.round, group: m.group, merged: m.merged, value, score: totalOf(m, 'score'), objectives: tip, lateRounds: m.late.map((l) => l.round), changes, effects, message };
  });
}
