import { createElement as h, type ReactElement } from 'react';
import type { Lang } from '../../sim/text';
import { DataTable } from './DataTable';
import { labelledTicks, linear } from './scale';
import { textWidth, truncate } from './text';
import { useWidth } from './useWidth';
import './charts.css';

/** A row: a bar from 0 to `value`, or a range from `min` to `max` with its `mean` marked. */
export type ChartRow =
  | { label: string; value: number; note?: string }
  | { label: string; min: number; max: number; mean: number; note?: string };

export interface RowChartProps {
  lang: Lang;
  rows: readonly ChartRow[];
  /** How a value reads (axis ticks and the table). */
  format: (v: number) => string;
  /** The table's column headers: the rows' header, then the value (a bar) or mean, lowest, highest (a range). */
  head: readonly string[];
  /** The chart in one sentence (its accessible name and the table's caption). */
  summary: string;
  /** Names of the rows to draw in the emphasis colour (the reference, e.g. value-based). */
  emphasis?: string;
  width?: number;
}

const FONT = 13;
const ROW = 26;

/** Horizontal bars or ranges, one row each, with the values beside them and a data table. */
export function RowChart({ lang, rows, format, head, summary, emphasis, width }: RowChartProps): ReactElement {
  const [boxRef, W] = useWidth<HTMLDivElement>(width, 520);
  const isRange = (r: ChartRow): r is Extract<ChartRow, { min: number }> => 'min' in r;
  const lo = Math.min(0, ...rows.map((r) => (isRange(r) ? r.min : r.value)));
  const hi = Math.max(0, ...rows.map((r) => (isRange(r) ? r.max : r.value)));
  const labelW = Math.min(Math.max(...rows.map((r) => textWidth(r.label, FONT)), 40) + 12, W * 0.34);
  const noteW = Math.max(...rows.map((r) => textWidth(r.note ?? format(isRange(r) ? r.mean : r.value), FONT)), 30) + 10;
  const left = labelW;
  const right = W - noteW;
  const ticks = labelledTicks(lo, hi === lo ? lo + 1 : hi, Math.max(2, Math.floor((right - left) / 90)), format);
  const x = linear(ticks.min, ticks.max, left, right);
  const top = 8;
  const H = top + rows.length * ROW + 24;
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': summary, fontSize: FONT },
    ticks.values.map((v, k) =>
      h(
        'g',
        { key: `t${k}` },
        h('line', { className: 'crm-grid-line', x1: x(v), x2: x(v), y1: top, y2: top + rows.length * ROW }),
        h('text', { x: x(v), y: H - 6, textAnchor: 'middle', className: 'crm-muted' }, ticks.texts[k]),
      ),
    ),
    lo < 0 ? h('line', { className: 'crm-axis-line', x1: x(0), x2: x(0), y1: top, y2: top + rows.length * ROW }) : null,
    rows.map((r, i) => {
      const y = top + i * ROW + ROW / 2;
      const strong = emphasis !== undefined && r.label === emphasis;
      const colour = strong ? 'var(--chart-s1)' : 'var(--chart-s2, #8a6d00)';
      const mark = isRange(r)
        ? h(
            'g',
            null,
            h('line', { x1: x(r.min), x2: x(r.max), y1: y, y2: y, stroke: colour, strokeWidth: 6, strokeLinecap: 'round', opacity: 0.45 }),
            h('circle', { cx: x(r.mean), cy: y, r: 6, fill: colour, stroke: 'var(--card, #fff)', strokeWidth: 2 }),
          )
        : h('rect', { x: Math.min(x(0), x(r.value)), y: y - 8, width: Math.max(1, Math.abs(x(r.value) - x(0))), height: 16, fill: colour, rx: 2 });
      return h(
        'g',
        { key: i },
        h('text', { x: left - 8, y, dy: '0.35em', textAnchor: 'end', fontWeight: strong ? 700 : 400 }, truncate(r.label, labelW - 10, FONT)),
        mark,
        h('text', { x: right + 6, y, dy: '0.35em', className: 'crm-muted' }, r.note ?? format(isRange(r) ? r.mean : r.value)),
      );
    }),
  );
  return h(
    'figure',
    { className: 'crm-chart crm-rows', lang },
    h('div', { className: 'crm-chart-box', ref: boxRef }, svg),
    h(DataTable, {
      lang,
      caption: summary,
      head,
      rows: rows.map((r) => ({ header: r.label, cells: isRange(r) ? [format(r.mean), format(r.min), format(r.max)] : [r.note ?? format(r.value)] })),
    }),
  );
}
