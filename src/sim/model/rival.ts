import type { RoundContext } from '../context';

/**
 * The rival price each tier's customers compare with this round: the firm's rival price (the
 * scenario's rival, or in a market the other firms as its customers see them, with this round's
 * events), plus in a market the tier's own offset (`rivalTiers`: what the rivals offer
 * customers like that tier's). Alone, every tier's is the firm's, to the bit.
 */
export function rivalPriceByTier(ctx: Pick<RoundContext, 'rivalPrice' | 'rivalTiers' | 'tierCount'>): Float64Array {
  const out = new Float64Array(ctx.tierCount);
  const off = ctx.rivalTiers;
  for (let t = 0; t < ctx.tierCount; t++) out[t] = off ? ctx.rivalPrice + (off.price[t] ?? 0) : ctx.rivalPrice;
  return out;
}

/** The rival pressure on each tier's customers this round, as `rivalPriceByTier` (never below 0). */
export function rivalPressureByTier(ctx: Pick<RoundContext, 'rivalPressure' | 'rivalTiers' | 'tierCount'>): Float64Array {
  const out = new Float64Array(ctx.tierCount);
  const off = ctx.rivalTiers;
  for (let t = 0; t < ctx.tierCount; t++) out[t] = off ? Math.max(0, ctx.rivalPressure + (off.pressure[t] ?? 0)) : ctx.rivalPressure;
  return out;
}
