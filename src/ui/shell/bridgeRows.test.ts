// The books' table: its figures are whole currency units that add up, each within one unit of
// the engine's value, for constructed values (fast-check) and for every quarter of real games.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtin } from '../../../test/helpers';
import { summarize } from '../../worker/summary';
import type { ProfitBridge } from '../../worker/protocol';
import { newGame, step } from '../../sim/index';
import { policyById, policyDecisions } from '../../policies/index';
import { bridgeRows, roundToTotal } from './bridgeRows';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Every summary's bridge and tier profits of a whole game (the worker's summaries, as the page gets them). */
function bridges(id: string): { bridge: ProfitBridge; tiers: number[] }[] {
  const sc = builtin(id);
  const p = policyById('value-based')!;
  let s = newGame(sc, '2');
  let last = null;
  const out: { bridge: ProfitBridge; tiers: number[] }[] = [];
  while (s.status === 'running') {
    const r = step(sc, s, policyDecisions(p, sc, s, last));
    if (!r.ok) throw new Error('refused');
    const { summary } = summarize(sc, r.report, r.state);
    out.push({ bridge: summary.bridge, tiers: summary.tiers.map((t) => t.profit) });
    s = r.state;
    last = r.report;
  }
  return out;
}

/** The figures shown add up: tiers to the customers' row, the customers and the lines to operating profit. */
function checkAddsUp(rows: ReturnType<typeof bridgeRows>): void {
  const tiers = rows.filter((r) => r.kind === 'tier');
  const customers = rows.find((r) => r.kind === 'customers')!;
  const lines = rows.filter((r) => r.kind === 'line');
  const op = rows.find((r) => r.kind === 'operatingProfit')!;
  if (tiers.length > 0) expect(sum(tiers.map((r) => r.shown))).toBe(customers.shown);
  expect(customers.shown + sum(lines.map((r) => r.shown))).toBe(op.shown);
  expect(op.shown).toBe(Math.round(op.value) || 0);
  for (const r of rows) {
    expect(Number.isInteger(r.shown)).toBe(true);
    if (r.kind !== 'customers' && r.kind !== 'operatingProfit') expect(Math.abs(r.shown - r.value)).toBeLessThan(1);
    if (r.kind === 'line') expect(Math.abs(r.value)).toBeGreaterThanOrEqual(0.5);
  }
}

describe('roundToTotal', () => {
  it('rounds every value down or up so that the sum is the rounded total', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 20 }), (xs) => {
        const total = sum(xs);
        const out = roundToTotal(xs, total);
        out.forEach((y, i) => {
          expect(Number.isInteger(y)).toBe(true);
          expect(Math.abs(y - xs[i]!)).toBeLessThan(1);
        });
        expect(sum(out)).toBe(Math.round(total) || 0);
      }),
    );
  });

  it('keeps whole values as they are and rounds the largest remainders up', () => {
    expect(roundToTotal([1, 2, 3], 6)).toEqual([1, 2, 3]);
    expect(roundToTotal([0.4, 0.4, 0.2], 1)).toEqual([1, 0, 0]);
    expect(roundToTotal([1.5, 1.5], 3)).toEqual([2, 1]);
    expect(roundToTotal([-0.6, -0.6], -1)).toEqual([0, -1]);
  });
});

describe('bridgeRows', () => {
  it('a constructed quarter: tiers, their sum, the lines that are not zero, operating profit', () => {
    const bridge: ProfitBridge = {
      customers: 1000.4 + 200.3 + 99.9,
      lines: [{ id: 'idleWages', amount: -300.2 }, { id: 'hiring', amount: 0 }, { id: 'fixedCosts', amount: -500 }, { id: 'events', amount: 0.2 }],
      operatingProfit: 1000.4 + 200.3 + 99.9 - 300.2 - 500 + 0.2,
    };
    const rows = bridgeRows([bridge], [1000.4, 200.3, 99.9]);
    expect(rows.map((r) => (r.kind === 'line' ? r.id : r.kind))).toEqual(['tier', 'tier', 'tier', 'customers', 'idleWages', 'fixedCosts', 'operatingProfit']);
    checkAddsUp(rows);
    expect(rows.at(-1)!.shown).toBe(501);
  });

  for (const id of ['ad-agency', 'retail-bank']) {
    it(`every quarter of a real game adds up as shown, and the whole game too (${id})`, () => {
      const qs = bridges(id);
      for (const q of qs) checkAddsUp(bridgeRows([q.bridge], q.tiers));
      const game = bridgeRows(qs.map((q) => q.bridge), null);
      checkAddsUp(game);
      expect(game[0]!.kind).toBe('customers');
      expect(game.at(-1)!.value).toBeCloseTo(sum(qs.map((q) => q.bridge.operatingProfit)), 3);
    }, 60_000);
  }
});
