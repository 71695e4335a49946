import { createElement as h, useId, useMemo, useState, type KeyboardEvent, type PointerEvent, type ReactElement } from 'react';
import type { Lang } from '../../sim/text';
import type { WhaleCurve } from '../../worker/whaleTypes';
import { fmtMoney, fmtPercent } from '../format';
import { DataTable } from './DataTable';
import { customerShareText } from './pareto';
import { linear, nearestIndex, type Ticks } from './scale';
import { textWidth, wrapText } from './text';
import { useChartsT, type ChartsT } from './useChartsT';
import { useWidth } from './useWidth';
import {
  boxesNear,
  clampBox,
  firstClear,
  hasProfitData,
  inUnit,
  peakLabel,
  pointText,
  profitShareText,
  tailLabel,
  tailPath,
  totalLabel,
  whaleAt,
  whaleLine,
  whaleRows,
  whaleSummary,
  whaleTicks,
  whaleUnit,
  type Box,
  type Px,
} from './whale';
import './charts.css';

export interface WhaleChartProps {
  /** The whale curve of customer profitability (src/worker/whale.ts). */
  curve: WhaleCurve;
  lang: Lang;
  /** The scenario's currency (ISO 4217 code), for money. */
  currency: string;
  /** Visible title; none by default (the screen's heading names the chart). */
  title?: string;
  /** Height in CSS px (default: from the width, 300 to 420). */
  height?: number;
  /** Lay out for this width instead of measuring the container (tests, print). */
  width?: number;
}

const FONT = 13;
const LINE_H = 17;
const PAD = 4;
const SWATCH = 14;
const X_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];
const TOP = 28;
const BOTTOM = 46;
const RIGHT = 16;

/** A label laid out in a box: its lines, the box (with padding) and its font. */
interface Label {
  lines: string[];
  box: Box;
  size: number;
  weight: number;
  /** A hatched swatch before the first line (the tail's key). */
  swatch: boolean;
}

interface Geometry {
  ticks: Ticks;
  tickText: string[];
  left: number;
  x: (v: number) => number;
  y: (v: number) => number;
  line: Px[];
  peak: Px;
  /** y of the reference line (100% of profit, or total profit in money) and of zero. */
  refY: number;
  zeroY: number;
  labels: { peak: Label; tail: Label; total: Label | null } | null;
}

/** A label's lines wrapped to `maxWidth` and its box at (0, 0). */
function measure(text: string, maxWidth: number, size: number, weight: number, swatch: boolean): Label {
  const indent = swatch ? SWATCH + 6 : 0;
  const lines = wrapText(text, maxWidth - indent, size, weight >= 600);
  // Chinese amounts (¥58.5万) stay whole: a line never starts with their unit.
  for (let k = lines.length - 1; k > 0; k--) {
    const m = /^([万亿])(.*)$/.exec(lines[k]!);
    if (!m) continue;
    lines[k - 1] += m[1]!;
    if (m[2]) lines[k] = m[2];
    else lines.splice(k, 1);
  }
  const w = Math.ceil(indent + Math.max(0, ...lines.map((l) => textWidth(l, size, weight >= 600)))) + 2 * PAD;
  return { lines, box: { x: 0, y: 0, w, h: lines.length * LINE_H + 2 * PAD - 2 }, size, weight, swatch };
}

/** Axes, the line in px and where the three labels go (nearest their point, clear of the curve and of each other). */
function geometry(curve: WhaleCurve, t: ChartsT, lang: Lang, currency: string, W: number, H: number): Geometry {
  const unit = whaleUnit(curve);
  const plotH = H - TOP - BOTTOM;
  const ticks = whaleTicks(curve, Math.max(3, Math.min(7, Math.round(plotH / 55))));
  const tickText = ticks.values.map((v) => (unit === 'share' ? fmtPercent(v, lang, 0) : fmtMoney(v, currency, lang)));
  const left = Math.ceil(Math.max(...tickText.map((s) => textWidth(s, FONT)))) + 12;
  const x = linear(0, 1, left, W - RIGHT);
  const y = linear(ticks.min, ticks.max, H - BOTTOM, TOP);
  const line = whaleLine(curve).map((p) => ({ x: x(p.share), y: y(p.value) }));
  const peak = { x: x(curve.peak.share), y: y(inUnit(curve, curve.peak.profit)) };
  const refY = y(unit === 'share' ? 1 : curve.totalProfit);
  const zeroY = y(0);
  if (!hasProfitData(curve)) return { ticks, tickText, left, x, y, line, peak, refY, zeroY, labels: null };

  const area: Box = { x: left + 4, y: TOP, w: W - RIGHT - left - 8, h: plotH - 4 };
  const maxW = Math.max(120, Math.min(280, area.w * 0.55));
  const end = line[line.length - 1]!;
  const markers: Box[] = [
    { x: peak.x - 8, y: peak.y - 8, w: 16, h: 16 },
    { x: end.x - 6, y: end.y - 6, w: 12, h: 12 },
  ];
  // The peak's guides to the axes stay visible (the level one is the reference line when every customer is profitable).
  if (curve.peak.profit > 0) markers.push({ x: peak.x - 1, y: peak.y, w: 2, h: H - BOTTOM - peak.y });
  if (curve.peak.profit > 0 && Math.abs(peak.y - refY) > 1) markers.push({ x: left, y: peak.y - 1, w: peak.x - left, h: 2 });
  /**
   * A label of `text` placed clear of the line and of `avoid`, wrapped to one of `widths`
   * (widest first): in the first of `cands` that is clear, else nearest `target`; of the
   * widths, the one that puts it in `cands`, then nearest the target in fewest lines.
   * Without such room: off `avoid` at least (its backing keeps it legible) at the target.
   * An optional label (no target) goes only in `cands`, or is left out.
   */
  const place = (
    text: string, widths: readonly number[], size: number, weight: number, swatch: boolean,
    cands: (l: Label) => readonly Box[], avoid: readonly Box[], target: Px | null,
  ): Label | null => {
    const tries = widths.map((w) => {
      const l = measure(text, w, size, weight, swatch);
      const preferred = cands(l);
      return { l, preferred, boxes: [...preferred, ...(target ? boxesNear(l.box.w, l.box.h, target, area) : [])] };
    });
    let best: { label: Label; score: number } | null = null;
    for (const { l, preferred, boxes } of tries) {
      const box = firstClear(boxes, line, avoid);
      if (!box) continue;
      const dist = target ? Math.hypot(Math.max(box.x - target.x, 0, target.x - box.x - box.w), Math.max(box.y - target.y, 0, target.y - box.y - box.h)) : 0;
      // Each extra line costs a little: a compact label beats a tall narrow one nearby.
      const score = (preferred.includes(box) ? 0 : 10_000) + dist + 12 * l.lines.length;
      if (!best || score < best.score - 8) best = { label: { ...l, box }, score };
    }
    if (best) return best.label;
    if (!target) return null;
    const { l, boxes } = tries[0]!;
    return { ...l, box: firstClear(boxes, [], avoid) ?? clampBox({ ...l.box, ...target }, area) };
  };
  const widthsFrom = (w: number): number[] => [w, w * 0.75, w * 0.55].map((v) => Math.max(90, Math.round(v)));

  const tail = curve.unprofitable > 0;
  // The top edge of the hatching stays visible.
  const tailEdge = tail ? [{ x: peak.x, y: peak.y - 1, w: end.x - peak.x, h: 2 }] : [];

  // First, the reference line's label: just above or below the line, as far right as it fits;
  // left out if it does not (the value axis shows 100%, or the amount, too).
  const alongRef = (l: Label): Box[] => {
    const rows = [refY - 2 - l.box.h, refY + 2].filter((ry) => ry >= area.y && ry + l.box.h <= area.y + area.h);
    const out: Box[] = [];
    for (let rx = area.x + area.w - l.box.w; rx >= area.x; rx -= 8) for (const ry of rows) out.push({ x: rx, y: ry, w: l.box.w, h: l.box.h });
    return out;
  };
  const totalL = place(totalLabel(t, lang, curve, currency), [area.w * 0.7], FONT, 400, false, alongRef, [...markers, ...tailEdge], null);
  const placed = totalL ? [totalL.box] : [];

  // The peak's label, nearest the peak.
  const peakL = place(peakLabel(t, lang, curve, currency), widthsFrom(maxW), FONT + 1, 700, false, () => [], [...markers, ...placed], peak)!;

  // The tail's label, in the tail's columns if it fits (in the hatching or under it), nearest its middle;
  // at the end of the line when no customer loses money.
  const mid = (curve.peak.share + 1) / 2;
  const tailTarget = tail ? { x: x(mid), y: (peak.y + y(inUnit(curve, whaleAt(curve, mid)))) / 2 } : end;
  const tailX = Math.max(area.x, peak.x + 2);
  const tailArea = { x: tailX, y: area.y, w: area.x + area.w - tailX, h: area.h };
  const inTail = (l: Label): Box[] => (tail && tailArea.w >= l.box.w ? boxesNear(l.box.w, l.box.h, tailTarget, tailArea) : []);
  const tailL = place(tailLabel(t, lang, curve, currency), widthsFrom(maxW), FONT, 600, tail, inTail, [...markers, ...tailEdge, ...placed, peakL.box], tailTarget)!;

  return { ticks, tickText, left, x, y, line, peak, refY, zeroY, labels: { peak: peakL, tail: tailL, total: totalL } };
}

/** What a screen reader hears at point k: the share of customers and their profit. */
function liveText(t: ChartsT, lang: Lang, curve: WhaleCurve, currency: string, k: number): string {
  const p = pointText(t, lang, curve, currency, k);
  return t('nameValue', { name: p.head, value: p.value });
}

/**
 * The whale curve of customer profitability: customers from most to least profitable, the
 * cumulative share of total profit rising above 100% and falling back as the unprofitable
 * customers lose part of it (in money when total profit is not above zero). The peak is
 * marked and labelled, the unprofitable tail hatched; arrow keys and the pointer read points.
 */
export function WhaleChart({ curve, lang, currency, title, height, width }: WhaleChartProps): ReactElement {
  const t = useChartsT(lang);
  const [boxRef, W] = useWidth<HTMLDivElement>(width, 560);
  const H = height ?? Math.round(Math.max(300, Math.min(420, W * 0.62)));
  const [active, setActive] = useState<{ k: number; byKey: boolean } | null>(null);
  const hintId = useId();
  const hatchId = `crm-whale-hatch-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const g = useMemo(() => geometry(curve, t, lang, currency, W, H), [curve, t, lang, currency, W, H]);
  const { ticks, tickText, left, x, y, line, peak, refY, zeroY, labels } = g;
  const unit = whaleUnit(curve);
  const has = labels !== null;
  const n = curve.points.length;
  const money = (v: number): string => fmtMoney(v, currency, lang);
  const f = (v: number): string => v.toFixed(1);
  const path = line.map((p, k) => `${k ? 'L' : 'M'}${f(p.x)},${f(p.y)}`).join('');
  const baseY = H - BOTTOM;
  const halo = { stroke: 'var(--card, #fff)', strokeWidth: 4, paintOrder: 'stroke', strokeLinejoin: 'round' } as const;

  const setFrom = (k: number, byKey: boolean): void => setActive(n ? { k: Math.max(0, Math.min(n - 1, k)), byKey } : null);
  const onPointerMove = (e: PointerEvent<SVGSVGElement>): void => {
    const r = e.currentTarget.getBoundingClientRect();
    if (r.width > 0) setFrom(nearestIndex(((e.clientX - r.left) * W) / r.width, x(0), x(1), n), false);
  };
  const peakK = Math.round(curve.peak.share * (n - 1));
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>): void => {
    const cur = active?.k ?? peakK;
    const step: Record<string, number> = { ArrowLeft: cur - 1, ArrowRight: cur + 1, PageDown: cur - 10, PageUp: cur + 10, Home: 0, End: n - 1 };
    const next = step[e.key];
    if (next === undefined) {
      if (e.key === 'Escape') setActive(null);
      return;
    }
    e.preventDefault();
    setFrom(next, true);
  };

  const label = (l: Label, key: string, className?: string): ReactElement => {
    const tx = l.box.x + PAD + (l.swatch ? SWATCH + 6 : 0);
    return h(
      'g',
      { key },
      h('rect', { x: l.box.x, y: l.box.y, width: l.box.w, height: l.box.h, rx: 3, fill: 'var(--card, #fff)', opacity: 0.88 }),
      l.swatch
        ? h('rect', { x: l.box.x + PAD, y: l.box.y + PAD + 1, width: SWATCH, height: SWATCH - 2, fill: `url(#${hatchId})`, stroke: 'var(--chart-s2)', strokeWidth: 1 })
        : null,
      h(
        'text',
        { y: l.box.y + PAD - 2, fontSize: l.size, fontWeight: l.weight, className },
        l.lines.map((s, k) => h('tspan', { key: k, x: tx, dy: k ? LINE_H : l.size + 1 }, s)),
      ),
    );
  };

  const tip = (() => {
    if (!active || !has) return null;
    const k = active.k;
    const p = { x: x(n > 1 ? k / (n - 1) : 0), y: y(inUnit(curve, curve.points[k] ?? 0)) };
    const text = pointText(t, lang, curve, currency, k);
    const boxW = Math.ceil(Math.max(textWidth(text.head, FONT, true), textWidth(text.value, FONT))) + 18;
    const boxH = 12 + LINE_H * 2;
    let bx = p.x + 12;
    if (bx + boxW > W - RIGHT) bx = Math.max(left + 2, p.x - 12 - boxW);
    return h(
      'g',
      { className: 'crm-chart-tooltip', pointerEvents: 'none' },
      h('line', { className: 'crm-chart-guide', x1: p.x, x2: p.x, y1: TOP, y2: baseY, stroke: 'var(--muted, #5b6576)', strokeWidth: 1, strokeDasharray: '3 3' }),
      h('circle', { cx: p.x, cy: p.y, r: 5, fill: 'var(--card, #fff)', stroke: 'var(--text, #1d2430)', strokeWidth: 2 }),
      h('rect', { x: bx, y: TOP, width: boxW, height: boxH, rx: 6, fill: 'var(--card, #fff)', stroke: 'var(--border, #dde3ea)', opacity: 0.97 }),
      h('text', { x: bx + 9, y: TOP + 6 + LINE_H * 0.5, dy: '0.35em', fontWeight: 700 }, text.head),
      h('text', { x: bx + 9, y: TOP + 6 + LINE_H * 1.5, dy: '0.35em' }, text.value),
    );
  })();

  const svg = h(
    'svg',
    {
      className: 'crm-chart-plot',
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-label': whaleSummary(t, lang, curve, currency),
      'aria-describedby': has ? hintId : undefined,
      tabIndex: has ? 0 : undefined,
      onPointerMove: has ? onPointerMove : undefined,
      onPointerLeave: () => setActive((a) => (a?.byKey ? a : null)),
      onFocus: () => (has ? setFrom(active?.k ?? peakK, true) : undefined),
      onBlur: () => setActive(null),
      onKeyDown: has ? onKeyDown : undefined,
      fontSize: FONT,
    },
    h(
      'defs',
      null,
      h(
        'pattern',
        { id: hatchId, patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' },
        h('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: 'var(--chart-s2)', strokeWidth: 2 }),
      ),
    ),
    // Grid and axes.
    ticks.values.map((v, k) =>
      h(
        'g',
        { key: `y${k}` },
        h('line', { className: 'crm-grid-line', x1: x(0), x2: x(1), y1: y(v), y2: y(v) }),
        h('text', { x: left - 8, y: y(v), dy: '0.35em', textAnchor: 'end', className: 'crm-muted' }, tickText[k]),
      ),
    ),
    X_TICKS.map((v) =>
      h(
        'g',
        { key: `x${v}` },
        h('line', { className: 'crm-grid-line', x1: x(v), x2: x(v), y1: baseY, y2: TOP }),
        h('text', { x: x(v), y: baseY + 18, textAnchor: v === 0 ? 'start' : v === 1 ? 'end' : 'middle', className: 'crm-muted' }, fmtPercent(v, lang, 0)),
      ),
    ),
    h('line', { className: 'crm-axis-line', x1: x(0), x2: x(1), y1: baseY, y2: baseY }),
    h('line', { className: 'crm-axis-line', x1: x(0), x2: x(0), y1: baseY, y2: TOP }),
    ticks.min < 0 ? h('line', { className: 'crm-zero-line', x1: x(0), x2: x(1), y1: zeroY, y2: zeroY }) : null,
    h('text', { x: left - 8, y: TOP - 12, className: 'crm-muted', fontWeight: 600 }, `${t(unit === 'share' ? 'whale.yAxis' : 'whale.yAxisMoney')} ↑`),
    h('text', { x: (x(0) + x(1)) / 2, y: H - 8, textAnchor: 'middle', className: 'crm-muted', fontWeight: 600 }, `${t('whale.xAxis')} →`),
    has && labels
      ? h(
          'g',
          null,
          // Area under the line, the unprofitable tail, total profit, the line.
          h('path', { d: `${path}L${f(x(1))},${f(zeroY)}L${f(x(0))},${f(zeroY)}Z`, fill: 'var(--chart-s1)', opacity: 0.1 }),
          curve.unprofitable > 0
            ? h(
                'g',
                null,
                h('path', { d: tailPath(line, peak), fill: 'var(--chart-s2)', opacity: 0.1 }),
                h('path', { d: tailPath(line, peak), fill: `url(#${hatchId})`, opacity: 0.75 }),
                h('line', { x1: peak.x, x2: x(1), y1: peak.y, y2: peak.y, stroke: 'var(--chart-s2)', strokeWidth: 1.5, strokeDasharray: '4 3' }),
              )
            : null,
          h('line', { x1: x(0), x2: x(1), y1: refY, y2: refY, stroke: 'var(--text, #1d2430)', strokeWidth: 1.5, strokeDasharray: '8 4' }),
          // Where the curve peaks: its share of customers and of profit.
          curve.peak.profit > 0
            ? h('path', { d: `M${f(x(0))},${f(peak.y)}H${f(peak.x)}V${f(baseY)}`, fill: 'none', stroke: 'var(--muted, #5b6576)', strokeWidth: 1.25, strokeDasharray: '3 3' })
            : null,
          h('path', { d: path, fill: 'none', stroke: 'var(--chart-s1)', strokeWidth: 3, strokeLinejoin: 'round' }),
          curve.peak.profit > 0 ? h('circle', { cx: peak.x, cy: peak.y, r: 6, fill: 'var(--chart-s1)', stroke: 'var(--card, #fff)', strokeWidth: 2 }) : null,
          labels.total ? label(labels.total, 'total', 'crm-muted') : null,
          label(labels.tail, 'tail'),
          label(labels.peak, 'peak'),
          tip,
        )
      : h('text', { x: (x(0) + x(1)) / 2, y: (TOP + baseY) / 2, textAnchor: 'middle', fontSize: 15, ...halo }, t('whale.empty')),
  );

  const rows = whaleRows(curve);
  return h(
    'figure',
    { className: 'crm-chart crm-whale', lang },
    title ? h('figcaption', { className: 'crm-chart-title' }, title) : null,
    h('div', { className: 'crm-chart-box', ref: boxRef }, svg),
    has
      ? h('p', { className: 'crm-chart-note' }, unit === 'money' ? t('whale.noteMoney', { total: money(curve.totalProfit) }) : curve.unprofitable > 0 ? t('whale.note') : t('whale.noteNoTail'))
      : null,
    h('p', { id: hintId, className: 'crm-chart-sr' }, t('whale.keysHint')),
    h('div', { className: 'crm-chart-sr', 'aria-live': 'polite' }, active?.byKey && has ? liveText(t, lang, curve, currency, active.k) : ''),
    h(DataTable, {
      lang,
      caption: has ? `${peakLabel(t, lang, curve, currency)}${t('listSep')}${tailLabel(t, lang, curve, currency)}` : t('whale.empty'),
      head: [t('whale.xAxis'), ...(unit === 'share' ? [t('whale.yAxis')] : []), t('whale.yAxisMoney')],
      rows: rows.map((r) => {
        const share = customerShareText(r.share, lang);
        return {
          header: r.peak ? t('whale.peakRow', { customers: share }) : share,
          // Amounts in full: the table is where the exact numbers are.
          cells: [...(unit === 'share' ? [profitShareText(r.profit / curve.totalProfit, lang)] : []), fmtMoney(r.profit, currency, lang, { full: true })],
        };
      }),
    }),
  );
}
