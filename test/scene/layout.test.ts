// The customer base's geometry: every customer stands in its tier's band of the pyramid at
// the start and at the end of the quarter, stayers do not move, lapsed customers end at the
// rival, newcomers start at the market (a referred one at its referrer, a won-back one at the
// rival), bands take the pyramid's area in proportion to their customers, and the dot sizes
// follow revenue rank. Random frames come from test/scene/frames.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DOT_SCALE, NO_TIER, baseGeometry, cellOf, layoutBase, roleOf, sizeClasses, slotIn, widthAt, type BaseGeometry, type Band, type BaseLayout, type Rect,
} from '../../src/scene/base/layout';
import { ARRIVAL_WON_BACK } from '../../src/worker/protocol';
import { canvasArb, frameArb, makeFrame, type BaseFrame, type CustomerSpec } from './frames';

const EPS = 1e-3;

function inRect(r: Rect, x: number, y: number): boolean {
  return x >= r.x - EPS && x <= r.x + r.w + EPS && y >= r.y - EPS && y <= r.y + r.h + EPS;
}

/** Inside `band` and inside the pyramid's width at that height. */
function inBand(g: BaseGeometry, band: Band, x: number, y: number): boolean {
  return Number.isFinite(x) && Number.isFinite(y) && y >= band.y0 - EPS && y <= band.y1 + EPS && Math.abs(x - g.cx) <= widthAt(g, y) / 2 + EPS;
}

function bandArea(g: BaseGeometry, b: Band): number {
  return ((b.y1 - b.y0) * (widthAt(g, b.y0) + widthAt(g, b.y1))) / 2;
}

const indexes = (f: BaseFrame, p: (k: number) => boolean): number[] => Array.from({ length: f.size }, (_, k) => k).filter(p);

/** Checks that no two of `ks` stand on the same point (x, y). */
function expectDistinct(xs: Float32Array, ys: Float32Array, ks: readonly number[], what: string): void {
  const seen = new Map<string, number>();
  for (const k of ks) {
    const key = `${xs[k]},${ys[k]}`;
    const other = seen.get(key);
    if (other !== undefined) throw new Error(`${what}: customers ${other} and ${k} share the point ${key}`);
    seen.set(key, k);
  }
}

const W = 1200;
const H = 700;

describe('roleOf', () => {
  it('tells newcomers, lapsed customers, stayers and movers apart', () => {
    expect(roleOf(NO_TIER, 2)).toBe('arrive');
    expect(roleOf(1, NO_TIER)).toBe('lapse');
    expect(roleOf(1, 1)).toBe('stay');
    expect(roleOf(0, 2)).toBe('move');
    expect(roleOf(2, 0)).toBe('move');
  });
});

describe('baseGeometry', () => {
  it('cuts the pyramid into bands top to bottom, contiguous, covering it from top to bottom', () => {
    fc.assert(
      fc.property(canvasArb, fc.array(fc.nat(3000), { minLength: 1, maxLength: 5 }), ({ width, height }, capacity) => {
        const g = baseGeometry(width, height, capacity);
        expect(g.bands).toHaveLength(capacity.length);
        expect(g.bands[0]!.y0).toBe(g.top);
        expect(g.bands.at(-1)!.y1).toBe(g.bottom);
        g.bands.forEach((b, t) => {
          expect(b.tier).toBe(t);
          expect(b.capacity).toBe(capacity[t]);
          // Every band, even an empty tier's, has some height for its label.
          expect(b.y1).toBeGreaterThan(b.y0);
          if (t > 0) expect(b.y0).toBe(g.bands[t - 1]!.y1);
        });
        expect(g.top).toBeGreaterThanOrEqual(0);
        expect(g.bottom).toBeLessThanOrEqual(height);
      }),
    );
  });

  it('gives a band with more customers no less area than one with fewer, and areas in proportion to customers', () => {
    fc.assert(
      fc.property(canvasArb, fc.array(fc.nat(3000), { minLength: 1, maxLength: 5 }), ({ width, height }, capacity) => {
        const g = baseGeometry(width, height, capacity);
        const areas = g.bands.map((b) => bandArea(g, b));
        const full = ((g.bottom - g.top) * (g.topWidth + g.bottomWidth)) / 2;
        expect(areas.reduce((a, b) => a + b, 0)).toBeCloseTo(full, 3);
        const total = capacity.reduce((a, b) => a + b, 0);
        for (let a = 0; a < capacity.length; a++) {
          for (let b = 0; b < capacity.length; b++) {
            if (capacity[a]! > capacity[b]!) expect(areas[a]!).toBeGreaterThanOrEqual(areas[b]! * (1 - 1e-9));
            // Above the thin minimum band of a nearly empty tier, area follows the customers exactly.
            if (total > 0 && capacity[a]! >= 0.1 * total && capacity[b]! >= 0.1 * total) {
              expect(areas[a]! / areas[b]!).toBeCloseTo(capacity[a]! / capacity[b]!, 6);
            }
          }
        }
      }),
    );
  });

  it('gives an empty tier only a thin band', () => {
    const g = baseGeometry(W, H, [0, 500, 1500]);
    const full = ((g.bottom - g.top) * (g.topWidth + g.bottomWidth)) / 2;
    const area = bandArea(g, g.bands[0]!);
    expect(area).toBeGreaterThan(0);
    expect(area / full).toBeLessThan(0.1);
  });

  it('keeps the dot radius between 1.6 and 9 px, and shrinks it as customers are added', () => {
    fc.assert(
      fc.property(canvasArb, fc.array(fc.nat(6000), { minLength: 1, maxLength: 5 }), fc.nat(4), fc.integer({ min: 1, max: 2000 }), ({ width, height }, capacity, at, more) => {
        const g = baseGeometry(width, height, capacity);
        expect(g.radius).toBeGreaterThanOrEqual(1.6);
        expect(g.radius).toBeLessThanOrEqual(9);
        const bigger = capacity.slice();
        bigger[at % capacity.length]! += more;
        expect(baseGeometry(width, height, bigger).radius).toBeLessThanOrEqual(g.radius * (1 + 1e-9));
      }),
    );
    // Between the bounds it really follows the number of customers.
    const few = baseGeometry(W, H, [20, 60, 120]).radius;
    const many = baseGeometry(W, H, [200, 600, 1200]).radius;
    expect(many).toBeLessThan(few);
    expect(baseGeometry(W, H, [0, 0, 0]).radius).toBe(9);
    expect(baseGeometry(400, 250, [20_000, 40_000, 60_000]).radius).toBe(1.6);
  });

  it('puts the market left of the pyramid and the rival right of it, inside the canvas', () => {
    fc.assert(
      fc.property(canvasArb, ({ width, height }) => {
        const g = baseGeometry(width, height, [10, 30, 60]);
        for (const r of [g.market, g.rival]) {
          expect(r.w).toBeGreaterThan(0);
          expect(r.h).toBeGreaterThan(0);
          expect(r.x).toBeGreaterThanOrEqual(0);
          expect(r.y).toBeGreaterThanOrEqual(0);
          expect(r.x + r.w).toBeLessThanOrEqual(width);
          expect(r.y + r.h).toBeLessThanOrEqual(height);
        }
        expect(g.market.x + g.market.w).toBeLessThanOrEqual(g.cx - g.bottomWidth / 2);
        expect(g.rival.x).toBeGreaterThanOrEqual(g.cx + g.bottomWidth / 2);
      }),
    );
  });
});

describe('the pyramid reads true', () => {
  it('gives each band a height close to its share of the customers (a tenth of them is not a quarter of the pyramid)', () => {
    // The playtest's ad agency: 31 key accounts, 91 major accounts, the rest small.
    for (const capacity of [[31, 91, 178], [12, 40, 80, 168], [50, 50], [300, 1200, 2500]]) {
      const g = baseGeometry(1280, 600, capacity);
      const total = capacity.reduce((a, b) => a + b, 0);
      g.bands.forEach((b, t) => {
        const heightShare = (b.y1 - b.y0) / (g.bottom - g.top);
        const ratio = heightShare / (capacity[t]! / total);
        expect(ratio, `tier ${t} of ${capacity.join('/')}`).toBeGreaterThan(0.65);
        expect(ratio, `tier ${t} of ${capacity.join('/')}`).toBeLessThan(1.65);
      });
      // More customers, a taller band.
      const order = capacity.map((c, t) => [c, g.bands[t]!.y1 - g.bands[t]!.y0] as const).sort((a, b) => a[0] - b[0]);
      for (let k = 1; k < order.length; k++) if (order[k]![0] > order[k - 1]![0]) expect(order[k]![1]).toBeGreaterThan(order[k - 1]![1]);
    }
  });

  it('keeps every dot, at the largest size, inside the pyramid: not past its sides, its apex or its base', () => {
    fc.assert(
      fc.property(canvasArb, fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 4 }), ({ width, height }, capacity) => {
        const g = baseGeometry(width, height, capacity);
        const R = g.radius * DOT_SCALE[2];
        const p = { x: 0, y: 0 };
        for (const b of g.bands) {
          const roomy = (b.y1 - b.y0) * 0.35 >= R + 1;
          for (let i = 0; i < Math.min(b.capacity, 400); i++) {
            cellOf(g, b, i, p);
            // Sides: the dot's edge inside the pyramid's width where it is narrowest (the dot's top).
            expect(Math.abs(p.x - g.cx) + R).toBeLessThanOrEqual(widthAt(g, p.y - R) / 2 + EPS);
            if (roomy && b.tier === 0) expect(p.y - R).toBeGreaterThanOrEqual(g.top - EPS);
            if (roomy && b.tier === g.bands.length - 1) expect(p.y + R).toBeLessThanOrEqual(g.bottom + EPS);
          }
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe('cellOf and slotIn', () => {
  it('keeps every cell of a band inside the band and the pyramid, and distinct cells apart', () => {
    fc.assert(
      fc.property(canvasArb, fc.array(fc.nat(800), { minLength: 1, maxLength: 5 }), ({ width, height }, capacity) => {
        const g = baseGeometry(width, height, capacity);
        const p = { x: 0, y: 0 };
        for (const b of g.bands) {
          const seen = new Set<string>();
          for (let i = 0; i < b.capacity; i++) {
            cellOf(g, b, i, p);
            expect(inBand(g, b, p.x, p.y), `tier ${b.tier} cell ${i}`).toBe(true);
            seen.add(`${p.x},${p.y}`);
          }
          expect(seen.size).toBe(b.capacity);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('places every slot of a rectangle inside it, each on its own point', () => {
    fc.assert(
      fc.property(
        fc.record({ x: fc.integer({ min: 0, max: 500 }), y: fc.integer({ min: 0, max: 500 }), w: fc.integer({ min: 10, max: 400 }), h: fc.integer({ min: 10, max: 800 }) }),
        fc.integer({ min: 1, max: 600 }),
        fc.boolean(),
        (r, count, fromRight) => {
          const p = { x: 0, y: 0 };
          const seen = new Set<string>();
          for (let i = 0; i < count; i++) {
            slotIn(r, i, count, p, fromRight);
            expect(inRect(r, p.x, p.y)).toBe(true);
            seen.add(`${p.x},${p.y}`);
          }
          expect(seen.size).toBe(count);
        },
      ),
    );
  });

  it('fills a rectangle from the side nearest the pyramid', () => {
    const r = { x: 0, y: 0, w: 100, h: 100 };
    const p = { x: 0, y: 0 };
    slotIn(r, 0, 50, p, true);
    const right = p.x;
    slotIn(r, 0, 50, p, false);
    expect(right).toBeGreaterThan(50);
    expect(p.x).toBeLessThan(50);
  });
});

describe('layoutBase', () => {
  /** Every geometric promise of a layout for `f`. */
  function checkLayout(f: BaseFrame, width: number, height: number): BaseLayout {
    const L = layoutBase(f, width, height);
    const g = L.geometry;
    const bandsCount = Math.max(1, f.tierCount, f.tierCountBefore);
    expect(g.bands).toHaveLength(bandsCount);
    // Counts per band, and the cells each band offers.
    const before = Array.from({ length: bandsCount }, (_, t) => indexes(f, (k) => f.from[k] === t).length);
    const after = Array.from({ length: bandsCount }, (_, t) => indexes(f, (k) => f.to[k] === t).length);
    expect(L.before).toEqual(before);
    expect(L.after).toEqual(after);
    expect(g.bands.map((b) => b.capacity)).toEqual(before.map((b, t) => Math.max(b, after[t]!)));
    // Roles.
    expect([...L.movers]).toEqual(indexes(f, (k) => f.from[k] !== NO_TIER && f.to[k] !== NO_TIER && f.from[k] !== f.to[k]));
    expect([...L.lapsers]).toEqual(indexes(f, (k) => f.from[k] !== NO_TIER && f.to[k] === NO_TIER));
    expect([...L.arrivals]).toEqual(indexes(f, (k) => f.from[k] === NO_TIER && f.to[k] !== NO_TIER));
    expect(L.lapsed).toBe(L.lapsers.length);
    // Checked without expect() per customer (thousands of them), then reported together.
    const problems: string[] = [];
    const check = (ok: boolean, what: string): void => {
      if (!ok && problems.length < 10) problems.push(what);
    };
    for (let k = 0; k < f.size; k++) {
      const from = f.from[k]!;
      const to = f.to[k]!;
      const [x0, y0, x1, y1] = [L.x0[k]!, L.y0[k]!, L.x1[k]!, L.y1[k]!];
      // Every customer of the frame has a place at both ends, inside the canvas.
      for (const [x, y] of [[x0, y0], [x1, y1]] as const) {
        check(Number.isFinite(x) && Number.isFinite(y) && x >= 0 && x <= width && y >= 0 && y <= height, `customer ${k} at (${x}, ${y}) is off the ${width}x${height} canvas`);
      }
      if (from !== NO_TIER) check(inBand(g, g.bands[from]!, x0, y0), `customer ${k} starts outside band ${from}`);
      if (to !== NO_TIER) check(inBand(g, g.bands[to]!, x1, y1), `customer ${k} ends outside band ${to}`);
      if (from !== NO_TIER && from === to) check(x0 === x1 && y0 === y1, `stayer ${k} moves`);
      if (from !== NO_TIER && to === NO_TIER) check(inRect(g.rival, x1, y1), `lapsed ${k} does not end at the rival`);
      if (from === NO_TIER) {
        const r = f.referrer[k]!;
        if (f.arrival[k] === ARRIVAL_WON_BACK) check(inRect(g.rival, x0, y0), `won-back ${k} does not start at the rival`);
        else if (r >= 0) check(x0 === L.x1[r] && y0 === L.y1[r], `referred ${k} does not start at its referrer ${r}`);
        else check(inRect(g.market, x0, y0), `newcomer ${k} does not start at the market`);
      }
    }
    expect(problems).toEqual([]);
    // No two customers in one band at the same moment share a cell.
    for (let t = 0; t < bandsCount; t++) {
      expectDistinct(L.x0, L.y0, indexes(f, (k) => f.from[k] === t), `band ${t} at the start`);
      expectDistinct(L.x1, L.y1, indexes(f, (k) => f.to[k] === t), `band ${t} at the end`);
    }
    // Nor in the rival's corner (lapsed customers and won-back ones) or at the market.
    const rivalPlaces = [...L.lapsers].map((k) => `${L.x1[k]},${L.y1[k]}`);
    const wonBack = indexes(f, (k) => f.from[k] === NO_TIER && f.arrival[k] === ARRIVAL_WON_BACK);
    rivalPlaces.push(...wonBack.map((k) => `${L.x0[k]},${L.y0[k]}`));
    expect(new Set(rivalPlaces).size).toBe(rivalPlaces.length);
    expectDistinct(L.x0, L.y0, indexes(f, (k) => f.from[k] === NO_TIER && f.arrival[k] !== ARRIVAL_WON_BACK && f.referrer[k]! < 0), 'market');
    return L;
  }

  it('places every customer in its band at both ends, on its own cell, inside the canvas (random frames and canvases)', () => {
    fc.assert(
      fc.property(frameArb(), canvasArb, (f, { width, height }) => {
        checkLayout(f, width, height);
      }),
      { numRuns: 150 },
    );
  });

  it('lays out a quarter of a few thousand customers in which the tier count changes', () => {
    const specs: CustomerSpec[] = Array.from({ length: 3000 }, (_, k) => ({
      kind: k % 11 === 0 ? 1 : k % 13 === 0 ? 2 : 0,
      from: k % 3,
      to: k % 7 === 0 ? (k >> 3) % 4 : k % 3,
      how: k % 5,
      referrer: ((k * 0.37) % 1) * 1.1,
      revenue: (k * 7919) % 10_000,
    }));
    const f = makeFrame(specs, 3, 4);
    for (const [w, h] of [[1280, 720], [320, 200], [2000, 1200]] as const) checkLayout(f, w, h);
  });

  it('does not pile two newcomers to a band on one spot at its edge (found by the property above)', () => {
    // Two customers moving into a small top band on a small canvas: the cells' jitter ran past
    // the band's corner and both were clamped onto it, one hiding the other.
    const f: BaseFrame = {
      size: 6,
      from: Uint8Array.from([1, 1, 2, 2, 3, 1]),
      to: Uint8Array.from([1, 1, 0, 0, 1, 1]),
      arrival: new Uint8Array(6),
      referrer: new Int32Array(6).fill(-1),
      revenue: Float32Array.from([1, 1, 0, 0, 1, 0]),
      tierCount: 2,
      tierCountBefore: 4,
    };
    const L = checkLayout(f, 494, 200);
    expect(Math.hypot(L.x1[2]! - L.x1[3]!, L.y1[2]! - L.y1[3]!)).toBeGreaterThan(L.geometry.radius);
  });

  it('lays out an empty frame', () => {
    const L = checkLayout(makeFrame([], 3, 3), W, H);
    expect(L.geometry.bands).toHaveLength(3);
    expect(L.x0).toHaveLength(0);
  });

  it('is deterministic: the same frame gives the same layout', () => {
    fc.assert(
      fc.property(frameArb(150), canvasArb, (f, { width, height }) => {
        const a = layoutBase(f, width, height);
        const copy: BaseFrame = { ...f, from: f.from.slice(), to: f.to.slice(), arrival: f.arrival.slice(), referrer: f.referrer.slice(), revenue: f.revenue.slice() };
        const b = layoutBase(copy, width, height);
        expect(b).toEqual(a);
      }),
      { numRuns: 30 },
    );
  });

  it('starts a referred newcomer at its referrer, even when the referrer is itself new or moves', () => {
    const base: CustomerSpec = { kind: 0, from: 0, to: 0, how: 0, referrer: 2, revenue: 1 };
    const f = makeFrame(
      [
        { ...base, from: 0, to: 1 }, // 0: moves
        { ...base, kind: 2, to: 2, how: 0 }, // 1: acquired
        { ...base, kind: 2, to: 1, how: 1 }, // 2: referred (by 0, set below)
        { ...base, kind: 2, to: 0, how: 1 }, // 3: referred (by 1, set below)
        { ...base, kind: 2, to: 0, how: 1 }, // 4: referred, referrer not in the frame
      ],
      3,
      3,
    );
    f.referrer.set([-1, -1, 0, 1, -1]);
    const L = layoutBase(f, W, H);
    expect([L.x0[2], L.y0[2]]).toEqual([L.x1[0], L.y1[0]]);
    expect([L.x0[3], L.y0[3]]).toEqual([L.x1[1], L.y1[1]]);
    expect(inRect(L.geometry.market, L.x0[4]!, L.y0[4]!)).toBe(true);
    expect(inRect(L.geometry.market, L.x0[1]!, L.y0[1]!)).toBe(true);
  });

  it('gives the stayers of a band its first cells, in frame order, whoever else leaves it', () => {
    // The stayers of a band take its first cells, in frame order, whoever else moves.
    const stay: CustomerSpec = { kind: 0, from: 1, to: 1, how: 0, referrer: 2, revenue: 1 };
    const mover: CustomerSpec = { kind: 0, from: 1, to: 0, how: 0, referrer: 2, revenue: 1 };
    const a = makeFrame([mover, stay, mover, stay, stay], 3, 3);
    const L = layoutBase(a, W, H);
    const p = { x: 0, y: 0 };
    [1, 3, 4].forEach((k, i) => {
      cellOf(L.geometry, L.geometry.bands[1]!, i, p);
      expect([L.x0[k], L.y0[k]]).toEqual([Math.fround(p.x), Math.fround(p.y)]);
    });
  });
});

describe('sizeClasses', () => {
  const revenues = fc.array(fc.double({ min: 0.01, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 2000, size: 'max' }).map((xs) => Float32Array.from(xs));

  it('draws about 5% of customers large and 15% medium, by revenue rank', () => {
    fc.assert(
      fc.property(revenues, (rev) => {
        const n = rev.length;
        const s = sizeClasses(rev, n);
        const large = s.filter((x) => x === 2).length;
        const medium = s.filter((x) => x === 1).length;
        expect(Math.abs(large - 0.05 * n)).toBeLessThanOrEqual(0.5);
        expect(Math.abs(large + medium - 0.2 * n)).toBeLessThanOrEqual(0.5);
        expect(s.every((x) => x <= 2)).toBe(true);
      }),
    );
    const s = sizeClasses(Float32Array.from({ length: 1000 }, (_, k) => 1 + ((k * 7919) % 1000)), 1000);
    expect(s.filter((x) => x === 2)).toHaveLength(50);
    expect(s.filter((x) => x === 1)).toHaveLength(150);
  });

  it('never draws a customer larger than one with more revenue', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.constant(100), fc.double({ min: -10, max: 1e6, noNaN: true })), { maxLength: 400, size: 'max' }).map((xs) => Float32Array.from(xs)),
        (rev) => {
          const s = sizeClasses(rev, rev.length);
          // Class range at each revenue level: every class at a level is at least every class below it.
          const levels = new Map<number, number[]>();
          for (let k = 0; k < rev.length; k++) levels.set(rev[k]!, [...(levels.get(rev[k]!) ?? []), s[k]!]);
          let below = 0;
          for (const level of [...levels.keys()].sort((a, b) => a - b)) {
            const classes = levels.get(level)!;
            expect(Math.min(...classes), `revenue ${level}`).toBeGreaterThanOrEqual(below);
            below = Math.max(below, ...classes);
          }
          for (let a = 0; a < rev.length; a++) {
            if (!(rev[a]! > 0)) expect(s[a], 'a customer without revenue is drawn small').toBe(0);
          }
        },
      ),
    );
  });

  it('is what layoutBase draws', () => {
    fc.assert(
      fc.property(frameArb(200), (f) => {
        expect(layoutBase(f, W, H).size).toEqual(sizeClasses(f.revenue, f.size));
      }),
      { numRuns: 20 },
    );
  });
});
