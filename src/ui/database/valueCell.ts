/**
 * A value-grid cell as a table filter: the grid (worker's `analytics`) bands active
 * customers by trailing revenue (columns, low to high) and estimated influence (rows, top
 * band first) at quantile edges; the same banding here picks the cell's customers out of
 * the order the worker returned.
 */
import type { TFunction } from 'i18next';
import type { CustomerAnalytics, CustomerTable } from '../../worker/protocol';

export type ValueGrid = CustomerAnalytics['grid'];

/** A cell: row 0 is the highest influence band, col 0 the lowest revenue band. */
export interface GridCell {
  row: number;
  col: number;
}

/** The band of `x` among inner `edges` (ascending): 0 below the first edge, edges.length at or above the last. */
export function bandOf(x: number, edges: readonly number[]): number {
  let b = 0;
  while (b < edges.length && x >= edges[b]!) b++;
  return b;
}

/** The cell of customer `i` (active customers only; null for lapsed ones). */
export function cellOf(t: CustomerTable, grid: ValueGrid, i: number): GridCell | null {
  if (t.status[i] !== 0) return null;
  return { row: grid.rows - 1 - bandOf(t.influence[i]!, grid.influenceEdges), col: bandOf(t.revenue[i]!, grid.revenueEdges) };
}

/** The customers of `order` in `cell`, in the same order. */
export function inCell(order: Int32Array, t: CustomerTable, grid: ValueGrid, cell: GridCell): Int32Array {
  const infBand = grid.rows - 1 - cell.row;
  const out = new Int32Array(order.length);
  let n = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (t.status[i] !== 0) continue;
    if (bandOf(t.revenue[i]!, grid.revenueEdges) !== cell.col) continue;
    if (bandOf(t.influence[i]!, grid.influenceEdges) !== infBand) continue;
    out[n++] = i;
  }
  return out.slice(0, n);
}

/** The bounds of band `b` among `edges`: `from` inclusive, `to` exclusive; absent at the open ends. */
export function bandBounds(edges: readonly number[], b: number): { from?: number; to?: number } {
  const from = b > 0 ? edges[b - 1] : undefined;
  const to = b < edges.length ? edges[b] : undefined;
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

/** Band `b` among `edges` in words ("¥1,000 to ¥5,000", "below ¥1,000", "¥5,000 and above"), values through `fmt`. */
export function bandLabel(edges: readonly number[], b: number, fmt: (x: number) => string, t: TFunction<'database'>): string {
  const { from, to } = bandBounds(edges, b);
  if (from !== undefined && to !== undefined) return t('charts.bandBetween', { from: fmt(from), to: fmt(to) });
  if (to !== undefined) return t('charts.bandBelow', { to: fmt(to) });
  if (from !== undefined) return t('charts.bandAbove', { from: fmt(from) });
  return t('filters.all');
}
