/** Trailing annual revenue (sum of the last four rounds) of slot `i`. */
export function trailingRevenue(rev: Float32Array, i: number): number {
  const o = i * 4;
  return rev[o]! + rev[o + 1]! + rev[o + 2]! + rev[o + 3]!;
}
