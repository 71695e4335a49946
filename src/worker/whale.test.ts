// The whale curve of customer profitability: customers by lifetime profit, most profitable
// first. Small states built with the engine and given hand-written profits, then one real game.
import { describe, expect, it } from 'vitest';
import { newGame, type SimState } from '../sim/index';
import { copyCustomers } from '../sim/customers';
import { builtin } from '../../test/helpers';
import { startBuiltinSession } from '../../test/worker/sessions';
import { advance } from './session';
import { whaleCurve } from './whale';

/** A tutorial game whose customer table holds exactly `profits` as lifetime profit. */
function stateWith(profits: readonly number[]): SimState {
  const state = newGame(builtin('tutorial'), 'whale');
  if (state.customers.capacity < profits.length) state.customers = copyCustomers(state.customers, profits.length);
  state.customers.count = profits.length;
  state.customers.cumProfit.fill(0);
  state.customers.cumProfit.set(profits);
  return state;
}

/** Checks the curve rises, then falls, and never the other way round. */
function expectRiseThenFall(points: readonly number[]): void {
  let falling = false;
  for (let k = 1; k < points.length; k++) {
    const d = points[k]! - points[k - 1]!;
    if (d < 0) falling = true;
    if (falling) expect(d, `point ${k}`).toBeLessThanOrEqual(0);
  }
}

describe('whaleCurve', () => {
  it('starts at 0, ends at total profit and peaks after the last profitable customer', () => {
    // Out of order on purpose: 10 customers, 6 profitable (60), one even, 3 losing (-25).
    const w = whaleCurve(stateWith([5, -10, 20, 0, -5, 10, 10, -10, 10, 5]));
    expect(w.customers).toBe(10);
    expect(w.points).toHaveLength(101);
    expect(w.points[0]).toBe(0);
    expect(w.points[100]).toBe(35);
    expect(w.totalProfit).toBe(35);
    expect(w.peak).toEqual({ share: 0.6, profit: 60 });
    expect(w.points[60]).toBe(60);
    expect(w.points[70]).toBe(60); // the customer who broke even
    expect(Math.max(...w.points)).toBe(60);
    expect(w.unprofitable).toBe(3);
    expect(w.unprofitableLoss).toBe(-25);
    // Sorted: 20, 10, 10, 10, 5, 5, 0, -5, -10, -10.
    expect(w.points[10]).toBe(20);
    expect(w.points[20]).toBe(30);
    expect(w.points[15]).toBeCloseTo(25, 12); // half way through the second customer
    expect(w.points[90]).toBe(45);
    expect(w.topShare20).toBeCloseTo(30 / 35, 12);
    expectRiseThenFall(w.points);
  });

  it('does not depend on the order of the customers', () => {
    const profits = [7, -3, 12, 0.5, -8, 4, 4, 9, -1, 2, 30, -6, 11];
    const a = whaleCurve(stateWith(profits));
    const b = whaleCurve(stateWith([...profits].reverse()));
    expect(b).toEqual(a);
    expect(whaleCurve(stateWith(profits))).toEqual(a);
  });

  it('treats tied profits alike, whatever their slots', () => {
    const w = whaleCurve(stateWith([4, 4, 4, 4, -4, -4]));
    expect(w.peak).toEqual({ share: 4 / 6, profit: 16 });
    expect(w.unprofitable).toBe(2);
    expect(w.unprofitableLoss).toBe(-8);
    expect(w.points[50]).toBeCloseTo(12, 12);
    expect(w.points[100]).toBe(8);
    expectRiseThenFall(w.points);
  });

  it('rises all the way when every customer is profitable', () => {
    const w = whaleCurve(stateWith([3, 1, 2, 5, 4]));
    expect(w.peak).toEqual({ share: 1, profit: 15 });
    expect(w.unprofitable).toBe(0);
    expect(w.unprofitableLoss).toBe(0);
    expect(w.points[100]).toBe(15);
    for (let k = 1; k <= 100; k++) expect(w.points[k]!).toBeGreaterThan(w.points[k - 1]!);
    // Concave: the best customers come first.
    expect(w.points[20]).toBe(5);
    expect(w.topShare20).toBeCloseTo(5 / 15, 12);
  });

  it('falls all the way when every customer loses money, with no share of a negative total', () => {
    const w = whaleCurve(stateWith([-2, -8, -5]));
    expect(w.peak).toEqual({ share: 0, profit: 0 });
    expect(w.unprofitable).toBe(3);
    expect(w.unprofitableLoss).toBe(-15);
    expect(w.totalProfit).toBe(-15);
    expect(w.points[100]).toBe(-15);
    expect(w.topShare20).toBeNull();
    for (let k = 1; k <= 100; k++) expect(w.points[k]!).toBeLessThan(w.points[k - 1]!);
  });

  it('gives no share when total profit is exactly zero', () => {
    const w = whaleCurve(stateWith([10, -10]));
    expect(w.totalProfit).toBe(0);
    expect(w.topShare20).toBeNull();
    expect(w.peak).toEqual({ share: 0.5, profit: 10 });
    expect(w.points[50]).toBe(10);
  });

  it('draws one customer as a straight line to its profit', () => {
    const w = whaleCurve(stateWith([80]));
    expect(w.customers).toBe(1);
    expect(w.peak).toEqual({ share: 1, profit: 80 });
    expect(w.points[0]).toBe(0);
    expect(w.points[25]).toBeCloseTo(20, 12);
    expect(w.points[100]).toBe(80);
    expect(w.topShare20).toBeCloseTo(0.2, 12);
    const loss = whaleCurve(stateWith([-80]));
    expect(loss.unprofitable).toBe(1);
    expect(loss.points[50]).toBeCloseTo(-40, 12);
  });

  it('is flat at zero for no customers, or only customers who broke even', () => {
    for (const w of [whaleCurve(stateWith([])), whaleCurve(stateWith([0, 0, 0]))]) {
      expect(w.points).toEqual(new Array<number>(101).fill(0));
      expect(w.peak.profit).toBe(0);
      expect(w.unprofitable).toBe(0);
      expect(w.topShare20).toBeNull();
    }
    expect(whaleCurve(stateWith([])).peak.share).toBe(0);
  });

  it('samples a large base on exact steps of customers', () => {
    // 1,000 customers: k% is exactly 10k customers, so each point is a whole prefix sum.
    const profits = Array.from({ length: 1000 }, (_, i) => 600 - i);
    const w = whaleCurve(stateWith(profits));
    const desc = [...profits].sort((a, b) => b - a);
    for (const k of [1, 10, 33, 50, 99]) expect(w.points[k]).toBe(desc.slice(0, 10 * k).reduce((a, b) => a + b, 0));
    expect(w.peak.share).toBe(0.6); // 600 down to 1, then one at 0 and 399 below
    expect(w.unprofitable).toBe(399);
  });

  it('follows a real game: every customer ever, rising then falling to the total', async () => {
    const s = await startBuiltinSession('ad-agency', 'whale-7');
    for (let q = 0; q < 4; q++) expect(advance(s, structuredClone(s.state.lastDecisions)).ok).toBe(true);
    const c = s.state.customers;
    const w = whaleCurve(s.state);
    expect(w.customers).toBe(c.count);
    expect(c.count).toBeGreaterThanOrEqual(s.state.initialCount);
    let total = 0;
    let losing = 0;
    for (let i = 0; i < c.count; i++) {
      total += c.cumProfit[i]!;
      if (c.cumProfit[i]! < 0) losing++;
    }
    expect(w.totalProfit).toBeCloseTo(total, 6);
    expect(w.points[0]).toBe(0);
    expect(w.points[100]).toBe(w.totalProfit);
    expect(w.unprofitable).toBe(losing);
    expect(w.unprofitableLoss).toBeLessThanOrEqual(0);
    expect(w.peak.profit + w.unprofitableLoss).toBeCloseTo(w.totalProfit, 6);
    expect(Math.max(...w.points)).toBeLessThanOrEqual(w.peak.profit);
    expectRiseThenFall(w.points);
    // Concave as sorted: each 1% step adds no more than the one before.
    for (let k = 2; k <= 100; k++) expect(w.points[k]! - w.points[k - 1]!).toBeLessThanOrEqual(w.points[k - 1]! - w.points[k - 2]! + 1e-6 * Math.abs(w.peak.profit));
    // Deterministic.
    expect(whaleCurve(s.state)).toEqual(w);
  });

  it('handles 200,000 customers quickly', () => {
    const state = newGame(builtin('tutorial'), 'whale-big');
    const n = 200_000;
    const cumProfit = new Float64Array(n);
    let x = 12345;
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      cumProfit[i] = (x / 2147483648) * 1000 - 250;
    }
    state.customers = copyCustomers(state.customers, n);
    state.customers.count = n;
    state.customers.cumProfit.set(cumProfit);
    const t0 = performance.now();
    const w = whaleCurve(state);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(w.customers).toBe(n);
    expect(w.unprofitable).toBeGreaterThan(0.2 * n);
    expectRiseThenFall(w.points);
  });
});
