import type { RoundContext } from '../context';
import type { Customers } from '../state';

/** The price index customer `i` pays this round: its tier's, unless an event's override is in force. */
export function priceOf(ctx: Pick<RoundContext, 'r' | 'tiers'>, c: Pick<Customers, 'overrideUntil' | 'priceOverride' | 'tier'>, i: number): number {
  return c.overrideUntil[i]! >= ctx.r && c.priceOverride[i]! > 0 ? c.priceOverride[i]! : ctx.tiers.price[c.tier[i]!]!;
}
