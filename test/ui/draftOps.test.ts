// Draft edits keep decisions well-formed for the engine: the engine accepts what they make.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newGame, validateDecisions } from '../../src/sim/index';
import type { ScenarioEvent } from '../../src/sim/config';
import { draftFrom, evenShares, setShare, setTierCount, unansweredCards } from '../../src/store/draftOps';
import { builtin } from '../helpers';

describe('draft edits', () => {
  it('even shares sum to exactly 1', () => {
    for (let k = 1; k <= 5; k++) {
      const s = evenShares(k);
      expect(s).toHaveLength(k);
      expect(Math.abs(s.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
    }
  });

  it('changing the number of tiers resizes every per-tier list, and the engine accepts it', () => {
    const sc = builtin('hotel');
    const state = newGame(sc, 'k');
    for (let k = 1; k <= sc.tiers.length; k++) {
      const d = structuredClone(sc.initialDecisions);
      setTierCount(d, k);
      expect(d.tiers).toHaveLength(k);
      expect(d.research.surveySample).toHaveLength(k);
      expect(validateDecisions(sc, state, d).filter((p) => p.code !== 'overBudget' && p.code !== 'overStaff')).toEqual([]);
    }
  });

  it('a new number of tiers moves the tier budgets, never copies them: the plan\'s money for retention, acquisition and win-back stays the same', () => {
    const total = (d: ReturnType<typeof structuredClone<typeof sc.initialDecisions>>) => d.tiers.reduce((a, t) => a + t.retentionBudget + t.acquisitionSpend + t.winBackSpend, 0);
    const sc = builtin('ad-agency');
    for (const path of [[1, 3], [1, 2, 3, 1], [1, 3, 2], [1, 2]]) {
      const d = structuredClone(sc.initialDecisions);
      d.tiers[0]!.retentionBudget = 30_000;
      const before = total(d);
      expect(before).toBeGreaterThan(0);
      for (const k of path.slice(1)) {
        setTierCount(d, k);
        expect(total(d), `${path.join(' → ')} at ${k}`).toBeCloseTo(before, 6);
      }
    }
  });

  it('back to last quarter\'s number of tiers, the rule and every per-tier list come back as they were', () => {
    const sc = builtin('hotel');
    const last = structuredClone(sc.initialDecisions);
    const d = structuredClone(last);
    setTierCount(d, 3, last);
    expect(d.tiers).toHaveLength(3);
    setTierCount(d, last.tiering.tierCount, last);
    expect(d).toEqual(last);
  });

  it('moving one tier\'s share keeps the shares summing to 1 (any sequence of moves)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.double({ min: -0.2, max: 1.2, noNaN: true })), { maxLength: 20 }), (moves) => {
        const d = structuredClone(builtin('hotel').initialDecisions);
        setTierCount(d, 4);
        for (const [t, v] of moves) setShare(d, t, v);
        const shares = d.tiering.cutoffs.mode === 'share' ? d.tiering.cutoffs.shares : [];
        expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-6);
        for (const s of shares) expect(s).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  const CARDS: ScenarioEvent[] = [
    { id: 'a', round: 1, title: {}, text: {}, effects: [], options: [{ id: 'x', label: {}, effects: [] }, { id: 'y', label: {}, effects: [] }], defaultOption: 'y' },
    { id: 'b', round: 1, title: {}, text: {}, effects: [], options: [{ id: 'z', label: {}, effects: [] }] },
  ];

  it('a new quarter\'s draft answers no card for the learner, and keeps last quarter\'s other decisions', () => {
    const last = { ...structuredClone(builtin('tutorial').initialDecisions), choices: [{ event: 'old', option: 'q' }] };
    const d = draftFrom(last);
    expect(d.choices).toEqual([]);
    expect({ ...d, choices: last.choices }).toEqual(last);
    expect(unansweredCards(d, CARDS).map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('a card counts as answered only with one of its own options', () => {
    const d = draftFrom(builtin('tutorial').initialDecisions);
    d.choices = [{ event: 'a', option: 'z' }, { event: 'b', option: 'z' }];
    expect(unansweredCards(d, CARDS).map((c) => c.id)).toEqual(['a']);
    d.choices[0]!.option = 'x';
    expect(unansweredCards(d, CARDS)).toEqual([]);
    expect(unansweredCards(d, [])).toEqual([]);
  });

  it('hires and layoffs are one-offs: a new quarter\'s draft starts them at 0 and keeps every standing decision', () => {
    const last = structuredClone(builtin('hotel').initialDecisions);
    last.people.hires = 12;
    last.people.layoffs = 3;
    last.people.wageIndex = 1.1;
    const d = draftFrom(last);
    expect(d.people).toEqual({ ...last.people, hires: 0, layoffs: 0 });
    expect(d.tiers).toEqual(last.tiers);
    expect(d.tiering).toEqual(last.tiering);
  });
});
