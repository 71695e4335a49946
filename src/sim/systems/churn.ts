import { logEvent, type RoundContext } from '../context';
import { clamp01, sat } from '../math';
import type { ModelParams } from '../params';
import { EV_LAPSED } from '../report';
import { u01 } from '../rng';
import { ACTIVE, LAPSED, STAGE_DECLINING, STAGE_LAPSED, type Customers } from '../state';
import { priceOf } from './satisfaction';
import {
  OUT_QUICK_LARGE, OUT_QUICK_SMALL, OUT_RESOLVED_LARGE, OUT_RESOLVED_SMALL, OUT_SILENT_LARGE, OUT_SILENT_SMALL,
  OUT_UNRESOLVED_LARGE, OUT_UNRESOLVED_SMALL,
} from './outcomes';

/** Churn probability added by a failure outcome (TARP, K3). */
export function problemHazard(P: ModelParams, outcome: number): number {
  const C = P.churn;
  switch (outcome) {
    case OUT_SILENT_SMALL: return C.silentSmall;
    case OUT_SILENT_LARGE: return C.silentLarge;
    case OUT_UNRESOLVED_SMALL: return C.unresolvedSmall;
    case OUT_UNRESOLVED_LARGE: return C.unresolvedLarge;
    case OUT_RESOLVED_SMALL: return C.resolvedSmall;
    case OUT_RESOLVED_LARGE: return C.resolvedLarge;
    case OUT_QUICK_SMALL: return C.quickSmall;
    case OUT_QUICK_LARGE: return C.quickLarge;
    default: return 0;
  }
}

/** Whether the firm sees customer `i` as at risk: a complaint, a declining stage or a falling revenue. */
export function atRisk(c: Customers, i: number, outcome: number, r: number): boolean {
  if (outcome >= OUT_UNRESOLVED_SMALL) return true;
  if (c.stage[i] === STAGE_DECLINING) return true;
  const last = c.revenue[i * 4 + ((r + 3) % 4)]!;
  const before = c.revenue[i * 4 + ((r + 2) % 4)]!;
  return before > 0 && last < 0.8 * before;
}

/**
 * Step 7: churn. Probability from disloyalty under rival pressure, a price above the
 * rival's for price-sensitive customers, this round's problems (K3), switching costs, and
 * retention offers to customers the firm sees as at risk; one uniform draw per customer.
 * A dissatisfied leaver spreads negative word of mouth.
 */
export function runChurn(ctx: RoundContext): void {
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
  const pressure = ctx.rivalPressure;
  const rival = ctx.rivalPrice;
  const keepShare = 1 - C.switchingCost;
  const lastSlot = (r + 3) % 4;
  for (let i = 0; i < n; i++) {
    if (c.status[i] !== ACTIVE) continue;
    const t = c.tier[i]!;
    const l = 1 - c.loyalty[i]!;
    const gap = priceOf(ctx, c, i) - rival;
    const sat0 = c.satisfaction[i]!;
    let p = C.base + C.disloyal * pressure * l * l + (sat0 < 50 ? C.dissatisfied * (50 - sat0) * 0.02 : 0) + (gap > 0 ? C.price * c.priceSensitivity[i]! * gap : 0) + problemHazard(P, ctx.outcome[i]!);
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
    p = p > C.maxProbability ? C.maxProbability : clamp01(p);
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
}
