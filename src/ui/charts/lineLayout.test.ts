import { describe, expect, it } from 'vitest';
import { firstIndex, lastIndex, runs, spreadLabels } from './lineLayout';

describe('runs', () => {
  it('splits a series at gaps (null) into runs of values', () => {
    expect(runs([null, null, 1, 2, null, 3, 4, 5, null])).toEqual([
      [2, 3],
      [5, 7],
    ]);
    expect(runs([1])).toEqual([[0, 0]]);
    expect(runs([null, null])).toEqual([]);
    expect(runs([1, NaN, 2])).toEqual([
      [0, 0],
      [2, 2],
    ]);
  });
  it('finds the first and last values of a series that starts late or ends early', () => {
    expect(firstIndex([null, null, 4, 5, null])).toBe(2);
    expect(lastIndex([null, null, 4, 5, null])).toBe(3);
    expect(lastIndex([null])).toBe(-1);
  });
});

describe('spreadLabels', () => {
  const gapsOk = (pos: number[], ys: number[], h: number): void => {
    const sorted = pos.map((p, i) => ({ p, y: ys[i]! })).sort((a, b) => a.p - b.p);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.p - sorted[i - 1]!.p).toBeGreaterThanOrEqual(h - 1e-9);
  };

  it('moves overlapping labels apart and keeps their order', () => {
    const ys = [100, 102, 98, 300];
    const pos = spreadLabels(ys, 16, 0, 400);
    gapsOk(pos, ys, 16);
    expect(pos[2]!).toBeLessThan(pos[0]!);
    expect(pos[0]!).toBeLessThan(pos[1]!);
    expect(pos[3]).toBe(300);
  });

  it('leaves labels that do not collide where they are', () => {
    expect(spreadLabels([10, 50, 90], 16, 0, 100)).toEqual([10, 50, 90]);
  });

  it('stays inside the plot when there is room', () => {
    const pos = spreadLabels([195, 196, 197], 16, 0, 200);
    gapsOk(pos, [195, 196, 197], 16);
    for (const p of pos) expect(p + 8).toBeLessThanOrEqual(200 + 1e-9);
  });

  it('takes a height per label (a two-line label needs more room)', () => {
    const pos = spreadLabels([50, 52], [32, 16], 0, 200);
    expect(Math.abs(pos[1]! - pos[0]!)).toBeGreaterThanOrEqual(24);
  });
});
