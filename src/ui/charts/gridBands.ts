/** The value grid's words and numbers: band labels, shading levels and the text alternative. */
import type { ChartsT } from './useChartsT';

/** The inner edges between `bands` bands, ascending: accepts inner edges (bands - 1) or outer ones too (bands + 1). */
export function innerEdges(edges: readonly number[], bands: number): number[] {
  if (edges.length === bands + 1) return edges.slice(1, -1);
  return edges.slice(0, Math.max(0, bands - 1));
}

/** Labels of `bands` bands, low to high: "below a", "a – b", ..., "z and above". */
export function bandLabels(t: ChartsT, edges: readonly number[], bands: number, format: (v: number) => string): string[] {
  const e = innerEdges(edges, bands);
  if (bands <= 1 || e.length === 0) return Array.from({ length: bands }, () => '—');
  return Array.from({ length: bands }, (_, b) => {
    if (b === 0) return t('grid.below', { v: format(e[0]!) });
    if (b >= e.length) return t('grid.atLeast', { v: format(e[e.length - 1]!) });
    return t('grid.between', { a: format(e[b - 1]!), b: format(e[b]!) });
  });
}

/** Number of shading levels of a non-empty cell (charts.css: crm-heat-1 .. crm-heat-5). */
export const HEAT_LEVELS = 5;

/** Shading level of a cell with `count` customers when the fullest cell has `max`: 0 empty, 1..5 by share of the maximum. */
export function heatLevel(count: number, max: number): number {
  if (!(count > 0) || !(max > 0)) return 0;
  return Math.max(1, Math.min(HEAT_LEVELS, Math.ceil((count / max) * HEAT_LEVELS)));
}

/** Index of the largest value (the first one on ties), or -1 if all are zero or the array is empty. */
export function argMax(values: readonly number[]): number {
  let best = -1;
  values.forEach((v, i) => {
    if (v > 0 && (best < 0 || v > values[best]!)) best = i;
  });
  return best;
}

/** Sum of an array. */
export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
