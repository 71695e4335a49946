/**
 * The rows of the table from the tiers' profit to operating profit, with the figures rounded
 * to whole currency units so that the column adds up to its total exactly (controlled
 * rounding: every figure is its value rounded down or up, never more than one unit off). The
 * values are the worker's (`ProfitBridge`, the engine's books); nothing is computed here but
 * sums and the rounding.
 */
import type { BridgeLine, ProfitBridge } from '../../worker/protocol';

export type BridgeRow =
  /** One tier's profit after cost to serve. */
  | { kind: 'tier'; tier: number; value: number; shown: number }
  /** The sum of the tiers: the customers' profit after cost to serve. */
  | { kind: 'customers'; value: number; shown: number }
  /** A line of the books between the customers' profit and operating profit (signed: costs negative). */
  | { kind: 'line'; id: BridgeLine; value: number; shown: number }
  | { kind: 'operatingProfit'; value: number; shown: number };

/**
 * Whole numbers within one unit of `values`, whose sum is `Math.round(total)` (when that is
 * reachable: `total` is the values' sum up to rounding), rounding up the largest remainders.
 * Falls back to plain rounding when the total is out of reach.
 */
export function roundToTotal(values: readonly number[], total: number): number[] {
  const target = Math.round(total) || 0;
  const floors = values.map(Math.floor);
  let missing = target - floors.reduce((a, b) => a + b, 0);
  const fractional = values.map((v, i) => ({ i, r: v - floors[i]! })).filter((x) => x.r > 0);
  if (missing < 0 || missing > fractional.length) return values.map(Math.round);
  fractional.sort((a, b) => b.r - a.r || a.i - b.i);
  const out = [...floors];
  for (const { i } of fractional) {
    if (missing === 0) break;
    out[i]! += 1;
    missing--;
  }
  return out;
}

/** Line amounts below this (money) are left out: they would read as zero. */
const SHOWN = 0.5;

/**
 * The rows of one quarter's bridge with its tiers (`tierProfits`: the report's per-tier profit)
 * or of several quarters summed (the whole game; `tierProfits` null: the customers' profit is
 * one row, the bridges' own sum): tiers, their sum, the lines that are not zero, and operating
 * profit. The figures shown add up: Σ tiers = customers; customers + Σ lines = operating profit.
 */
export function bridgeRows(bridges: readonly ProfitBridge[], tierProfits: readonly number[] | null): BridgeRow[] {
  const lines = new Map<BridgeLine, number>();
  let operatingProfit = 0;
  let customers = 0;
  for (const b of bridges) {
    operatingProfit += b.operatingProfit;
    customers += b.customers;
    for (const l of b.lines) lines.set(l.id, (lines.get(l.id) ?? 0) + l.amount);
  }
  const kept = [...lines].filter(([, v]) => Math.abs(v) >= SHOWN);
  const top = tierProfits ?? [customers];
  const shown = roundToTotal([...top, ...kept.map(([, v]) => v)], operatingProfit);
  const k = top.length;
  const shownCustomers = shown.slice(0, k).reduce((a, b) => a + b, 0);
  return [
    ...(tierProfits ? tierProfits.map((value, tier): BridgeRow => ({ kind: 'tier', tier, value, shown: shown[tier]! })) : []),
    { kind: 'customers', value: tierProfits ? tierProfits.reduce((a, b) => a + b, 0) : customers, shown: shownCustomers },
    ...kept.map(([id, value], j): BridgeRow => ({ kind: 'line', id, value, shown: shown[k + j]! })),
    { kind: 'operatingProfit', value: operatingProfit, shown: shown.reduce((a, b) => a + b, 0) },
  ];
}
