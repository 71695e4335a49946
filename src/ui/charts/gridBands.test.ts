import { describe, expect, it } from 'vitest';
import { argMax, bandLabels, heatLevel, innerEdges } from './gridBands';
import { chartsT } from './testUtil';

describe('band labels', () => {
  const fmt = (v: number): string => String(v);
  it('labels bands from inner edges (what the worker sends): below, between, and above', () => {
    expect(bandLabels(chartsT('en'), [10, 20, 30], 4, fmt)).toEqual(['below 10', '10 – 20', '20 – 30', '30 and above']);
    expect(bandLabels(chartsT('zh-CN'), [10, 20, 30], 4, fmt)).toEqual(['低于10', '10 – 20', '20 – 30', '30及以上']);
  });
  it('also accepts outer edges (bands + 1)', () => {
    expect(innerEdges([0, 10, 20, 30, 40], 4)).toEqual([10, 20, 30]);
    expect(innerEdges([10, 20, 30], 4)).toEqual([10, 20, 30]);
  });
  it('survives missing edges', () => {
    expect(bandLabels(chartsT('en'), [], 3, fmt)).toEqual(['—', '—', '—']);
  });
});

describe('heatLevel', () => {
  it('is 0 for an empty cell, 5 for the fullest, and grows with the count', () => {
    expect(heatLevel(0, 30)).toBe(0);
    expect(heatLevel(30, 30)).toBe(5);
    expect(heatLevel(1, 30)).toBe(1);
    let prev = 0;
    for (let c = 1; c <= 30; c++) {
      const l = heatLevel(c, 30);
      expect(l).toBeGreaterThanOrEqual(prev);
      prev = l;
    }
    expect(heatLevel(3, 0)).toBe(0);
  });
});

describe('argMax', () => {
  it('finds the first largest positive value', () => {
    expect(argMax([1, 5, 5, 2])).toBe(1);
    expect(argMax([0, 0])).toBe(-1);
    expect(argMax([])).toBe(-1);
  });
});
