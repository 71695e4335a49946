import type { RoundContext } from '../context';
import { ACTIVE } from '../state';

/**
 * Customer lifetime value (Gupta & Lehmann): CLV = m r / (1 + i - r), with m the customer's
 * profit contribution this round, r = 1 - its churn probability, i the discount rate per
 * round. A customer who costs more than it brings has a negative CLV (Reinartz & Kumar).
 */
export function clvOf(margin: number, retention: number, discountRate: number): number {
  return (margin * retention) / (1 + discountRate - retention);
}

/** Step 16: CLV for every active customer; lapsed customers are worth nothing. */
export function runValuation(ctx: RoundContext): void {
  const c = ctx.s.customers;
  const n = c.count;
  const i0 = ctx.P.finance.discountRate;
  for (let i = 0; i < n; i++) {
    if (c.status[i] !== ACTIVE) {
      c.clv[i] = 0;
      continue;
    }
    c.clv[i] = clvOf(c.profit[i]!, 1 - c.churnP[i]!, i0);
  }
}
