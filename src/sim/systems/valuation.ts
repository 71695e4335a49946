import { clvOf } from '../model/valuation';
import { definePass } from '../pass';
import { ACTIVE } from '../state';

/**
 * Step 16: valuation. Every active customer's lifetime value from its contribution this
 * round and its retention probability; lapsed customers are worth nothing.
 */
export const valuationPass = definePass({
  name: 'valuation',
  steps: [16],
  doc: 'Each customer\'s lifetime value (Gupta & Lehmann) from its contribution and its retention probability.',
  reads: ['P', 'customers.status', 'customers.profit', 'customers.churnP'],
  writes: ['customers.clv'],
  run(ctx) {
    const c = ctx.s.customers;
    const { status, profit, churnP, clv } = c;
    const rate = ctx.P.finance.discountRate;
    for (let i = 0; i < c.count; i++) clv[i] = status[i] !== ACTIVE ? 0 : clvOf(profit[i]!, 1 - churnP[i]!, rate);
  },
});
