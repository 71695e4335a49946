import type { ModelParams } from '../params';
import { clamp01, sat } from '../math';
import type { Customers } from '../state';

/**
 * Loyalty target as a function of satisfaction 0..100: floor + (ceiling-floor) r/(1+r)
 * with r = (S/half)^n. Flat and low through the zones of defection and indifference,
 * steep only near the top (Jones & Sasser 1995; Mittal & Kamakura 2001). `steepness` is
 * taken as a whole number (an integer power done by multiplication, so it is exact).
 */
export function loyaltyCurve(satisfaction: number, floor: number, ceiling: number, steepness: number, half: number): number {
  const x = satisfaction / half;
  let r = 1;
  let b = x;
  let e = steepness | 0;
  while (e > 0) {
    if (e & 1) r *= b;
    b *= b;
    e >>= 1;
  }
  return floor + ((ceiling - floor) * r) / (1 + r);
}

/**
 * Step 6 for customer `i`: loyalty moves toward the satisfaction curve plus switching
 * barriers: a built relationship programme (for relationship-oriented customers, C6) and
 * tenure. `n` is the curve's whole-number steepness. The engine calls it right after the
 * customer's satisfaction update (same pass).
 */
export function updateLoyalty(L: ModelParams['loyalty'], n: number, c: Customers, i: number): void {
  const l = c.loyalty[i]!;
  c.loyalty[i] = l + L.adjust * (loyaltyTarget(L, n, c, i) - l);
}

/** The loyalty customer `i` moves toward at its satisfaction, bond and tenure now (step 6's target). */
export function loyaltyTarget(L: ModelParams['loyalty'], n: number, c: Pick<Customers, 'satisfaction' | 'orientation' | 'bond' | 'tenure'>, i: number): number {
  return clamp01(
    loyaltyCurve(c.satisfaction[i]!, L.floor, L.ceiling, n, L.halfSatisfaction) +
      L.programmeBarrier * c.orientation[i]! * c.bond[i]! +
      L.tenureBarrier * sat(c.tenure[i]!, L.tenureHalf),
  );
}
