/**
 * A firm's levels as the competitor benchmark observes them, free of the engine (the report
 * screen imports it to put the firm's own figures beside its rivals').
 */
import type { Decisions } from '../config';

/**
 * A firm's list price (price index) and service hours per customer, averaged over its tiers'
 * customers at the end of the quarter, as the competitor benchmark measures them (rounded as a
 * report gives them); null when it
 * has no customer. The firm's own report puts its figures beside the rivals' with it.
 */
export function serviceAndPrice(tiers: readonly { customers: number }[], d: Decisions): { priceIndex: number; serviceHours: number } | null {
  let n = 0;
  let price = 0;
  let hours = 0;
  tiers.forEach((t, k) => {
    const lever = d.tiers[k];
    if (!lever || t.customers <= 0) return;
    n += t.customers;
    price += t.customers * lever.priceIndex;
    hours += t.customers * lever.serviceHours;
  });
  // As a research agency reports them: the price index to 4 decimals, the hours to 2.
  return n > 0 ? { priceIndex: Math.round((price / n) * 1e4) / 1e4, serviceHours: Math.round((hours / n) * 100) / 100 } : null;
}
