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

/** A likelihood-to-recommend answer 0..10 (NPS question). */
export function npsAnswer(satisfaction: number, loyalty: number, z: number): number {
  const v = Math.floor(0.06 * satisfaction + 4 * loyalty + 1.5 * z + 0.5);
  return v < 0 ? 0 : v > 10 ? 10 : v;
}

