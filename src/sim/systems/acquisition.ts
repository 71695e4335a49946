import { logEvent, type RoundContext } from '../context';
import { clamp, sat } from '../math';
import { EV_ACQUIRED } from '../report';
import { birthKey, u01 } from '../rng';
import { SOURCE_ACQUIRED } from '../state';
import { birthWallet } from '../traits';
import { definePass } from '../pass';
import { addCustomer, newcomer } from '../model/births';

/** Net word of mouth per active customer, and the acquisition factor it gives. */
export function wordOfMouthFactor(ctx: Pick<RoundContext, 'promoterMass' | 'detractorMass' | 's' | 'P'>, active: number): number {
  const wom = active > 0 ? (ctx.promoterMass - ctx.detractorMass) / active : 0;
  ctx.s.firm.wordOfMouth = wom;
  return clamp(1 + ctx.P.referral.womStrength * wom, 0.2, 3);
}

/**
 * Step 10: acquisition per tier aimed at prospects like that tier (C12). New customers =
 * ceiling x spend/(spend+half) x word of mouth x brand; the ceiling is the tier's share of
 * the market, the half-spend grows with the tier's value (big clients cost more to win).
 * Better data and marketing automation examine more prospects per customer won and keep
 * the one closest to the tier's profile (targeting precision, C3).
 */
export const acquisitionPass = definePass({
  name: 'acquisition',
  steps: [10],
  doc: 'New customers per tier from acquisition spend, word of mouth and brand, chosen with the targeting precision data gives.',
  reads: ['P', 'd', 'r', 'scenario', 'tierCount', 'key', 'workDone', 'profile', 'reach', 'prospectSalt', 'promoterMass', 'detractorMass', 'brandEff', 'precision', 'state.initialCount', 'state.refWallet'],
  writes: ['fin', 'tiers', 'events', 'firm.wordOfMouth', 'customers'],
  run(ctx) {
    const { P, s, d } = ctx;
    const A = P.acquisition;
    const k = ctx.tierCount;
    // The tiers as purchases left them (customers of before this round's referrals).
    const { active, wallet, revenue: rev } = ctx.profile;
    let all = 0;
    let allRev = 0;
    for (let t = 0; t < k; t++) {
      all += active[t]!;
      allRev += rev[t]!;
    }
    const womFactor = wordOfMouthFactor(ctx, all);
    const brand = 1 + A.brandEffect * ctx.brandEff;
    // Its reach against the other firms of a market (1 alone).
    const reach = ctx.reach;
    const meanRev = all > 0 ? allRev / all : 1;
    const m = Math.max(1, Math.min(9, 1 + Math.floor(ctx.precision * (A.candidates - 1) + 0.5)));
    const key = ctx.key.acquisition;
    const segments = ctx.scenario.population.segments;
    // One birth template, re-keyed for every prospect examined (no allocation per candidate).
    const birth = newcomer(ctx, 0, SOURCE_ACQUIRED, -1, 0);
    for (let t = 0; t < k; t++) {
      const spend = d.tiers[t]!.acquisitionSpend;
      ctx.fin.acquisition += spend;
      // With no staff left, nobody sells: the spend is made (it was planned) and wins no one.
      if (spend <= 0 || ctx.workDone === 0) continue;
      const tierShare = all > 0 ? Math.max(0.02, active[t]! / all) : 1 / k;
      const ceiling = A.ceilingShare * s.initialCount * tierShare;
      const relValue = active[t]! > 0 && meanRev > 0 ? clamp(rev[t]! / active[t]! / meanRev, 0.2, 20) : 1;
      const half = A.halfSpendPerCustomer * ceiling * relValue;
      const expected = ceiling * sat(spend, half) * womFactor * brand * reach;
      let count = Math.floor(expected);
      if (u01(key, t, 0) < expected - count) count++;
      const targetWallet = active[t]! > 0 ? wallet[t]! / active[t]! : s.refWallet;
      for (let j = 0; j < count; j++) {
        let best = -1;
        let bestDist = Infinity;
        for (let cand = 0; cand < m; cand++) {
          const bk = birthKey((ctx.key.population ^ ctx.prospectSalt) >>> 0, ctx.r, SOURCE_ACQUIRED, (t << 24) | (j << 4) | cand);
          birth.key = bk;
          const w = birthWallet(segments, birth).wallet;
          const dist = w > targetWallet ? w / targetWallet : targetWallet / w;
          if (dist < bestDist) {
            bestDist = dist;
            best = bk;
          }
        }
        birth.key = best >>> 0;
        const i = addCustomer(ctx, birth, t);
        ctx.tiers.acquired[t]!++;
        logEvent(ctx, EV_ACQUIRED, i, t);
      }
    }
  },
});
