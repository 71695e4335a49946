/**
 * The objectives' points inside a decision's score effect. An objective's points arrive all at
 * once at its threshold, so a small change that tips one can move the score more than a
 * decision that mattered far more to the firm. The attribution traces the points of the
 * objectives met as a KPI of their own (`objectives`, part of the score), so a decision's part
 * of it is the objective points in its score effect: a sum of whole objectives' points, which
 * names the objectives it tipped. Pure.
 */
import type { Objective, ScenarioConfig } from '../../sim/config';
import type { GameTruth } from '../../worker/protocol';
import type { AttributedKpi } from '../../sim/attribution';
import { immediateOf, lastTraced, totalOf, type DebriefInput, type Move } from './moves';

/** The objective points in a decision's score effect. */
export interface ObjectiveTip {
  /** Points of the score effect that are objectives (signed: negative when it cost an objective). */
  points: number;
  /** The objectives it tipped, when one smallest set of those checked in the quarters traced adds up to `points` (null: none or several would). */
  ids: string[] | null;
  /** Every smallest set of those objectives that adds up to `points` (several when objectives are worth the same). */
  sets: string[][];
}

/** Tolerance (points): the parts are exact up to rounding. */
const TOLERANCE = 1e-6;

/** The quarter an objective is checked in a game that ended (or will end) at quarter `end`. */
const checkedIn = (scenario: ScenarioConfig, o: Objective, end: number): number => Math.min(o.round ?? scenario.rounds, end);

/** The attributed KPI an objective's value moves with, when the attribution has it (firm-wide, or customers per tier). */
function kpiOf(scenario: ScenarioConfig, o: Objective): AttributedKpi | 'cumulativeProfit' | null {
  if (o.tier !== undefined) {
    const t = scenario.tiers.findIndex((x) => x.id === o.tier);
    return o.kpi === 'customers' && t >= 0 ? `customers:${t}` : null;
  }
  switch (o.kpi) {
    case 'profit':
    case 'revenue':
    case 'customers':
    case 'customerEquity':
    case 'satisfaction':
    case 'loyalty':
    case 'employeeSatisfaction':
      return o.kpi;
    case 'cumulativeProfit':
      return 'cumulativeProfit';
    default:
      return null;
  }
}

/** The value an objective was checked with (observed, or for true KPIs the truth); undefined if not checked then. */
function checkedValue(input: DebriefInput & { truth?: GameTruth }, o: Objective, q: number): number | null | undefined {
  const checked = [...(input.summaries[q - 1]?.objectives ?? []), ...(input.truth?.rounds.find((x) => x.round === q)?.objectives ?? [])];
  return checked.find((x) => x.id === o.id)?.value;
}

const meets = (o: Objective, v: number | null): boolean => v !== null && (o.op === '>=' ? v >= o.target : v <= o.target);

/**
 * The objective points in move `m`'s score effect (its part of the `objectives` KPI), and the
 * objectives they are when that can be told: the fewest objectives checked in the quarters
 * traced whose points add up to it. In the decision's own quarter its part is the actual game
 * against the game without it, so an objective on a KPI the attribution has is tipped exactly
 * when the value without the decision (actual minus its part) falls on the other side of the
 * target; later quarters compare the worlds as they would go on, so any of them may be.
 */
export function objectiveTip(input: DebriefInput & { truth?: GameTruth }, m: Move): ObjectiveTip {
  const { scenario } = input;
  const points = totalOf(m, 'objectives');
  if (Math.abs(points) < TOLERANCE) return { points: 0, ids: [], sets: [[]] };
  const last = lastTraced(m);
  const lastSummary = input.summaries[input.summaries.length - 1];
  const end = lastSummary && lastSummary.status !== 'running' ? lastSummary.round : scenario.rounds;
  // Each objective checked in the traced quarters, with the signs its tipping may take (+: the decision won it).
  const options: { id: string; points: number; signs: number[] }[] = [];
  for (const o of scenario.objectives) {
    const q = checkedIn(scenario, o, end);
    if (q < m.round || q > last) continue;
    const value = checkedValue(input, o, q);
    if (value === undefined) continue;
    let signs = [1, -1];
    if (q === m.round) {
      const met = meets(o, value);
      signs = [met ? 1 : -1];
      const kpi = kpiOf(scenario, o);
      if (kpi !== null && value !== null) {
        const part = immediateOf(m, kpi === 'cumulativeProfit' ? 'profit' : kpi);
        if (meets(o, value - part) === met) signs = [];
      }
    }
    if (signs.length > 0) options.push({ id: o.id, points: o.points, signs });
  }
  // The smallest sets of signed objectives that add up to the points.
  let sets: string[][] = [];
  let best = Infinity;
  const walk = (i: number, sum: number, ids: string[]) => {
    if (ids.length > best) return;
    if (i === options.length) {
      if (ids.length > 0 && Math.abs(sum - points) < TOLERANCE) {
        if (ids.length < best) {
          best = ids.length;
          sets = [];
        }
        sets.push([...ids]);
      }
      return;
    }
    walk(i + 1, sum, ids);
    for (const s of options[i]!.signs) walk(i + 1, sum + s * options[i]!.points, [...ids, options[i]!.id]);
  };
  walk(0, 0, []);
  return { points, ids: sets.length === 1 ? sets[0]! : null, sets };
}
