/** The decisions that mattered most: the (quarter, group) moves with the largest total effect on the score. */
import type { GroupId } from '../../sim/attribution';
import { changeMsg, describeChanges, type Change } from './changes';
import { before, collectMoves, groupOrder, immediateOf, lastTraced, totalOf, type DebriefInput, type Move } from './moves';
import { money, msg, num, points, quarter, scoreVal, type Msg } from './msg';

/** Changes shown per decision before "and n more". */
const MAX_CHANGES = 2;
/** Score effects smaller than this (in points) do not count as mattering. */
export const MIN_SCORE_EFFECT = 0.005;

/** One effect of a decision, as shown after it. */
export interface DecisionEffect {
  kpi: 'score' | 'profit' | 'satisfaction' | 'employeeSatisfaction' | 'customerEquity' | 'customers';
  value: number;
  /** The quarter it refers to: the decision's own quarter (profit) or the last traced one. */
  round: number;
}

export interface TopDecision {
  round: number;
  group: GroupId;
  /** Total effect on the score (immediate + late). */
  score: number;
  /** The quarters whose late parts were added (empty: only its own quarter was traced). */
  lateRounds: number[];
  changes: Change[];
  /** Score first, then profit in its quarter, then the others that are large enough to read. */
  effects: DecisionEffect[];
  /** The whole sentence. */
  message: Msg;
}

function decisionEffects(m: Move): DecisionEffect[] {
  const last = lastTraced(m);
  const out: DecisionEffect[] = [{ kpi: 'score', value: totalOf(m, 'score'), round: last }];
  out.push({ kpi: 'profit', value: immediateOf(m, 'profit'), round: m.round });
  const sat = totalOf(m, 'satisfaction');
  if (Math.abs(sat) >= 0.05) out.push({ kpi: 'satisfaction', value: sat, round: last });
  const es = totalOf(m, 'employeeSatisfaction');
  if (Math.abs(es) >= 0.05) out.push({ kpi: 'employeeSatisfaction', value: es, round: last });
  const cust = totalOf(m, 'customers');
  if (Math.abs(cust) >= 0.5) out.push({ kpi: 'customers', value: cust, round: last });
  return out;
}

function effectMsg(e: DecisionEffect): Msg {
  switch (e.kpi) {
    case 'score':
      return msg('effect.score', { value: scoreVal(e.value) });
    case 'profit':
      return msg('effect.profitIn', { value: money(e.value, true), quarter: quarter(e.round) });
    case 'satisfaction':
      return msg('effect.satisfactionBy', { value: points(e.value), quarter: quarter(e.round) });
    case 'employeeSatisfaction':
      return msg('effect.employeeBy', { value: points(e.value), quarter: quarter(e.round) });
    case 'customers':
      return msg('effect.customersBy', { value: num(Math.round(e.value), 0, true), quarter: quarter(e.round) });
    case 'customerEquity':
      return msg('effect.equityBy', { value: money(e.value, true), quarter: quarter(e.round) });
  }
}

/**
 * The `k` decisions (quarter, group) with the largest absolute total effect on the score,
 * largest first; ties by earlier quarter, then group order. Decisions whose score effect is
 * below {@link MIN_SCORE_EFFECT} are left out, so fewer than `k` may come back.
 */
export function topDecisions(input: DebriefInput, k = 3): TopDecision[] {
  const moves = collectMoves(input.attributions).filter((m) => m.round >= 1 && m.round <= input.decisions.length);
  const ranked = moves
    .map((m) => ({ m, score: totalOf(m, 'score') }))
    .filter((x) => Math.abs(x.score) >= MIN_SCORE_EFFECT)
    .sort((x, y) => Math.abs(y.score) - Math.abs(x.score) || x.m.round - y.m.round || groupOrder(x.m.group) - groupOrder(y.m.group));
  return ranked.slice(0, Math.max(0, k)).map(({ m, score }) => {
    const after = input.decisions[m.round - 1]!;
    const changes = describeChanges(m.group, before(input, m.round), after, input.scenario);
    const effects = decisionEffects(m);
    const shown = changes.slice(0, MAX_CHANGES).map(changeMsg);
    if (changes.length > MAX_CHANGES) shown.push(msg('top.more', { n: num(changes.length - MAX_CHANGES) }));
    const message = msg('top.item', {
      quarter: quarter(m.round),
      changes: shown.length ? { kind: 'list', items: shown } : { kind: 'msg', msg: msg('top.changed') },
      group: { kind: 'group', group: m.group, tierCount: after.tiering.tierCount },
      effects: { kind: 'list', items: effects.map(effectMsg), comma: true },
    });
    return { round: m.round, group: m.group, score, lateRounds: m.late.map((l) => l.round), changes, effects, message };
  });
}
