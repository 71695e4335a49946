import { createElement as h, useId, useState, type KeyboardEvent, type PointerEvent, type ReactElement } from 'react';
import type { Lang } from '../../sim/text';
import { DataTable } from './DataTable';
import { textWidth, wrapText } from './text';
import { useChartsT, type ChartsT } from './useChartsT';
import { useWidth } from './useWidth';
import {
  changeText,
  defaultDelta,
  waterfallLayout,
  type WaterfallBar,
  type WaterfallCheck,
  type WaterfallKind,
  type WaterfallLayout,
  type WaterfallStep,
} from './waterfallLayout';
import './charts.css';

export interface WaterfallProps {
  title: string;
  lang: Lang;
  /** The bars in order: a 'start' level, the changes, an 'end' level (start + Σ changes must equal end). */
  steps: readonly WaterfallStep[];
  /** Formats a level: axis ticks, the first and last bars, running totals. */
  format: (v: number) => string;
  /** Formats a change, signed (default: + or − and `format` of its size); the chart puts ▲/▼ in front. */
  formatDelta?: (v: number) => string;
  /** Formats the value axis' ticks (default `format`): a finer format when levels are far from zero and `format` is compact. */
  formatAxis?: (v: number) => string;
  /** Height in CSS px of the column layout (default 320); the row layout takes what its rows need. */
  height?: number;
  /** Lay out for this width instead of measuring the container (tests, print). */
  width?: number;
  /** Mark the largest change with a thick outline and say so. */
  highlight?: boolean;
  /** Include zero in the value axis (default: unless it would squash the steps; see waterfallAxis). */
  includeZero?: boolean;
}

const FONT = 13;
const TIP_ROW = 18;

const fmtDeltaOf = (p: Pick<WaterfallProps, 'format' | 'formatDelta'>): ((v: number) => string) => p.formatDelta ?? defaultDelta(p.format);

/** The words for a mismatch or a structural problem, or '' when the parts add up. */
export function checkText(t: ChartsT, check: WaterfallCheck, p: Pick<WaterfallProps, 'format' | 'formatDelta'>): string {
  if (check.ok) return '';
  if (check.problem) return t(`waterfall.problems.${check.problem}`);
  return t('waterfall.mismatch', { start: p.format(check.start), expected: p.format(check.expected), end: p.format(check.end), diff: fmtDeltaOf(p)(check.mismatch) });
}

/** What a screen reader hears for bar `i`: a level, or a change with the running total after it. */
export function barText(t: ChartsT, layout: WaterfallLayout, i: number, p: Pick<WaterfallProps, 'format' | 'formatDelta'>): string {
  const b = layout.bars[i];
  if (!b) return '';
  const main = b.total
    ? t('nameValue', { name: b.step.label, value: b.valueText })
    : t('waterfall.stepTotal', { label: b.step.label, change: b.valueText, total: p.format(layout.running[i]!) });
  return b.largest ? `${main}${t('listSep')}${t('waterfall.largest')}` : main;
}

/** The aria-label of the chart: title, start and end with the change, each step, and any mismatch. */
export function waterfallSummary(t: ChartsT, layout: WaterfallLayout, p: Pick<WaterfallProps, 'title' | 'format' | 'formatDelta'>): string {
  if (layout.bars.length === 0) return `${p.title}. ${t('noData')}`;
  const { check } = layout;
  const details = layout.bars.filter((b) => !b.total).map((b) => t('nameValue', { name: b.step.label, value: b.valueText }));
  const change = changeText(check.end - check.start, fmtDeltaOf(p), 1e-9 * Math.max(Math.abs(check.start), Math.abs(check.end)));
  const vars = { title: p.title, start: p.format(check.start), end: p.format(check.end), change };
  const s = details.length ? t('waterfall.summary', { ...vars, details: details.join(t('listSep')) }) : t('waterfall.summaryTotals', vars);
  const big = layout.bars.find((b) => b.largest);
  const extra = [big ? t('waterfall.largestSummary', { label: big.step.label, change: big.valueText }) : '', checkText(t, check, p)];
  return [s, ...extra].filter(Boolean).join(' ');
}

interface Look {
  fill: string;
  fillOpacity?: number;
  stroke: string;
  strokeWidth: number;
}

/** How a bar is drawn: totals solid grey; rises solid; falls outlined on a light tint; interaction hatched; outside in grey; the end-of-game valuation and a rival firm's decisions each in their own colour. */
function look(b: Pick<WaterfallBar, 'total' | 'dir'> & { kind: WaterfallKind }, ids: { up: string; down: string }): Look {
  if (b.total) return { fill: 'var(--wf-total)', stroke: 'var(--wf-total)', strokeWidth: 1 };
  const down = b.dir === 'down';
  const color = b.kind === 'outside' ? 'var(--chart-ghost)' : b.kind === 'valuation' ? 'var(--chart-s4)' : b.kind === 'rival' ? 'var(--chart-s5)' : down ? 'var(--chart-s2)' : 'var(--chart-s1)';
  if (b.kind === 'interaction') return { fill: `url(#${down ? ids.down : ids.up})`, stroke: color, strokeWidth: 2 };
  return down ? { fill: color, fillOpacity: 0.14, stroke: color, strokeWidth: 2 } : { fill: color, stroke: color, strokeWidth: 1 };
}

/** A bar's outline, with a zigzag at its base when the axis does not reach zero (the bar is cut). */
export function barPath(b: WaterfallBar, layout: Pick<WaterfallLayout, 'orientation' | 'base'>): string {
  const f = (n: number): string => n.toFixed(1);
  const { x, y, width: w, height: hh } = b;
  if (!b.cut) return `M${f(x)},${f(y)}h${f(w)}v${f(hh)}h${f(-w)}Z`;
  const amp = 3;
  const gap = 5;
  const baseFirst = b.to < layout.base; // the base is at the top (columns) or right (rows)
  if (layout.orientation === 'columns') {
    const teeth = Math.max(2, Math.round(w / 8));
    const tw = w / teeth;
    if (!baseFirst) {
      const yb = y + hh - gap;
      let d = `M${f(x)},${f(y)}H${f(x + w)}V${f(yb)}`;
      for (let k = 1; k <= teeth; k++) d += `L${f(x + w - (k - 0.5) * tw)},${f(yb - amp)}L${f(x + w - k * tw)},${f(yb)}`;
      return `${d}Z`;
    }
    const yt = y + gap;
    let d = `M${f(x)},${f(y + hh)}H${f(x + w)}V${f(yt)}`;
    for (let k = 1; k <= teeth; k++) d += `L${f(x + w - (k - 0.5) * tw)},${f(yt + amp)}L${f(x + w - k * tw)},${f(yt)}`;
    return `${d}Z`;
  }
  const teeth = Math.max(2, Math.round(hh / 6));
  const th = hh / teeth;
  if (!baseFirst) {
    const xb = x + gap;
    let d = `M${f(x + w)},${f(y)}V${f(y + hh)}H${f(xb)}`;
    for (let k = 1; k <= teeth; k++) d += `L${f(xb + amp)},${f(y + hh - (k - 0.5) * th)}L${f(xb)},${f(y + hh - k * th)}`;
    return `${d}Z`;
  }
  const xr = x + w - gap;
  let d = `M${f(x)},${f(y)}V${f(y + hh)}H${f(xr)}`;
  for (let k = 1; k <= teeth; k++) d += `L${f(xr - amp)},${f(y + hh - (k - 0.5) * th)}L${f(xr)},${f(y + hh - k * th)}`;
  return `${d}Z`;
}

/**
 * Why a KPI changed this quarter: the level at the start, the parts of the change floating on
 * the running total (late effects, outside, each group of decisions, their interaction), the
 * level now. Rises are filled, falls outlined, the interaction hatched; every bar carries its
 * value with ▲/▼. Columns for up to 10 bars where they fit, rows otherwise (many steps, phones).
 * Arrow keys read the bars; a data table lists each step, its change and the running total.
 */
export function Waterfall(props: WaterfallProps): ReactElement {
  const { title, lang, steps, format, highlight = false, includeZero } = props;
  const t = useChartsT(lang);
  const [boxRef, W] = useWidth<HTMLDivElement>(props.width, 640);
  const [active, setActive] = useState<{ i: number; byKey: boolean } | null>(null);
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const ids = { up: `wf-up-${uid}`, down: `wf-down-${uid}` };
  const hintId = `wf-hint-${uid}`;
  const formatDelta = fmtDeltaOf(props);
  const L = waterfallLayout(steps, W, props.height ?? 320, { format, formatDelta, formatAxis: props.formatAxis, includeZero, highlight, fontSize: FONT });
  const n = L.bars.length;
  const H = L.height;
  const rows = L.orientation === 'rows';
  const summary = waterfallSummary(t, L, props);
  const problem = checkText(t, L.check, props);
  const big = L.bars.find((b) => b.largest);
  const kindName = (k: WaterfallKind): string => t(`waterfall.kinds.${k}`);

  const setFrom = (i: number, byKey: boolean): void => setActive(n ? { i: Math.max(0, Math.min(n - 1, i)), byKey } : null);
  const onPointerMove = (e: PointerEvent<SVGSVGElement>): void => {
    const r = e.currentTarget.getBoundingClientRect();
    if (!(r.width > 0)) return;
    const k = W / r.width;
    const at = rows ? (e.clientY - r.top) * k : (e.clientX - r.left) * k;
    const i = L.bars.findIndex((b) => at >= b.band[0] && at < b.band[1]);
    if (i >= 0) setFrom(i, false);
    else setActive((a) => (a?.byKey ? a : null));
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>): void => {
    const cur = active?.i ?? 0;
    const back = e.key === 'ArrowLeft' || e.key === 'ArrowUp';
    const fwd = e.key === 'ArrowRight' || e.key === 'ArrowDown';
    const next = back ? cur - 1 : fwd ? cur + 1 : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : null;
    if (next === null) {
      if (e.key === 'Escape') setActive(null);
      return;
    }
    e.preventDefault();
    setFrom(next, true);
  };

  const halo = { stroke: 'var(--card, #fff)', strokeWidth: 4, paintOrder: 'stroke', strokeLinejoin: 'round' } as const;
  const { plot } = L;
  const hatch = (id: string, color: string, flip: boolean): ReactElement =>
    h(
      'pattern',
      { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: `rotate(${flip ? -45 : 45})` },
      h('rect', { width: 6, height: 6, fill: color, fillOpacity: 0.12 }),
      h('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: color, strokeWidth: 2.5 }),
    );

  // Value axis: grid and tick labels (left in columns, below in rows).
  const axis = L.ticks.map((tk, k) =>
    rows
      ? h(
          'g',
          { key: `t${k}` },
          h('line', { className: 'crm-grid-line', x1: tk.pos, x2: tk.pos, y1: plot.top, y2: plot.bottom }),
          h('text', { x: tk.pos, y: plot.bottom + FONT + 6, textAnchor: 'middle', className: 'crm-muted' }, tk.text),
        )
      : h(
          'g',
          { key: `t${k}` },
          h('line', { className: 'crm-grid-line', x1: plot.left, x2: plot.right, y1: tk.pos, y2: tk.pos }),
          h('text', { x: plot.left - 8, y: tk.pos, dy: '0.35em', textAnchor: 'end', className: 'crm-muted' }, tk.text),
        ),
  );
  // The baseline the totals stand on: the zero line, or the axis end with a break mark.
  const baseLine = rows
    ? h('line', { className: L.broken ? 'crm-axis-line' : 'crm-zero-line', x1: L.basePos, x2: L.basePos, y1: plot.top, y2: plot.bottom })
    : h('line', { className: L.broken ? 'crm-axis-line' : 'crm-zero-line', x1: plot.left, x2: plot.right, y1: L.basePos, y2: L.basePos });
  const breakMark = L.broken
    ? rows
      ? h('path', { className: 'crm-wf-break', d: `M${L.basePos - 6},${plot.bottom + 5}l5,-10M${L.basePos},${plot.bottom + 5}l5,-10` })
      : h('path', { className: 'crm-wf-break', d: `M${plot.left - 5},${L.basePos + 1}l10,-5M${plot.left - 5},${L.basePos + 6}l10,-5` })
    : null;

  const activeBar = active ? L.bars[active.i] : undefined;
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
      onFocus: () => setFrom(active?.i ?? 0, true),
      onBlur: () => setActive(null),
      onKeyDown: n ? onKeyDown : undefined,
      fontSize: FONT,
    },
    h('defs', null, hatch(ids.up, 'var(--chart-s1)', false), hatch(ids.down, 'var(--chart-s2)', true)),
    n === 0 ? h('text', { x: W / 2, y: H / 2, textAnchor: 'middle', fontSize: 15 }, t('noData')) : null,
    n ? axis : null,
    activeBar
      ? h('rect', {
          className: 'crm-wf-band',
          x: rows ? 0 : activeBar.band[0],
          y: rows ? activeBar.band[0] : plot.top - FONT - 8,
          width: rows ? W : activeBar.band[1] - activeBar.band[0],
          height: rows ? activeBar.band[1] - activeBar.band[0] : H - plot.top + FONT + 8,
        })
      : null,
    n ? baseLine : null,
    breakMark,
    // Connectors at the running total between bars (dashed and marked where the parts do not meet).
    L.connectors.map((c, k) => h('line', { key: `c${k}`, className: c.gap ? 'crm-wf-connector crm-wf-gap' : 'crm-wf-connector', x1: c.x1, y1: c.y1, x2: c.x2, y2: c.y2 })),
    L.bars.map((b) => {
      const lk = look({ total: b.total, dir: b.dir, kind: b.step.kind }, ids);
      const inset = lk.strokeWidth / 2;
      const box = b.width > 2 * inset + 1 && b.height > 2 * inset + 1 ? { ...b, x: b.x + inset, y: b.y + inset, width: b.width - 2 * inset, height: b.height - 2 * inset } : b;
      return h(
        'g',
        { key: b.step.id, className: `crm-wf-bar crm-wf-${b.total ? 'total' : b.step.kind} crm-wf-${b.dir}` },
        b.largest ? h('rect', { className: 'crm-wf-largest', x: b.x - 3.5, y: b.y - 3.5, width: b.width + 7, height: b.height + 7, rx: 2 }) : null,
        h('path', { d: barPath(box, L), fill: lk.fill, fillOpacity: lk.fillOpacity, stroke: lk.stroke, strokeWidth: lk.strokeWidth, strokeLinejoin: 'round' }),
        h('text', { x: b.valueX, y: b.valueY, textAnchor: b.valueAnchor, fontWeight: 700, ...halo }, b.valueText),
        h(
          'text',
          { y: b.labelY, textAnchor: b.labelAnchor, fontWeight: b.total ? 700 : 400, ...(L.stacked ? halo : null) },
          b.labelLines.map((s, k) => h('tspan', { key: k, x: b.labelX, dy: k ? L.lineHeight : 0 }, s)),
        ),
      );
    }),
    activeBar ? h(Tip, { t, L, bar: activeBar, kind: kindName(activeBar.step.kind), format }) : null,
  );

  // The legend shows what the bars use: rises, falls, and the interaction, outside, valuation and rival bars as drawn.
  const changes = L.bars.filter((b) => !b.total && b.dir !== 'flat');
  const firstOf = (k: WaterfallKind): WaterfallBar | undefined => changes.find((b) => b.step.kind === k);
  const plain = changes.filter((b) => b.step.kind !== 'interaction' && b.step.kind !== 'outside' && b.step.kind !== 'valuation' && b.step.kind !== 'rival');
  const legendItems = [
    { key: 'up' as const, bar: plain.find((b) => b.dir === 'up') },
    { key: 'down' as const, bar: plain.find((b) => b.dir === 'down') },
    { key: 'interaction' as const, bar: firstOf('interaction') },
    { key: 'outside' as const, bar: firstOf('outside') },
    { key: 'valuation' as const, bar: firstOf('valuation') },
    { key: 'rival' as const, bar: firstOf('rival') },
  ].flatMap(({ key, bar }) => (bar ? [{ key, look: look({ total: false, dir: bar.dir, kind: bar.step.kind }, ids) }] : []));

  const notes = [
    L.broken ? t('waterfall.axisBreak', { at: format(L.base) }) : '',
    big ? t('waterfall.largestNote', { label: big.step.label, change: big.valueText }) : '',
  ].filter(Boolean);

  return h(
    'figure',
    { className: 'crm-chart crm-waterfall', lang },
    h('figcaption', { className: 'crm-chart-title' }, title),
    legendItems.length
      ? h(
          'ul',
          { className: 'crm-chart-legend' },
          legendItems.map((it) =>
            h(
              'li',
              { key: it.key },
              h(
                'svg',
                { width: 30, height: 14, viewBox: '0 0 30 14', 'aria-hidden': true, focusable: false },
                h('rect', { x: 4, y: 1.5, width: 22, height: 11, fill: it.look.fill, fillOpacity: it.look.fillOpacity, stroke: it.look.stroke, strokeWidth: it.look.strokeWidth }),
              ),
              t(`waterfall.legend.${it.key}`),
            ),
          ),
        )
      : null,
    h('div', { className: 'crm-chart-box', ref: boxRef }, svg),
    problem ? h('p', { className: 'crm-chart-note crm-wf-warning' }, `⚠ ${problem}`) : null,
    notes.map((s, k) => h('p', { key: k, className: 'crm-chart-note' }, s)),
    h('p', { id: hintId, className: 'crm-chart-sr' }, t('waterfall.keysHint')),
    h('div', { className: 'crm-chart-sr', 'aria-live': 'polite' }, active?.byKey ? barText(t, L, active.i, props) : ''),
    h(DataTable, {
      lang,
      caption: problem || undefined,
      textColumns: [0],
      head: [t('waterfall.colStep'), t('waterfall.colKind'), t('waterfall.colChange'), t('waterfall.colTotal')],
      rows: L.bars.map((b, i) => ({
        header: b.step.label,
        cells: [
          [kindName(b.step.kind), b.largest ? t('waterfall.largest') : ''].filter(Boolean).join(t('listSep')),
          b.total ? '—' : b.valueText,
          format(L.running[i]!),
        ],
      })),
    }),
  );
}

/** The box beside the active bar: its label, kind, change and running total. */
function Tip({ t, L, bar, kind, format }: { t: ChartsT; L: WaterfallLayout; bar: WaterfallBar; kind: string; format: (v: number) => string }): ReactElement {
  const maxW = Math.min(260, L.width - 16);
  const head = wrapText(bar.step.label, maxW - 18, FONT, true);
  const body = [
    ...wrapText(kind, maxW - 18, FONT),
    ...(bar.total
      ? [t('nameValue', { name: t('waterfall.colTotal'), value: format(bar.to) })]
      : [t('nameValue', { name: t('waterfall.colChange'), value: bar.valueText }), t('nameValue', { name: t('waterfall.colTotal'), value: format(L.running[bar.index]!) })]),
    ...(bar.largest ? [t('waterfall.largest')] : []),
  ];
  const boxW = Math.min(maxW, Math.ceil(Math.max(...head.map((s) => textWidth(s, FONT, true)), ...body.map((s) => textWidth(s, FONT)))) + 18);
  const boxH = 10 + TIP_ROW * (head.length + body.length);
  let bx: number;
  let by: number;
  if (L.orientation === 'rows') {
    bx = Math.max(4, Math.min(L.width - boxW - 4, L.plot.left));
    by = bar.band[1] + boxH + 4 <= L.height ? bar.band[1] + 2 : bar.band[0] - boxH - 2;
  } else {
    bx = bar.band[1] + 4;
    if (bx + boxW > L.width) bx = bar.band[0] - boxW - 4;
    if (bx < 0) bx = Math.max(0, Math.min(L.width - boxW, (bar.band[0] + bar.band[1] - boxW) / 2));
    by = L.plot.top;
  }
  by = Math.max(0, by);
  const lines = [...head.map((s) => ({ s, bold: true })), ...body.map((s) => ({ s, bold: false }))];
  return h(
    'g',
    { className: 'crm-chart-tooltip', pointerEvents: 'none' },
    h('rect', { x: bx, y: by, width: boxW, height: boxH, rx: 6, fill: 'var(--card, #fff)', stroke: 'var(--border, #dde3ea)', opacity: 0.97 }),
    lines.map((l, k) => h('text', { key: k, x: bx + 9, y: by + 5 + TIP_ROW * (k + 0.5), dy: '0.35em', fontWeight: l.bold ? 700 : 400, className: !l.bold && k === head.length ? 'crm-muted' : undefined }, l.s)),
  );
}
