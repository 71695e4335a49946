import { createElement as h, type ReactElement } from 'react';
import { runs } from './lineLayout';
import { extent, linear } from './scale';
import './charts.css';

export interface SparklineProps {
  /** One value per quarter; `null` leaves a gap. */
  values: readonly (number | null)[];
  /** Height in CSS px (default 28); the line fills the container's width. */
  height?: number;
  className?: string;
}

const VW = 100;
const VH = 28;
const PAD = 3;

/**
 * A tiny trend line for a KPI card: no axes, no text, hidden from assistive technology
 * (the card says the number). The line takes `currentColor` (charts.css: the accent), so
 * the card can recolour it; the last value gets a dot.
 */
export function Sparkline({ values, height = 28, className }: SparklineProps): ReactElement {
  const ext = extent([values]);
  const n = values.length;
  const y = ext ? linear(ext[0], ext[1], VH - PAD, PAD) : () => VH / 2;
  const x = (i: number): number => (n <= 1 ? VW / 2 : PAD + ((VW - 2 * PAD) * i) / (n - 1));
  const pts = (a: number, b: number): string =>
    values
      .slice(a, b + 1)
      .map((v, k) => `${k ? 'L' : 'M'}${x(a + k).toFixed(2)},${y(v ?? 0).toFixed(2)}`)
      .join('');
  const segs = runs(values);
  const last = segs.length ? segs[segs.length - 1]![1] : -1;
  // With preserveAspectRatio="none" a circle would stretch: the dot is a zero-length line with a round cap.
  const dot = (i: number) => `M${x(i).toFixed(2)},${y(values[i] ?? 0).toFixed(2)}h0`;
  return h(
    'svg',
    {
      className: ['crm-sparkline', className].filter(Boolean).join(' '),
      viewBox: `0 0 ${VW} ${VH}`,
      preserveAspectRatio: 'none',
      width: '100%',
      height,
      'aria-hidden': true,
      focusable: false,
    },
    segs.map(([a, b]) =>
      h('path', {
        key: a,
        d: b > a ? pts(a, b) : dot(a),
        fill: 'none',
        stroke: 'currentColor',
        strokeWidth: b > a ? 2 : 4,
        strokeLinecap: 'round',
        strokeLinejoin: 'round',
        vectorEffect: 'non-scaling-stroke',
      }),
    ),
    last >= 0 ? h('path', { d: dot(last), stroke: 'currentColor', strokeWidth: 6, strokeLinecap: 'round', vectorEffect: 'non-scaling-stroke' }) : null,
  );
}
