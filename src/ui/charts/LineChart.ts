import { createElement as h, useId, useState, type KeyboardEvent, type PointerEvent, type ReactElement } from 'react';
import type { Lang } from '../../sim/text';
import { DataTable } from './DataTable';
import { firstIndex, lastIndex, runs, spreadLabels } from './lineLayout';
import { extent, labelledTicks, linear, nearestIndex, tickIndices, type Bounds } from './scale';
import { ghostStyle, Marker, seriesStyle, Swatch, type SeriesStyle } from './series';
import { textWidth, wrapText } from './text';
import { LineTooltip } from './LineTooltip';
import { useChartsT, type ChartsT } from './useChartsT';
import { useWidth } from './useWidth';
import './charts.css';

/** One line: a value per quarter, `null` where there is none (not started yet, or not measured). */
export interface LineSeries {
  id: string;
  name: string;
  values: readonly (number | null)[];
}

/** A horizontal target line (an objective), labelled `label: format(value)`. */
export interface LineTarget {
  value: number;
  label: string;
}

export interface LineChartProps {
  title: string;
  lang: Lang;
  series: readonly LineSeries[];
  /** Formats a value for the axis, labels, tooltip and table (money, percent, count). */
  format: (v: number) => string;
  /** Faint "ghost" lines to compare with, e.g. reference strategies. */
  references?: readonly LineSeries[];
  target?: LineTarget | null;
  /** Quarter number of index 0 (default 0). */
  firstQuarter?: number;
  /** Start the value axis at zero (default: fit the data; a zero line is drawn whenever values cross zero). */
  includeZero?: boolean;
  /** The range the values can take (a share: [0, 1]): the axis stops there. */
  bounds?: Bounds;
  /** The sentence shown instead of an empty chart when no line has a value (default: not measured in any quarter). */
  empty?: string;
  /** Height in CSS px at the measured width (default 300). */
  height?: number;
  /** Lay out for this width instead of measuring the container (tests, print). */
  width?: number;
}

const FONT = 13;
const PAD_X = 10;
const LINE_H = 16;
const TARGET_DASH = '14 5 2 5';

interface EndLabel {
  key: string;
  lines: string[];
  value: number;
  /** Index of the labelled point (-1: the target line). */
  from: number;
  line: Line | null;
}

/** Lines an end label may take; a longer label moves the chart to a legend above it (never cut short). */
const MAX_LABEL_LINES = 3;

interface Line {
  key: string;
  name: string;
  values: readonly (number | null)[];
  style: SeriesStyle;
  ghost: boolean;
}

const finite = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

/** The aria-label of the chart: title, quarters and each line's first and last value. */
export function lineSummary(t: ChartsT, p: Pick<LineChartProps, 'title' | 'format' | 'target' | 'firstQuarter'>, lines: readonly { name: string; values: readonly (number | null)[] }[]): string {
  const q0 = p.firstQuarter ?? 0;
  const n = Math.max(0, ...lines.map((l) => l.values.length));
  if (n === 0) return `${p.title}. ${t('noData')}`;
  const parts: string[] = lines.flatMap((l): string[] => {
    const a = firstIndex(l.values);
    const b = lastIndex(l.values);
    if (a < 0) return [t('nameValue', { name: l.name, value: t('noValue') })];
    const first = p.format(l.values[a]!);
    if (a === b) return [t('nameValue', { name: l.name, value: first })];
    return [t('line.seriesChange', { name: l.name, first, last: p.format(l.values[b]!) })];
  });
  if (p.target) parts.push(t('line.target', { label: p.target.label, value: p.format(p.target.value) }));
  const details = parts.join(t('listSep'));
  return n === 1 ? t('line.summaryOne', { title: p.title, from: q0, details }) : t('line.summary', { title: p.title, from: q0, to: q0 + n - 1, details });
}

/** What a screen reader hears for quarter `i`: the quarter and every line's value. */
export function quarterText(t: ChartsT, lines: readonly Line[], i: number, q0: number, format: (v: number) => string): string {
  const ordered = [...lines.filter((l) => !l.ghost), ...lines.filter((l) => l.ghost)];
  const vals = ordered.map((l) => {
    const v = l.values[i];
    const name = l.ghost ? t('line.reference', { name: l.name }) : l.name;
    return t('nameValue', { name, value: finite(v) ? format(v) : t('noValue') });
  });
  return `${t('quarterN', { n: q0 + i })}: ${vals.join(t('listSep'))}`;
}

/** Several series over quarters, with optional reference lines and target; keyboard and pointer read values. */
export function LineChart(props: LineChartProps): ReactElement {
  const { title, lang, series, format, references = [], target = null, firstQuarter: q0 = 0, includeZero = false } = props;
  const t = useChartsT(lang);
  const [boxRef, W] = useWidth<HTMLDivElement>(props.width, 640);
  const H = props.height ?? 300;
  const [active, setActive] = useState<{ i: number; byKey: boolean } | null>(null);
  const hintId = useId();

  const lines: Line[] = [
    ...references.map((s, i) => ({ key: `r-${s.id}`, name: s.name, values: s.values, style: ghostStyle(i), ghost: true })),
    ...series.map((s, i) => ({ key: `s-${s.id}`, name: s.name, values: s.values, style: seriesStyle(i), ghost: false })),
  ];
  const n = Math.max(0, ...lines.map((l) => l.values.length));
  const summary = lineSummary(t, props, [...series, ...references.map((r) => ({ ...r, name: t('line.reference', { name: r.name }) }))]);

  // Vertical scale.
  const ext = extent([...lines.map((l) => l.values), target ? [target.value] : []]);
  const lo = ext ? (includeZero ? Math.min(0, ext[0]) : ext[0]) : 0;
  const hi = ext ? (includeZero ? Math.max(0, ext[1]) : ext[1]) : 1;
  const top = 18;
  const bottom = 46;
  const plotH = H - top - bottom;
  const ticks = labelledTicks(lo, hi, Math.max(3, Math.min(7, Math.round(plotH / 55))), format, props.bounds);
  const tickText = ticks.texts;
  const left = Math.ceil(Math.max(...tickText.map((s) => textWidth(s, FONT)))) + 12;

  // End labels (each line's name, and the target) on the right; a legend above when narrow or when a name would need too many lines.
  const maxLabel = W * 0.26;
  const targetText = target ? t('line.target', { label: target.label, value: format(target.value) }) : '';
  const labelled = lines.filter((l) => lastIndex(l.values) >= 0);
  const wanted: EndLabel[] = [
    ...labelled.map((l) => ({ key: l.key, lines: wrapText(l.name, maxLabel, FONT, !l.ghost), value: l.values[lastIndex(l.values)]!, from: lastIndex(l.values), line: l })),
    ...(target && n ? [{ key: 'target', lines: wrapText(targetText, maxLabel, FONT, true), value: target.value, from: -1, line: null }] : []),
  ];
  const legend = lines.length > 0 && (W < 440 || wanted.some((e) => e.lines.length > MAX_LABEL_LINES));
  const ends: EndLabel[] = legend ? [] : wanted;
  const labelW = Math.max(0, ...ends.flatMap((e) => e.lines.map((s) => textWidth(s, FONT, e.line ? !e.line.ghost : true))));
  const right = ends.length === 0 ? 16 : Math.ceil(labelW) + 22;

  const x0 = left + PAD_X;
  const x1 = Math.max(x0 + 1, W - right - PAD_X);
  const y = linear(ticks.min, ticks.max, top + plotH, top);
  const x = (i: number): number => (n <= 1 ? (x0 + x1) / 2 : x0 + ((x1 - x0) * i) / (n - 1));

  const qLabelW = textWidth(String(q0 + n - 1), FONT) + 14;
  const xTicks = tickIndices(n, x1 - x0, qLabelW);

  const setFrom = (i: number, byKey: boolean): void => setActive(n ? { i: Math.max(0, Math.min(n - 1, i)), byKey } : null);
  const onPointerMove = (e: PointerEvent<SVGSVGElement>): void => {
    const r = e.currentTarget.getBoundingClientRect();
    if (r.width > 0) setFrom(nearestIndex(((e.clientX - r.left) * W) / r.width, x0, x1, n), false);
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>): void => {
    const cur = active?.i ?? n - 1;
    const next = e.key === 'ArrowLeft' ? cur - 1 : e.key === 'ArrowRight' ? cur + 1 : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : null;
    if (next === null) {
      if (e.key === 'Escape') setActive(null);
      return;
    }
    e.preventDefault();
    setFrom(next, true);
  };

  const halo = { stroke: 'var(--card, #fff)', strokeWidth: 4, paintOrder: 'stroke', strokeLinejoin: 'round' } as const;
  const zero = ticks.min < 0 && ticks.max > 0;
  const ys = ends.map((e) => y(e.value));
  const spread = spreadLabels(ys, ends.map((e) => e.lines.length * LINE_H + 2), top, top + plotH);

  const svg = h(
    'svg',
    {
      className: 'crm-chart-plot',
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-label': summary,
      'aria-describedby': n ? hintId : undefined,
      tabIndex: n ? 0 : undefined,
      onPointerMove: n ? onPointerMove : undefined,
      onPointerLeave: () => setActive((a) => (a?.byKey ? a : null)),
      onFocus: () => setFrom(active?.i ?? n - 1, true),
      onBlur: () => setActive(null),
      onKeyDown: n ? onKeyDown : undefined,
      fontSize: FONT,
    },
    // Grid, axes, zero line.
    (n ? ticks.values : []).map((v, k) =>
      h(
        'g',
        { key: `t${k}` },
        h('line', { className: 'crm-grid-line', x1: left, x2: W - right, y1: y(v), y2: y(v) }),
        h('text', { x: left - 8, y: y(v), dy: '0.35em', textAnchor: 'end', className: 'crm-muted' }, tickText[k]),
      ),
    ),
    zero ? h('line', { className: 'crm-zero-line', x1: left, x2: W - right, y1: y(0), y2: y(0) }) : null,
    h('line', { className: 'crm-axis-line', x1: left, x2: W - right, y1: top + plotH, y2: top + plotH }),
    xTicks.map((i) => h('text', { key: `x${i}`, x: x(i), y: top + plotH + 18, textAnchor: 'middle', className: 'crm-muted' }, String(q0 + i))),
    h('text', { x: (x0 + x1) / 2, y: H - 6, textAnchor: 'middle', className: 'crm-muted' }, t('quarter')),
    n === 0 ? h('text', { x: W / 2, y: top + plotH / 2, textAnchor: 'middle', fontSize: 15 }, t('noData')) : null,
    // Target.
    target
      ? h(
          'g',
          null,
          h('line', { x1: left, x2: W - right, y1: y(target.value), y2: y(target.value), stroke: 'var(--text, #1d2430)', strokeWidth: 1.5, strokeDasharray: TARGET_DASH }),
        )
      : null,
    // Lines (references underneath), then their markers.
    lines.map((l) =>
      h(
        'g',
        { key: l.key },
        runs(l.values).map(([a, b]) =>
          b > a
            ? h('path', {
                key: a,
                d: l.values
                  .slice(a, b + 1)
                  .map((v, k) => `${k ? 'L' : 'M'}${x(a + k).toFixed(1)},${y(v!).toFixed(1)}`)
                  .join(''),
                fill: 'none',
                stroke: l.style.color,
                strokeWidth: l.ghost ? 1.75 : 2.5,
                strokeDasharray: l.style.dash || undefined,
                strokeLinejoin: 'round',
              })
            : l.ghost
              ? h('circle', { key: a, cx: x(a), cy: y(l.values[a]!), r: 2.5, fill: l.style.color })
              : null,
        ),
        l.ghost
          ? null
          : l.values.map((v, i) =>
              finite(v) && (n <= 30 || i === lastIndex(l.values) || (l.values[i - 1] == null && l.values[i + 1] == null))
                ? h(Marker, { key: i, style: l.style, x: x(i), y: y(v), r: active?.i === i ? 6 : 4 })
                : null,
            ),
      ),
    ),
    // End labels.
    ends.map((e, k) => {
      const lx = x1 + PAD_X + 8;
      const ly = spread[k]!;
      const fx = e.from >= 0 ? x(e.from) + 6 : x1;
      const moved = Math.abs(ly - ys[k]!) > 3 || (e.from >= 0 && e.from < n - 1);
      const ghost = e.line?.ghost ?? false;
      return h(
        'g',
        { key: `l-${e.key}` },
        moved ? h('line', { x1: fx, y1: ys[k]!, x2: lx - 3, y2: ly, stroke: 'var(--muted, #5b6576)', strokeWidth: 1, strokeDasharray: '1 2' }) : null,
        h(
          'text',
          {
            y: ly - ((e.lines.length - 1) * LINE_H) / 2,
            fill: e.line ? (ghost ? 'var(--muted, #5b6576)' : e.line.style.color) : undefined,
            fontWeight: ghost ? 400 : 600,
            ...halo,
          },
          e.lines.map((s, i) => h('tspan', { key: i, x: lx, dy: i ? LINE_H : '0.35em' }, s)),
        ),
      );
    }),
    // Guide and tooltip.
    active && n
      ? h(LineTooltip, { t, lines, i: active.i, x: x(active.i), top, bottom: top + plotH, left: left + 2, right: x1 + PAD_X, q0, format })
      : null,
  );

  if (n > 0 && ext === null) {
    // Nothing was measured: a sentence, not an empty grid with a made-up 0–1 axis and a legend.
    return h(
      'figure',
      { className: 'crm-chart crm-line crm-chart-empty', lang },
      h('figcaption', { className: 'crm-chart-title' }, title),
      h('p', { className: 'crm-muted crm-chart-empty-note' }, props.empty ?? t('line.notMeasured')),
    );
  }

  return h(
    'figure',
    { className: 'crm-chart crm-line', lang },
    h('figcaption', { className: 'crm-chart-title' }, title),
    legend
      ? h(
          'ul',
          { className: 'crm-chart-legend' },
          [...lines.filter((l) => !l.ghost), ...lines.filter((l) => l.ghost)].map((l) =>
            h(
              'li',
              { key: l.key },
              h('svg', { width: 30, height: 14, viewBox: '0 0 30 14', 'aria-hidden': true, focusable: false }, h(Swatch, { style: l.style, x: 3, y: 7, w: 24, ghost: l.ghost })),
              l.ghost ? t('line.reference', { name: l.name }) : l.name,
            ),
          ),
          target
            ? h(
                'li',
                { key: 'target' },
                h(
                  'svg',
                  { width: 30, height: 14, viewBox: '0 0 30 14', 'aria-hidden': true, focusable: false },
                  h('line', { x1: 1, x2: 29, y1: 7, y2: 7, stroke: 'var(--text, #1d2430)', strokeWidth: 1.5, strokeDasharray: TARGET_DASH }),
                ),
                targetText,
              )
            : null,
        )
      : null,
    h('div', { className: 'crm-chart-box', ref: boxRef }, svg),
    h('p', { id: hintId, className: 'crm-chart-sr' }, t('line.keysHint')),
    h('div', { className: 'crm-chart-sr', 'aria-live': 'polite' }, active?.byKey ? quarterText(t, lines, active.i, q0, format) : ''),
    h(DataTable, {
      lang,
      caption: target ? t('line.target', { label: target.label, value: format(target.value) }) : undefined,
      head: [t('quarter'), ...series.map((s) => s.name), ...references.map((r) => t('line.reference', { name: r.name }))],
      rows: Array.from({ length: n }, (_, i) => ({
        header: String(q0 + i),
        cells: [...series, ...references].map((s) => {
          const v = s.values[i];
          return finite(v) ? format(v) : '—';
        }),
      })),
    }),
  );
}
