import { logEvent, type RoundContext } from '../context';
import { EV_REFERRED } from '../report';
import { birthKey, u01 } from '../rng';
import { ACTIVE, SOURCE_REFERRED } from '../state';
import { addCustomer, newcomer } from './births';

/**
 * Step 9: word of mouth (C5). Promoters (high true satisfaction) refer new customers at a
 * rate scaled by their influence and by relationship programmes; referred customers are of
 * the referrer's kind and start more loyal. Promoters and detractors add to the round's
 * word-of-mouth masses (a bad word reaches about twice as many people, K5).
 */
export function runReferrals(ctx: RoundContext): void {
  const { P, s } = ctx;
  const R = P.referral;
  const c = s.customers;
  const n = c.count;
  const key = ctx.key.referral;
  const promoter = R.promoterThreshold;
  const detractor = P.churn.detractorThreshold;
  const referrers: number[] = [];
  for (let i = 0; i < n; i++) {
    if (c.status[i] !== ACTIVE) continue;
    const sat = c.satisfaction[i]!;
    const infl = c.influence[i]!;
    if (sat >= promoter) {
      ctx.promoterMass += R.positiveReach * infl;
      const p = R.rate * infl * (1 + R.programmeBoost * c.bond[i]! * c.orientation[i]!);
      if (u01(key, c.key[i]!, 0) < p) referrers.push(i);
    } else if (sat < detractor) {
      ctx.detractorMass += R.negativeReach * infl;
    }
  }
  for (const i of referrers) {
    const src = s.customers;
    const b = newcomer(ctx, birthKey(ctx.key.population, ctx.r, SOURCE_REFERRED, src.key[i]!), SOURCE_REFERRED, src.segment[i]!, P.loyalty.referredBonus);
    const t = src.tier[i]!;
    const j = addCustomer(ctx, b, t);
    s.customers.referredBy[j] = i;
    ctx.tiers.referred[t]!++;
    logEvent(ctx, EV_REFERRED, j, i);
  }
}
