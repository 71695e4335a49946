import { logEvent } from '../context';
import { sat } from '../math';
import { EV_WONBACK } from '../report';
import { u01 } from '../rng';
import { ACTIVE, LAPSED, STAGE_NEW } from '../state';
import { definePass } from '../pass';

/** The pass's list of customers in reach (module-wide: the engine is synchronous), grown as needed. */
let scratch = new Int32Array(0);
function reachScratch(n: number): Int32Array {
  if (scratch.length < n) scratch = new Int32Array(Math.max(n, scratch.length * 2));
  return scratch;
}

/**
 * Step 11: win-back (C18). Lapsed customers who left within the memory window can return
 * when their last tier spends on win-back; those who left dissatisfied hold a grudge.
 */
export const winBackPass = definePass({
  name: 'win-back',
  steps: [11],
  doc: 'Lapsed customers in reach return with their last tier\'s win-back spend; those who left dissatisfied hold a grudge.',
  reads: ['P', 'd', 'r', 'tierCount', 'key', 'workDone', 'customers.status', 'customers.left', 'customers.tier', 'customers.key', 'customers.leftSatisfaction'],
  writes: ['tiers', 'events', 'customers.status', 'customers.stage', 'customers.tenure', 'customers.left', 'customers.satisfaction', 'customers.loyalty', 'customers.shareOfWallet', 'customers.bond'],
  run(ctx) {
    const { P, s, d, r } = ctx;
    const W = P.winBack;
    const c = s.customers;
    const n = c.count;
    const k = ctx.tierCount;
    const lapsed = new Int32Array(k);
    const oldest = r - W.memoryRounds;
    // One pass over the table: the lapsed customers still in reach, in slot order (into a scratch
    // array: a growing JavaScript array of tens of thousands of slots cost more than the pass's test).
    const reach = reachScratch(n);
    let reached = 0;
    for (let i = 0; i < n; i++) {
      if (c.status[i] === LAPSED && c.left[i]! < r && c.left[i]! >= oldest) {
        lapsed[c.tier[i]!]!++;
        reach[reached++] = i;
      }
    }
    const p = new Float64Array(k);
    for (let t = 0; t < k; t++) {
      const spend = d.tiers[t]!.winBackSpend;
      // With no staff left, nobody can serve a customer won back.
      if (lapsed[t]! > 0 && spend > 0 && ctx.workDone > 0) {
        ctx.tiers.winBackSpent[t] = spend;
        p[t] = W.maxRate * sat(spend / lapsed[t]!, W.halfSpendPerLapsed);
      }
    }
    const key = ctx.key.winback;
    const A = P.acquisition;
    for (let j = 0; j < reached; j++) {
      const i = reach[j]!;
      const t = c.tier[i]!;
      const grudge = c.leftSatisfaction[i]! < 50 ? 1 - W.grudge : 1;
      if (u01(key, c.key[i]!, 0) < p[t]! * grudge) {
        c.status[i] = ACTIVE;
        c.stage[i] = STAGE_NEW;
        c.tenure[i] = 0;
        c.left[i] = 0;
        c.satisfaction[i] = Math.max(c.satisfaction[i]!, A.startSatisfaction);
        c.loyalty[i] = A.startLoyalty;
        c.shareOfWallet[i] = A.startShare;
        c.bond[i] = 0;
        ctx.tiers.wonBack[t]!++;
        logEvent(ctx, EV_WONBACK, i, t);
      }
    }
  },
});
