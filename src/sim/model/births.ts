import type { RoundContext } from '../context';
import { ensureRoom } from '../customers';
import { writeCustomer, type Birth } from '../traits';

/** The birth template of a newcomer this round (satisfaction, loyalty, share from the params). */
export function newcomer(ctx: Pick<RoundContext, 'P' | 'key' | 'r' | 's' | 'brandEff'>, key: number, source: number, segment: number, loyaltyBonus: number): Birth {
  const A = ctx.P.acquisition;
  return {
    key,
    stream: ctx.key.population,
    round: ctx.r,
    source,
    refWallet: ctx.s.refWallet,
    needBase: ctx.P.service.needBase,
    needElasticity: ctx.P.service.needElasticity,
    start: {
      satisfaction: A.startSatisfaction,
      loyalty: Math.min(1, A.startLoyalty + loyaltyBonus),
      share: A.startShare,
      expectationLift: ctx.P.satisfaction.brandExpectationLift * ctx.brandEff,
    },
    segment,
    walletQuantile: -1,
  };
}

/** Appends a customer born from `b` into tier `tier`; returns its slot. */
export function addCustomer(ctx: Pick<RoundContext, 's' | 'scenario'>, b: Birth, tier: number): number {
  const s = ctx.s;
  s.customers = ensureRoom(s.customers, 1);
  const c = s.customers;
  const i = c.count;
  writeCustomer(c, i, ctx.scenario.population.segments, b);
  c.tier[i] = tier;
  c.prevTier[i] = tier;
  c.count = i + 1;
  return i;
}
