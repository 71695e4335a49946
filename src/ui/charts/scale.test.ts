import { describe, expect, it } from 'vitest';
import { fmtMoney, fmtNumber, fmtPercent } from '../format';
import { extent, labelledTicks, linear, nearestIndex, niceStep, niceTicks, readableTicks, tickIndices } from './scale';

describe('niceTicks', () => {
  const cases: [number, number, number][] = [
    [0, 1, 5],
    [-80_000, 1_700_000, 4],
    [0.68, 0.92, 5],
    [1_150_000, 1_820_000, 5],
    [-3, -1, 5],
    [0.1, 0.3, 5],
    [3, 97, 6],
    [-0.000012, 0.00004, 5],
  ];
  it.each(cases)('covers %d..%d with evenly spaced nice ticks', (lo, hi, count) => {
    const t = niceTicks(lo, hi, count);
    expect(t.min).toBeLessThanOrEqual(lo);
    expect(t.max).toBeGreaterThanOrEqual(hi);
    expect(t.values[0]).toBe(t.min);
    expect(t.values[t.values.length - 1]).toBe(t.max);
    expect(t.values.length).toBeGreaterThanOrEqual(2);
    expect(t.values.length).toBeLessThanOrEqual(count + 2);
    for (let i = 1; i < t.values.length; i++) expect(t.values[i]! - t.values[i - 1]!).toBeCloseTo(t.step, 9);
    // Steps are 1, 2, 2.5 or 5 times a power of ten.
    const mant = t.step / 10 ** Math.floor(Math.log10(t.step));
    expect([1, 2, 2.5, 5]).toContainEqual(Number(mant.toFixed(6)));
  });

  it('prints without floating-point noise', () => {
    for (const v of niceTicks(0.1, 0.7, 7).values) expect(String(v).length).toBeLessThanOrEqual(4);
  });

  it('has a tick at exactly zero when the range crosses zero (profit can be negative)', () => {
    const t = niceTicks(-80_000, 210_000, 5);
    expect(t.values).toContain(0);
    expect(Object.is(t.values.find((v) => v === 0), -0)).toBe(false);
  });

  it('puts a band around equal values, without inventing a negative axis', () => {
    const t = niceTicks(40, 40, 5);
    expect(t.min).toBeLessThan(40);
    expect(t.max).toBeGreaterThan(40);
    expect(t.min).toBeGreaterThanOrEqual(0);
    const z = niceTicks(0, 0, 5);
    expect(z.min).toBe(0);
    expect(z.max).toBeGreaterThan(0);
  });

  it('does not waste half the axis: -80K..1.7M is not drawn from -1M', () => {
    expect(niceTicks(-80_000, 1_700_000, 4).min).toBe(-500_000);
  });

  it('survives non-finite input', () => {
    expect(niceTicks(NaN, Infinity).values.length).toBeGreaterThanOrEqual(2);
  });
});

describe('niceStep', () => {
  it('rounds up to 1, 2, 2.5, 5 or 10 times a power of ten', () => {
    expect(niceStep(0.3)).toBe(0.5);
    expect(niceStep(1.7)).toBe(2);
    expect(niceStep(2.3)).toBe(2.5);
    expect(niceStep(7)).toBe(10);
    expect(niceStep(0)).toBe(1);
  });
});

describe('linear', () => {
  it('maps the domain onto the range, inverted for SVG y', () => {
    const y = linear(0, 100, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(100)).toBe(0);
    expect(y(25)).toBe(150);
  });
  it('maps a zero-width domain to the middle', () => {
    expect(linear(5, 5, 0, 10)(5)).toBe(5);
  });
});

describe('nearestIndex', () => {
  it('picks the nearest of n evenly spaced points and clamps outside', () => {
    expect(nearestIndex(0, 0, 100, 11)).toBe(0);
    expect(nearestIndex(14, 0, 100, 11)).toBe(1);
    expect(nearestIndex(16, 0, 100, 11)).toBe(2);
    expect(nearestIndex(-50, 0, 100, 11)).toBe(0);
    expect(nearestIndex(500, 0, 100, 11)).toBe(10);
  });
  it('has only index 0 for one point', () => {
    expect(nearestIndex(80, 0, 100, 1)).toBe(0);
  });
});

describe('extent', () => {
  it('skips nulls and non-finite values', () => {
    expect(extent([[null, 3, -2], [NaN, 7, null]])).toEqual([-2, 7]);
    expect(extent([[null], []])).toBeNull();
  });
});

describe('tickIndices', () => {
  it('labels every quarter when there is room, and thins them when not, keeping the last', () => {
    expect(tickIndices(5, 400, 30)).toEqual([0, 1, 2, 3, 4]);
    const thin = tickIndices(21, 200, 30);
    expect(thin[0]).toBe(0);
    expect(thin[thin.length - 1]).toBe(20);
    for (let i = 1; i < thin.length; i++) expect((thin[i]! - thin[i - 1]!) * 10).toBeGreaterThanOrEqual(30);
  });
  it('handles no and one point', () => {
    expect(tickIndices(0, 100, 10)).toEqual([]);
    expect(tickIndices(1, 100, 10)).toEqual([0]);
  });
});

describe('labelledTicks: labels that read true', () => {
  const pct = (v: number): string => fmtPercent(v, 'en');
  const count = (v: number): string => fmtNumber(v, 'en', { digits: 0 });
  const ratio = (v: number): string => fmtNumber(v, 'en', { digits: 2 });
  const money = (v: number): string => fmtMoney(v, 'CNY', 'en');
  const cases: [string, number, number, number, (v: number) => string][] = [
    ['a flat-ish percentage (96.66%..96.68%)', 0.9666, 0.9668, 5, pct],
    ['counts 0..5 (no tick at 2.5 labelled 3)', 0, 5, 3, count],
    ['counts 0..10', 0, 10, 5, count],
    ['a productivity of 1.19..1.21', 1.19, 1.206, 5, ratio],
    ['scores -99.6..-100 (no -99, -99, -100)', -100, -99.6, 5, count],
    ['money ¥1.52M..¥1.558M in compact notation', 1_520_000, 1_558_000, 6, money],
    ['money ¥240.5万..¥242.3万 in Chinese', 2_405_000, 2_423_000, 5, (v) => fmtMoney(v, 'CNY', 'zh-CN')],
  ];
  it.each(cases)('%s: distinct labels, each its tick rounded to the digits shown', (_, lo, hi, n, format) => {
    const t = labelledTicks(lo, hi, n, format);
    expect(new Set(t.texts).size).toBe(t.texts.length);
    expect(t.texts).toEqual(t.values.map(format));
    expect(t.values.length).toBeGreaterThanOrEqual(2);
    expect(t.min).toBeLessThanOrEqual(lo);
    expect(t.max).toBeGreaterThanOrEqual(hi);
    expect(readableTicks(t.values, t.texts, t.step, format)).toBe(true);
  });
  it('the plain nice ticks of those data would mislabel them (the check can fail)', () => {
    const c = niceTicks(0, 5, 3);
    expect(c.values).toContain(2.5);
    expect(readableTicks(c.values, c.values.map(count), c.step, count)).toBe(false);
    const p = niceTicks(0.9666, 0.9668, 5);
    expect(readableTicks(p.values, p.values.map(pct), p.step, pct)).toBe(false);
    expect(readableTicks([1, 2, 3], ['1', '2', '3'], 1, count)).toBe(true);
  });
  it('a share\'s axis stays within 0%..100%, even for a flat line near the top', () => {
    for (const [lo, hi] of [[0.97, 0.97], [0.9, 1], [0.95, 0.999], [0, 0], [1, 1]] as const) {
      const t = labelledTicks(lo, hi, 5, pct, [0, 1]);
      expect(t.min).toBeGreaterThanOrEqual(0);
      expect(t.max).toBeLessThanOrEqual(1);
      expect(t.min).toBeLessThanOrEqual(lo);
      expect(t.max).toBeGreaterThanOrEqual(hi);
    }
    expect(niceTicks(0.97, 0.97, 5).max).toBeGreaterThan(1);
  });
});
