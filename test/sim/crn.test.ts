import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/sim/customers';
import { EV_FAILURE, hashState, newGame, planUse, step, type Decisions, type SimState } from '../../src/sim/index';
import { policyById, policyDecisions } from '../../src/policies/index';
import { builtin, seeds } from '../helpers';
import { resolveParams } from '../../src/sim/params';
import { assignTiers, dataQualityOf } from '../../src/sim/model/tiers';

/** A state after two rounds of value-based play, and the policy's next decisions. */
function setup(seed: string): { s: SimState; d: Decisions } {
  const sc = builtin('ad-agency');
  const p = policyById('value-based')!;
  let s = newGame(sc, seed);
  for (let r = 0; r < 2; r++) {
    const res = step(sc, s, policyDecisions(p, sc, s, null));
    if (!res.ok) throw new Error('refused');
    s = res.state;
  }
  return { s, d: policyDecisions(p, sc, s, null) };
}

function column(s: SimState, name: string): { [i: number]: number } {
  return (s.customers as unknown as Record<string, { [i: number]: number }>)[name]!;
}

describe('common random numbers', () => {
  const sc = builtin('ad-agency');
  it('changing one tier\'s programme spend leaves every customer of the other tiers bit-identical', () => {
    for (const seed of seeds(5)) {
      const { s, d } = setup(seed);
      const a = structuredClone(d);
      const b = structuredClone(d);
      a.tiers[2]!.relationshipSpend = 0;
      b.tiers[2]!.relationshipSpend = Math.min(2000, (planUse(sc, s, d).budget - planUse(sc, s, a).spend) / Math.max(1, planUse(sc, s, a).tierCounts[2]!));
      const ra = step(sc, s, a);
      const rb = step(sc, s, b);
      if (!ra.ok || !rb.ok) throw new Error('refused');
      const n = s.customers.count;
      // The valuation prices a customer at the tier the rule gives it next quarter: a customer bound for tier 2 is valued at tier 2's cost.
      const P = resolveParams(sc.model);
      // (The rule cuts by shares, so tier 2's new revenue can move the cut and with it a neighbour's next tier.)
      const nextOf = (x: SimState): Uint8Array => {
        const out = new Uint8Array(x.customers.count);
        assignTiers(P, x, x.tiering, dataQualityOf(P, x), out);
        return out;
      };
      const nextA = nextOf(ra.state);
      const nextB = nextOf(rb.state);
      let others = 0;
      let changed = 0;
      for (let i = 0; i < n; i++) {
        const tier = ra.state.customers.tier[i]!;
        if (ra.state.customers.status[i] === 0 || s.customers.status[i] === 0) {
          if (tier === 2) {
            if (ra.state.customers.satisfaction[i] !== rb.state.customers.satisfaction[i]) changed++;
            continue;
          }
        }
        if (s.customers.status[i] !== 0) continue;
        others++;
        for (const col of COLUMNS) {
          if ((col.name === 'clv' || col.name === 'stay') && (nextA[i] === 2 || nextA[i] !== nextB[i])) continue;
          for (let k = 0; k < col.stride; k++) {
            const j = i * col.stride + k;
            if (column(ra.state, col.name)[j] !== column(rb.state, col.name)[j]) {
              throw new Error(`seed ${seed}: customer ${i} (tier ${tier}) differs in ${col.name}`);
            }
          }
        }
      }
      expect(others).toBeGreaterThan(50);
      expect(changed).toBeGreaterThan(0);
      expect(ra.report.hash).not.toBe(rb.report.hash);
    }
  });
  it('the same draws decide failures: more pressure only adds failures, it never reshuffles who fails', () => {
    for (const seed of seeds(5)) {
      const { s, d } = setup(seed);
      const lo = structuredClone(d);
      const hi = structuredClone(d);
      const use = planUse(sc, s, d);
      // Push the bottom tier's hours up to the overtime limit: workload and failure risk rise for everyone.
      hi.tiers[2]!.serviceHours += (use.staffLimit * 0.99 - use.staffHours) * 0.8 / Math.max(1, use.tierCounts[2]!);
      const rl = step(sc, s, lo);
      const rh = step(sc, s, hi);
      if (!rl.ok || !rh.ok) throw new Error('refused');
      expect(rh.report.employees.workload).toBeGreaterThan(rl.report.employees.workload);
      const failed = (ev: typeof rl.report.events): Set<number> => {
        const out = new Set<number>();
        for (let k = 0; k < ev.count; k++) if (ev.kind[k] === EV_FAILURE) out.add(ev.customer[k]!);
        return out;
      };
      const fl = failed(rl.report.events);
      const fh = failed(rh.report.events);
      for (const i of fl) expect(fh.has(i)).toBe(true);
      expect(fh.size).toBeGreaterThanOrEqual(fl.size);
    }
  });
  it('two games on one seed with the same decisions are identical; another seed differs', () => {
    const { s, d } = setup('42');
    const a = step(sc, s, d);
    const b = step(sc, s, d);
    if (!a.ok || !b.ok) throw new Error('refused');
    expect(a.report.hash).toBe(b.report.hash);
    expect(hashState(a.state)).toBe(a.report.hash);
    expect(setup('43').s.customers.count === s.customers.count && hashState(setup('43').s) === hashState(s)).toBe(false);
  });
  it('step is pure: the state it was given is left untouched', () => {
    const { s, d } = setup('5');
    const before = hashState(s);
    const res = step(sc, s, d);
    expect(res.ok).toBe(true);
    expect(hashState(s)).toBe(before);
  });
});
