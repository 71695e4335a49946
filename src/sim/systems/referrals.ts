import { logEvent, type RoundContext } from '../context';
import { EV_REFERRED } from '../report';
import { birthKey, u01 } from '../rng';
import { ACTIVE, SOURCE_REFERRED, type Customers } from '../state';
import { addCustomer, newcomer } from './births';

/**
 * Step 9, for one active customer: a promoter (high true satisfaction) may refer a new
 * customer, at a rate scaled by its influence and by relationship programmes; promoters and
 * detractors add to the round's word-of-mouth masses (a bad word reaches about twice as many
 * people, K5). Referrers are collected in `referrers`, in slot order.
 */
export function scanReferral(ctx: RoundContext, c: Customers, i: number, referrers: number[]): void {
  const R = ctx.P.referral;
  const sat = c.satisfaction[i]!;
  const infl = c.influence[i]!;
  if (sat >= R.promoterThreshold) {
    ctx.promoterMass += R.positiveReach * infl;
    const p = R.rate * infl * (1 + R.programmeBoost * c.bond[i]! * c.orientation[i]!);
    if (u01(ctx.key.referral, c.key[i]!, 0) < p) referrers.push(i);
  } else if (sat < ctx.P.churn.detractorThreshold) {
    ctx.detractorMass += R.negativeReach * infl;
  }
}

/** The referred customers are born: of the referrer's kind and tier, more loyal at the start. */
export function birthReferrals(ctx: RoundContext, referrers: readonly number[]): void {
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
}

/** Step 9 on its own: scan every active customer, then the births (the engine fuses the scan into purchases). */
export function runReferrals(ctx: RoundContext): void {
  const c = ctx.s.customers;
  const referrers: number[] = [];
  for (let i = 0; i < c.count; i++) if (c.status[i] === ACTIVE) scanReferral(ctx, c, i, referrers);
  birthReferrals(ctx, referrers);
}
