// "Why did it change?" is checked, not assumed: every part of a quarter's attribution equals
// the difference between the real quarter and an independent replay with only that group
// reverted (reverted here by hand, not by the code under test); reverting every group is,
// bit for bit, the quarter replayed with last quarter's decisions; the parts, late effects,
// outside and interaction add up to the change; a late effect equals an independent replay
// of the world without that earlier change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changedGroups, cloneState, decisionGroups, explainNext, hashState, kpiVector, newExplainer, newGame, prepareNext, revertAll, revertGroup, step,
  stepCounterfactual, type Decisions, type GroupId, type QuarterAttribution, type ScenarioConfig, type SimState,
} from '../../src/sim/index';
import { canonicalJson } from '../../src/sim/hash';
import { policyById, policyDecisions } from '../../src/policies/index';
import { builtin } from '../helpers';

/** The decisions `d` with group `g` set back to `prev`, written out field by field. */
function revertByHand(d: Decisions, prev: Decisions, g: GroupId): Decisions {
  const x = structuredClone(d);
  const p = structuredClone(prev);
  const merged = d.tiering.tierCount !== prev.tiering.tierCount;
  if (g === 'tiering') {
    x.tiering = p.tiering;
    if (merged) {
      x.tiers = p.tiers;
      x.research.surveySample = p.research.surveySample;
    }
  } else if (g.startsWith('service:')) {
    const t = Number(g.split(':')[1]);
    x.tiers[t]!.serviceHours = p.tiers[t]!.serviceHours;
  } else if (g === 'relationship') {
    for (let t = 0; t < x.tiers.length; t++) {
      x.tiers[t]!.relationshipSpend = p.tiers[t]!.relationshipSpend;
      x.tiers[t]!.retentionBudget = p.tiers[t]!.retentionBudget;
    }
  } else if (g === 'price') for (let t = 0; t < x.tiers.length; t++) x.tiers[t]!.priceIndex = p.tiers[t]!.priceIndex;
  else if (g === 'acquisition') for (let t = 0; t < x.tiers.length; t++) x.tiers[t]!.acquisitionSpend = p.tiers[t]!.acquisitionSpend;
  else if (g === 'winBack') for (let t = 0; t < x.tiers.length; t++) x.tiers[t]!.winBackSpend = p.tiers[t]!.winBackSpend;
  else if (g === 'staffing') {
    x.people.hires = p.people.hires;
    x.people.layoffs = p.people.layoffs;
  } else if (g === 'wages') x.people.wageIndex = p.people.wageIndex;
  else if (g === 'training') x.people.trainingSpend = p.people.trainingSpend;
  else if (g === 'systems') x.systems = p.systems;
  else if (g === 'brand') x.brandSpend = p.brandSpend;
  else if (g === 'research') {
    x.research.employeeSurvey = p.research.employeeSurvey;
    x.research.nps = p.research.nps;
    if (!merged) x.research.surveySample = p.research.surveySample;
  } else if (g === 'recovery') x.recovery = p.recovery;
  else if (g === 'choices') x.choices = p.choices;
  else throw new Error(`no hand-written revert for ${g}`);
  return x;
}

/** What stands of a quarter's decisions in the next, by hand: hires and layoffs are one-offs, back to 0. */
function standing(d: Decisions): Decisions {
  const x = structuredClone(d);
  x.people.hires = 0;
  x.people.layoffs = 0;
  return x;
}

/** An independent replay of the quarter from `before` with `d`: its KPI vector and state hash. */
function replay(sc: ScenarioConfig, before: SimState, d: Decisions): { kpis: number[]; hash: string; state: SimState } {
  const r = stepCounterfactual(sc, cloneState(before), d);
  return { kpis: kpiVector(r.report, sc.tiers.length), hash: hashState(r.state), state: r.state };
}

const minus = (a: readonly number[], b: readonly number[]): number[] => a.map((x, i) => x - b[i]!);

/**
 * A game of `quarters` quarters in which each quarter's decisions are the random policy's for
 * the groups `keep` picks, and last quarter's for the others (so some groups change, some not).
 */
function playMixed(sc: ScenarioConfig, seed: string, masks: boolean[][]): { states: SimState[]; decisions: Decisions[]; attributions: QuarterAttribution[] } {
  const policy = policyById('random')!;
  const states = [newGame(sc, seed)];
  const decisions: Decisions[] = [];
  const attributions: QuarterAttribution[] = [];
  const ex = newExplainer(states[0]!);
  for (const mask of masks) {
    const before = states.at(-1)!;
    if (before.status !== 'running') break;
    const prev = standing(before.lastDecisions);
    let d = policyDecisions(policy, sc, before, null);
    decisionGroups(d, prev).forEach((g, i) => {
      if (!mask[i % mask.length]) d = revertGroup(d, prev, g);
    });
    // The mixture may not be playable (budget, staff): then play the random policy's own.
    if (!step(sc, before, d).ok) d = policyDecisions(policy, sc, before, null);
    const { attribution, state } = explainNext(sc, ex, d);
    states.push(state);
    decisions.push(d);
    attributions.push(attribution);
  }
  return { states, decisions, attributions };
}

const masksArb = (quarters: number) => fc.array(fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }), { minLength: quarters, maxLength: quarters });

describe('attribution of a quarter by counterfactual replays', () => {
  for (const id of ['ad-agency', 'hotel']) {
    const sc = builtin(id);
    it(`${id}: each group's part is the real quarter minus an independent replay with only that group reverted`, () => {
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 6 }), masksArb(3), (seed, masks) => {
          const { states, decisions, attributions } = playMixed(sc, seed, masks);
          attributions.forEach((a, q) => {
            const before = states[q]!;
            const d = decisions[q]!;
            const prev = standing(before.lastDecisions);
            const real = replay(sc, before, d);
            expect(real.kpis).toEqual(a.actual);
            expect(a.groups.map((g) => g.group)).toEqual(changedGroups(d, prev));
            for (const g of a.groups) expect(g.parts, `Q${a.round} ${g.group}`).toEqual(minus(real.kpis, replay(sc, before, revertByHand(d, prev, g.group)).kpis));
            // A group left as it was has no part: its replay is the real quarter.
            for (const g of decisionGroups(d, prev)) {
              if (a.groups.some((x) => x.group === g)) continue;
              expect(replay(sc, before, revertByHand(d, prev, g)).hash).toBe(real.hash);
            }
          });
        }),
        { numRuns: 12 },
      );
    });

    it(`${id}: reverting every group reproduces, bit for bit, the quarter replayed with last quarter's decisions`, () => {
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 6 }), masksArb(3), (seed, masks) => {
          const { states, decisions, attributions } = playMixed(sc, seed, masks);
          attributions.forEach((a, q) => {
            const before = states[q]!;
            const prev = standing(before.lastDecisions);
            let all = decisions[q]!;
            for (const g of decisionGroups(all, prev)) all = revertByHand(all, prev, g);
            expect(canonicalJson(all)).toBe(canonicalJson(prev));
            expect(canonicalJson(revertAll(decisions[q]!, prev))).toBe(canonicalJson(prev));
            const base = replay(sc, before, prev);
            expect(replay(sc, before, all).hash).toBe(base.hash);
            expect(base.kpis).toEqual(a.baseline);
            // Last quarter's decisions played through the checked path give the same state when the engine accepts them.
            const checked = step(sc, before, prev);
            if (checked.ok) expect(checked.report.hash).toBe(base.hash);
          });
        }),
        { numRuns: 12 },
      );
    });

    it(`${id}: previous + late effects + outside + valuation + parts + interaction = the value now, for every KPI`, () => {
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 6 }), masksArb(4), (seed, masks) => {
          const { attributions } = playMixed(sc, seed, masks);
          for (const a of attributions) {
            a.kpis.forEach((_, k) => {
              let sum = a.previous ? a.previous[k]! + a.outside![k]! + a.valuation![k]! : a.baseline[k]!;
              for (const l of a.late) sum += l.parts[k]!;
              for (const g of a.groups) sum += g.parts[k]!;
              sum += a.interaction[k]!;
              expect(Math.abs(sum - a.actual[k]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a.actual[k]!), ...a.groups.map((g) => Math.abs(g.parts[k]!))));
            });
            if (a.groups.length <= 1) expect(a.interaction.every((x) => x === 0)).toBe(true);
          }
        }),
        { numRuns: 10 },
      );
    });
  }

  it('a late effect equals the momentum of an independent replay of the world without that earlier change', () => {
    const sc = builtin('hotel');
    // Q2 cuts training and wages (nothing else), Q3 and Q4 change nothing further: their effects arrive late.
    const states = [newGame(sc, 'late')];
    const ex = newExplainer(states[0]!);
    const decisions: Decisions[] = [];
    const attributions: QuarterAttribution[] = [];
    for (let r = 1; r <= 4; r++) {
      const d = standing(states.at(-1)!.lastDecisions);
      if (r === 2) {
        d.people.trainingSpend = 0;
        d.people.wageIndex = 0.8;
      }
      const { attribution, state } = explainNext(sc, ex, d);
      states.push(state);
      decisions.push(d);
      attributions.push(attribution);
    }
    expect(attributions[1]!.groups.map((g) => g.group).sort()).toEqual(['training', 'wages']);
    expect(attributions[2]!.groups).toEqual([]);
    expect(attributions[2]!.late.length).toBe(2);
    for (const g of ['training', 'wages'] as const) {
      // The world without the Q2 change of g, by hand: Q2 with g reverted, then Q3 repeating Q2's (reverted) decisions.
      const w2 = revertByHand(decisions[1]!, decisions[0]!, g);
      const W2 = replay(sc, states[1]!, w2);
      const X3 = replay(sc, W2.state, w2);
      const A2 = attributions[1]!.actual;
      const B3 = attributions[2]!.baseline;
      const expected = minus(minus(B3, A2), minus(X3.kpis, W2.kpis));
      const late = attributions[2]!.late.find((l) => l.group === g && l.fromRound === 2);
      expect(late?.parts).toEqual(expected);
      // Two quarters on it is still traced, then it stops.
      expect(attributions[3]!.late.some((l) => l.group === g && l.fromRound === 2)).toBe(true);
    }
    // The hotel is a small base: late effects are traced four quarters.
    expect(ex.maxLag).toBe(4);
    expect(attributions.every((a) => a.late.every((l) => a.round - l.fromRound <= ex.maxLag))).toBe(true);
    // Training is a stock: cutting it lowers skill and employee satisfaction later, not at once.
    const es = attributions[0]!.kpis.indexOf('employeeSatisfaction');
    const lateTraining = attributions[3]!.late.find((l) => l.group === 'training')!;
    expect(lateTraining.parts[es]).toBeLessThan(0);
  });

  it('late effects are traced the explainer\'s lag and no longer: four quarters for small bases, two for large ones', () => {
    const sc = builtin('ad-agency');
    for (const lag of [1, 2, 4]) {
      const s0 = newGame(sc, 'lag');
      const ex = newExplainer(s0, undefined, lag);
      const from: number[][] = [];
      for (let r = 1; r <= 7; r++) {
        const d = structuredClone(ex.state.lastDecisions);
        if (r === 1) d.people.trainingSpend *= 0.5;
        from.push(explainNext(sc, ex, d).attribution.late.filter((l) => l.fromRound === 1).map((l) => l.fromRound));
      }
      // The change of quarter 1 shows late in quarters 2..1+lag, then counts as carry-over.
      expect(from.map((x) => x.length)).toEqual([0, ...Array.from({ length: 6 }, (_, i) => (i + 2 <= 1 + lag ? 1 : 0))]);
    }
    const small = newExplainer(newGame(builtin('hotel'), 'x'));
    expect(small.maxLag).toBe(4);
  });

  it('a quarter with no change needs no replay and explains everything as outside and late effects', () => {
    const sc = builtin('ad-agency');
    const s0 = newGame(sc, 'still');
    const ex = newExplainer(s0);
    const first = explainNext(sc, ex, structuredClone(s0.lastDecisions));
    expect(ex.replays).toBe(0);
    expect(first.attribution.groups).toEqual([]);
    expect(first.attribution.baseline).toEqual(first.attribution.actual);
    const second = explainNext(sc, ex, structuredClone(first.state.lastDecisions));
    expect(second.attribution.outside).toEqual(minus(second.attribution.actual, first.attribution.actual));
  });

  it('the work done between quarters (prepareNext) and the memory cap change nothing that is explained', () => {
    const sc = builtin('hotel');
    const masks = [[true], [true, false], [false, true, false], [true, false, false, true], [false]];
    const plain = playMixed(sc, 'prep', masks);
    // The same decisions, with all the work between quarters done ahead, and with almost no memory for traced worlds.
    const prepared = newExplainer(newGame(sc, 'prep'));
    const starved = newExplainer(newGame(sc, 'prep'), 1);
    plain.decisions.forEach((d, q) => {
      while (prepareNext(sc, prepared));
      const a = explainNext(sc, prepared, d).attribution;
      expect(a).toEqual(plain.attributions[q]);
      const b = explainNext(sc, starved, d).attribution;
      expect(b.groups).toEqual(a.groups);
      expect(b.interaction).toEqual(a.interaction);
      expect(b.late).toEqual([]);
      // Every world this quarter made gives way (a.groups of a running game), in the order of the groups.
      if (plain.states[q + 1]!.status === 'running') expect(b.untraced).toEqual(a.groups.map((g) => g.group));
    });
    expect(plain.attributions.some((a) => a.late.length > 0)).toBe(true);
  });

  it('the last quarter\'s end-of-game valuation is a bar of its own: the baseline\'s weighted customer equity and objective points, not outside', () => {
    const sc = builtin('tutorial');
    const p = policyById('value-based')!;
    const ex = newExplainer(newGame(sc, 'valued'));
    let a: QuarterAttribution | null = null;
    const valued: number[] = [];
    while (ex.state.status === 'running') {
      const before = ex.state;
      const d = policyDecisions(p, sc, before, null);
      a = explainNext(sc, ex, d).attribution;
      if (a.valuation) valued.push(a.valuation.reduce((s, x) => s + Math.abs(x), 0) - Math.abs(a.valuation[a.kpis.indexOf('score')]!));
      // The world the valuation is taken from, by hand: this quarter with last quarter's standing decisions.
      const base = stepCounterfactual(sc, cloneState(before), standing(before.lastDecisions));
      const score = a.kpis.indexOf('score');
      let points = base.state.status === 'running' ? 0 : (sc.scoring.equityWeight * base.report.firm.customerEquity) / sc.scoring.moneyPerPoint;
      for (const id of base.state.objectivesMet.slice(before.objectivesMet.length)) points += sc.objectives.find((o) => o.id === id)!.points;
      if (a.valuation) expect(a.valuation[score]).toBeCloseTo(points, 9);
    }
    // Only the score has a valuation.
    expect(valued.every((x) => x === 0)).toBe(true);
    const score = a!.kpis.indexOf('score');
    // In the last quarter it is most of the quarter's score, and outside keeps only what the quarter earned.
    expect(a!.valuation![score]).toBeGreaterThan(20);
    expect(Math.abs(a!.outside![score]!)).toBeLessThan(a!.valuation![score]! / 2);
  });

  it('hires and layoffs are one-offs: repeating last quarter\'s hires is a decision of its own, and hiring none is no change', () => {
    const sc = builtin('hotel');
    const ex = newExplainer(newGame(sc, 'hires'));
    const quarter = (hires: number) => {
      const d = standing(ex.state.lastDecisions);
      d.people.hires = hires;
      return explainNext(sc, ex, d).attribution;
    };
    const q1 = quarter(4);
    const q2 = quarter(4);
    const q3 = quarter(0);
    // Against a status quo of no hires, four hires in each of two quarters are two decisions, each with its part.
    expect(q1.groups.map((g) => g.group)).toEqual(['staffing']);
    expect(q2.groups.map((g) => g.group)).toEqual(['staffing']);
    const emp = q2.kpis.indexOf('employeeSatisfaction');
    expect(q2.groups[0]!.parts.some((x, k) => k !== emp && x !== 0)).toBe(true);
    // Hiring nobody the quarter after is no change at all.
    expect(q3.groups).toEqual([]);
    // The world without quarter 1's hires still makes quarter 2's hires: its late effect is quarter 1's four alone.
    expect(q2.late.filter((l) => l.group === 'staffing' && l.fromRound === 1)).toHaveLength(1);
  });

  it('changing the number of tiers merges the tiering rule and every per-tier lever into one group', () => {
    const sc = builtin('ad-agency');
    const s0 = newGame(sc, 'tiers');
    const prev = s0.lastDecisions;
    const d = policyDecisions(policyById('value-based')!, sc, s0, null);
    expect(d.tiering.tierCount).not.toBe(prev.tiering.tierCount);
    const groups = decisionGroups(d, prev);
    expect(groups).toContain('tiering');
    expect(groups.some((g) => g.startsWith('service:'))).toBe(false);
    const ex = newExplainer(s0);
    const { attribution } = explainNext(sc, ex, d);
    expect(attribution.mergedTiering).toBe(true);
    const real = replay(sc, s0, d);
    const tiering = attribution.groups.find((g) => g.group === 'tiering')!;
    expect(tiering.parts).toEqual(minus(real.kpis, replay(sc, s0, revertByHand(d, prev, 'tiering')).kpis));
  });
});
