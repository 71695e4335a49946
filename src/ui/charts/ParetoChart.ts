import { createElement as h, type ReactElement } from 'react';
import type { Lang } from '../../sim/text';
import { fmtPercent } from '../format';
import { DataTable } from './DataTable';
import { customerShareText, hasRevenue, paretoLabel, paretoRows, paretoSummary } from './pareto';
import { linear } from './scale';
import { textWidth, wrapText } from './text';
import { useChartsT } from './useChartsT';
import { useWidth } from './useWidth';
import './charts.css';

export interface ParetoChartProps {
  lang: Lang;
  /** Cumulative revenue share held by the top k% of customers, k = 0..100 (CustomerAnalytics.pareto). */
  pareto: readonly number[];
  /** Share of customers (0..1) that makes 80% of revenue (CustomerAnalytics.shareFor80). */
  shareFor80: number;
  /** Visible title; none by default (the screen's heading names the chart). */
  title?: string;
  width?: number;
}

const FONT = 13;
const TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

/** The Pareto curve with the line of equal shares, the 80% point and the 80/20 reference. */
export function ParetoChart({ lang, pareto, shareFor80, title, width }: ParetoChartProps): ReactElement {
  const t = useChartsT(lang);
  const [boxRef, W] = useWidth<HTMLDivElement>(width, 560);
  const H = Math.round(Math.max(260, Math.min(400, W * 0.62)));
  const pctTick = (v: number): string => fmtPercent(v, lang, 0);
  const left = Math.ceil(textWidth(pctTick(1), FONT)) + 12;
  const top = 28;
  const bottom = 46;
  const right = 16;
  const x = linear(0, 1, left, W - right);
  const y = linear(0, 1, H - bottom, top);
  const has = hasRevenue(pareto);
  const n = pareto.length;
  const curve = pareto.map((v, k) => `${k ? 'L' : 'M'}${x(n > 1 ? k / (n - 1) : 0).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const s = Math.max(0, Math.min(1, shareFor80));
  const px = x(s);
  const py = y(0.8);
  const label = paretoLabel(t, lang, s);
  // The label goes right of the point, below the curve; near the right edge it goes left.
  const roomRight = W - right - (px + 14);
  const onRight = roomRight >= 150 || roomRight >= px - left;
  const lines = wrapText(label, Math.max(100, onRight ? roomRight : px - 14 - left), FONT + 1, true);
  const diagAngle = (Math.atan2(y(1) - y(0), x(1) - x(0)) * 180) / Math.PI;
  const halo = { stroke: 'var(--card, #fff)', strokeWidth: 4, paintOrder: 'stroke', strokeLinejoin: 'round' } as const;

  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': paretoSummary(t, lang, pareto, s), fontSize: FONT },
    TICKS.map((v) =>
      h(
        'g',
        { key: v },
        h('line', { className: 'crm-grid-line', x1: x(0), x2: x(1), y1: y(v), y2: y(v) }),
        h('line', { className: 'crm-grid-line', x1: x(v), x2: x(v), y1: y(0), y2: y(1) }),
        h('text', { x: left - 8, y: y(v), dy: '0.35em', textAnchor: 'end', className: 'crm-muted' }, pctTick(v)),
        h('text', { x: x(v), y: H - bottom + 18, textAnchor: v === 0 ? 'start' : v === 1 ? 'end' : 'middle', className: 'crm-muted' }, pctTick(v)),
      ),
    ),
    h('line', { className: 'crm-axis-line', x1: x(0), x2: x(1), y1: y(0), y2: y(0) }),
    h('line', { className: 'crm-axis-line', x1: x(0), x2: x(0), y1: y(0), y2: y(1) }),
    h('text', { x: left - 8, y: top - 12, className: 'crm-muted', fontWeight: 600 }, `${t('pareto.yAxis')} ↑`),
    h('text', { x: x(0.5), y: H - 8, textAnchor: 'middle', className: 'crm-muted', fontWeight: 600 }, `${t('pareto.xAxis')} →`),
    // Equal shares.
    h('line', { x1: x(0), y1: y(0), x2: x(1), y2: y(1), stroke: 'var(--muted, #5b6576)', strokeWidth: 1.5, strokeDasharray: '6 5' }),
    h(
      'text',
      { transform: `translate(${x(0.62)},${y(0.62) + 16}) rotate(${diagAngle})`, textAnchor: 'middle', className: 'crm-muted', ...halo },
      t('pareto.equality'),
    ),
    has
      ? h(
          'g',
          null,
          h('path', { d: `${curve}L${x(1)},${y(0)}L${x(0)},${y(0)}Z`, fill: 'var(--chart-s1)', opacity: 0.1 }),
          h('path', { d: curve, fill: 'none', stroke: 'var(--chart-s1)', strokeWidth: 3, strokeLinejoin: 'round' }),
          // The 80/20 reference point, for comparison.
          h('path', {
            d: `M${x(0.2)},${y(0.8) - 6}l6,6l-6,6l-6,-6Z`,
            fill: 'var(--card, #fff)',
            stroke: 'var(--muted, #5b6576)',
            strokeWidth: 1.5,
          }),
          h('text', { x: x(0.2) - 9, y: y(0.8) - 9, textAnchor: 'end', className: 'crm-muted', ...halo }, '80/20'),
          // Where 80% of revenue is reached.
          h('path', { d: `M${x(0)},${py}H${px}V${y(0)}`, fill: 'none', stroke: 'var(--text, #1d2430)', strokeWidth: 1.5, strokeDasharray: '3 3' }),
          h('circle', { cx: px, cy: py, r: 6, fill: 'var(--chart-s1)', stroke: 'var(--card, #fff)', strokeWidth: 2 }),
          h(
            'text',
            { x: onRight ? px + 14 : px - 14, y: py + 24, textAnchor: onRight ? 'start' : 'end', fontWeight: 700, fontSize: FONT + 1, ...halo },
            lines.map((l, k) => h('tspan', { key: k, x: onRight ? px + 14 : px - 14, dy: k ? '1.3em' : 0 }, l)),
          ),
        )
      : h('text', { x: x(0.5), y: y(0.5), textAnchor: 'middle', fontSize: 15 }, t('pareto.noRevenue')),
  );

  return h(
    'figure',
    { className: 'crm-chart crm-pareto', lang },
    title ? h('figcaption', { className: 'crm-chart-title' }, title) : null,
    h('div', { className: 'crm-chart-box', ref: boxRef }, svg),
    h('p', { className: 'crm-chart-note' }, t('pareto.rule')),
    h(DataTable, {
      lang,
      caption: has ? label : t('pareto.noRevenue'),
      head: [t('pareto.xAxis'), t('pareto.yAxis')],
      rows: paretoRows(pareto, s).map((r) => ({
        header: customerShareText(r.share, lang),
        cells: [fmtPercent(r.revenue, lang, 0)],
      })),
    }),
  );
}
