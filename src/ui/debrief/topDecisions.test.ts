// The decisions that mattered most, on real games and on constructed attributions: ranked by
// their effect on the outcome in money (a brute-force sum over the attribution data), the
// objectives apart (the score's part beyond money is whole objectives' points, named when one
// set of them adds up), and a quarter that changed the number of tiers listing what it holds.
import { describe, expect, it } from 'vitest';
import { builtin } from '../../../test/helpers';
import { attributedKpis, type Decisions, type GroupId, type QuarterAttribution } from '../../sim/index';
import type { DebriefInput } from './moves';
import { collectMoves } from './moves';
import { objectiveTip } from './objectives';
import { groupLabel } from './render';
import { attribution, cutFrom, en, game, playExplained, tFor } from '../../../test/ui/debriefGames';
import { minValue, topDecisions } from './topDecisions';

const cutRun = () => game('cut3', () => playExplained('ad-agency', '1', 'value-based', cutFrom(3)));
const uniformRun = () => game('uniform', () => playExplained('ad-agency', '1', 'uniform'));
const costCutterRun = () => game('costCutter', () => playExplained('ad-agency', '1', 'cost-cutter'));
const randomRun = () => game('random', () => playExplained('tutorial', '2', 'random'));
/** Q1 of a value-based game with a 30% discount for every tier: the new number of tiers holds it. */
const discountRun = () =>
  game('discount', () => playExplained('ad-agency', '2', 'value-based', (d, r) => (r === 1 ? { ...d, tiers: d.tiers.map((t) => ({ ...t, priceIndex: 0.7 })) } : d)));
/** The tutorial's last quarter at half price for every tier: its profit falls below zero, which costs the objective "a profit in the last quarter". */
const lossRun = () =>
  game('loss', () => playExplained('tutorial', '1', 'value-based', (d, r) => (r === 6 ? { ...d, tiers: d.tiers.map((t) => ({ ...t, priceIndex: 0.5 })) } : d)));

const PROFIT = attributedKpis(3).indexOf('profit');
const EQUITY = attributedKpis(3).indexOf('customerEquity');

/** Brute force: each (quarter, group)'s profit parts by the quarter they arrived in, summed as running totals, plus its equity parts. */
function bruteValues(attributions: readonly QuarterAttribution[]): Map<string, number> {
  const byKey = new Map<string, { round: number; parts: { at: number; profit: number; equity: number }[] }>();
  const add = (key: string, round: number, at: number, parts: number[]) => {
    const e = byKey.get(key) ?? { round, parts: [] };
    e.parts.push({ at, profit: parts[PROFIT]!, equity: parts[EQUITY]! });
    byKey.set(key, e);
  };
  for (const a of attributions) {
    for (const g of a.groups) add(`${a.round}|${g.group}`, a.round, a.round, g.parts);
    for (const l of a.late) add(`${l.fromRound}|${l.group}`, l.fromRound, a.round, l.parts);
  }
  const out = new Map<string, number>();
  for (const [key, e] of byKey) {
    const parts = [...e.parts].sort((x, y) => x.at - y.at);
    let level = 0;
    let value = 0;
    for (const p of parts) {
      level += p.profit;
      value += level + p.equity;
    }
    out.set(key, value);
  }
  return out;
}

const ORDER = ['tiering', 'service:0', 'service:1', 'service:2', 'relationship', 'price', 'acquisition', 'winBack', 'staffing', 'wages', 'training', 'systems', 'brand', 'research', 'recovery', 'choices'];

describe('topDecisions', () => {
  it('returns the k largest |effect on profit plus customer equity| of (quarter, group), as a brute-force sum gives them', () => {
    for (const input of [cutRun(), uniformRun(), costCutterRun()]) {
      const brute = [...bruteValues(input.attributions)]
        .map(([key, value]) => ({ key, value, round: Number(key.split('|')[0]), g: ORDER.indexOf(key.split('|')[1]!) }))
        .filter((x) => Math.abs(x.value) >= minValue(input))
        .sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || a.round - b.round || a.g - b.g);
      for (const k of [3, 6]) {
        const top = topDecisions(input, k);
        expect(top.map((d) => `${d.round}|${d.group}`)).toEqual(brute.slice(0, k).map((b) => b.key));
        top.forEach((d, i) => expect(d.value).toBeCloseTo(brute[i]!.value, 3));
        for (const d of top) {
          expect(d.effects[0]).toMatchObject({ kpi: 'outcome', value: d.value });
          expect(d.effects[1]).toMatchObject({ kpi: 'score', value: d.score });
        }
      }
    }
    expect(topDecisions(cutRun(), 0)).toEqual([]);
  });

  it('ranks by money, not by score: constructed parts where the score and the money disagree, ties by quarter then group', () => {
    const scenario = builtin('ad-agency');
    const d0 = scenario.initialDecisions;
    const d1: Decisions = { ...d0, brandSpend: d0.brandSpend + 10_000, people: { ...d0.people, trainingSpend: 0 } };
    const d2: Decisions = { ...d1, people: { ...d1.people, wageIndex: 0.9 } };
    const attributions = [
      // Training: small money, a big score (as if it tipped an objective); brand: more money.
      attribution(scenario, 1, [{ group: 'training', parts: { profit: 1000, score: 10.01 } }, { group: 'brand', parts: { profit: -5000, score: -0.05 } }]),
      // Wages: money that arrives late, and equity.
      attribution(scenario, 2, [{ group: 'wages', parts: { profit: 2000, customerEquity: 1000, score: 0.02 } }], [{ fromRound: 1, group: 'brand', parts: { profit: 0 } }]),
      attribution(scenario, 3, [], [{ fromRound: 2, group: 'wages', parts: { profit: -1000 } }]),
    ];
    const input: DebriefInput = { scenario, summaries: [], decisions: [d1, d2, d2], attributions };
    const top = topDecisions(input, 10);
    // Brand: −5,000 in Q1 and still −5,000 in Q2 (its late part there is zero: the effect stays), −10,000;
    // wages: 2,000 + (2,000 − 1,000) + 1,000 equity = 4,000; training 1,000 (its score of 10 does not rank it).
    expect(top.map((d) => `${d.round}|${d.group}`)).toEqual(['1|brand', '2|wages', '1|training']);
    expect(top.map((d) => d.value)).toEqual([-10000, 4000, 1000]);
    expect(topDecisions({ ...input, attributions: [...attributions].reverse() }, 10).map((d) => d.value)).toEqual([-10000, 4000, 1000]);
    expect(en(top[0]!.message, scenario)).toBe('Q1: you raised brand spend from ¥50K to ¥60K (Brand): profit −¥10K over Q1–Q2 and customer equity ±¥0 by Q2, −¥10K in all; score −0.05');
    expect(en(top[1]!.message, scenario)).toBe('Q2: you lowered wages (against the market) from 100% to 90% (Wages): profit +¥3,000 over Q2–Q3 and customer equity +¥1,000 by Q3, +¥4,000 in all; score +0.02');
    // Ties: the same money in one quarter go by the catalogue's order of groups.
    const tie = attribution(scenario, 1, [{ group: 'brand', parts: { profit: 700 } }, { group: 'training', parts: { profit: 700 } }]);
    expect(topDecisions({ ...input, attributions: [tie] }, 10).map((d) => d.group)).toEqual(['training', 'brand']);
    // Below the materiality of the scenario's scoring (0.005 points' worth of money), nothing counts.
    const small = attribution(scenario, 1, [{ group: 'brand', parts: { profit: minValue(input) / 2, score: 3 } }]);
    expect(topDecisions({ ...input, attributions: [small] }, 10)).toEqual([]);
  });

  it('names the objective a decision tipped from its part of the objectives\' points (constructed)', () => {
    const scenario = builtin('tutorial');
    const d0 = scenario.initialDecisions;
    const d1: Decisions = { ...d0, brandSpend: d0.brandSpend + 10_000 };
    const last = 6;
    const profitObjective = scenario.objectives.find((o) => o.id === 'profit')!;
    // A finished game of 6 quarters whose last quarter checked the profit objective with a profit of 2,000 (met).
    const summaries = Array.from({ length: last }, (_, i) => ({ round: i + 1, status: i + 1 === last ? 'finished' : 'running', objectives: i + 1 === last ? [{ id: 'profit', value: 2000 }] : [] }));
    const input = { scenario, summaries, decisions: [...Array.from({ length: last - 1 }, () => d0), d1], attributions: [] } as unknown as DebriefInput;
    const at = (objectives: number) => attribution(scenario, last, [{ group: 'brand', parts: { profit: 3000, customerEquity: 4000, score: 0.1 + objectives, objectives } }]);
    const tipOf = (points: number) => objectiveTip(input, collectMoves([at(points)])[0]!);
    expect(tipOf(0)).toMatchObject({ points: 0, ids: [] });
    expect(tipOf(profitObjective.points)).toEqual({ points: profitObjective.points, ids: ['profit'], sets: [['profit']] });
    // Met, so a decision could only have won it: minus its points matches nothing, and nothing is named.
    expect(tipOf(-profitObjective.points)).toEqual({ points: -profitObjective.points, ids: null, sets: [] });
    const top = topDecisions({ ...input, attributions: [at(profitObjective.points)] }, 1);
    expect(en(top[0]!.message, scenario)).toContain(`score +10.1, of which +${profitObjective.points} points because it tipped the objective “Make money: a profit in the last quarter.”`);
    expect(en(topDecisions({ ...input, attributions: [at(-profitObjective.points)] }, 1)[0]!.message, scenario)).toContain('of which −10 points from objectives it tipped');
    expect(en(topDecisions({ ...input, attributions: [at(0)] }, 1)[0]!.message, scenario)).toMatch(/; score \+0\.1$/);
  });

  it('on real games a decision\'s objective points are always whole objectives it tipped, and a real tipped objective is named', () => {
    let tipped = 0;
    for (const input of [cutRun(), uniformRun(), costCutterRun(), randomRun(), lossRun()]) {
      for (const m of collectMoves(input.attributions)) {
        const tip = objectiveTip(input, m);
        if (tip.points !== 0) {
          tipped++;
          expect(tip.sets.length, `${m.round}|${m.group}: ${tip.points}`).toBeGreaterThan(0);
        }
      }
    }
    expect(tipped).toBeGreaterThan(0);
    // Half price in the tutorial's last quarter cost its profit objective (10 points), and the sentence says so.
    const loss = lossRun();
    expect(loss.summaries.at(-1)!.finance.operatingProfit).toBeLessThan(0);
    const price = topDecisions(loss, 100).find((d) => d.round === 6 && d.group === 'price')!;
    expect(price.objectives).toMatchObject({ ids: ['profit'] });
    expect(price.objectives!.points).toBeCloseTo(-10, 6);
    expect(en(price.message, loss.scenario)).toContain('of which −10 points because it tipped the objective “Make money: a profit in the last quarter.”');
  });

  it('a quarter that changed the number of tiers names the merged group and lists the per-tier levers it holds (a 30% discount in Q1)', () => {
    const input = discountRun();
    expect(input.decisions[0]!.tiering.tierCount).toBeGreaterThan(1);
    const all = topDecisions(input, 1000);
    const q1 = all.find((d) => d.round === 1 && d.group === 'tiering')!;
    expect(q1.merged).toBe(true);
    expect(q1.changes[0]).toMatchObject({ verb: 'up' });
    const price = q1.changes.find((c) => c.verb === 'perTier' && c.group === 'price');
    expect(price).toBeDefined();
    const text = en(q1.message, input.scenario);
    expect(text).toContain('you raised the number of tiers from 1 to 3');
    expect(text).toContain('you set the price index for each tier to Key accounts 70%, Major accounts 70%, Regular accounts 70% (before: all customers 100%)');
    expect(text).toContain('(Customer tiering, with every per-tier lever (the number of tiers changed))');
    const t = tFor('en');
    expect(groupLabel(t, 'tiering' as GroupId, input.scenario, 'en', 3, true)).toBe('Customer tiering, with every per-tier lever (the number of tiers changed)');
    expect(groupLabel(t, 'tiering' as GroupId, input.scenario, 'en', 3)).toBe('Customer tiering');
  });
});
