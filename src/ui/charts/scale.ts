/** Axis arithmetic for the charts: nice ticks, linear scales and picking the nearest quarter. */

/** A "nice" step (1, 2, 2.5 or 5 times a power of ten) close to `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const exp = Math.floor(Math.log10(raw));
  const base = 10 ** exp;
  const f = raw / base;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * base;
}

/** Decimal places needed to print multiples of `step` exactly. */
function decimals(step: number): number {
  let d = 0;
  while (d < 12 && Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) > 1e-9 * 10 ** d) d++;
  return d;
}

export interface Ticks {
  /** Domain covered by the axis (the first and last tick). */
  min: number;
  max: number;
  step: number;
  /** Tick values from min to max, free of floating-point noise (0.30000000000000004). */
  values: number[];
}

/** The range a value can take (a share: 0 to 1): the axis never reaches past it. */
export type Bounds = readonly [min: number, max: number];

/**
 * Ticks for data from `lo` to `hi`, about `count` of them (at least 2). Equal values get a
 * band around them (so a flat line sits in the middle, not on the edge); a range crossing
 * zero gets a tick at exactly 0; with `bounds`, no tick lies outside them (a share's axis
 * stops at 100%).
 */
export function niceTicks(lo: number, hi: number, count = 5, bounds?: Bounds): Ticks {
  let a = Math.min(lo, hi);
  let b = Math.max(lo, hi);
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    a = 0;
    b = 1;
  }
  if (a === b) {
    const pad = a === 0 ? 1 : Math.abs(a) / 2;
    a -= pad;
    b += pad;
    // A flat line of positive values should not invent a negative axis, nor vice versa.
    if (lo >= 0 && a < 0) a = 0;
    if (hi <= 0 && b > 0) b = 0;
  }
  if (bounds) {
    a = Math.max(bounds[0], a);
    b = Math.min(bounds[1], b);
    // Data outside the bounds (or a flat line on one): a tenth of the range at that edge.
    const tenth = Number.isFinite(bounds[1] - bounds[0]) ? (bounds[1] - bounds[0]) / 10 : 1;
    if (a >= b) [a, b] = a >= bounds[1] ? [bounds[1] - tenth, bounds[1]] : [bounds[0], bounds[0] + tenth];
  }
  // Among nearby nice steps: at most count + 2 ticks, the axis that wastes least room, then the count nearest `count`.
  const raw = (b - a) / Math.max(1, count - 1);
  const cands = [0.5, 0.75, 1, 1.5].map((f) => ticksWithStep(a, b, niceStep(raw * f), bounds));
  const ok = cands.filter((c) => c.values.length <= count + 2);
  const pool = ok.length ? ok : cands;
  const waste = (c: Ticks): number => c.max - c.min - (b - a);
  return pool.reduce((best, c) => {
    const dw = waste(c) - waste(best);
    return dw < -1e-9 * (b - a) || (Math.abs(dw) <= 1e-9 * (b - a) && Math.abs(c.values.length - count) < Math.abs(best.values.length - count)) ? c : best;
  });
}

function ticksWithStep(a: number, b: number, step: number, bounds?: Bounds): Ticks {
  const d = decimals(step);
  const clean = (v: number): number => {
    const r = Number((Math.round(v / step) * step).toFixed(d));
    return r === 0 ? 0 : r; // no -0
  };
  let min = clean(Math.floor(a / step + 1e-9) * step);
  let max = clean(Math.ceil(b / step - 1e-9) * step);
  // Inside the bounds: the nearest multiples of the step within them.
  if (bounds && min < bounds[0]) min = clean(Math.ceil(bounds[0] / step - 1e-9) * step);
  if (bounds && max > bounds[1]) max = clean(Math.floor(bounds[1] / step + 1e-9) * step);
  if (max <= min) max = clean(min + step);
  const values: number[] = [];
  for (let i = 0, v = min; v <= max + step / 2 && i < 1000; i++, v = clean(min + i * step)) values.push(v);
  if (values.length < 2) values.push(clean(min + step));
  return { min, max: values[values.length - 1]!, step, values };
}

/**
 * Whether tick labels read true: all different, and none is a neighbour's value rounded (2.5
 * shown as "3" by a whole-number format, 96.25% as "96.3%"). A label is a rounding when the
 * format writes the values just below and just above its tick differently: the tick sits on
 * the edge between two shown values.
 */
export function readableTicks(values: readonly number[], texts: readonly string[], step: number, format: (v: number) => string): boolean {
  if (new Set(texts).size !== texts.length) return false;
  const d = step * 1e-4;
  return values.every((v) => v === 0 || format(v - d) === format(v + d));
}

/**
 * {@link niceTicks} whose labels in `format` read true ({@link readableTicks}): when the
 * format cannot tell the ticks apart, or rounds one, the step grows to the next nice one.
 */
export function labelledTicks(lo: number, hi: number, count: number, format: (v: number) => string, bounds?: Bounds): Ticks & { texts: string[] } {
  const first = niceTicks(lo, hi, count, bounds);
  let t = first;
  for (let k = 0; k < 40; k++) {
    const texts = t.values.map(format);
    if (readableTicks(t.values, texts, t.step, format)) return { ...t, texts };
    t = ticksWithStep(first.min, first.max, niceStep(t.step * 1.01), bounds);
  }
  return { ...first, texts: first.values.map(format) };
}

/** A linear map from a domain to a range; a zero-width domain maps to the middle of the range. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** Index of the quarter nearest to `x` for `n` points spread evenly from `left` to `right` (one point: the middle). */
export function nearestIndex(x: number, left: number, right: number, n: number): number {
  if (n <= 1) return 0;
  const i = Math.round(((x - left) / (right - left)) * (n - 1));
  return Math.max(0, Math.min(n - 1, i));
}

/** Smallest and largest finite values of several arrays (nulls and gaps skipped), or null if there are none. */
export function extent(arrays: readonly (readonly (number | null)[])[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const arr of arrays)
    for (const v of arr)
      if (v !== null && Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
  return lo <= hi ? [lo, hi] : null;
}

/** Every `step`-th index from 0 to n-1 such that labels `minGap` px apart fit in `width` px; the last index is always kept. */
export function tickIndices(n: number, width: number, minGap: number): number[] {
  if (n <= 0) return [];
  if (n === 1) return [0];
  const per = width / (n - 1);
  const step = Math.max(1, Math.ceil(minGap / Math.max(per, 1e-9)));
  const out: number[] = [];
  for (let i = 0; i < n; i += step) out.push(i);
  const last = n - 1;
  if (out[out.length - 1] !== last) {
    // Replace the previous tick if the last one would crowd it.
    if (out.length > 1 && (last - out[out.length - 1]!) * per < minGap) out.pop();
    out.push(last);
  }
  return out;
}
