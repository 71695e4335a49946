import { describe, expect, it } from 'vitest';
import { bandBounds, bandLabel, bandOf, cellOf, inCell, type ValueGrid } from './valueCell';
import { makeTable, tFor } from './testFixtures';

const grid: ValueGrid = {
  rows: 2,
  cols: 3,
  count: [],
  revenue: [],
  revenueEdges: [100, 200],
  influenceEdges: [0.5],
};

describe('bandOf', () => {
  it('puts a value on an edge in the upper band, like the worker', () => {
    expect(bandOf(99, [100, 200])).toBe(0);
    expect(bandOf(100, [100, 200])).toBe(1);
    expect(bandOf(250, [100, 200])).toBe(2);
    expect(bandOf(5, [])).toBe(0);
  });
});

describe('inCell', () => {
  const t = makeTable([
    { revenue: 50, influence: 0.9 }, // top row, low revenue
    { revenue: 150, influence: 0.2 }, // bottom row, middle revenue
    { revenue: 300, influence: 0.6 }, // top row, high revenue
    { revenue: 310, influence: 0.7, status: 1 }, // lapsed: in no cell
    { revenue: 500, influence: 0.5 }, // top row (edge), high revenue
  ]);

  it('keeps the active customers of the cell, in the given order', () => {
    expect([...inCell(Int32Array.from([4, 3, 2, 1, 0]), t, grid, { row: 0, col: 2 })]).toEqual([4, 2]);
    expect([...inCell(Int32Array.from([0, 1, 2, 3, 4]), t, grid, { row: 1, col: 1 })]).toEqual([1]);
    expect([...inCell(Int32Array.from([0, 1, 2, 3, 4]), t, grid, { row: 1, col: 0 })]).toEqual([]);
  });

  it('agrees with cellOf', () => {
    expect(cellOf(t, grid, 0)).toEqual({ row: 0, col: 0 });
    expect(cellOf(t, grid, 3)).toBeNull();
  });
});

describe('bandBounds', () => {
  it('gives open ends at the lowest and highest band', () => {
    expect(bandBounds([100, 200], 0)).toEqual({ to: 100 });
    expect(bandBounds([100, 200], 1)).toEqual({ from: 100, to: 200 });
    expect(bandBounds([100, 200], 2)).toEqual({ from: 200 });
  });
});

describe('bandLabel', () => {
  it('words a band with its formatted bounds', () => {
    const fmt = (x: number) => `¥${x}`;
    expect(bandLabel([100, 200], 0, fmt, tFor('en'))).toBe('below ¥100');
    expect(bandLabel([100, 200], 1, fmt, tFor('en'))).toBe('¥100 to ¥200');
    expect(bandLabel([100, 200], 2, fmt, tFor('zh-CN'))).toBe('¥200 及以上');
  });
});
