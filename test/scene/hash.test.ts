// The scenes' only "randomness": a stable hash of an integer into [0, 1). It must be the same
// on every run and machine (the picture plays the same each time) and spread evenly, or the
// staggered starts and the jitter of the cells would bunch up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash01 } from '../../src/scene/hash';

/** Chi-square statistic of `values` in [0, 1) over `buckets` equal buckets. */
function chiSquare(values: readonly number[], buckets: number): number {
  const counts = new Array<number>(buckets).fill(0);
  for (const v of values) counts[Math.floor(v * buckets)]!++;
  const expected = values.length / buckets;
  return counts.reduce((a, c) => a + (c - expected) ** 2 / expected, 0);
}

describe('hash01', () => {
  it('is in [0, 1) and the same every time for the same integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (n) => {
        const h = hash01(n);
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThan(1);
        expect(hash01(n)).toBe(h);
      }),
    );
    for (const n of [0, -1, 2 ** 31 - 1, -(2 ** 31), 4_294_967_295]) expect(hash01(n)).toBeLessThan(1);
  });

  it('spreads 10,000 consecutive ids evenly (chi-square over 20 buckets)', () => {
    // 19 degrees of freedom: the 99.9% point is about 43.8; the bound is generous.
    const values = Array.from({ length: 10_000 }, (_, i) => hash01(i));
    expect(chiSquare(values, 20)).toBeLessThan(60);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it('spreads strided ids evenly too (the cells hash i * 2 + tier * 65,537)', () => {
    for (const [stride, offset] of [[2, 0], [2, 1], [65_537, 3], [7919, 0]] as const) {
      const values = Array.from({ length: 10_000 }, (_, i) => hash01(i * stride + offset));
      expect(chiSquare(values, 20), `stride ${stride}`).toBeLessThan(60);
    }
  });

  it('gives neighbouring ids unrelated values (pairs spread over a 10 x 10 grid)', () => {
    // The x and y jitter of a cell are hash01(2i) and hash01(2i + 1).
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 10_000; i++) counts[Math.floor(hash01(2 * i) * 10) * 10 + Math.floor(hash01(2 * i + 1) * 10)]!++;
    const chi = counts.reduce((a, c) => a + (c - 100) ** 2 / 100, 0);
    // 99 degrees of freedom: the 99.9% point is about 149.
    expect(chi).toBeLessThan(170);
  });
});
