import type { SegmentConfig, TraitDist, WalletDistribution } from './config';
import { clamp, clamp01, exp, ln, normInv, pow } from './math';
import { u01 } from './rng';
import { ACTIVE, STAGE_NEW, type Customers } from './state';

/** Draw indices inside a customer's birth stream (fixed, so adding a trait shifts nothing else). */
const D_SEGMENT = 0;
const D_WALLET = 1;
const D_MARGIN = 2;
const D_INFLUENCE = 3;
const D_POTENTIAL = 4;
const D_ORIENTATION = 5;
const D_PRICE = 6;
const D_EXPECTATION = 7;
const D_SATISFACTION = 8;
const D_LOYALTY = 9;
const D_SHARE = 10;
const D_TENURE = 11;
const D_ERR_INF = 12;
const D_ERR_POT = 13;

/** Index of the segment a uniform draw `u` falls in, by shares. */
export function pickSegment(segments: readonly SegmentConfig[], u: number): number {
  let acc = 0;
  for (let s = 0; s < segments.length; s++) {
    acc += segments[s]!.share;
    if (u < acc) return s;
  }
  return segments.length - 1;
}

/** A wallet from its distribution at quantile `u` in (0,1). */
export function walletAt(w: WalletDistribution, u: number): number {
  if (w.kind === 'lognormal') return w.median * exp(w.sigma * normInv(u));
  const v = w.min * exp(-ln(1 - u) / w.alpha);
  return v > w.max ? w.max : v;
}

function trait(t: TraitDist, u: number): number {
  return t.mean + t.spread * (2 * u - 1);
}

/** What the birth of one customer needs beyond its segment. */
export interface Birth {
  key: number;
  /** Stream the birth draws come from (the population stream). */
  stream: number;
  round: number;
  source: number;
  refWallet: number;
  needBase: number;
  needElasticity: number;
  /** Satisfaction, loyalty and share of a newcomer; null: drawn from the segment (initial customers). */
  start: { satisfaction: number; loyalty: number; share: number; expectationLift: number } | null;
  /** Forced segment, or -1 to draw one. */
  segment: number;
  /** Uniform quantile of the wallet, or -1 to draw it. */
  walletQuantile: number;
  /** The wallet itself when already computed from that quantile and segment, or -1. */
  wallet?: number;
}

/** The wallet quantile and segment a birth will get (for targeting before committing a slot). */
export function birthWallet(segments: readonly SegmentConfig[], b: Birth): { segment: number; wallet: number; q: number } {
  const segment = b.segment >= 0 ? b.segment : pickSegment(segments, u01(b.stream, b.key, D_SEGMENT));
  const q = b.walletQuantile >= 0 ? b.walletQuantile : (u01(b.stream, b.key, D_WALLET) + 1e-9) * 0.999999;
  const wallet = b.wallet !== undefined && b.wallet >= 0 && b.segment >= 0 && b.walletQuantile >= 0 ? b.wallet : walletAt(segments[segment]!.wallet, q);
  return { segment, wallet, q };
}

/** Writes a new customer into slot `i` of `c` (the caller has made room and bumps `count`). */
export function writeCustomer(c: Customers, i: number, segments: readonly SegmentConfig[], b: Birth): void {
  const { segment, wallet, q } = birthWallet(segments, b);
  const seg = segments[segment]!;
  const st = b.stream;
  const who = b.key;
  c.key[i] = b.key;
  c.segment[i] = segment;
  c.wallet[i] = wallet;
  c.walletAvg[i] = wallet;
  c.margin[i] = clamp01(trait(seg.margin, u01(st, who, D_MARGIN)));
  const infl = clamp01(trait(seg.influence, u01(st, who, D_INFLUENCE)));
  c.influence[i] = clamp01((1 - seg.influenceWithWallet) * infl + seg.influenceWithWallet * q);
  c.potential[i] = clamp(trait(seg.potential, u01(st, who, D_POTENTIAL)), -0.5, 1);
  c.orientation[i] = clamp01(trait(seg.orientation, u01(st, who, D_ORIENTATION)));
  c.priceSensitivity[i] = clamp01(trait(seg.priceSensitivity, u01(st, who, D_PRICE)));
  c.need[i] = b.needBase * pow(wallet / b.refWallet, b.needElasticity);
  c.errInfluence[i] = normInv(u01(st, who, D_ERR_INF));
  c.errPotential[i] = normInv(u01(st, who, D_ERR_POT));
  const start = b.start;
  const expectation = clamp(trait(seg.expectation, u01(st, who, D_EXPECTATION)) + (start ? start.expectationLift : 0), 0, 100);
  c.expectation[i] = expectation;
  c.anchor[i] = expectation;
  c.satisfaction[i] = start ? start.satisfaction : clamp(trait(seg.satisfaction, u01(st, who, D_SATISFACTION)), 0, 100);
  c.loyalty[i] = start ? start.loyalty : clamp01(trait(seg.loyalty, u01(st, who, D_LOYALTY)));
  c.shareOfWallet[i] = start ? start.share : clamp01(trait(seg.shareOfWallet, u01(st, who, D_SHARE)));
  c.bond[i] = 0;
  c.tenure[i] = start ? 0 : Math.floor(u01(st, who, D_TENURE) * (seg.maxTenure + 1));
  c.joined[i] = b.round;
  c.left[i] = 0;
  c.status[i] = ACTIVE;
  c.stage[i] = STAGE_NEW;
  c.source[i] = b.source;
  clearHistory(c, i);
}

/** Clears customer `i`'s history with a firm: service failures, complaints, referrer, price offers, revenue and profit to date, churn risk, lifetime value. For a newcomer, born or won from a rival. */
export function clearHistory(c: Customers, i: number): void {
  c.failures[i] = 0;
  c.complaints[i] = 0;
  c.leftSatisfaction[i] = 0;
  c.referredBy[i] = -1;
  c.priceOverride[i] = 0;
  c.overrideUntil[i] = 0;
  c.profit[i] = 0;
  c.cumRevenue[i] = 0;
  c.cumProfit[i] = 0;
  c.churnP[i] = 0;
  c.clv[i] = 0;
  c.stay[i] = 0;
  for (let k = 0; k < 4; k++) c.revenue[i * 4 + k] = 0;
}
