import { logEvent } from '../context';
import { clamp01, sat } from '../math';
import { priceOf } from '../model/price';
import { baseHazard, problemHazard } from '../model/risk';
import { rivalPressureByTier, rivalPriceByTier } from '../model/rival';
import { definePass } from '../pass';
import { EV_LAPSED } from '../report';
import { u01 } from '../rng';
import { ACTIVE, LAPSED, STAGE_LAPSED } from '../state';

/**
 * Step 7: churn. Probability from disloyalty under rival pressure, a price above the
 * rival's for price-sensitive customers, this round's problems (K3), switching costs, and
 * retention offers to customers the firm sees as at risk; one uniform draw per customer.
 * A dissatisfied leaver spreads negative word of mouth. A firm with no staff left keeps no
 * customer (nobody serves or sells: purchases' `workDone` is 0).
 */
export const churnPass = definePass({
  name: 'churn',
  steps: [7],
  doc: 'Who leaves: disloyalty under rival pressure, price, the quarter\'s problems, switching costs and retention offers.',
  reads: ['P', 'd', 'r', 'tierCount', 'key', 'workDone', 'rivalPressure', 'rivalPrice', 'rivalTiers', 'atRisk', 'outcome', 'eventChurn', 'customers.status', 'customers.tier', 'customers.loyalty', 'customers.satisfaction', 'customers.priceSensitivity', 'customers.priceOverride', 'customers.overrideUntil', 'customers.revenue', 'customers.wallet', 'customers.shareOfWallet', 'customers.key', 'customers.influence'],
  writes: ['tiers', 'offerGiven', 'detractorMass', 'events', 'customers.churnP', 'customers.status', 'customers.stage', 'customers.left', 'customers.leftSatisfaction'],
  run(ctx) {
    const { P, s, d, r } = ctx;
    const C = P.churn;
    const c = s.customers;
    const n = c.count;
    const tiers = ctx.tiers;
    // The service pass flagged who is at risk and counted them per tier.
    const flagged = ctx.atRisk;
    for (let t = 0; t < ctx.tierCount; t++) {
      const b = d.tiers[t]!.retentionBudget;
      const m = tiers.atRisk[t]!;
      tiers.offer[t] = m > 0 ? b / m : 0;
      tiers.retentionSpent[t] = m > 0 ? b : 0;
    }
    const key = ctx.key.churn;
    const pressureAt = rivalPressureByTier(ctx);
    const rivalAt = rivalPriceByTier(ctx);
    const keepShare = 1 - C.switchingCost;
    const lastSlot = (r + 3) % 4;
    // A firm with no staff left serves and sells nothing (purchases: workDone): no customer stays.
    const noStaff = ctx.workDone === 0;
    for (let i = 0; i < n; i++) {
      if (c.status[i] !== ACTIVE) continue;
      const t = c.tier[i]!;
      const gap = priceOf(ctx, c, i) - rivalAt[t]!;
      const sat0 = c.satisfaction[i]!;
      let p = baseHazard(C, pressureAt[t]!, c.loyalty[i]!, sat0, gap, c.priceSensitivity[i]!) + problemHazard(P, ctx.outcome[i]!);
      p *= keepShare;
      const offer = tiers.offer[t]!;
      if (flagged[i] === 1 && offer > 0) {
        const rev = c.revenue[i * 4 + lastSlot]!;
        const scale = rev > 0 ? rev : c.wallet[i]! * c.shareOfWallet[i]!;
        p *= 1 - C.retentionEffect * sat(offer / scale, C.retentionHalf);
        ctx.offerGiven[i] = offer;
      }
      p = p * C.scale;
      const ev = ctx.eventChurn[i]!;
      if (ev > 0) p = 1 - (1 - p) * (1 - ev);
      p = noStaff ? 1 : p > C.maxProbability ? C.maxProbability : clamp01(p);
      c.churnP[i] = p;
      if (u01(key, c.key[i]!, 0) < p) {
        c.status[i] = LAPSED;
        c.stage[i] = STAGE_LAPSED;
        c.left[i] = r;
        c.leftSatisfaction[i] = Math.round(sat0);
        tiers.churned[t]!++;
        logEvent(ctx, EV_LAPSED, i, t);
        if (sat0 < C.detractorThreshold) ctx.detractorMass += P.referral.negativeReach * c.influence[i]!;
      }
    }
  },
});
