import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../src/sim/context';
import { newGame } from '../../src/sim/index';
import { resolveParams } from '../../src/sim/params';
import { birthKey, draw32, gauss, gauss4, streamKey, u01, type Purpose } from '../../src/sim/rng';
import { fixture } from '../helpers';

describe('seeded streams and counter-based draws', () => {
  it('pins the generator output (a change here changes every replay)', () => {
    expect(streamKey('1', 1, 'churn')).toBe(streamKey('1', 1, 'churn'));
    const k = streamKey('class-A', 3, 'failure');
    expect([draw32(k, 42, 0), draw32(k, 42, 1), draw32(k, 7, 0)]).toMatchInlineSnapshot(`
      [
        511213786,
        2162158010,
        2234912127,
      ]
    `);
    expect(streamKey('1', 1, 'churn')).toMatchInlineSnapshot(`2896649804`);
  });
  it('remembers keys without changing them: the same as seedrandom\'s, before and after thousands of others push them out', () => {
    const direct = (seed: string, r: number, p: Purpose) => seedrandom(`${seed}|${r}|${p}`).int32() >>> 0;
    const asked: [string, number, Purpose][] = [];
    for (let i = 0; i < 6000; i++) asked.push([`s${i % 97}`, i % 41, (['churn', 'drift', 'survey', 'switch'] as const)[i % 4]!]);
    for (const [seed, r, p] of asked) expect(streamKey(seed, r, p)).toBe(direct(seed, r, p));
    // Asked again, the first ones long forgotten and the last ones remembered.
    for (const [seed, r, p] of asked) expect(streamKey(seed, r, p)).toBe(direct(seed, r, p));
  });
  it('gives a round every stream key of its seed and round (the population\'s of round 0), asked in any order', () => {
    const sc = fixture('minimal-scenario.json');
    const s = newGame(sc, 'keys');
    const ctx = makeContext(sc, resolveParams(sc.model), s, sc.initialDecisions);
    const purposes: Purpose[] = ['winback', 'event', 'drift', 'failure', 'recovery', 'churn', 'referral', 'acquisition', 'survey', 'switch', 'benchmark'];
    for (const p of purposes) expect(ctx.key[p]).toBe(streamKey('keys', 1, p));
    expect(ctx.key.population).toBe(streamKey('keys', 0, 'population'));
    // The same again, from the round's own copy.
    expect(ctx.key.churn).toBe(streamKey('keys', 1, 'churn'));
  });
  it('gives different streams for different seeds, rounds and purposes', () => {
    const keys = new Set([streamKey('1', 1, 'churn'), streamKey('2', 1, 'churn'), streamKey('1', 2, 'churn'), streamKey('1', 1, 'drift')]);
    expect(keys.size).toBe(4);
  });
  it('is uniform in [0,1): mean, variance and range over 200,000 draws', () => {
    const k = streamKey('u', 1, 'drift');
    let s = 0, s2 = 0, lo = 1, hi = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = u01(k, i, 0);
      s += u; s2 += u * u;
      lo = Math.min(lo, u); hi = Math.max(hi, u);
    }
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) * (s / n)).toBeCloseTo(1 / 12, 2);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
  });
  it('draws of neighbouring customers and indices are uncorrelated', () => {
    const k = streamKey('c', 1, 'churn');
    const n = 50_000;
    let sxy = 0, sx = 0, sy = 0;
    for (let i = 0; i < n; i++) {
      const x = u01(k, i, 0), y = u01(k, i + 1, 0);
      sxy += x * y; sx += x; sy += y;
    }
    const cov = sxy / n - (sx / n) * (sy / n);
    expect(Math.abs(cov)).toBeLessThan(0.003);
  });
  it('normal draws have mean 0 and variance 1', () => {
    const k = streamKey('g', 1, 'drift');
    for (const g of [gauss, gauss4]) {
      let s = 0, s2 = 0;
      const n = 100_000;
      for (let i = 0; i < n; i++) { const z = g(k, i, 0); s += z; s2 += z * z; }
      expect(Math.abs(s / n)).toBeLessThan(0.02);
      expect(Math.abs(s2 / n - 1)).toBeLessThan(0.03);
    }
  });
  it('birth keys are distinct within a cohort', () => {
    const p = streamKey('b', 0, 'population');
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(birthKey(p, 3, 1, i));
    expect(seen.size).toBe(100_000);
  });
});
