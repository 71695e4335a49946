/** How customers answer the firm's surveys: the 1..5 satisfaction scale and the 0..10 recommendation question (C22). */

/** Cut points of the 1..5 scale on true satisfaction (an ordinal response model). */
export interface LikertCuts {
  cut2: number;
  cut3: number;
  cut4: number;
  cut5: number;
  responseNoise: number;
}

/**
 * A satisfaction answer on the 1..5 Likert scale (C22): the customer's satisfaction plus
 * response noise (`z` standard normal, scaled to points), placed between the scale's cut
 * points. "Totally satisfied" (5) takes satisfaction above `cut5`.
 */
export function likertAnswer(satisfaction: number, z: number, cuts: LikertCuts): number {
  const v = satisfaction + cuts.responseNoise * z;
  return v >= cuts.cut5 ? 5 : v >= cuts.cut4 ? 4 : v >= cuts.cut3 ? 3 : v >= cuts.cut2 ? 2 : 1;
}

/** Spread of a likelihood-to-recommend answer around its mean, in scale points. */
const NPS_NOISE = 1.5;

/**
 * The mean likelihood to recommend (0..10 scale) of a customer at `satisfaction` points and
 * commitment `loyalty`: about 7.4 at 70 points (as many promoters as detractors), a point more
 * per 10 points of satisfaction, and more for the committed. Calibrated so that a firm at 75-80
 * points has an NPS of about +15..+40 and one at 60 about -40 (Reichheld 2003; published
 * industry benchmarks put hotels, retail banks and B2B services mostly at +20..+45).
 */
export function npsMean(satisfaction: number, loyalty: number): number {
  return 0.9 + 0.092 * satisfaction + 0.4 * loyalty;
}

/** A likelihood-to-recommend answer 0..10 (NPS question): the mean plus response noise (`z` standard normal), rounded. */
export function npsAnswer(satisfaction: number, loyalty: number, z: number): number {
  const v = Math.floor(npsMean(satisfaction, loyalty) + NPS_NOISE * z + 0.5);
  return v < 0 ? 0 : v > 10 ? 10 : v;
}

/**
 * P(Z < z) for the engine's response noise (`gauss4`: the sum of four uniforms, scaled to
 * variance 1), exactly: the Irwin-Hall distribution's piecewise quartic. Exact operations only.
 */
export function noiseCdf(z: number): number {
  const s = z / 1.7320640222190662 + 2;
  if (s <= 0) return 0;
  if (s >= 4) return 1;
  // F(s) = (1/24) sum_{k <= s} (-1)^k C(4,k) (s-k)^4
  const C = [1, 4, 6, 4, 1];
  let f = 0;
  for (let k = 0; k <= 4 && k <= s; k++) {
    const d = s - k;
    const d2 = d * d;
    f += (k & 1 ? -1 : 1) * C[k]! * d2 * d2;
  }
  return f / 24;
}

/**
 * A customer's expected part of the NPS, -1..1: the probability that it answers 9-10 (a
 * promoter) minus the probability that it answers 0-6 (a detractor), over the response noise.
 * The true NPS is the mean of these, so a survey's NPS estimates it without bias.
 */
export function expectedNps(satisfaction: number, loyalty: number): number {
  const m = npsMean(satisfaction, loyalty);
  const promoter = 1 - noiseCdf((8.5 - m) / NPS_NOISE);
  const detractor = noiseCdf((6.5 - m) / NPS_NOISE);
  return promoter - detractor;
}

