// The service floor's geometry: one row per tier, top tier at the top; every desk icon in its
// row and inside the canvas, none overlapping; and when a tier has more staff than its row
// holds, each icon stands for several staff, so the icons still account for every one of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutFloor, type FloorLayout } from '../../src/scene/floor/layout';
import { queuePerDesk, startFloor, type FloorFrame } from '../../src/scene/floor/model';

function frame(desks: number[], workload = 0.9): FloorFrame {
  const f = startFloor(desks.reduce((a, b) => a + b, 0), desks.length);
  return { ...f, desks, workload };
}

const floorArb = fc.record({
  desks: fc.array(fc.oneof(fc.nat(12), fc.nat(600)), { minLength: 1, maxLength: 5 }),
  workload: fc.double({ min: 0, max: 3, noNaN: true }),
  width: fc.integer({ min: 300, max: 2000 }),
  height: fc.integer({ min: 200, max: 1200 }),
});

/** A desk is drawn `unit` wide and 0.45 `unit` tall below its point (ServiceFloorScene). */
function checkFloor(f: FloorFrame, width: number, height: number): FloorLayout {
  const L = layoutFloor(f, width, height);
  expect(L.rows).toHaveLength(f.tierCount);
  expect(L.desks).toHaveLength(f.tierCount);
  expect(L.unit).toBeGreaterThan(0);
  expect(Number.isInteger(L.perDesk) && L.perDesk >= 1).toBe(true);
  L.rows.forEach((row, t) => {
    expect(row.tier).toBe(t);
    expect(row.y1).toBeGreaterThan(row.y0);
    expect(row.y0).toBeGreaterThanOrEqual(0);
    expect(row.y1).toBeLessThanOrEqual(height);
    if (t > 0) expect(row.y0).toBeCloseTo(L.rows[t - 1]!.y1, 9);
  });
  L.desks.forEach((row, t) => {
    const staff = f.desks[t]!;
    const icons = row.length;
    // Each icon stands for at most perDesk staff, and no icon is left over.
    expect(L.perDesk * icons).toBeGreaterThanOrEqual(staff);
    expect(L.perDesk * (icons - 1)).toBeLessThan(Math.max(1, staff));
    if (staff === 0) expect(icons).toBe(0);
    const r = L.rows[t]!;
    const problems: string[] = [];
    row.forEach((d, i) => {
      if (d.tier !== t) problems.push(`desk ${i} says tier ${d.tier}`);
      // The desk's rectangle lies in its row, right of the queue lane, on the canvas.
      if (d.y < r.y0 || d.y + L.unit * 0.45 > r.y1) problems.push(`desk ${i} at y ${d.y} is outside its row ${r.y0}..${r.y1}`);
      if (d.x - L.unit / 2 < L.deskX0 || d.x + L.unit / 2 > width) problems.push(`desk ${i} at x ${d.x} is off the desks' area ${L.deskX0}..${width}`);
      for (let j = 0; j < i; j++) {
        const e = row[j]!;
        const apart = Math.abs(d.x - e.x) >= L.unit || Math.abs(d.y - e.y) >= L.unit * 0.45;
        if (!apart) problems.push(`desks ${j} and ${i} overlap`);
        // Left to right along a line of desks.
        if (e.y === d.y && e.x >= d.x) problems.push(`desk ${i} is left of desk ${j} on its line`);
      }
    });
    expect(problems.slice(0, 5), `tier ${t}`).toEqual([]);
  });
  // The queue lane ends left of the desks; the door and the exit are on the canvas, below the rows.
  expect(L.laneX).toBeLessThan(L.deskX0);
  for (const p of [L.door, L.exit]) {
    expect(p.x).toBeGreaterThan(0);
    expect(p.x).toBeLessThan(width);
    expect(p.y).toBeGreaterThan(L.rows.at(-1)!.y1);
    expect(p.y).toBeLessThan(height);
  }
  expect(L.queue).toBe(queuePerDesk(f.workload));
  return L;
}

describe('layoutFloor', () => {
  it('keeps every desk in its row and on the canvas, without overlaps, accounting for every staff member (random floors)', () => {
    fc.assert(
      fc.property(floorArb, ({ desks, workload, width, height }) => {
        checkFloor(frame(desks, workload), width, height);
      }),
      { numRuns: 150 },
    );
  });

  it('draws one icon per staff member when they fit', () => {
    const L = checkFloor(frame([3, 8, 12]), 1280, 720);
    expect(L.perDesk).toBe(1);
    expect(L.desks.map((r) => r.length)).toEqual([3, 8, 12]);
  });

  it('makes each icon stand for several staff when a row cannot hold them all', () => {
    const L = checkFloor(frame([40, 200, 450]), 1000, 600);
    expect(L.perDesk).toBeGreaterThan(1);
    expect(L.desks[2]!.length).toBeLessThan(450);
    // A small canvas needs more staff per icon than a large one.
    const small = checkFloor(frame([40, 200, 450]), 400, 300);
    expect(small.perDesk).toBeGreaterThanOrEqual(L.perDesk);
  });

  it('still shows a small tier\'s staff when each icon stands for several', () => {
    // One icon for a single employee, although an icon may stand for more: icons round up.
    const L = checkFloor(frame([1, 3, 600]), 1000, 600);
    expect(L.perDesk).toBeGreaterThan(3);
    expect(L.desks.map((r) => r.length).slice(0, 2)).toEqual([1, 1]);
  });

  it('draws the floor of a firm without staff, and of a single tier', () => {
    const empty = checkFloor(frame([0, 0, 0]), 800, 500);
    expect(empty.desks.every((r) => r.length === 0)).toBe(true);
    const one = checkFloor(frame([25]), 800, 500);
    expect(one.rows).toHaveLength(1);
  });

  it('puts the top tier at the top, as in the pyramid', () => {
    const L = checkFloor(frame([2, 5, 9, 4]), 1280, 720);
    for (let t = 1; t < 4; t++) expect(L.rows[t]!.y0).toBeGreaterThan(L.rows[t - 1]!.y0);
  });
});
