// Finding customers on the picture: the pointer picks the nearest shown customer within a
// radius; the keyboard walks a tier left to right (Home/End to its ends), and Up/Down move to
// the nearest customer of the tier above or below, skipping empty ones, never off the edge.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupOrder, navigate, pick, type NavKey, type Points } from '../../src/scene/base/nav';

interface Dot {
  x: number;
  y: number;
  group: number;
}

function points(dots: readonly Dot[], groups: number): Points {
  return {
    x: Float32Array.from(dots, (d) => d.x),
    y: Float32Array.from(dots, (d) => d.y),
    group: Int16Array.from(dots, (d) => d.group),
    groups,
  };
}

const GROUPS = 4;
/** Dots on a small grid (so ties in x happen), some hidden (group -1). */
const dotArb = fc.record({ x: fc.integer({ min: 0, max: 60 }).map((v) => v * 5), y: fc.integer({ min: 0, max: 400 }), group: fc.integer({ min: -1, max: GROUPS - 1 }) });
const dotsArb = fc.oneof(fc.array(dotArb, { maxLength: 12 }), fc.array(dotArb, { maxLength: 120, size: 'max' }));

const members = (p: Points, g: number): number[] => Array.from({ length: p.x.length }, (_, k) => k).filter((k) => p.group[k] === g);

/** Presses `keys` from `start`. */
function press(p: Points, start: number, ...keys: NavKey[]): number {
  const order = groupOrder(p);
  let k = start;
  for (const key of keys) k = navigate(p, order, k, key);
  return k;
}

describe('pick', () => {
  it('returns the nearest shown customer within the radius, or -1 when none is', () => {
    fc.assert(
      fc.property(dotsArb, fc.integer({ min: -20, max: 320 }), fc.integer({ min: -20, max: 420 }), fc.integer({ min: 1, max: 40 }), (dots, px, py, radius) => {
        const p = points(dots, GROUPS);
        const k = pick(p, px, py, radius);
        const dist = (j: number) => Math.hypot(p.x[j]! - px, p.y[j]! - py);
        const shown = dots.map((_, j) => j).filter((j) => p.group[j]! >= 0);
        const inReach = shown.filter((j) => dist(j) <= radius);
        if (inReach.length === 0) expect(k).toBe(-1);
        else {
          expect(p.group[k]).toBeGreaterThanOrEqual(0);
          expect(dist(k)).toBeLessThanOrEqual(radius);
          expect(dist(k)).toBeCloseTo(Math.min(...inReach.map(dist)), 9);
        }
      }),
    );
  });

  it('ignores a hidden customer even right under the pointer', () => {
    const p = points([{ x: 100, y: 100, group: -1 }, { x: 106, y: 100, group: 2 }], GROUPS);
    expect(pick(p, 100, 100, 10)).toBe(1);
    expect(pick(p, 100, 100, 5)).toBe(-1);
  });

  it('picks nothing on an empty picture', () => {
    expect(pick(points([], GROUPS), 0, 0, 100)).toBe(-1);
  });
});

describe('navigate', () => {
  // Group 0 (the top tier) is empty; group 1 has three customers, group 2 is empty, group 3 has two.
  const dots: Dot[] = [
    { x: 300, y: 50, group: 1 }, // 0
    { x: 100, y: 60, group: 1 }, // 1
    { x: 200, y: 40, group: 1 }, // 2
    { x: 120, y: 300, group: 3 }, // 3
    { x: 290, y: 310, group: 3 }, // 4
    { x: 0, y: 0, group: -1 }, // 5: hidden
  ];
  const p = points(dots, GROUPS);

  it('starts, on any first key, at the first customer of the top non-empty group', () => {
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'] as const) {
      expect(press(p, -1, key), key).toBe(1);
      // A focus on a customer no longer shown starts over too.
      expect(press(p, 5, key), key).toBe(1);
    }
  });

  it('walks a group left to right with ArrowRight and back with ArrowLeft, stopping at the ends', () => {
    expect(press(p, 1, 'ArrowRight')).toBe(2);
    expect(press(p, 1, 'ArrowRight', 'ArrowRight')).toBe(0);
    expect(press(p, 1, 'ArrowRight', 'ArrowRight', 'ArrowRight')).toBe(0);
    expect(press(p, 0, 'ArrowLeft')).toBe(2);
    expect(press(p, 0, 'ArrowLeft', 'ArrowLeft', 'ArrowLeft')).toBe(1);
  });

  it('goes to the ends of the group with Home and End', () => {
    expect(press(p, 2, 'Home')).toBe(1);
    expect(press(p, 2, 'End')).toBe(0);
    expect(press(p, 3, 'End')).toBe(4);
    expect(press(p, 4, 'Home')).toBe(3);
  });

  it('goes Up and Down to the nearest customer in x of the next non-empty group, and stays put at the top and bottom', () => {
    expect(press(p, 0, 'ArrowDown')).toBe(4); // x 300 -> 290, over the empty group 2
    expect(press(p, 1, 'ArrowDown')).toBe(3); // x 100 -> 120
    expect(press(p, 2, 'ArrowDown')).toBe(3); // x 200: 120 is 80 away, 290 is 90
    expect(press(p, 4, 'ArrowUp')).toBe(0);
    expect(press(p, 3, 'ArrowUp')).toBe(1);
    expect(press(p, 1, 'ArrowUp'), 'the top group has nowhere up to go').toBe(1);
    expect(press(p, 3, 'ArrowDown'), 'the bottom group has nowhere down to go').toBe(3);
  });

  it('has nowhere to go when nothing is shown', () => {
    const none = points([{ x: 1, y: 1, group: -1 }], GROUPS);
    expect(press(none, -1, 'ArrowRight')).toBe(-1);
    expect(press(points([], GROUPS), -1, 'Home')).toBe(-1);
  });

  it('reaches every customer of a group, in x order, by ArrowRight from Home (random pictures)', () => {
    fc.assert(
      fc.property(dotsArb, (ds) => {
        const q = points(ds, GROUPS);
        for (let g = 0; g < GROUPS; g++) {
          const ks = members(q, g);
          if (ks.length === 0) continue;
          let k = press(q, ks[0]!, 'Home');
          const seen = [k];
          for (let i = 1; i < ks.length; i++) {
            k = press(q, k, 'ArrowRight');
            seen.push(k);
          }
          expect(new Set(seen).size).toBe(ks.length);
          expect([...seen].sort((a, b) => a - b)).toEqual(ks);
          for (let i = 1; i < seen.length; i++) expect(q.x[seen[i]!]).toBeGreaterThanOrEqual(q.x[seen[i - 1]!]!);
          // One more press stays on the last one, which End also reaches.
          expect(press(q, k, 'ArrowRight')).toBe(k);
          expect(press(q, ks[0]!, 'End')).toBe(k);
        }
      }),
    );
  });

  it('keeps Up/Down in the adjacent non-empty group, at the nearest x (random pictures)', () => {
    fc.assert(
      fc.property(dotsArb, fc.nat(), (ds, pickOne) => {
        const q = points(ds, GROUPS);
        const shown = ds.map((_, k) => k).filter((k) => q.group[k]! >= 0);
        if (shown.length === 0) return;
        const from = shown[pickOne % shown.length]!;
        const g = q.group[from]!;
        const nonEmpty = Array.from({ length: GROUPS }, (_, i) => i).filter((i) => members(q, i).length > 0);
        for (const [key, step] of [['ArrowUp', -1], ['ArrowDown', 1]] as const) {
          const to = press(q, from, key);
          const target = nonEmpty[nonEmpty.indexOf(g) + step];
          if (target === undefined) expect(to).toBe(from);
          else {
            expect(q.group[to]).toBe(target);
            const best = Math.min(...members(q, target).map((j) => Math.abs(q.x[j]! - q.x[from]!)));
            expect(Math.abs(q.x[to]! - q.x[from]!)).toBe(best);
          }
        }
      }),
    );
  });
});
