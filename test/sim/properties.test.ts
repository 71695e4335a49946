import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashState, newGame, step, ACTIVE, LAPSED, type Decisions, type RoundReport, type SimState } from '../../src/sim/index';
import { policyById, policyDecisions } from '../../src/policies/index';
import { builtin, fixture, withOverrides } from '../helpers';
import { problemsText } from '../../src/sim/index';

/** Every invariant of a state after a round, with its report. */
function checkRound(prev: SimState, s: SimState, rep: RoundReport, acquiredSoFar: number): void {
  const c = s.customers;
  let active = 0;
  let lapsed = 0;
  for (let i = 0; i < c.count; i++) {
    if (c.status[i] === ACTIVE) active++;
    else if (c.status[i] === LAPSED) lapsed++;
    else throw new Error(`customer ${i} has status ${c.status[i]}`);
    const vals: [string, number, number, number][] = [
      ['satisfaction', c.satisfaction[i]!, 0, 100], ['expectation', c.expectation[i]!, 0, 100], ['loyalty', c.loyalty[i]!, 0, 1],
      ['shareOfWallet', c.shareOfWallet[i]!, 0, 1], ['bond', c.bond[i]!, 0, 1], ['churnP', c.churnP[i]!, 0, 1],
      ['wallet', c.wallet[i]!, 1e-9, 1e15], ['need', c.need[i]!, 1e-9, 1e12], ['margin', c.margin[i]!, 0, 1],
      ['influence', c.influence[i]!, 0, 1], ['orientation', c.orientation[i]!, 0, 1],
    ];
    for (const [name, v, lo, hi] of vals) {
      if (!(v >= lo && v <= hi)) throw new Error(`round ${rep.round}: customer ${i} ${name} = ${v}, outside ${lo}..${hi}`);
    }
    if (!Number.isFinite(c.profit[i]!) || !Number.isFinite(c.clv[i]!) || !Number.isFinite(c.cumRevenue[i]!)) throw new Error(`customer ${i} has a non-finite money value`);
  }
  // Customers are conserved: alive + lapsed = initial + acquired (ids only grow).
  expect(active + lapsed).toBe(c.count);
  expect(c.count).toBe(s.initialCount + acquiredSoFar);
  expect(rep.firm.customers).toBe(active);
  expect(rep.tiers.reduce((a, t) => a + t.customers, 0)).toBe(active);
  // Money is conserved: cash change = inflows - outflows.
  const f = rep.finance;
  expect(f.cashBefore).toBe(prev.firm.cash);
  expect(f.cashAfter).toBe(s.firm.cash);
  expect(Math.abs(f.cashAfter - (f.cashBefore + f.inflows - f.outflows))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(f.cashBefore) + f.inflows + f.outflows));
  const parts = f.costOfGoods + f.wages + f.hiring + f.severance + f.training + f.systems + f.brand + f.relationship + f.retention + f.acquisition + f.winBack + f.research + f.recovery + f.fixedCosts + f.interest + Math.max(0, -f.events);
  expect(Math.abs(parts - f.outflows)).toBeLessThanOrEqual(1e-6 * Math.max(1, f.outflows));
  // Every reported number is finite.
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'number') { if (!Number.isFinite(v)) throw new Error(`report ${path} = ${v}`); }
    else if (v && typeof v === 'object' && !ArrayBuffer.isView(v)) for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk({ ...rep, events: null }, 'report');
  expect(s.firm.employeeSatisfaction).toBeGreaterThanOrEqual(0);
  expect(s.firm.employeeSatisfaction).toBeLessThanOrEqual(100);
  expect(s.firm.headcount).toBeGreaterThanOrEqual(0);
}

function playChecked(scenarioId: 'ad-agency' | 'fixture', seed: string, policySeed: string): void {
  const sc = scenarioId === 'fixture' ? withOverrides(fixture('minimal-scenario.json'), { firm: { insolvency: { mode: 'loan', maxDebt: 1e9 } } }) : builtin(scenarioId);
  const p = policyById('random')!;
  let s = newGame(sc, seed);
  let acquired = 0;
  while (s.status === 'running') {
    const d = policyDecisions(p, sc, { ...s, seed: `${policySeed}` }, null);
    const res = step(sc, s, d);
    if (!res.ok) throw new Error(problemsText(res.problems));
    acquired += res.report.firm.acquired + res.report.firm.referred;
    checkRound(s, res.state, res.report, acquired);
    s = res.state;
  }
}

describe('invariants over random decisions and seeds (fast-check)', () => {
  it('the ad agency: no NaN or out-of-range value, money and customers conserved', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ minLength: 1, maxLength: 8 }), (seed, ps) => playChecked('ad-agency', seed, ps)), { numRuns: 12 });
  });
  it('a small scenario with choice cards and a rescue loan', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ minLength: 1, maxLength: 8 }), (seed, ps) => playChecked('fixture', seed, ps)), { numRuns: 25 });
  });
  it('a rejected decision changes nothing, whatever it holds', () => {
    const sc = builtin('ad-agency');
    const s = newGame(sc, '11');
    const before = hashState(s);
    const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.double(), fc.string(), fc.constant(Number.NaN), fc.constant(-1e30));
    fc.assert(fc.property(fc.record({ brand: junk, hours: junk, price: junk, tiers: fc.nat(6), layoffs: junk }), (r) => {
      const d = structuredClone(sc.initialDecisions) as unknown as Record<string, unknown> & Decisions;
      (d as { brandSpend: unknown }).brandSpend = r.brand === undefined ? 1e13 : r.brand;
      (d.tiers[0] as unknown as Record<string, unknown>).serviceHours = r.hours;
      (d.tiers[0] as unknown as Record<string, unknown>).priceIndex = r.price;
      (d.people as unknown as Record<string, unknown>).layoffs = r.layoffs;
      const res = step(sc, s, d);
      if (res.ok) return; // a junk combination that happens to be valid is fine
      expect(res.problems.length).toBeGreaterThan(0);
      expect(hashState(s)).toBe(before);
    }), { numRuns: 200 });
  });
});
