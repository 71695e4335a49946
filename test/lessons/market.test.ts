/**
 * Issue 14: the lessons a market must make true (MODEL.md section 8), over 20 seeds, with
 * computer firms playing the reference strategies, on the ad agency and on the scenario written
 * for a market (the hotel district).
 * - L1: value-based beats uniform, cost-cutter and discounter in one market.
 * - The price war: two discounters in one market both lose margin against a market of two
 *   uniform firms, and neither wins share for long.
 * - L3: a firm's outcome depends on its rivals: a value-based firm keeps more of its customers
 *   against three cost-cutters than against three value-based rivals.
 */
import { describe, expect, it } from 'vitest';
import { policyById } from '../../src/policies/index';
import { playMarketGame, type PlayedMarketRound } from '../../src/policies/market';
import type { SimState } from '../../src/sim/index';
import { ACTIVE, SOURCE_INITIAL } from '../../src/sim/state';
import { builtin, mean, seeds } from '../helpers';

function play(id: string, seed: string, policies: string[]) {
  return playMarketGame(
    builtin(id),
    seed,
    policies.map((p, i) => ({ name: `${p} ${String.fromCharCode(65 + i)}`, policy: policyById(p)! })),
  );
}

/** A seat's operating profit over its revenue (its own customers' and rival firms' customers' purchases), over the whole game. */
function margin(rounds: PlayedMarketRound[], seat: number): number {
  let profit = 0;
  let revenue = 0;
  for (const r of rounds) {
    profit += r.reports[seat]?.finance.operatingProfit ?? 0;
    const rep = r.reports[seat];
    revenue += rep ? rep.firm.revenue + rep.finance.secondaryRevenue : 0;
  }
  return profit / revenue;
}

/** The share of a firm's starting customers still its customers at the end. */
function keptShare(s: SimState): number {
  const c = s.customers;
  let kept = 0;
  for (let i = 0; i < c.count; i++) if (c.status[i] === ACTIVE && c.source[i] === SOURCE_INITIAL) kept++;
  return kept / s.initialCount;
}

describe.each(['ad-agency', 'hotel-district'])('market lessons (%s, 20 seeds)', (id) => {
  const SEEDS = seeds(20);

  it('L1: value-based beats uniform, cost-cutter and discounter in the same market', () => {
    const scores = SEEDS.map((seed) => play(id, seed, ['value-based', 'uniform', 'cost-cutter', 'discounter']).market.firms.map((f) => f.state.score));
    const wins = scores.filter((s) => s[0]! > Math.max(s[1]!, s[2]!, s[3]!)).length;
    expect(wins).toBeGreaterThanOrEqual(18);
    for (let k = 1; k < 4; k++) expect(mean(scores.map((s) => s[0]!))).toBeGreaterThan(mean(scores.map((s) => s[k]!)));
  });

  it('a price war: two discounters both lose margin, and neither wins share for long', () => {
    let both = 0;
    const late: number[] = [];
    for (const seed of SEEDS) {
      const dd = play(id, seed, ['discounter', 'discounter']);
      const uu = play(id, seed, ['uniform', 'uniform']);
      const peace = (margin(uu.rounds, 0) + margin(uu.rounds, 1)) / 2;
      if (margin(dd.rounds, 0) < peace && margin(dd.rounds, 1) < peace) both++;
      const half = dd.rounds.slice(Math.floor(dd.rounds.length / 2));
      late.push(mean(half.map((r) => Math.max(...r.market.firms.map((f) => f.marketShare)))));
    }
    expect(both).toBeGreaterThanOrEqual(18);
    // Over the second half of the game the larger firm holds, on average, under 55% of the market.
    expect(late.filter((s) => s < 0.55).length).toBeGreaterThanOrEqual(18);
  });

  it('L3: a value-based firm keeps more of its customers against three cost-cutters than against three value-based rivals', () => {
    const weak: number[] = [];
    const strong: number[] = [];
    let more = 0;
    for (const seed of SEEDS) {
      const a = play(id, seed, ['value-based', 'cost-cutter', 'cost-cutter', 'cost-cutter']).market.firms[0]!.state;
      const b = play(id, seed, ['value-based', 'value-based', 'value-based', 'value-based']).market.firms[0]!.state;
      weak.push(keptShare(a));
      strong.push(keptShare(b));
      if (keptShare(a) > keptShare(b)) more++;
    }
    expect(more).toBeGreaterThanOrEqual(18);
    expect(mean(weak)).toBeGreaterThan(mean(strong) + 0.03);
  });
});

describe('market lessons (hotel, 20 seeds)', () => {
  it('L1: value-based beats uniform, cost-cutter and discounter in the same market', () => {
    const scores = seeds(20).map((seed) => play('hotel', seed, ['value-based', 'uniform', 'cost-cutter', 'discounter']).market.firms.map((f) => f.state.score));
    expect(scores.filter((s) => s[0]! > Math.max(s[1]!, s[2]!, s[3]!)).length).toBeGreaterThanOrEqual(18);
  });
});
