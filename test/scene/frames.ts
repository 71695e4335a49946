// Random CustomerBaseFrame-shaped inputs for the customer-base layout: only the fields
// layoutBase reads, built the way the worker builds them (arrivals come from no tier and
// end in one, a referrer is a customer of the frame who is a customer at the end).
import fc from 'fast-check';
import type { CustomerBaseFrame } from '../../src/worker/protocol';
import { ARRIVAL_ACQUIRED, ARRIVAL_NONE, ARRIVAL_REFERRED, ARRIVAL_WON_BACK } from '../../src/worker/protocol';
import { NO_TIER } from '../../src/scene/base/layout';

export type BaseFrame = Pick<CustomerBaseFrame, 'size' | 'from' | 'to' | 'arrival' | 'referrer' | 'revenue' | 'tierCount' | 'tierCountBefore'>;

/** One customer as drawn by fast-check: what it was, what it became, how it came in. */
export interface CustomerSpec {
  /** 0: a customer at both ends, 1: lapsed, 2: a newcomer. */
  kind: number;
  from: number;
  to: number;
  /** For a newcomer: 0 acquired, 1 referred, 2 won back. */
  how: number;
  /** A referred newcomer's referrer, as a fraction of the customers present at the end; >= 1: none in the frame. */
  referrer: number;
  revenue: number;
}

/** Builds a frame from per-customer specs; tiers are folded into the tier counts. */
export function makeFrame(specs: readonly CustomerSpec[], tierCountBefore: number, tierCount: number): BaseFrame {
  const n = specs.length;
  const from = new Uint8Array(n);
  const to = new Uint8Array(n);
  const arrival = new Uint8Array(n);
  const referrer = new Int32Array(n).fill(-1);
  const revenue = new Float32Array(n);
  specs.forEach((s, k) => {
    revenue[k] = s.revenue;
    if (s.kind === 2) {
      from[k] = NO_TIER;
      to[k] = s.to % tierCount;
      arrival[k] = [ARRIVAL_ACQUIRED, ARRIVAL_REFERRED, ARRIVAL_WON_BACK][s.how % 3]!;
    } else {
      from[k] = s.from % tierCountBefore;
      to[k] = s.kind === 1 ? NO_TIER : s.to % tierCount;
      arrival[k] = ARRIVAL_NONE;
    }
  });
  const present = Array.from({ length: n }, (_, k) => k).filter((k) => to[k] !== NO_TIER);
  specs.forEach((s, k) => {
    if (arrival[k] !== ARRIVAL_REFERRED || s.referrer >= 1) return;
    const others = present.filter((j) => j !== k);
    if (others.length > 0) referrer[k] = others[Math.floor(s.referrer * others.length)]!;
  });
  return { size: n, from, to, arrival, referrer, revenue, tierCount, tierCountBefore };
}

export const customerSpec: fc.Arbitrary<CustomerSpec> = fc.record({
  // Mostly customers at both ends, as in a real quarter.
  kind: fc.constantFrom(0, 0, 0, 0, 1, 2),
  from: fc.nat(4),
  to: fc.nat(4),
  how: fc.nat(2),
  referrer: fc.double({ min: 0, max: 1.2, noNaN: true }),
  revenue: fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1e6, noNaN: true })),
});

/** A random frame of up to `maxSize` customers, with 1..5 tiers before and after. */
export function frameArb(maxSize = 400): fc.Arbitrary<BaseFrame> {
  return fc
    .record({
      // fast-check keeps arrays to about 10 items by default: half the frames are dense ones.
      specs: fc.oneof(fc.array(customerSpec, { maxLength: maxSize }), fc.array(customerSpec, { maxLength: maxSize, size: 'max' })),
      before: fc.integer({ min: 1, max: 5 }),
      after: fc.integer({ min: 1, max: 5 }),
      stayShare: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ specs, before, after, stayShare }) =>
      // A share of the customers at both ends keep their tier (the common case).
      makeFrame(specs.map((s, k) => (s.kind === 0 && (k * 0.618) % 1 < stayShare ? { ...s, to: s.from % before } : s)), before, after),
    );
}

/** Canvas sizes the page can have. */
export const canvasArb = fc.record({ width: fc.integer({ min: 300, max: 2000 }), height: fc.integer({ min: 200, max: 1200 }) });
