import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exp, ln, normInv, pow, pow2, sat, selectKth } from '../../src/sim/math';

describe('exact-op elementary functions', () => {
  it('ln matches Math.log to 1e-14 relative over the sim range', () => {
    fc.assert(fc.property(fc.double({ min: 1e-9, max: 1e12, noNaN: true }), (x) => {
      const want = Math.log(x);
      expect(Math.abs(ln(x) - want)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(want)));
    }));
  });
  it('exp matches Math.exp to 1e-14 relative on [-50, 50]', () => {
    fc.assert(fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (x) => {
      const want = Math.exp(x);
      expect(Math.abs(exp(x) - want) / want).toBeLessThan(1e-14);
    }));
  });
  it('pow matches Math.pow for the Oliva-Sterman pressure term and need elasticity', () => {
    for (const [x, y] of [[1.5, -0.64], [2, -0.64], [1.0001, -0.64], [30, 0.5], [0.01, 0.6]] as const) {
      expect(Math.abs(pow(x, y) - Math.pow(x, y)) / Math.pow(x, y)).toBeLessThan(1e-13);
    }
    expect(pow(0, 2)).toBe(0);
    expect(pow(5, 0)).toBe(1);
    expect(Number.isNaN(pow(-1, 0.5))).toBe(true);
  });
  it('pow2 is exact for integer exponents', () => {
    expect(pow2(10)).toBe(1024);
    expect(pow2(-3)).toBe(0.125);
    expect(pow2(0)).toBe(1);
  });
  it('normInv inverts the normal CDF (known quantiles)', () => {
    expect(normInv(0.5)).toBeCloseTo(0, 9);
    expect(normInv(0.975)).toBeCloseTo(1.959964, 5);
    expect(normInv(0.001)).toBeCloseTo(-3.090232, 5);
    expect(normInv(0)).toBeLessThan(-6);
  });
  it('sat is x/(x+half), 0 at and below 0', () => {
    expect(sat(2, 2)).toBe(0.5);
    expect(sat(-1, 2)).toBe(0);
  });
  it('selectKth returns the k-th smallest element', () => {
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 300 }), fc.nat(), (xs, kk) => {
      const k = kk % xs.length;
      const a = Float64Array.from(xs);
      const sorted = [...a].sort((p, q) => p - q);
      // -0 and 0 are equal in the order (and to ===); toBe would tell them apart.
      expect(selectKth(a, a.length, k) === sorted[k]).toBe(true);
    }));
  });
  it('after selectKth of rank q, a higher rank is selected among the elements from q on (the tiering selects its cutoffs so)', () => {
    const values = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 300 });
    fc.assert(fc.property(values, fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), (xs, ks) => {
      const a = Float64Array.from(xs);
      const sorted = [...a].sort((p, q) => p - q);
      const ranks = ks.map((k) => k % xs.length).sort((p, q) => p - q);
      let from = 0;
      for (const q of ranks) {
        const got = from === 0 ? selectKth(a, a.length, q) : selectKth(a.subarray(from), a.length - from, q - from);
        expect(got === sorted[q]).toBe(true);
        from = q;
      }
    }));
  });
  it('selectKth on ranges large enough to be sampled first (over 600): the k-th value, everything before it at most and after it at least, with ties and signed zeros', () => {
    // Values from a few hundred distinct ones (many ties), -0 among them, up to 20,000 elements.
    const values = fc.array(fc.oneof(fc.integer({ min: -300, max: 300 }).map((x) => x / 7), fc.constant(-0), fc.double({ noNaN: true, noDefaultInfinity: true })), { minLength: 601, maxLength: 20_000 });
    fc.assert(fc.property(values, fc.double({ min: 0, max: 1, noNaN: true }), (xs, u) => {
      const a = Float64Array.from(xs);
      const sorted = [...a].sort((p, q) => p - q);
      const k = Math.min(xs.length - 1, Math.floor(u * xs.length));
      const got = selectKth(a, a.length, k);
      expect(got === sorted[k]).toBe(true);
      let below = true;
      let above = true;
      for (let i = 0; i < k; i++) if (a[i]! > got) below = false;
      for (let i = k + 1; i < a.length; i++) if (a[i]! < got) above = false;
      expect(below && above).toBe(true);
      // The array is a permutation of the input.
      expect([...a].sort((p, q) => p - q).every((v, i) => v === sorted[i])).toBe(true);
    }), { numRuns: 60 });
  });
});
