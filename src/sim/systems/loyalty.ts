import type { RoundContext } from '../context';
import { clamp01, sat } from '../math';
import { ACTIVE } from '../state';

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
 * Step 6: loyalty moves toward the satisfaction curve plus switching barriers: a built
 * relationship programme (for relationship-oriented customers, C6) and tenure.
 */
export function runLoyalty(ctx: RoundContext): void {
  const L = ctx.P.loyalty;
  const c = ctx.s.customers;
  const count = c.count;
  const n = Math.round(L.steepness);
  for (let i = 0; i < count; i++) {
    if (c.status[i] !== ACTIVE) continue;
    const target = clamp01(
      loyaltyCurve(c.satisfaction[i]!, L.floor, L.ceiling, n, L.halfSatisfaction) +
        L.programmeBarrier * c.orientation[i]! * c.bond[i]! +
        L.tenureBarrier * sat(c.tenure[i]!, L.tenureHalf),
    );
    const l = c.loyalty[i]!;
    c.loyalty[i] = l + L.adjust * (target - l);
  }
}
