import { clamp01 } from '../math';

/** Target share of wallet for a loyalty 0..1 and a price gap (negative = cheaper than the rival). */
export function shareTarget(floor: number, ceiling: number, exponent: number, loyalty: number, cheaper: number): number {
  // loyalty^exponent with a small integer-or-half exponent, exactly: repeated products and sqrt.
  const whole = Math.floor(exponent);
  let p = 1;
  for (let k = 0; k < whole; k++) p *= loyalty;
  if (exponent - whole >= 0.5) p *= Math.sqrt(loyalty);
  return clamp01(floor + (ceiling - floor) * p + cheaper);
}
