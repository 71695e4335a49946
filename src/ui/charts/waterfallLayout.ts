/**
 * Pure geometry of the waterfall chart ("why did this KPI change?"): running totals, the check
 * that the parts add up, the value axis, bars, connectors and labels, in columns (categories
 * along the x axis) or in rows (categories down the y axis, for many steps or narrow screens).
 */
import { labelledTicks, linear, niceTicks, type Ticks } from './scale';
import { labelWords, textWidth, truncate, wrapText } from './text';

/** What a bar is: the level at the start and end, or a part of the change in between. */
export type WaterfallKind = 'start' | 'late' | 'outside' | 'valuation' | 'rival' | 'group' | 'interaction' | 'end';

export interface WaterfallStep {
  id: string;
  label: string;
  /**
   * 'start': the value at the end of last quarter (or the status-quo baseline); 'late': a late
   * effect of an earlier quarter's decision; 'outside': outside events, carry-over and luck;
   * 'valuation': the score's points for what the firm is worth (customer equity at the end, objectives met);
   * 'rival': what a rival firm's decisions of this quarter did (a market);
   * 'group': one of this quarter's groups of decisions; 'interaction': what the groups did
   * together beyond their separate parts; 'end': the value now.
   */
  kind: WaterfallKind;
  /** For 'start' and 'end' the level; for the others the change. */
  value: number;
}

/** Whether start + Σ changes = end: a mismatch is a bug upstream, shown, never hidden. */
export interface WaterfallCheck {
  ok: boolean;
  /** The first bar's level (0 when there is no 'start' bar). */
  start: number;
  /** Sum of the changes between start and end. */
  sum: number;
  /** The last bar's level (start + sum when there is no 'end' bar). */
  end: number;
  /** start + sum: where the running total arrives. */
  expected: number;
  /** end − expected; 0 when ok. */
  mismatch: number;
  /** No 'start' first, no 'end' last, a total in between, or a value that is not a finite number. */
  problem: 'noStart' | 'noEnd' | 'order' | 'notFinite' | null;
}

export type WaterfallDir = 'up' | 'down' | 'flat';

export interface WaterfallBar {
  index: number;
  step: WaterfallStep;
  /** A 'start' or 'end' bar (drawn from the axis base to its level). */
  total: boolean;
  dir: WaterfallDir;
  /** Running total before and after the bar; a total goes from the axis base to its level. */
  from: number;
  to: number;
  /** The bar's rectangle (a change of zero is a 2 px line at the running total). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** A total bar that does not reach zero (the axis is broken): drawn with a cut edge at the base. */
  cut: boolean;
  /** The band of the category axis the bar owns: x from..to in columns, y from..to in rows. */
  band: [number, number];
  /** "▲ +¥12K" for a change, the level for a total. */
  valueText: string;
  /** Baseline position of the value label. */
  valueX: number;
  valueY: number;
  valueAnchor: 'start' | 'middle' | 'end';
  /** The category label in lines, and the baseline of its first line. */
  labelLines: string[];
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'middle' | 'end';
  /** The largest change, emphasised (only with `highlight`). */
  largest: boolean;
}

/** A line from one bar's end to the next bar, at the running total between them. */
export interface WaterfallConnector {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The next bar does not start at this running total (the parts do not add up). */
  gap: boolean;
}

export interface WaterfallTick {
  value: number;
  /** Position along the value axis (y in columns, x in rows). */
  pos: number;
  text: string;
}

export interface WaterfallLayout {
  orientation: 'columns' | 'rows';
  /** Rows on a narrow screen: each label above its bar (true), or beside it in a column. */
  stacked: boolean;
  width: number;
  /** The height used: as asked in columns, as the rows need in rows. */
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  bars: WaterfallBar[];
  /** Running total after each bar (a total: its level). */
  running: number[];
  connectors: WaterfallConnector[];
  ticks: WaterfallTick[];
  /** Position of zero on the value axis, or null when the axis does not reach zero. */
  zero: number | null;
  /** The value totals are drawn from: 0, or the axis end nearest zero when the axis is broken. */
  base: number;
  basePos: number;
  /** The axis leaves zero out so that small steps show: total bars are cut, the axis is marked. */
  broken: boolean;
  /** Index of the largest change (by size), or -1 when nothing changed. */
  largest: number;
  check: WaterfallCheck;
  fontSize: number;
  lineHeight: number;
}

export interface WaterfallOptions {
  /** Formats a level: axis ticks and the totals' labels. */
  format: (v: number) => string;
  /** Formats a change, signed (default: + or − and the format of its size); ▲/▼ is put in front. */
  formatDelta?: (v: number) => string;
  /** Formats the value axis' ticks (default `format`; fewer ticks are used if `format` prints two alike). */
  formatAxis?: (v: number) => string;
  /**
   * true: the value axis includes zero; false: it fits the running totals. Default: zero is
   * included unless it would squash the steps (the totals span less than 30% of the axis).
   */
  includeZero?: boolean;
  /** Mark the largest change. */
  highlight?: boolean;
  /** 'auto' (default): columns for up to 10 bars when labels and values fit their slot, rows otherwise. */
  orientation?: 'auto' | 'columns' | 'rows';
  /** Font size of labels in px (default 13). */
  fontSize?: number;
}

/** At most this many bars in columns (more go in rows). */
export const MAX_COLUMNS = 10;
/** Columns narrower than this go in rows. */
const MIN_SLOT = 44;
const MAX_LABEL_LINES = 4;
/** Bars thinner than this (px) are drawn this thick. */
const MIN_BAR = 2;
/** Without `includeZero`, zero is left out when the totals span less than this share of the axis from zero. */
const SQUASH = 0.3;
const MINUS = '−';

const isTotal = (k: WaterfallKind): boolean => k === 'start' || k === 'end';
const num = (v: number): number => (Number.isFinite(v) ? v : 0);

/** The size below which a change counts as none: 1e-9 of the largest magnitude involved. */
function tolerance(steps: readonly WaterfallStep[]): number {
  let scale = 0;
  let sumAbs = 0;
  for (const s of steps) {
    const v = Math.abs(num(s.value));
    if (isTotal(s.kind)) scale = Math.max(scale, v);
    else sumAbs += v;
  }
  return 1e-9 * Math.max(scale, sumAbs);
}

/** Checks that the first bar is the start, the last the end, and start + Σ changes = end (within 1e-9 relative). */
export function waterfallCheck(steps: readonly WaterfallStep[]): WaterfallCheck {
  const first = steps[0];
  const last = steps[steps.length - 1];
  const hasStart = first?.kind === 'start';
  const hasEnd = steps.length > (hasStart ? 1 : 0) && last?.kind === 'end';
  const middle = steps.slice(hasStart ? 1 : 0, hasEnd ? -1 : undefined);
  const start = hasStart ? first.value : 0;
  const sum = middle.reduce((a, s) => a + (isTotal(s.kind) ? 0 : s.value), 0);
  const expected = start + sum;
  const end = hasEnd ? last.value : expected;
  const mismatch = end - expected;
  const problem = steps.some((s) => !Number.isFinite(s.value))
    ? 'notFinite'
    : !hasStart
      ? 'noStart'
      : !hasEnd
        ? 'noEnd'
        : middle.some((s) => isTotal(s.kind))
          ? 'order'
          : null;
  const ok = problem === null && Math.abs(mismatch) <= tolerance(steps);
  return { ok, start, sum, end, expected, mismatch: ok ? 0 : mismatch, problem };
}

/** Direction of a change, with changes below `tol` as none. */
export function direction(v: number, tol = 0): WaterfallDir {
  return v > tol ? 'up' : v < -tol ? 'down' : 'flat';
}

/** The default change text: "+¥12K", "−¥8K", "±¥0". */
export function defaultDelta(format: (v: number) => string): (v: number) => string {
  return (v) => `${v > 0 ? '+' : v < 0 ? MINUS : '±'}${format(Math.abs(v))}`;
}

/** A change with its arrow: "▲ +¥12K", "▼ −¥8K", "＝ ±¥0" (never colour alone). */
export function changeText(v: number, formatDelta: (v: number) => string, tol = 0): string {
  const dir = direction(v, tol);
  return dir === 'up' ? `▲ ${formatDelta(v)}` : dir === 'down' ? `▼ ${formatDelta(v)}` : `＝ ${formatDelta(0)}`;
}

/** Index of the largest change by size (the first on a tie), or -1 when no change is above `tol`. */
export function largestStep(steps: readonly WaterfallStep[], tol = 0): number {
  let best = -1;
  let size = tol;
  steps.forEach((s, i) => {
    const v = Math.abs(num(s.value));
    if (!isTotal(s.kind) && v > size) {
      best = i;
      size = v;
    }
  });
  return best;
}

/** Running total after each bar: a total sets it to its level, a change adds to it. */
export function runningTotals(steps: readonly WaterfallStep[]): number[] {
  let run = 0;
  return steps.map((s) => (run = isTotal(s.kind) ? num(s.value) : run + num(s.value)));
}

export interface WaterfallAxis {
  ticks: Ticks;
  base: number;
  broken: boolean;
}

/**
 * The value axis for running totals `levels`: nice ticks, and the base the totals are drawn
 * from. With `includeZero` undefined, zero is included unless the totals would then span less
 * than 30% of the axis; without zero, the axis reaches a third of the totals' span beyond the
 * one nearest zero, so that the start and end bars keep a visible (cut) height.
 */
export function waterfallAxis(levels: readonly number[], includeZero: boolean | undefined, count: number): WaterfallAxis {
  const vals = levels.filter(Number.isFinite);
  let lo = vals.length ? Math.min(...vals) : 0;
  let hi = vals.length ? Math.max(...vals) : 1;
  const span = hi - lo;
  const withZero = Math.max(hi, 0) - Math.min(lo, 0);
  const zero = includeZero ?? (span === 0 || span >= SQUASH * withZero);
  if (zero || (lo <= 0 && hi >= 0)) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  } else if (span > 0) {
    const pad = span / 3;
    if (lo > 0) lo = Math.max(0, lo - pad);
    else hi = Math.min(0, hi + pad);
  }
  const ticks = niceTicks(lo, hi, count);
  const base = Math.max(ticks.min, Math.min(ticks.max, 0));
  return { ticks, base, broken: base !== 0 };
}

const cjkEdge = (s: string): boolean => /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffe6]/.test(s);

/** Lines of wrapped text joined back: a space between Latin words, none beside CJK characters. */
function rejoin(lines: readonly string[]): string {
  return lines.reduce((acc, l) => (acc === '' ? l : cjkEdge(acc.slice(-1)) || cjkEdge(l.slice(0, 1)) ? acc + l : `${acc} ${l}`), '');
}

/**
 * The axis of {@link waterfallAxis} with about `count` ticks whose labels read true in `fmt`
 * (all different, none rounded from a neighbour: a compact format prints ¥1.5M for 1.50M and
 * 1.525M alike): a coarser step until they do.
 */
export function labelledAxis(levels: readonly number[], includeZero: boolean | undefined, count: number, fmt: (v: number) => string): WaterfallAxis & { texts: string[] } {
  const axis = waterfallAxis(levels, includeZero, count);
  const ticks = labelledTicks(axis.ticks.min, axis.ticks.max, count, fmt);
  const base = Math.max(ticks.min, Math.min(ticks.max, 0));
  return { ticks: { min: ticks.min, max: ticks.max, step: ticks.step, values: ticks.values }, base, broken: base !== 0, texts: ticks.texts };
}

/** Greedy line breaking of a label at the words of {@link labelWords}; a word wider than a line is broken by wrapText. */
export function wrapLabel(text: string, width: number, font: number, bold: boolean): string[] {
  if (!cjkEdge(text)) return wrapText(text, width, font, bold);
  const lines: string[] = [];
  let line = '';
  for (const { word, space } of labelWords(text)) {
    const joined = line === '' ? word : space ? `${line} ${word}` : line + word;
    if (line !== '' && textWidth(joined, font, bold) > width) {
      lines.push(line);
      line = word;
    } else line = joined;
    if (textWidth(line, font, bold) > width) {
      const broken = wrapText(line, width, font, bold);
      lines.push(...broken.slice(0, -1));
      line = broken[broken.length - 1] ?? '';
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A label in at most `max` lines of `width` px, the last shortened with an ellipsis if need be. */
export function labelLines(text: string, width: number, font: number, bold: boolean, max: number): string[] {
  const lines = wrapLabel(text, width, font, bold);
  const kept = lines.length <= max ? lines : [...lines.slice(0, max - 1), rejoin(lines.slice(max - 1))];
  return kept.map((l) => (textWidth(l, font, bold) > width ? truncate(l, width, font, bold) : l));
}

interface Prepared {
  steps: readonly WaterfallStep[];
  tol: number;
  running: number[];
  froms: number[];
  dirs: WaterfallDir[];
  texts: string[];
  largest: number;
}

/** Extra room (px) between the largest bar and its value, for its thick outline. */
const OUTLINE = 4;

function prepare(steps: readonly WaterfallStep[], opts: WaterfallOptions): Prepared {
  const tol = tolerance(steps);
  const fd = opts.formatDelta ?? defaultDelta(opts.format);
  const running = runningTotals(steps);
  const froms = steps.map((s, i) => (isTotal(s.kind) ? 0 : i ? running[i - 1]! : 0));
  const dirs = steps.map((s) => direction(num(s.value), isTotal(s.kind) ? 0 : tol));
  const texts = steps.map((s) => (isTotal(s.kind) ? opts.format(num(s.value)) : changeText(num(s.value), fd, tol)));
  return { steps, tol, running, froms, dirs, texts, largest: largestStep(steps, tol) };
}

/**
 * Bars, connectors, axis and labels of a waterfall `width` px wide. In columns the chart is
 * `height` px high; in rows (more than 10 bars, or labels or values that do not fit a column)
 * it is as high as its rows need. The check that the parts add up comes with it.
 */
export function waterfallLayout(steps: readonly WaterfallStep[], width: number, height: number, opts: WaterfallOptions): WaterfallLayout {
  const p = prepare(steps, opts);
  const font = opts.fontSize ?? 13;
  const orientation = opts.orientation ?? 'auto';
  if (orientation === 'rows') return rowsLayout(p, width, opts, font);
  const cols = columnsLayout(p, width, height, opts, font, orientation === 'columns');
  return cols ?? rowsLayout(p, width, opts, font);
}

const valueWidth = (p: Prepared, font: number): number => Math.max(0, ...p.texts.map((s) => textWidth(s, font, true)));

function finish(
  p: Prepared,
  opts: WaterfallOptions,
  base: Omit<WaterfallLayout, 'running' | 'largest' | 'check' | 'connectors' | 'bars'>,
  bars: WaterfallBar[],
  rows: boolean,
  pos: (v: number) => number,
): WaterfallLayout {
  const connectors: WaterfallConnector[] = [];
  for (let i = 0; i + 1 < bars.length; i++) {
    const a = bars[i]!;
    const b = bars[i + 1]!;
    const level = p.running[i]!;
    const next = b.total ? b.to : b.from;
    const gap = Math.abs(next - level) > p.tol;
    const at = pos(level);
    connectors.push(rows ? { x1: at, y1: a.y + a.height, x2: at, y2: b.y, gap } : { x1: a.x + a.width, y1: at, x2: b.x, y2: at, gap });
  }
  return {
    ...base,
    bars: bars.map((b) => {
      if (!opts.highlight || b.index !== p.largest) return b;
      const out = rows ? { valueX: b.valueX + OUTLINE } : { valueY: b.valueY + (b.valueY > b.y ? OUTLINE : -OUTLINE) };
      return { ...b, ...out, largest: true };
    }),
    running: p.running,
    connectors,
    largest: p.largest,
    check: waterfallCheck(p.steps),
  };
}

/** The rectangle from `a` to `b` along a value axis, at least MIN_BAR long (a zero change: centred on the level). */
function span(pa: number, pb: number, dir: WaterfallDir, flip: boolean): [number, number] {
  let lo = Math.min(pa, pb);
  let hi = Math.max(pa, pb);
  if (hi - lo < MIN_BAR) {
    if (dir === 'flat') {
      const m = (pa + pb) / 2;
      lo = m - MIN_BAR / 2;
      hi = m + MIN_BAR / 2;
    } else if ((dir === 'up') !== flip) hi = lo + MIN_BAR;
    else lo = hi - MIN_BAR;
  }
  return [lo, hi];
}

function columnsLayout(p: Prepared, W: number, H0: number, opts: WaterfallOptions, font: number, forced: boolean): WaterfallLayout | null {
  const n = p.steps.length;
  const lineH = Math.round(font * 1.25);
  const H = Math.max(H0, 160);
  const count = Math.max(3, Math.min(7, Math.round((H - 100) / 55)));
  const axis = labelledAxis(p.running, opts.includeZero, count, opts.formatAxis ?? opts.format);
  const tickText = axis.texts;
  const left = Math.ceil(Math.max(...tickText.map((s) => textWidth(s, font)))) + 12;
  const right = 6;
  const slot = (W - left - right) / Math.max(1, n);
  const labelW = slot - 6;
  const wrapped = p.steps.map((s) => wrapLabel(s.label, Math.max(1, labelW), font, isTotal(s.kind)));
  const fits =
    n <= MAX_COLUMNS &&
    slot >= MIN_SLOT &&
    valueWidth(p, font) <= slot - 4 &&
    wrapped.every((ls, i) => ls.length <= MAX_LABEL_LINES && ls.every((l) => textWidth(l, font, isTotal(p.steps[i]!.kind)) <= labelW));
  if (!fits && !forced) return null;
  const lines = p.steps.map((s) => labelLines(s.label, Math.max(1, labelW), font, isTotal(s.kind), MAX_LABEL_LINES));
  const maxLines = Math.max(1, ...lines.map((l) => l.length));
  const top = font + 10;
  const labelsH = 8 + maxLines * lineH;
  const geometry = (downBand: number) => {
    const bottom = H - labelsH - downBand;
    const y = linear(axis.ticks.min, axis.ticks.max, bottom, top);
    return { bottom, y };
  };
  let g = geometry(0);
  // A value under a falling bar near the axis needs room above the category labels.
  const below = (i: number): boolean => p.dirs[i] === 'down' || (isTotal(p.steps[i]!.kind) && num(p.steps[i]!.value) < axis.base);
  const band = font + 6;
  const crowded = p.steps.some((s, i) => below(i) && g.bottom - g.y(isTotal(s.kind) ? Math.min(num(s.value), axis.base) : p.running[i]!) < band);
  const downBand = crowded ? band : 0;
  if (crowded) g = geometry(downBand);
  const { bottom, y } = g;
  const barW = Math.min(slot * 0.62, 96);
  const bars: WaterfallBar[] = p.steps.map((s, i) => {
    const total = isTotal(s.kind);
    const from = total ? axis.base : p.froms[i]!;
    const to = p.running[i]!;
    const cx = left + slot * (i + 0.5);
    const dir = p.dirs[i]!;
    const [y0, y1] = span(y(from), y(to), total ? direction(to - from) : dir, true);
    const isBelow = below(i);
    return {
      index: i,
      step: s,
      total,
      dir,
      from,
      to,
      x: cx - barW / 2,
      y: y0,
      width: barW,
      height: y1 - y0,
      cut: total && axis.broken,
      band: [left + slot * i, left + slot * (i + 1)],
      valueText: p.texts[i]!,
      valueX: cx,
      valueY: isBelow ? y1 + font + 3 : y0 - 5,
      valueAnchor: 'middle',
      labelLines: lines[i]!,
      labelX: cx,
      labelY: bottom + downBand + 6 + font,
      labelAnchor: 'middle',
      largest: false,
    };
  });
  const ticks = axis.ticks.values.map((v, k) => ({ value: v, pos: y(v), text: tickText[k]! }));
  const zeroIn = axis.ticks.min <= 0 && axis.ticks.max >= 0;
  return finish(
    p,
    opts,
    {
      orientation: 'columns',
      stacked: false,
      width: W,
      height: H,
      plot: { left, top, right: W - right, bottom },
      ticks,
      zero: zeroIn ? y(0) : null,
      base: axis.base,
      basePos: y(axis.base),
      broken: axis.broken,
      fontSize: font,
      lineHeight: lineH,
    },
    bars,
    false,
    y,
  );
}

/** Side by side, the plot of the rows layout must be at least this wide; else labels go above their bars. */
const MIN_ROWS_PLOT = 160;

function rowsLayout(p: Prepared, W: number, opts: WaterfallOptions, font: number): WaterfallLayout {
  const lineH = Math.round(font * 1.25);
  const pad = 4;
  const valueW = Math.ceil(valueWidth(p, font));
  const natural = Math.max(0, ...p.steps.map((s) => textWidth(s.label, font, isTotal(s.kind))));
  const sideW = Math.max(48, Math.min(natural, W * (W < 480 ? 0.34 : 0.3)));
  // Narrow (phones): each label on its own line(s) above its bar, the bars across the whole width.
  const stacked = W - (pad + sideW + 10) - valueW - 10 < MIN_ROWS_PLOT;
  const fmtAxis = opts.formatAxis ?? opts.format;
  const level0 = labelledAxis(p.running, opts.includeZero, 5, fmtAxis);
  const tickW = Math.max(...level0.texts.map((s) => textWidth(s, font)));
  const labelW = stacked ? W - 2 * pad : sideW;
  const lines = p.steps.map((s) => labelLines(s.label, labelW, font, isTotal(s.kind), stacked ? 2 : MAX_LABEL_LINES));
  const left = stacked ? pad + Math.ceil(tickW / 2) : pad + sideW + 10;
  const right = W - valueW - 10;
  const plotW = Math.max(40, right - left);
  // Fewer ticks when their labels would crowd.
  const count = Math.max(2, Math.min(6, Math.floor(plotW / (tickW + 20))));
  const axis = labelledAxis(p.running, opts.includeZero, count, fmtAxis);
  const x = linear(axis.ticks.min, axis.ticks.max, left, left + plotW);
  const top = 6;
  const thick = (rh: number): number => Math.max(14, Math.min(22, rh * 0.62));
  const barRow = Math.round(font * 2.3);
  const rowHs = lines.map((l) => (stacked ? l.length * lineH + barRow : Math.max(barRow, l.length * lineH + 10)));
  let cursor = top;
  const bars: WaterfallBar[] = p.steps.map((s, i) => {
    const total = isTotal(s.kind);
    const from = total ? axis.base : p.froms[i]!;
    const to = p.running[i]!;
    const dir = p.dirs[i]!;
    const rh = rowHs[i]!;
    const labelH = stacked ? lines[i]!.length * lineH : 0;
    const cy = stacked ? cursor + labelH + barRow / 2 : cursor + rh / 2;
    const t = thick(stacked ? barRow : rh);
    const [x0, x1] = span(x(from), x(to), total ? direction(to - from) : dir, false);
    const bar: WaterfallBar = {
      index: i,
      step: s,
      total,
      dir,
      from,
      to,
      x: x0,
      y: cy - t / 2,
      width: x1 - x0,
      height: t,
      cut: total && axis.broken,
      band: [cursor, cursor + rh],
      valueText: p.texts[i]!,
      valueX: x1 + 5,
      valueY: cy + font * 0.35,
      valueAnchor: 'start',
      labelLines: lines[i]!,
      labelX: stacked ? pad : pad + sideW,
      labelY: stacked ? cursor + font + 1 : cy - ((lines[i]!.length - 1) * lineH) / 2 + font * 0.35,
      labelAnchor: stacked ? 'start' : 'end',
      largest: false,
    };
    cursor += rh;
    return bar;
  });
  const bottom = cursor;
  const H = Math.ceil(bottom + font + 14);
  const ticks = axis.ticks.values.map((v, k) => ({ value: v, pos: x(v), text: axis.texts[k]! }));
  const zeroIn = axis.ticks.min <= 0 && axis.ticks.max >= 0;
  return finish(
    p,
    opts,
    {
      orientation: 'rows',
      stacked,
      width: W,
      height: H,
      plot: { left, top, right: left + plotW, bottom },
      ticks,
      zero: zeroIn ? x(0) : null,
      base: axis.base,
      basePos: x(axis.base),
      broken: axis.broken,
      fontSize: font,
      lineHeight: lineH,
    },
    bars,
    true,
    x,
  );
}
