/** Pure geometry of the line chart: runs of values between gaps, and end labels that do not overlap. */

/** Runs of consecutive non-null values, as [start, end] index pairs (inclusive). */
export function runs(values: readonly (number | null)[]): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  values.forEach((v, i) => {
    const ok = v !== null && Number.isFinite(v);
    if (ok && start < 0) start = i;
    if (!ok && start >= 0) {
      out.push([start, i - 1]);
      start = -1;
    }
  });
  if (start >= 0) out.push([start, values.length - 1]);
  return out;
}

/** Index of the last finite value, or -1. */
export function lastIndex(values: readonly (number | null)[]): number {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) return i;
  }
  return -1;
}

/** Index of the first finite value, or -1. */
export function firstIndex(values: readonly (number | null)[]): number {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) return i;
  }
  return -1;
}

/**
 * Centres for labels that want to sit at `ys` (any order), moved apart so that labels of
 * heights `heights` (one number: all alike) do not overlap, inside [top, bottom] when there
 * is room; their order is kept.
 */
export function spreadLabels(ys: readonly number[], heights: number | readonly number[], top: number, bottom: number): number[] {
  const hOf = (i: number): number => (typeof heights === 'number' ? heights : (heights[i] ?? 0));
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const pos = order.map((o) => o.y);
  const half = order.map((o) => hOf(o.i) / 2);
  const n = pos.length;
  for (let k = 0; k < n; k++) pos[k] = Math.max(pos[k]!, k === 0 ? top + half[0]! : pos[k - 1]! + half[k - 1]! + half[k]!);
  if (n && pos[n - 1]! + half[n - 1]! > bottom) {
    pos[n - 1] = bottom - half[n - 1]!;
    for (let k = n - 2; k >= 0; k--) pos[k] = Math.min(pos[k]!, pos[k + 1]! - half[k + 1]! - half[k]!);
    // Not enough room: the labels run over the top rather than overlap.
  }
  const out = new Array<number>(n);
  order.forEach((o, k) => (out[o.i] = pos[k]!));
  return out;
}
