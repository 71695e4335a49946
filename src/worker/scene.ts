/**
 * The customer-base scene's frames: one quarter's transition of the customer base as the
 * firm observes it (who was a customer at the start and at the end, in which firm tier,
 * how newcomers came in, failures, contacts who left, trailing revenue), built from what
 * the session keeps of each round. A read-only view: nothing here changes the state.
 *
 * Above SCENE_SAMPLE_LIMIT candidates the frame is a stable sample: the customers with the
 * smallest (sample key, id), where the sample key hashes the customer's stable birth key
 * and a referred customer takes its referrer's key, so referrer and referred are sampled
 * together and a customer stays sampled while the population around it changes little.
 * Integer operations only: the same frame on every machine.
 */
import { EVENT_KIND_NAMES, EV_ACQUIRED, EV_CONTACT_LEFT, EV_FAILURE, EV_REFERRED, EV_WONBACK } from '../sim/report';
import { ACTIVE, NO_TIER, type SimState } from '../sim/index';
import { fmix } from '../sim/rng';
import type { BaseTrace, RoundTrace } from './customers';
import { ARRIVAL_ACQUIRED, ARRIVAL_REFERRED, ARRIVAL_WON_BACK, SCENE_SAMPLE_LIMIT, type CustomerBaseFrame, type RoundSummary } from './protocol';

/** What a frame is built from (the session's fields of the same names). */
export interface SceneSource {
  base: BaseTrace;
  traces: readonly RoundTrace[];
  summaries: readonly RoundSummary[];
  state: SimState;
}

/** A constant folded into the birth key first, so the scene's keys are not the bare finaliser of it. */
const SAMPLE_SALT = 0x5ce4e5a1;

/**
 * Sample keys of slots 0..n-1: a hash of the birth key, the referrer's key for a referred
 * customer (referrers have smaller slots, so one pass in slot order resolves whole chains).
 */
export function sampleKeys(state: SimState, n: number): Uint32Array {
  const c = state.customers;
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const ref = c.referredBy[i]!;
    out[i] = ref >= 0 && ref < i ? out[ref]! : fmix((c.key[i]! ^ SAMPLE_SALT) >>> 0);
  }
  return out;
}

/**
 * The `limit` candidates (slots, ascending) with the smallest (key, slot), in O(n): a
 * histogram over the top 16 bits of the key finds the bucket where the limit falls; only
 * that bucket is sorted. `candidates` must be ascending.
 */
export function selectSample(candidates: Int32Array, keys: Uint32Array, limit: number): Int32Array {
  const m = candidates.length;
  if (m <= limit) return candidates.slice();
  const hist = new Uint32Array(65536);
  for (let k = 0; k < m; k++) hist[keys[candidates[k]!]! >>> 16]!++;
  let bucket = 0;
  let below = 0;
  while (below + hist[bucket]! < limit) below += hist[bucket++]!;
  // Everything in lower buckets is in; of the threshold bucket, the smallest (key, slot).
  const need = limit - below;
  const tie: number[] = [];
  for (let k = 0; k < m; k++) if (keys[candidates[k]!]! >>> 16 === bucket) tie.push(candidates[k]!);
  tie.sort((a, b) => keys[a]! - keys[b]! || a - b);
  const cutId = tie[need - 1]!;
  const cutKey = keys[cutId]!;
  const out = new Int32Array(limit);
  let o = 0;
  for (let k = 0; k < m; k++) {
    const i = candidates[k]!;
    const key = keys[i]!;
    const b = key >>> 16;
    if (b < bucket || (b === bucket && (key < cutKey || (key === cutKey && i <= cutId)))) out[o++] = i;
  }
  return out;
}

/** Active count of a status column. */
function activeCount(status: Uint8Array): number {
  let a = 0;
  for (let i = 0; i < status.length; i++) if (status[i] === ACTIVE) a++;
  return a;
}

/**
 * The frame of quarter `round` (0: the base before the first quarter), or null when
 * `round` is not an integer in 0..rounds played.
 *
 * Revenue is the trailing revenue of the last 4 quarters at the end of the quarter, exactly
 * as the customer table computes it from the engine's revenue ring: each ring slot holds the
 * latest round r' <= round with r' % 4 = slot, taken from that round's trace, or, for a slot
 * no round has written yet (rounds 0..3), the initial state's steady-state history.
 */
export function customerBaseFrame(src: SceneSource, round: number): CustomerBaseFrame | null {
  const played = src.traces.length;
  if (!Number.isInteger(round) || round < 0 || round > played) return null;
  const { base, traces, summaries, state } = src;
  const c = state.customers;
  const before = round <= 1 ? base : traces[round - 2]!;
  const after = round === 0 ? base : traces[round - 1]!;
  const nBefore = before.status.length;
  const n = after.status.length;

  // Candidates: a customer at the start or at the end of the quarter, in slot order.
  const cand = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if ((i < nBefore && before.status[i] === ACTIVE) || after.status[i] === ACTIVE) cand[m++] = i;
  const candidates = cand.subarray(0, m);
  const sampled = m > SCENE_SAMPLE_LIMIT;
  const id = sampled ? selectSample(candidates, sampleKeys(state, n), SCENE_SAMPLE_LIMIT) : candidates.slice();
  const size = id.length;

  // Slot -> frame index, for events and referrers.
  const index = new Int32Array(n).fill(-1);
  for (let k = 0; k < size; k++) index[id[k]!] = k;

  const from = new Uint8Array(size);
  const to = new Uint8Array(size);
  const revenue = new Float32Array(size);
  const joined = new Uint16Array(size);
  const source = new Uint8Array(size);
  // Where each ring slot's value comes from: the trace of the latest round that wrote it, or the base.
  const ring: (Float32Array | null)[] = [];
  for (let slot = 0; slot < 4; slot++) {
    const r = round - ((round - slot + 4) % 4);
    ring.push(r >= 1 ? traces[r - 1]!.revenue : null);
  }
  const baseRev = base.revenue;
  const nBase = base.status.length;
  for (let k = 0; k < size; k++) {
    const i = id[k]!;
    from[k] = i < nBefore && before.status[i] === ACTIVE ? before.tier[i]! : NO_TIER;
    to[k] = after.status[i] === ACTIVE ? after.tier[i]! : NO_TIER;
    let sum = 0;
    for (let slot = 0; slot < 4; slot++) {
      const rev = ring[slot]!;
      if (rev) sum += i < rev.length ? rev[i]! : 0;
      else sum += i < nBase ? baseRev[i * 4 + slot]! : 0;
    }
    revenue[k] = sum;
    joined[k] = c.joined[i]!;
    source[k] = c.source[i]!;
  }

  const arrival = new Uint8Array(size);
  const referrer = new Int32Array(size).fill(-1);
  const outcome = new Uint8Array(size);
  const contactLeft = new Uint8Array(size);
  if (round >= 1) {
    const ev = traces[round - 1]!.events;
    for (let e = 0; e < ev.count; e++) {
      const k = index[ev.customer[e]!]!;
      if (k < 0) continue;
      const other = ev.other[e]!;
      switch (ev.kind[e]) {
        case EV_ACQUIRED:
          arrival[k] = ARRIVAL_ACQUIRED;
          break;
        case EV_REFERRED:
          arrival[k] = ARRIVAL_REFERRED;
          referrer[k] = other >= 0 && other < n ? index[other]! : -1;
          break;
        case EV_WONBACK:
          arrival[k] = ARRIVAL_WON_BACK;
          break;
        case EV_FAILURE:
          outcome[k] = other;
          break;
        case EV_CONTACT_LEFT:
          contactLeft[k] = 1;
          break;
        default:
          break;
      }
    }
  }

  let truth: Float32Array | null = null;
  if (state.status !== 'running' && round === played && played > 0) {
    truth = new Float32Array(size);
    for (let k = 0; k < size; k++) truth[k] = c.satisfaction[id[k]!]!;
  }

  const tierCount = round === 0 ? base.tierCount : summaries[round - 1]!.tiers.length;
  const tierCountBefore = round <= 1 ? base.tierCount : summaries[round - 2]!.tiers.length;
  const counts = round === 0 ? new Array<number>(EVENT_KIND_NAMES.length).fill(0) : summaries[round - 1]!.eventCounts.firm.slice();
  const populationAfter = activeCount(after.status);
  return {
    round,
    tierCount,
    tierCountBefore,
    populationBefore: round === 0 ? populationAfter : activeCount(before.status),
    population: populationAfter,
    size,
    sampled,
    id,
    from,
    to,
    arrival,
    referrer,
    outcome,
    contactLeft,
    revenue,
    joined,
    source,
    counts,
    truth,
  };
}

/** The frame's typed arrays' buffers, to transfer (every array has a buffer of its own, made for this frame). */
export function frameBuffers(f: CustomerBaseFrame): ArrayBuffer[] {
  const arrays = [f.id, f.from, f.to, f.arrival, f.referrer, f.outcome, f.contactLeft, f.revenue, f.joined, f.source];
  if (f.truth) arrays.push(f.truth);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
