import { logEvent } from '../context';
import { addCustomer, newcomer } from '../model/births';
import { definePass } from '../pass';
import { EV_REFERRED } from '../report';
import { birthKey, u01 } from '../rng';
import { ACTIVE, SOURCE_REFERRED } from '../state';

/**
 * Step 9: referrals. A promoter (high true satisfaction) may refer a new customer, at a rate
 * scaled by its influence and by relationship programmes; promoters and detractors add to the
 * round's word-of-mouth masses (a bad word reaches about twice as many people, K5). The
 * referred customers are born of the referrer's kind and tier, more loyal at the start.
 */
export const referralsPass = definePass({
  name: 'referrals',
  steps: [9],
  doc: 'Promoters refer newcomers and word of mouth gathers; the referred customers are born in their referrer\'s tier.',
  reads: ['P', 'r', 'key', 'brandEff', 'scenario', 'state.refWallet', 'customers.status', 'customers.satisfaction', 'customers.influence', 'customers.bond', 'customers.orientation', 'customers.key', 'customers.segment', 'customers.tier'],
  writes: ['promoterMass', 'detractorMass', 'referrers', 'tiers', 'events', 'customers'],
  run(ctx) {
    const R = ctx.P.referral;
    const detractor = ctx.P.churn.detractorThreshold;
    const key = ctx.key.referral;
    const c = ctx.s.customers;
    const n = c.count;
    const referrers = ctx.referrers;
    for (let i = 0; i < n; i++) {
      if (c.status[i] !== ACTIVE) continue;
      const sat = c.satisfaction[i]!;
      const infl = c.influence[i]!;
      if (sat >= R.promoterThreshold) {
        ctx.promoterMass += R.positiveReach * infl;
        const p = R.rate * infl * (1 + R.programmeBoost * c.bond[i]! * c.orientation[i]!);
        if (u01(key, c.key[i]!, 0) < p) referrers.push(i);
      } else if (sat < detractor) {
        ctx.detractorMass += R.negativeReach * infl;
      }
    }
    const s = ctx.s;
    for (const i of referrers) {
      const src = s.customers;
      const b = newcomer(ctx, birthKey(ctx.key.population, ctx.r, SOURCE_REFERRED, src.key[i]!), SOURCE_REFERRED, src.segment[i]!, ctx.P.loyalty.referredBonus);
      const t = src.tier[i]!;
      const j = addCustomer(ctx, b, t);
      s.customers.referredBy[j] = i;
      ctx.tiers.referred[t]!++;
      logEvent(ctx, EV_REFERRED, j, i);
    }
  },
});
