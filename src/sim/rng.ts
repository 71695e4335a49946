import seedrandom from 'seedrandom';
import { normInv } from './math';

/**
 * Seeded randomness with common random numbers.
 *
 * One stream per (game seed, round, purpose), its 32-bit key drawn from seedrandom. Inside
 * a stream, a draw is a pure function of (stream key, the customer's stable key, the draw's
 * index): a counter-based generator (murmur3's finaliser, integer ops only). So a customer
 * sees the same luck whatever other customers or other decisions do, a new draw in one
 * system shifts nothing in another, and the generator's whole state is the seed and the
 * round (it lives in the game state by construction).
 */
export type Purpose =
  | 'population'
  | 'drift'
  | 'failure'
  | 'recovery'
  | 'churn'
  | 'referral'
  | 'acquisition'
  | 'winback'
  | 'survey'
  | 'event'
  /** The market: the starting split (round 0) and where each leaver goes. */
  | 'switch'
  /** The market: the competitor benchmark's survey of each rival's customers. */
  | 'benchmark';

/**
 * The key of the stream for (seed, round, purpose). Remembered: seedrandom's set-up (its key
 * schedule over 256 bytes, and mixing its state into its own pool) costs microseconds, a round
 * asks for a dozen keys, and replays ask for the same ones again (the attribution replays a
 * quarter many times, the class grading plays several strategies on each seed).
 */
export function streamKey(seed: string, round: number, purpose: Purpose): number {
  const name = `${seed}|${round}|${purpose}`;
  let k = keys.get(name);
  if (k === undefined) {
    k = seedrandom(name).int32() >>> 0;
    // Bounded: the oldest keys are forgotten first (a Map keeps insertion order).
    if (keys.size >= KEYS_KEPT) keys.delete(keys.keys().next().value!);
    keys.set(name, k);
  }
  return k;
}
const keys = new Map<string, number>();
const KEYS_KEPT = 4096;

/** murmur3 fmix32. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of (stream key, customer key, draw index). */
export function draw32(stream: number, who: number, j: number): number {
  return fmix((stream ^ fmix((who + Math.imul(j + 1, 0x9e3779b9)) >>> 0)) >>> 0);
}

/** A uniform draw in [0, 1) for (stream, customer key, draw index j). */
export function u01(stream: number, who: number, j: number): number {
  return draw32(stream, who, j) / 4294967296;
}

/** A standard normal draw for (stream, customer key, draw index j). */
export function gauss(stream: number, who: number, j: number): number {
  return normInv((draw32(stream, who, j) + 0.5) / 4294967296);
}

/**
 * A cheap bounded approximately-normal draw: the sum of four uniforms taken from the four
 * bytes of one 32-bit draw (Irwin-Hall), scaled to variance 1 (|z| < 3.5). For shocks and
 * response noise, where the tails do not matter.
 */
export function gauss4(stream: number, who: number, j: number): number {
  const h = draw32(stream, who, j);
  const s = (h & 255) + ((h >>> 8) & 255) + ((h >>> 16) & 255) + (h >>> 24) + 2;
  // Each byte+0.5 over 256 is uniform on (0,1) with variance (1 - 1/65536)/12.
  return (s / 256 - 2) * 1.7320640222190662;
}

/**
 * A stable key for a customer born in `round` from `source` as the `ordinal`-th of that
 * cohort. Within a cohort keys are distinct (fmix is a bijection); across cohorts two keys
 * coincide with probability 2^-32 per pair, which only means two customers share luck.
 */
export function birthKey(populationStream: number, round: number, source: number, ordinal: number): number {
  let h = fmix((populationStream ^ Math.imul(round + 1, 0x27d4eb2f)) >>> 0);
  h = fmix((h ^ Math.imul(source + 1, 0x165667b1)) >>> 0);
  return fmix((h + ordinal) >>> 0);
}
