/** A new game's seed when the learner gives none: six digits from the browser's random source (the seed of a game, never the engine's randomness). */
export function randomSeed(): string {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return String(100000 + (a[0]! % 900000));
}
