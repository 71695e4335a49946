// The customer-base scene's frames: one quarter's transition of the customer base as the
// firm observes it. Checked against the engine's own report (event counts, migrations,
// population), the customer table of the same quarter (tiers, trailing revenue), the events
// (arrivals, referrers, failures, contacts who left), and, above the sample limit, against a
// brute-force sort of the sample keys; the sample is stable and closed under referral.
import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import {
  ACTIVE, EV_ACQUIRED, EV_CONTACT_LEFT, EV_FAILURE, EV_LAPSED, EV_REFERRED, EV_WONBACK, EVENT_KIND_NAMES, NO_TIER, SOURCE_ACQUIRED, SOURCE_REFERRED,
  newGame,
} from '../../src/sim/index';
import { advance, customerBase, table, type Session } from '../../src/worker/session';
import { frameBuffers, sampleKeys, selectSample } from '../../src/worker/scene';
import { ARRIVAL_ACQUIRED, ARRIVAL_NONE, ARRIVAL_REFERRED, ARRIVAL_WON_BACK, SCENE_SAMPLE_LIMIT, type CustomerBaseFrame } from '../../src/worker/protocol';
import { builtin, play } from '../helpers';
import { startBuiltinSession } from './sessions';

const start = startBuiltinSession;

function frame(s: Session, round: number): CustomerBaseFrame {
  const f = customerBase(s, round);
  if (!f) throw new Error(`no frame for round ${round}`);
  return f;
}

/** Slots that were customers at the start or at the end of `round`, from the session's traces. */
function candidatesOf(s: Session, round: number): number[] {
  const before = round <= 1 ? s.base.status : s.traces[round - 2]!.status;
  const after = round === 0 ? s.base.status : s.traces[round - 1]!.status;
  const out: number[] = [];
  for (let i = 0; i < after.length; i++) if ((i < before.length && before[i] === ACTIVE) || after[i] === ACTIVE) out.push(i);
  return out;
}

const count = (xs: ArrayLike<number>, p: (x: number, k: number) => boolean): number => {
  let n = 0;
  for (let k = 0; k < xs.length; k++) if (p(xs[k]!, k)) n++;
  return n;
};

const FRAME_KEYS = [
  'arrival', 'contactLeft', 'counts', 'from', 'id', 'joined', 'outcome', 'population', 'populationBefore', 'referrer', 'revenue', 'round',
  'sampled', 'size', 'source', 'tierCount', 'tierCountBefore', 'to', 'truth',
];

/** The frame of the quarter just played agrees with the customer table of that moment. */
function expectLikeTable(s: Session, f: CustomerBaseFrame): void {
  const t = table(s);
  const ids = [...f.id];
  expect([...f.to]).toEqual(ids.map((i) => t.tier[i]));
  expect([...f.revenue]).toEqual(ids.map((i) => t.revenue[i]));
  expect([...f.joined]).toEqual(ids.map((i) => t.joined[i]));
  expect([...f.source]).toEqual(ids.map((i) => t.source[i]));
  const active = count(t.status, (x) => x === 0);
  expect(f.population).toBe(active);
  if (!f.sampled) expect(count(f.to, (x) => x !== NO_TIER)).toBe(active);
}

/** Every per-customer fact of an unsampled frame against the round's events and the engine's report. */
function expectAgreesWithRound(s: Session, f: CustomerBaseFrame): void {
  const r = f.round;
  const sum = s.summaries[r - 1]!;
  const tr = s.traces[r - 1]!;
  const c = s.state.customers;
  expect(f.sampled).toBe(false);
  expect(f.counts).toEqual(sum.eventCounts.firm);
  expect(f.tierCount).toBe(sum.tiers.length);
  expect(f.tierCountBefore).toBe(r === 1 ? s.base.tierCount : s.summaries[r - 2]!.tiers.length);
  expect(f.population).toBe(sum.firm.customers);
  expect(count(f.from, (x) => x !== NO_TIER)).toBe(f.populationBefore);
  expect(count(f.to, (x) => x !== NO_TIER)).toBe(f.population);
  // Arrivals and departures, by kind, are the firm's event counts.
  expect(count(f.arrival, (x) => x === ARRIVAL_ACQUIRED)).toBe(f.counts[EV_ACQUIRED]);
  expect(count(f.arrival, (x) => x === ARRIVAL_REFERRED)).toBe(f.counts[EV_REFERRED]);
  expect(count(f.arrival, (x) => x === ARRIVAL_WON_BACK)).toBe(f.counts[EV_WONBACK]);
  expect(count(f.from, (x, k) => x !== NO_TIER && f.to[k] === NO_TIER)).toBe(f.counts[EV_LAPSED]);
  expect(count(f.from, (x, k) => x === NO_TIER && f.to[k] === NO_TIER)).toBe(0);
  // Migrations at the quarter's re-tiering: every customer active at the start was re-tiered;
  // one who then lapsed shows no tier at the end, but the engine kept the tier it was given.
  const prevK = f.tierCountBefore;
  const mig = Array.from({ length: prevK }, () => new Array<number>(f.tierCount).fill(0));
  for (let k = 0; k < f.size; k++) {
    if (f.from[k] === NO_TIER) continue;
    const to = f.to[k] !== NO_TIER ? f.to[k]! : tr.tier[f.id[k]!]!;
    mig[f.from[k]!]![to]!++;
  }
  expect(mig).toEqual(sum.migrations.slice(0, prevK));
  expect(sum.migrations[prevK]!.reduce((a, b) => a + b, 0)).toBe(0);
  let moves = 0;
  for (let a = 0; a < prevK; a++) for (let b = 0; b < f.tierCount; b++) if (a !== b) moves += sum.migrations[a]![b]!;
  const stayedAndMoved = count(f.from, (x, k) => x !== NO_TIER && f.to[k] !== NO_TIER && f.to[k] !== x);
  expect(stayedAndMoved).toBeLessThanOrEqual(moves);
  expect(stayedAndMoved).toBeGreaterThanOrEqual(moves - f.counts[EV_LAPSED]!);
  // Newcomers: where they come from, when, and (referred) who brought them in, in the referrer's tier.
  expect(count(f.id, (x, k) => k > 0 && x <= f.id[k - 1]!)).toBe(0);
  expect(count(f.referrer, (x, k) => x !== -1 && f.arrival[k] !== ARRIVAL_REFERRED)).toBe(0);
  for (let k = 0; k < f.size; k++) {
    const i = f.id[k]!;
    if (f.arrival[k] === ARRIVAL_NONE) continue;
    expect(f.from[k]).toBe(NO_TIER);
    expect(f.to[k]).not.toBe(NO_TIER);
    if (f.arrival[k] === ARRIVAL_WON_BACK) {
      expect(f.joined[k]).toBeLessThan(r);
      expect(f.referrer[k]).toBe(-1);
      continue;
    }
    expect(f.joined[k]).toBe(r);
    if (f.arrival[k] === ARRIVAL_ACQUIRED) {
      expect(f.source[k]).toBe(SOURCE_ACQUIRED);
      expect(f.referrer[k]).toBe(-1);
    } else {
      expect(f.source[k]).toBe(SOURCE_REFERRED);
      const p = f.referrer[k]!;
      expect(p).toBeGreaterThanOrEqual(0);
      expect(f.id[p]).toBe(c.referredBy[i]);
      expect(f.to[p]).toBe(f.to[k]);
    }
  }
  // Failures and contacts who left, customer by customer.
  const outcome = new Map<number, number>();
  const left = new Set<number>();
  const ev = tr.events;
  for (let e = 0; e < ev.count; e++) {
    if (ev.kind[e] === EV_FAILURE) outcome.set(ev.customer[e]!, ev.other[e]!);
    if (ev.kind[e] === EV_CONTACT_LEFT) left.add(ev.customer[e]!);
  }
  expect([...f.outcome]).toEqual([...f.id].map((i) => outcome.get(i) ?? 0));
  expect([...f.contactLeft]).toEqual([...f.id].map((i) => (left.has(i) ? 1 : 0)));
  expect(count(f.outcome, (x) => x > 0)).toBe(outcome.size);
  expect(count(f.contactLeft, (x) => x === 1)).toBe(left.size);
  expect(outcome.size).toBe(f.counts[EV_FAILURE]);
}

describe('customer-base frames', () => {
  it('round 0 is the initial base: every initial customer, in its tier, nothing happening', async () => {
    const sc = builtin('ad-agency');
    const s = await start('ad-agency', 'base');
    const f = frame(s, 0);
    const init = newGame(sc, 'base').customers;
    const active = count(init.status.subarray(0, init.count), (x) => x === ACTIVE);
    expect(f.round).toBe(0);
    expect(f.size).toBe(active);
    expect(f.sampled).toBe(false);
    expect(f.population).toBe(active);
    expect(f.populationBefore).toBe(active);
    expect(f.tierCount).toBe(sc.initialDecisions.tiering.tierCount);
    expect(f.tierCountBefore).toBe(f.tierCount);
    expect([...f.from]).toEqual([...f.to]);
    expect(f.from.every((x) => x < f.tierCount)).toBe(true);
    expect(f.arrival.every((x) => x === ARRIVAL_NONE)).toBe(true);
    expect(f.outcome.every((x) => x === 0)).toBe(true);
    expect(f.contactLeft.every((x) => x === 0)).toBe(true);
    expect(f.referrer.every((x) => x === -1)).toBe(true);
    expect(f.counts).toEqual(new Array<number>(EVENT_KIND_NAMES.length).fill(0));
    expect(f.truth).toBeNull();
    expect(Object.keys(f).sort()).toEqual(FRAME_KEYS);
    // Trailing revenue and tiers: the customer table of the new game.
    expectLikeTable(s, f);
    expect(f.revenue.some((x) => x > 0)).toBe(true);
  });

  it('keeps round 0 as it was when the game is replayed in place', async () => {
    const ref = play(builtin('ad-agency'), 'base', 'value-based');
    const fresh = frame(await start('ad-agency', 'base'), 0);
    const replayed = await start('ad-agency', 'base', ref.decisions.slice(0, 6));
    expect(frame(replayed, 0)).toEqual(fresh);
  });

  // The random policy spends on win-back and changes the tier count now and then.
  for (const [id, seed, policy] of [['ad-agency', 'scene-1', 'value-based'], ['hotel', 'scene-2', 'value-based'], ['ad-agency', 'scene-3', 'random']] as const) {
    it(`${id}, ${policy}: each quarter agrees with the customer table of its time and with the round's report and events`, async () => {
      const ref = play(builtin(id), seed, policy);
      const s = await start(id, seed);
      const frames: CustomerBaseFrame[] = [frame(s, 0)];
      for (const d of ref.decisions) {
        const r = advance(s, d);
        expect(r.ok).toBe(true);
        const f = frame(s, s.state.round);
        expect(f.round).toBe(s.state.round);
        expectLikeTable(s, f);
        frames.push(f);
      }
      expect(s.state.status).not.toBe('running');
      let referred = 0, acquired = 0, wonBack = 0, failures = 0, retiered = 0;
      for (let r = 1; r <= s.traces.length; r++) {
        const f = frame(s, r);
        // The same frame later as when it was the last quarter (but the reveal, once finished).
        expect({ ...f, truth: null }).toEqual({ ...frames[r]!, truth: null });
        // A quarter starts with the base the last one ended with.
        const prev = frames[r - 1]!;
        expect(f.populationBefore).toBe(prev.population);
        const endOfPrev = new Map<number, number>();
        for (let k = 0; k < prev.size; k++) endOfPrev.set(prev.id[k]!, prev.to[k]!);
        expect([...f.from]).toEqual([...f.id].map((i) => endOfPrev.get(i) ?? NO_TIER));
        expectAgreesWithRound(s, f);
        referred += count(f.arrival, (x) => x === ARRIVAL_REFERRED);
        acquired += count(f.arrival, (x) => x === ARRIVAL_ACQUIRED);
        wonBack += count(f.arrival, (x) => x === ARRIVAL_WON_BACK);
        failures += count(f.outcome, (x) => x > 0);
        if (f.tierCount !== f.tierCountBefore) retiered++;
      }
      // The checks above were not vacuous.
      expect(referred).toBeGreaterThan(0);
      expect(acquired).toBeGreaterThan(0);
      expect(failures).toBeGreaterThan(0);
      if (policy === 'random') expect(wonBack).toBeGreaterThan(0);
      console.log(`${id}, ${policy}: ${acquired} acquired, ${referred} referred, ${wonBack} won back, ${failures} failures, ${retiered} tier-count changes over ${s.traces.length} quarters`);
    });
  }

  it('retail-bank: a deterministic, stable sample of the smallest keys, closed under referral', async () => {
    const ref = play(builtin('retail-bank'), 'bank', 'value-based');
    const s = await start('retail-bank', 'bank', ref.decisions);
    // An independent replay of the first quarters (a full one would double the test's time).
    const again = await start('retail-bank', 'bank', ref.decisions.slice(0, 6));
    const last = s.traces.length;
    expect(last).toBeGreaterThan(4);
    const c = s.state.customers;
    let kept = 0, both = 0, closedPairs = 0;
    let prev: CustomerBaseFrame | null = null;
    for (let r = 0; r <= last; r++) {
      const f = frame(s, r);
      const cand = candidatesOf(s, r);
      expect(cand.length).toBeGreaterThan(SCENE_SAMPLE_LIMIT);
      expect(f.sampled).toBe(true);
      expect(f.size).toBe(SCENE_SAMPLE_LIMIT);
      expect(f.id.length).toBe(SCENE_SAMPLE_LIMIT);
      expect(count(f.id, (x, k) => k > 0 && x <= f.id[k - 1]!)).toBe(0);
      // Deterministic: the same frame again, and from an independent replay.
      expect(frame(s, r)).toEqual(f);
      if (r <= 6) expect(frame(again, r)).toEqual(f);
      // Exactly the candidates with the smallest (key, id).
      const keys = sampleKeys(s.state, cand.length ? cand[cand.length - 1]! + 1 : 0);
      const brute = [...cand].sort((a, b) => keys[a]! - keys[b]! || a - b).slice(0, SCENE_SAMPLE_LIMIT).sort((a, b) => a - b);
      expect([...f.id]).toEqual(brute);
      // Closed under referral: a sampled customer's referrer, if a candidate too, is sampled.
      const inFrame = new Set(f.id);
      const isCand = new Set(cand);
      const open: number[] = [];
      const wrongReferrer: number[] = [];
      for (let k = 0; k < f.size; k++) {
        const p = c.referredBy[f.id[k]!]!;
        if (p >= 0 && isCand.has(p)) {
          if (!inFrame.has(p)) open.push(f.id[k]!);
          closedPairs++;
        }
        if (f.arrival[k] === ARRIVAL_REFERRED && (f.referrer[k]! < 0 || f.id[f.referrer[k]!] !== p)) wrongReferrer.push(f.id[k]!);
      }
      expect(open).toEqual([]);
      expect(wrongReferrer).toEqual([]);
      // Stable: of the customers sampled last quarter who are still candidates, nearly all stay in.
      if (prev) {
        for (let k = 0; k < prev.size; k++) {
          const i = prev.id[k]!;
          if (!isCand.has(i)) continue;
          both++;
          if (inFrame.has(i)) kept++;
        }
      }
      prev = f;
    }
    expect(closedPairs).toBeGreaterThan(0);
    expect(both).toBeGreaterThan(0);
    expect(kept / both).toBeGreaterThan(0.95);
    // The figure the brief asks for (not asserted: the machine is shared).
    const times: number[] = [];
    for (let k = 0; k < 9; k++) {
      const t0 = performance.now();
      frame(s, last - (k % 3));
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`retail-bank customerBase frame (${c.count} customers): median ${times[4]!.toFixed(1)} ms, max ${times[8]!.toFixed(1)} ms; ${((100 * kept) / both).toFixed(1)}% stayed sampled`);
  }, 60_000);

  it('the sample selection equals a full sort, with every key in one bucket and ties', () => {
    const n = 3000;
    const keys = new Uint32Array(n);
    for (let i = 0; i < n; i++) keys[i] = 0x12340000 + ((i * 7919) % 50); // one top-16 bucket, many equal keys
    const cand = Int32Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 0);
    for (const limit of [1, 7, 500, cand.length - 1, cand.length, cand.length + 5]) {
      const brute = [...cand].sort((a, b) => keys[a]! - keys[b]! || a - b).slice(0, limit).sort((a, b) => a - b);
      expect([...selectSample(cand, keys, limit)]).toEqual(brute);
    }
    // Keys spread over all buckets, top bit set (no signed-comparison slip).
    for (let i = 0; i < n; i++) keys[i] = (Math.imul(i + 1, 0x9e3779b1) ^ 0x80000000) >>> 0;
    const brute = [...cand].sort((a, b) => keys[a]! - keys[b]! || a - b).slice(0, 333).sort((a, b) => a - b);
    expect([...selectSample(cand, keys, 333)]).toEqual(brute);
  });

  it('reveals true satisfaction only for the last quarter of a finished game', async () => {
    const ref = play(builtin('ad-agency'), 'truth', 'value-based');
    const running = await start('ad-agency', 'truth', ref.decisions.slice(0, 5));
    expect(running.state.status).toBe('running');
    for (let r = 0; r <= 5; r++) expect(frame(running, r).truth).toBeNull();
    const done = await start('ad-agency', 'truth', ref.decisions);
    expect(done.state.status).not.toBe('running');
    const last = done.traces.length;
    const f = frame(done, last);
    expect(f.truth).toBeInstanceOf(Float32Array);
    expect(f.truth!.length).toBe(f.size);
    for (let k = 0; k < f.size; k++) expect(f.truth![k]).toBe(done.state.customers.satisfaction[f.id[k]!]);
    expect(frame(done, last - 1).truth).toBeNull();
    expect(frame(done, 0).truth).toBeNull();
    expect(Object.keys(f).sort()).toEqual(FRAME_KEYS);
    expect(frameBuffers(f)).toHaveLength(11);
  });

  it('answers null out of range, and hands out copies the session does not keep', async () => {
    const ref = play(builtin('ad-agency'), 'copies', 'value-based');
    const s = await start('ad-agency', 'copies', ref.decisions.slice(0, 4));
    for (const r of [-1, 5, 4.5, Number.NaN, Infinity]) expect(customerBase(s, r)).toBeNull();
    const f = frame(s, 4);
    const snapshot = structuredClone(f);
    const buffers = frameBuffers(f);
    expect(buffers).toHaveLength(10); // truth is null while running
    expect(new Set(buffers).size).toBe(buffers.length);
    const kept = [s.base.tier, s.base.status, s.base.revenue, ...s.traces.flatMap((t) => [t.tier, t.status, t.revenue, t.events.customer])];
    for (const b of buffers) for (const a of kept) expect(b).not.toBe(a.buffer);
    for (const a of [f.id, f.from, f.to, f.arrival, f.referrer, f.outcome, f.contactLeft, f.revenue, f.joined, f.source]) expect(a.buffer.byteLength).toBe(a.byteLength);
    f.id.fill(0);
    f.to.fill(7);
    f.revenue.fill(-1);
    f.counts.fill(-1);
    expect(frame(s, 4)).toEqual(snapshot);
    expect(s.summaries[3]!.eventCounts.firm.every((x) => x >= 0)).toBe(true);
  });
});
