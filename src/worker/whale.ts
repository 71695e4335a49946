/**
 * The whale curve of customer profitability from the customer table: every customer slot
 * (active or lapsed) by lifetime profit (`cumProfit`), most profitable first. One sort of a
 * typed-array copy (O(n log n)), no per-customer objects; sums run in sorted order, so the
 * result depends on the values only, not on the slots' order.
 */
import type { SimState } from '../sim/index';
import type { WhaleCurve } from './whaleTypes';

export type { WhaleCurve } from './whaleTypes';

/** The whale curve of `state`'s customers (see {@link WhaleCurve}). */
export function whaleCurve(state: SimState): WhaleCurve {
  const c = state.customers;
  const n = c.count;
  // Ascending copy; read from the end for most profitable first. A non-finite value counts as 0.
  const asc = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = c.cumProfit[i]!;
    asc[i] = Number.isFinite(v) ? v : 0;
  }
  asc.sort();
  const at = (k: number): number => asc[n - 1 - k]!; // k-th most profitable, k = 0..n-1

  const points: number[] = [0];
  let cum = 0; // profit of the top `done` customers
  let done = 0;
  let positive = 0;
  let peakProfit = 0;
  let unprofitable = 0;
  let unprofitableLoss = 0;
  for (let p = 1; p <= 100; p++) {
    // p% of n customers: `whole` customers and a fraction of the next one.
    const whole = Math.floor((n * p) / 100);
    for (; done < whole; done++) {
      const v = at(done);
      cum += v;
      if (v > 0) {
        positive++;
        peakProfit = cum;
      } else if (v < 0) {
        unprofitable++;
        unprofitableLoss += v;
      }
    }
    const part = (n * p - whole * 100) / 100;
    points.push(part > 0 && done < n ? cum + part * at(done) : cum);
  }
  const total = cum;
  return {
    customers: n,
    totalProfit: total,
    points,
    peak: { share: n ? positive / n : 0, profit: peakProfit },
    unprofitable,
    unprofitableLoss,
    topShare20: total > 0 ? points[20]! / total : null,
  };
}
