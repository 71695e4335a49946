/**
 * "Why did it change?" in a market: the solo attribution (src/sim/attribution.ts) with the
 * rivals as decision makers of their own. A quarter of firm f is replayed from the same market
 * state with the same random streams (common random numbers: a customer's luck does not depend
 * on anyone's plans), each time with one thing reverted to last quarter's:
 *
 *   baseline B    = the quarter with every firm's last plan (one-offs not repeated)
 *   part(g)       = actual − replay with f's group g reverted (the other firms as played)
 *   rival(h)      = actual − replay with rival h's whole plan reverted (f and the others as played)
 *   interaction   = actual − B − Σ part(g) − Σ rival(h)
 *   late(c)       = (B − previous) − (B_c − previous_c) for each change c of the quarter before
 *                   (f's own groups and each rival's plan): the world where c was never made,
 *                   played through the quarter before, then repeating its plans (its momentum)
 *   outside       = B − previous − Σ late − valuation (events, older carry-over, luck)
 *
 * A rival is one bar, not one bar per lever: a team learns that Team B's quarter cost it 14
 * customers of its top tier, not what Team B decided (that is for the debrief's reveal). Late
 * effects are traced one quarter back (each traced world is a whole market): a rival's better
 * service shows in its customers' satisfaction, and so in its pull on everyone's customers, the
 * quarter after; older late effects are part of `outside`.
 *
 * Pure and deterministic like the rest of `src/sim`. No seat is favoured: permuting the seats
 * permutes the rivals' bars and changes no number.
 */
import type { Decisions, ScenarioConfig } from '../config';
import { attributedKpis, changedGroups, kpiVector, mergedTiering, revertGroup, valuationPoints, type GroupId, type GroupPart, type LatePart, type QuarterAttribution, type RivalPart, FIRM_KPIS } from '../attribution';
import { standingDecisions } from '../decisions/plans';
import { canonicalJson } from '../hash';
import type { RoundReport } from '../report';
import { stepMarketCounterfactual, type MarketState } from './market';

/** A quarter of the market as played: the market after it and each seat's report. */
export interface PlayedQuarter {
  market: MarketState;
  reports: readonly (RoundReport | null)[];
}

/** The quarter before the one explained: the market before it and its plans (for the late effects). */
export interface EarlierQuarter {
  market: MarketState;
  plans: readonly (Decisions | null)[];
}

/** What an explanation may be given beyond the quarter itself. */
export interface ExplainOptions {
  /** The quarter as already played (saves a replay). */
  actual?: PlayedQuarter;
  /** The quarter before, to trace its changes' late effects (none without it). */
  earlier?: EarlierQuarter;
}

/**
 * Explains seat `seat`'s quarter played with `plans` (seat order; null for a firm that had
 * stopped) from the market `before`. `previous`: the seat's KPI vector after the quarter before
 * (`kpiVector`), null in the first quarter. Counts its replays in `replays` when given.
 */
export function explainMarketQuarter(
  scenario: ScenarioConfig,
  before: MarketState,
  plans: readonly (Decisions | null)[],
  seat: number,
  previous: readonly number[] | null,
  options: ExplainOptions = {},
  replays?: { count: number },
): QuarterAttribution {
  const work = marketExplanation(scenario, before, plans, seat, previous, options);
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
    if (replays) replays.count++;
  }
}

/**
 * {@link explainMarketQuarter} one counterfactual market quarter at a time: it yields after
 * each replay (a quarter of the whole market), so the worker can answer a request in between.
 * Nothing it reads changes meanwhile (market states are never changed in place).
 */
export function* marketExplanation(
  scenario: ScenarioConfig,
  before: MarketState,
  plans: readonly (Decisions | null)[],
  seat: number,
  previous: readonly number[] | null,
  { actual, earlier }: ExplainOptions = {},
): Generator<void, QuarterAttribution, void> {
  const firm = before.firms[seat];
  if (!firm || firm.state.status !== 'running') throw new Error(`seat ${seat} does not play this quarter`);
  const tiers = scenario.tiers.length;
  const standing = (m: MarketState): (Decisions | null)[] => m.firms.map((f) => (f.state.status === 'running' ? standingDecisions(f.state.lastDecisions) : null));
  const kpis = (q: PlayedQuarter): number[] => kpiVector(q.reports[seat]!, tiers);
  const last = standing(before);
  let played = actual;
  if (!played) {
    played = stepMarketCounterfactual(scenario, before, plans);
    yield;
  }
  const A = kpis(played);
  const own = plans[seat]!;
  const prev = last[seat]!;
  const groups = changedGroups(own, prev);
  const rivals = before.firms.map((_, h) => h).filter((h) => h !== seat && plans[h] && canonicalJson(plans[h]) !== canonicalJson(last[h]));
  const changes = groups.length + rivals.length;
  // With nothing changed, the quarter as played is the baseline; with one change, its replay is.
  let base = played;
  if (changes > 0) {
    base = stepMarketCounterfactual(scenario, before, last);
    yield;
  }
  const baseline = kpis(base);
  const with1 = (h: number, d: Decisions | null): (Decisions | null)[] => plans.map((p, k) => (k === h ? d : p));
  const minus = (x: readonly number[]): number[] => A.map((a, k) => a - x[k]!);
  const parts: GroupPart[] = [];
  for (const g of groups) {
    if (changes === 1) parts.push({ group: g, parts: minus(baseline) });
    else {
      parts.push({ group: g, parts: minus(kpis(stepMarketCounterfactual(scenario, before, with1(seat, revertGroup(own, prev, g))))) });
      yield;
    }
  }
  const rivalParts: RivalPart[] = [];
  for (const h of rivals) {
    const name = before.firms[h]!.name;
    if (changes === 1) rivalParts.push({ seat: h, name, parts: minus(baseline) });
    else {
      rivalParts.push({ seat: h, name, parts: minus(kpis(stepMarketCounterfactual(scenario, before, with1(h, last[h]!)))) });
      yield;
    }
  }
  const interaction = minus(baseline);
  for (const p of [...parts, ...rivalParts]) for (let k = 0; k < interaction.length; k++) interaction[k]! -= p.parts[k]!;
  let outside: number[] | null = null;
  let valuation: number[] | null = null;
  const late: LatePart[] = [];
  if (previous) {
    const scoreK = FIRM_KPIS.indexOf('score');
    const baseValue = valuationPoints(scenario, firm.state.objectivesMet.length, base.market.firms[seat]!.state, baseline);
    valuation = A.map(() => 0);
    valuation[scoreK] = baseValue;
    outside = baseline.map((b, k) => b - previous[k]! - valuation![k]!);
    if (earlier && earlier.market.firms[seat]?.state.status === 'running') {
      // The quarter before's changes, each undone in a world of its own, then that world's momentum.
      const ep = earlier.plans;
      const el = standing(earlier.market);
      const worlds: { world: (Decisions | null)[]; own: GroupId | null; rival: number }[] = [];
      for (const g of changedGroups(ep[seat]!, el[seat]!)) worlds.push({ world: ep.map((p, k) => (k === seat ? revertGroup(ep[seat]!, el[seat]!, g) : p)), own: g, rival: -1 });
      ep.forEach((p, h) => {
        if (h !== seat && p && canonicalJson(p) !== canonicalJson(el[h])) worlds.push({ world: ep.map((x, k) => (k === h ? el[h]! : x)), own: null, rival: h });
      });
      const momentum = baseline.map((b, k) => b - previous[k]!);
      for (const w of worlds) {
        const then = stepMarketCounterfactual(scenario, earlier.market, w.world);
        yield;
        const mine = then.market.firms[seat]!.state;
        if (mine.status !== 'running') continue;
        const prevW = kpiVector(then.reports[seat]!, tiers);
        // The world's status quo, played on from it: what stands of each firm's plan there.
        const nowW = stepMarketCounterfactual(scenario, then.market, standing(then.market));
        yield;
        const baseW = kpis(nowW);
        const part = momentum.map((m, k) => m - (baseW[k]! - prevW[k]!));
        part[scoreK]! -= baseValue - valuationPoints(scenario, mine.objectivesMet.length, nowW.market.firms[seat]!.state, baseW);
        if (w.own) late.push({ group: w.own, fromRound: before.round, parts: part });
        else rivalParts.push({ seat: w.rival, name: before.firms[w.rival]!.name, parts: part, fromRound: before.round });
        for (let k = 0; k < outside.length; k++) outside[k]! -= part[k]!;
      }
    }
  }
  return {
    round: before.round + 1,
    kpis: attributedKpis(tiers),
    previous: previous ? [...previous] : null,
    late,
    outside,
    valuation,
    baseline,
    groups: parts,
    interaction,
    actual: A,
    mergedTiering: mergedTiering(own, prev),
    untraced: [],
    rivals: rivalParts,
  };
}
