import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Decisions } from '../../sim/config';
import { FEATURES, featureOf, quarters, separatingDecisions } from './separating';

const hotel = JSON.parse(readFileSync('scenarios/hotel.json', 'utf8')) as { initialDecisions: Decisions };
const plan = (training: number, price: number, noise: number): Decisions => ({
  ...hotel.initialDecisions,
  people: { ...hotel.initialDecisions.people, trainingSpend: training },
  tiers: hotel.initialDecisions.tiers.map((t) => ({ ...t, priceIndex: price, serviceHours: t.serviceHours + noise })),
});

describe('what separated the top of a class from the bottom', () => {
  it('needs four games, and takes a quarter of them from each end', () => {
    expect(quarters([{ score: 1 }, { score: 2 }, { score: 3 }])).toBeNull();
    const q = quarters([1, 5, 3, 8, 2, 7, 4, 6].map((score) => ({ score })))!;
    expect(q.top.map((g) => g.score)).toEqual([8, 7]);
    expect(q.bottom.map((g) => g.score)).toEqual([2, 1]);
  });

  it('finds the decision the winners made and the losers did not, before ones that did not matter', () => {
    // Scores follow training; price is the same for all; service hours vary at random.
    const games = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => ({
      score: 10 * k,
      decisions: [plan(10_000 * k, 1, (k * 37) % 5 * 0.01), plan(10_000 * k, 1, (k * 11) % 3 * 0.01)],
    }));
    const s = separatingDecisions(games);
    expect(s[0]).toMatchObject({ feature: 'training', top: 65_000, bottom: 5_000 });
    expect(s[0]!.effect).toBeGreaterThan(1);
    // A decision everyone made alike separates no one.
    expect(s.map((x) => x.feature)).not.toContain('priceIndex');
    expect(separatingDecisions(games.slice(0, 3))).toEqual([]);
  });

  it('reads every feature of a plan', () => {
    for (const f of FEATURES) expect(Number.isFinite(featureOf(hotel.initialDecisions, f)), f).toBe(true);
  });
});
