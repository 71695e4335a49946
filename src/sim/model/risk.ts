import type { ModelParams } from '../params';
import { STAGE_DECLINING, type Customers } from '../state';
import {
  OUT_QUICK_LARGE, OUT_QUICK_SMALL, OUT_RESOLVED_LARGE, OUT_RESOLVED_SMALL, OUT_SILENT_LARGE, OUT_SILENT_SMALL,
  OUT_UNRESOLVED_LARGE, OUT_UNRESOLVED_SMALL,
} from './outcomes';

/**
 * The churn hazard of a relationship as it stands, before this quarter's problems, retention
 * offers and events: disloyalty under rival pressure, dissatisfaction (below 50 points, the zone
 * of defection), a price above the rival's for a price-sensitive customer.
 */
export function baseHazard(C: ModelParams['churn'], pressure: number, loyalty: number, satisfaction: number, priceGap: number, sensitivity: number): number {
  const l = 1 - loyalty;
  return C.base + C.disloyal * pressure * l * l + (satisfaction < 50 ? C.dissatisfied * (50 - satisfaction) * 0.02 : 0) + (priceGap > 0 ? C.price * sensitivity * priceGap : 0);
}

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

/**
 * The churn probability service problems add per quarter on average, before switching costs:
 * the failure probability times the churn each outcome adds (problemHazard), weighted by how
 * likely each outcome is. A failure is large with probability largeLossShare; the customer
 * complains, or the desk detects it, or it stays silent; a complaint is resolved quickly, slowly
 * or not at all. The same probabilities the service pass draws from, so the valuation's
 * retention expects the problems the firm's service produces.
 */
export function expectedProblemHazard(P: ModelParams, pFail: number, pDetect: number, pResolve: number, quickShare: number): number {
  const S = P.service;
  const C = P.churn;
  const outcome = (complain: number, silent: number, quick: number, resolved: number, unresolved: number): number => {
    const heard = complain + (1 - complain) * pDetect;
    return (1 - heard) * silent + heard * (pResolve * quickShare * quick + pResolve * (1 - quickShare) * resolved + (1 - pResolve) * unresolved);
  };
  const large = outcome(S.complainLarge, C.silentLarge, C.quickLarge, C.resolvedLarge, C.unresolvedLarge);
  const small = outcome(S.complainSmall, C.silentSmall, C.quickSmall, C.resolvedSmall, C.unresolvedSmall);
  return pFail * (S.largeLossShare * large + (1 - S.largeLossShare) * small);
}

/** Whether the firm sees customer `i` as at risk: a complaint, a declining stage or a falling revenue. */
export function atRisk(c: Pick<Customers, 'stage' | 'revenue'>, i: number, outcome: number, r: number): boolean {
  if (outcome >= OUT_UNRESOLVED_SMALL) return true;
  if (c.stage[i] === STAGE_DECLINING) return true;
  const last = c.revenue[i * 4 + ((r + 3) % 4)]!;
  const before = c.revenue[i * 4 + ((r + 2) % 4)]!;
  return before > 0 && last < 0.8 * before;
}

