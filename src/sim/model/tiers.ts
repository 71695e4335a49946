/**
 * The firm's tiering rule applied to its customers (C19, C24), on observed data only: the
 * tiering pass assigns this quarter's tiers with it, the valuation looks at next quarter's.
 */
import type { TieringRule } from '../config';
import { canonicalJson } from '../hash';
import { clamp01, sat, selectKth } from '../math';
import type { ModelParams } from '../params';
import { ACTIVE, NO_TIER, type Customers, type SimState } from '../state';

/** The data quality the firm has now, 0..1 (data platform stock, C3). */
export function dataQualityOf(P: ModelParams, s: SimState): number {
  const eff = sat(s.firm.systems.dataPlatform, P.capability.systemsHalfSaturation);
  return clamp01(P.data.baseQuality + (1 - P.data.baseQuality) * P.capability.dataQualityGain * eff);
}

/** Spread of the estimation error at zero data quality, per unit of `data.estimateNoise`: influence (0..1), potential (per year). */
const INFLUENCE_ERROR = 0.25;
const POTENTIAL_ERROR = 0.15;

/** The firm's estimate of a customer's influence: true value plus noise that shrinks with data quality. */
export function estimatedInfluence(s: SimState, P: ModelParams, dq: number, i: number): number {
  const c = s.customers;
  return clamp01(c.influence[i]! + c.errInfluence[i]! * P.data.estimateNoise * (1 - dq) * INFLUENCE_ERROR);
}

/** The firm's estimate of a customer's potential (growth per year). */
export function estimatedPotential(s: SimState, P: ModelParams, dq: number, i: number): number {
  const c = s.customers;
  return c.potential[i]! + c.errPotential[i]! * P.data.estimateNoise * (1 - dq) * POTENTIAL_ERROR;
}

/**
 * Tiers every active customer by `rule` on observed data only (C19, C24): trailing revenue
 * (exact), margin (exact), estimated influence and potential (noisy, better with data
 * quality), tenure. Each dimension is taken relative to the firm's mean, weighted, and the
 * score cut by shares (quantiles) or thresholds; the one-vote rule overrides. Writes tier
 * indices into `out` (NO_TIER for lapsed) and returns the count per tier.
 */
export function assignTiers(P: ModelParams, s: SimState, rule: TieringRule, dq: number, out: Uint8Array): number[] {
  const c = s.customers;
  const key = `${c.count}|${dq}|${P.data.estimateNoise}|${canonicalJson(rule)}`;
  const known = memo.get(c);
  const hit = known?.find((e) => e.key === key);
  if (hit) {
    out.set(hit.tiers);
    return [...hit.counts];
  }
  const counts = tiersOf(P, s, rule, dq, out);
  const list = known ?? [];
  if (list.length >= MEMO_SIZE) list.shift();
  list.push({ key, tiers: out.slice(0, c.count), counts: [...counts] });
  if (!known) memo.set(c, list);
  return counts;
}

/**
 * The tiers last assigned on a table, by rule, data quality, estimate noise and size. The same
 * table is tiered several times between two quarters: the valuation looks at next quarter's tiers
 * at the end of a quarter, the next quarter's check of the plan assigns them again (the same
 * rule, nine quarters out of ten), and planning tools and the computer firms try rules. A table
 * is a value between quarters (a quarter plays on its own copy, or on a table its caller owns),
 * so the same key means the same tiers; a quarter forgets its table's tiers before its passes
 * change it ({@link forgetTiers}, from the round's context). Anything else that changes a
 * table's columns in place must forget too.
 */
const memo = new WeakMap<Customers, { key: string; tiers: Uint8Array; counts: number[] }[]>();
/** Rules remembered per table: the plan's, and a few a planning tool tries. */
const MEMO_SIZE = 4;

/** Forgets the tiers assigned on `c` (its columns are about to change). */
export function forgetTiers(c: Customers): void {
  memo.delete(c);
}

/** Two scratch arrays for the scores (module-wide: the engine is synchronous), grown as needed; `a` elements of array `which`. */
const scratches: Float64Array[] = [new Float64Array(0), new Float64Array(0)];
function scratch(which: number, a: number): Float64Array {
  if (scratches[which]!.length < a) scratches[which] = new Float64Array(Math.max(a, scratches[which]!.length * 2));
  return scratches[which]!;
}

/** The active customers' slots, in slot order (module-wide, as the scores), grown as needed. */
let actives = new Int32Array(0);
function activeScratch(n: number): Int32Array {
  if (actives.length < n) actives = new Int32Array(Math.max(n, actives.length * 2));
  return actives;
}

function tiersOf(P: ModelParams, s: SimState, rule: TieringRule, dq: number, out: Uint8Array): number[] {
  const c = s.customers;
  const n = c.count;
  const k = rule.tierCount;
  const counts = new Array<number>(k).fill(0);
  const status = c.status;
  const rev = c.revenue;
  if (k <= 1) {
    let active = 0;
    for (let i = 0; i < n; i++) {
      const on = status[i] === ACTIVE;
      out[i] = on ? 0 : NO_TIER;
      if (on) active++;
    }
    counts[0] = active;
    return counts;
  }
  const w = rule.weights;
  const margin = c.margin;
  const infl = c.influence;
  const errI = c.errInfluence;
  const pot = c.potential;
  const errP = c.errPotential;
  const tenure = c.tenure;
  // The same estimates as estimatedInfluence/estimatedPotential, inlined for the hot loop.
  const noiseI = P.data.estimateNoise * (1 - dq) * INFLUENCE_ERROR;
  const noiseP = P.data.estimateNoise * (1 - dq) * POTENTIAL_ERROR;
  // Means of each weighted dimension over active customers (influence estimates clamped to
  // 0..1). A dimension with no weight adds exactly nothing, so it is skipped. The active
  // customers are listed in the same walk, in slot order, so the walks after it visit only them.
  const uRev = w.revenue > 0, uMar = w.margin > 0, uInf = w.influence > 0, uPot = w.potential > 0, uTen = w.tenure > 0;
  let mRev = 0, mMar = 0, mInf = 0, mPot = 0, mTen = 0;
  const list = activeScratch(n);
  let active = 0;
  for (let i = 0; i < n; i++) {
    if (status[i] !== ACTIVE) continue;
    list[active++] = i;
    const o = i * 4;
    if (uRev) mRev += rev[o]! + rev[o + 1]! + rev[o + 2]! + rev[o + 3]!;
    if (uMar) mMar += margin[i]!;
    if (uInf) mInf += clamp01(infl[i]! + errI[i]! * noiseI);
    if (uPot) mPot += 1 + pot[i]! + errP[i]! * noiseP;
    if (uTen) mTen += tenure[i]! + 1;
  }
  out.fill(NO_TIER, 0, n);
  if (active === 0) return counts;
  const wSum = w.revenue + w.margin + w.influence + w.potential + w.tenure;
  const norm = wSum > 0 ? 1 / wSum : 0;
  const wRev = mRev > 0 ? (w.revenue * active * norm) / mRev : 0;
  const wMar = mMar > 0 ? (w.margin * active * norm) / mMar : 0;
  const wInf = mInf > 0 ? (w.influence * active * norm) / mInf : 0;
  const wPot = mPot > 0 ? (w.potential * active * norm) / mPot : 0;
  const wTen = mTen > 0 ? (w.tenure * active * norm) / mTen : 0;
  // Each active customer's score, by its place in the list, and a copy to select the cutoffs in.
  const score = scratch(0, active);
  const sorted = scratch(1, active);
  for (let a = 0; a < active; a++) {
    const i = list[a]!;
    const o = i * 4;
    let v = uRev ? wRev * (rev[o]! + rev[o + 1]! + rev[o + 2]! + rev[o + 3]!) : 0;
    if (uMar) v += wMar * margin[i]!;
    if (uInf) v += wInf * clamp01(infl[i]! + errI[i]! * noiseI);
    if (uPot) v += wPot * (1 + pot[i]! + errP[i]! * noiseP);
    if (uTen) v += wTen * (tenure[i]! + 1);
    score[a] = v;
    sorted[a] = v;
  }
  // Thresholds from the top tier down: a customer goes to the first tier whose threshold it reaches.
  const thr = new Float64Array(k - 1);
  if (rule.cutoffs.mode === 'share') {
    // Ranks from the top tier down: the top `cum` share, threshold at the (1-cum) quantile.
    const rank = new Array<number>(k - 1);
    let cum = 0;
    for (let t = 0; t < k - 1; t++) {
      cum += rule.cutoffs.shares[t] ?? 0;
      rank[t] = cum <= 0 ? -1 : Math.min(active - 1, Math.max(0, Math.round((1 - cum) * active)));
    }
    // Selected from the lowest rank up: after a selection of rank q, every score from q on is at
    // least the q-th, so a higher rank is the same value selected among those (a search of the
    // top tiers' few customers, not of everyone again).
    let from = 0;
    for (let t = k - 2; t >= 0; t--) {
      const q = rank[t]!;
      if (q < 0) {
        thr[t] = Infinity;
        continue;
      }
      if (q < from) from = 0;
      thr[t] = from === 0 ? selectKth(sorted, active, q) : selectKth(sorted.subarray(from, active), active - from, q - from);
      from = q;
    }
  } else {
    for (let t = 0; t < k - 1; t++) thr[t] = rule.cutoffs.thresholds[t] ?? 0;
  }
  const vip = rule.topIfRevenueAbove ?? Infinity;
  const last = k - 1;
  for (let a = 0; a < active; a++) {
    const i = list[a]!;
    let t = last;
    const o = i * 4;
    if (vip !== Infinity && rev[o]! + rev[o + 1]! + rev[o + 2]! + rev[o + 3]! >= vip) t = 0;
    else {
      const v = score[a]!;
      for (let j = 0; j < last; j++) {
        if (v >= thr[j]!) {
          t = j;
          break;
        }
      }
    }
    out[i] = t;
    counts[t]!++;
  }
  return counts;
}
