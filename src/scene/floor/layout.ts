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
/** Lines of desks a row may have. */
const MAX_LINES = 4;

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
  // Desks fill up to MAX_LINES lines per row: the arrangement that gives the largest unit wins.
  const most = Math.max(1, ...f.desks);
  let unit = 0;
  let lines = 1;
  for (let l = 1; l <= MAX_LINES; l++) {
    const u = Math.min(MAX_UNIT, (rowH * 0.8) / (l * 1.7), areaW / (Math.ceil(most / l) * 1.35));
    if (u > unit + 0.5) {
      unit = u;
      lines = l;
    }
  }
  let perDesk = 1;
  if (unit < MIN_UNIT) {
    unit = Math.min(MIN_UNIT, (rowH * 0.8) / (lines * 1.7));
    const fits = Math.max(1, Math.floor(areaW / (unit * 1.35)) * lines);
    perDesk = Math.ceil(most / fits);
  }
  const rows = Array.from({ length: rowsCount }, (_, t) => {
    const y0 = top + t * rowH;
    return { tier: t, y0, y1: y0 + rowH, mid: y0 + rowH * 0.55 };
  });
  const desks = rows.map((row) => {
    const icons = Math.ceil((f.desks[row.tier] ?? 0) / perDesk);
    const perLine = Math.max(1, Math.ceil(icons / lines));
    const used = Math.ceil(icons / perLine);
    const firstY = row.mid - ((used - 1) * unit * 1.7) / 2;
    return Array.from({ length: icons }, (_, i) => ({ tier: row.tier, x: deskX0 + unit * 0.7 + (i % perLine) * unit * 1.35, y: firstY + Math.floor(i / perLine) * unit * 1.7 }));
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
