/**
 * Where the service floor's desks, staff and queues stand: one row per tier (top tier at the
 * top, as in the pyramid), a queue lane on the left of each row, the desks to its right, and
 * a strip at the bottom with the staff door (hires come in) and the exit (leavers go). When a
 * tier has more staff than its row holds, each desk icon stands for several staff. Pure.
 */
import type { FloorFrame } from './model';
import { queuePerDesk } from './model';

export interface DeskSpot {
  tier: number;
  x: number;
  y: number;
}

export interface FloorLayout {
  width: number;
  height: number;
  /** Staff each desk icon stands for. */
  perDesk: number;
  /** Desk icons of each tier, left to right. */
  desks: DeskSpot[][];
  rows: { tier: number; y0: number; y1: number; mid: number }[];
  /** Where the queue lane of each row ends (the first waiting customer stands just left of a desk). */
  laneX: number;
  deskX0: number;
  /** Size unit: a desk is `unit` wide; people are drawn from it. */
  unit: number;
  door: { x: number; y: number };
  exit: { x: number; y: number };
  /** Customers waiting in front of each desk. */
  queue: number;
}

const MIN_UNIT = 14;
const MAX_UNIT = 30;

export function layoutFloor(f: FloorFrame, width: number, height: number): FloorLayout {
  const pad = 12;
  const strip = Math.max(44, height * 0.14);
  const top = pad + 22; // room for the row label
  const bottom = height - strip;
  const rowsCount = Math.max(1, f.tierCount);
  const rowH = (bottom - top) / rowsCount;
  const laneX = pad + width * 0.05;
  const deskX0 = pad + width * 0.34;
  const areaW = width - deskX0 - pad;
  // The unit fits the busiest row, then the rows' height.
  const most = Math.max(1, ...f.desks);
  let unit = Math.min(MAX_UNIT, rowH * 0.42, areaW / (most * 1.35));
  let perDesk = 1;
  if (unit < MIN_UNIT) {
    unit = Math.min(MAX_UNIT, rowH * 0.42, MIN_UNIT);
    const fits = Math.max(1, Math.floor(areaW / (unit * 1.35)));
    perDesk = Math.ceil(most / fits);
  }
  const rows = Array.from({ length: rowsCount }, (_, t) => {
    const y0 = top + t * rowH;
    return { tier: t, y0, y1: y0 + rowH, mid: y0 + rowH * 0.55 };
  });
  const desks = rows.map((row) => {
    const icons = Math.ceil((f.desks[row.tier] ?? 0) / perDesk);
    return Array.from({ length: icons }, (_, i) => ({ tier: row.tier, x: deskX0 + unit * 0.7 + i * unit * 1.35, y: row.mid }));
  });
  return {
    width,
    height,
    perDesk,
    desks,
    rows,
    laneX,
    deskX0,
    unit,
    door: { x: pad + unit, y: height - strip / 2 },
    exit: { x: width - pad - unit, y: height - strip / 2 },
    queue: queuePerDesk(f.workload),
  };
}
