/**
 * A whale curve made from a list of lifetime profits, the way src/worker/whale.ts makes it
 * (sorted, linear between customers): sample data for the chart gallery and the chart's tests.
 */
import type { WhaleCurve } from '../../worker/whaleTypes';

export function sampleWhaleCurve(profits: readonly number[]): WhaleCurve {
  const d = [...profits].sort((a, b) => b - a);
  const n = d.length;
  const cum = [0];
  for (const v of d) cum.push(cum[cum.length - 1]! + v);
  const points = Array.from({ length: 101 }, (_, k) => {
    const whole = Math.floor((n * k) / 100);
    return cum[whole]! + (whole < n ? ((n * k) / 100 - whole) * d[whole]! : 0);
  });
  const positive = d.filter((v) => v > 0).length;
  const losing = d.filter((v) => v < 0);
  const total = cum[n]!;
  return {
    customers: n,
    totalProfit: total,
    points,
    peak: { share: n ? positive / n : 0, profit: cum[positive]! },
    unprofitable: losing.length,
    unprofitableLoss: losing.reduce((a, b) => a + b, 0),
    topShare20: total > 0 ? points[20]! / total : null,
  };
}
