import { createElement as h, type ReactElement } from 'react';

/** Marker shapes, one per series, so lines differ by more than colour. */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'triangleDown';

export interface SeriesStyle {
  /** A CSS colour (a variable of charts.css). */
  color: string;
  /** stroke-dasharray ('' = solid). */
  dash: string;
  marker: MarkerShape;
}

const DASHES = ['', '9 4', '2 3', '12 4 3 4', '5 5', '16 4'];
const MARKERS: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'cross', 'triangleDown'];

/** The style of series `i` (colour, dash and marker cycle together over six). */
export function seriesStyle(i: number): SeriesStyle {
  const k = ((i % 6) + 6) % 6;
  return { color: `var(--chart-s${k + 1})`, dash: DASHES[k]!, marker: MARKERS[k]! };
}

/** The style of reference ("ghost") series `i`: faint grey, told apart by dash and label. */
export function ghostStyle(i: number): SeriesStyle {
  const k = ((i % 6) + 6) % 6;
  return { color: 'var(--chart-ghost)', dash: DASHES[(k + 1) % 6]!, marker: MARKERS[k]! };
}

/** SVG path of a marker of radius `r` centred on (x, y). */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  const f = (n: number): string => n.toFixed(1);
  switch (shape) {
    case 'circle':
      return `M${f(x - r)},${f(y)}a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0Z`;
    case 'square': {
      const s = r * 0.9;
      return `M${f(x - s)},${f(y - s)}h${f(2 * s)}v${f(2 * s)}h${f(-2 * s)}Z`;
    }
    case 'triangle':
      return `M${f(x)},${f(y - r * 1.15)}L${f(x + r * 1.1)},${f(y + r * 0.85)}L${f(x - r * 1.1)},${f(y + r * 0.85)}Z`;
    case 'triangleDown':
      return `M${f(x)},${f(y + r * 1.15)}L${f(x + r * 1.1)},${f(y - r * 0.85)}L${f(x - r * 1.1)},${f(y - r * 0.85)}Z`;
    case 'diamond':
      return `M${f(x)},${f(y - r * 1.25)}L${f(x + r * 1.1)},${f(y)}L${f(x)},${f(y + r * 1.25)}L${f(x - r * 1.1)},${f(y)}Z`;
    case 'cross': {
      const a = r * 0.4;
      const b = r * 1.1;
      return `M${f(x - a)},${f(y - b)}h${f(2 * a)}v${f(b - a)}h${f(b - a)}v${f(2 * a)}h${f(a - b)}v${f(b - a)}h${f(-2 * a)}v${f(a - b)}h${f(a - b)}v${f(-2 * a)}h${f(b - a)}Z`;
    }
    default: {
      const never: never = shape;
      return never;
    }
  }
}

/** A marker in the series' colour with a thin card-coloured rim, so it stays visible where lines cross. */
export function Marker(props: { style: SeriesStyle; x: number; y: number; r?: number }): ReactElement {
  return h('path', {
    d: markerPath(props.style.marker, props.x, props.y, props.r ?? 4),
    fill: props.style.color,
    stroke: 'var(--card, #fff)',
    strokeWidth: 1,
  });
}

/** A short sample of the series' line and marker (for tooltips and legends), starting at (x, y), `w` wide. */
export function Swatch(props: { style: SeriesStyle; x: number; y: number; w?: number; ghost?: boolean }): ReactElement {
  const w = props.w ?? 24;
  return h(
    'g',
    null,
    h('line', {
      x1: props.x,
      x2: props.x + w,
      y1: props.y,
      y2: props.y,
      stroke: props.style.color,
      strokeWidth: props.ghost ? 1.75 : 2.5,
      strokeDasharray: props.style.dash || undefined,
    }),
    props.ghost ? null : h(Marker, { style: props.style, x: props.x + w / 2, y: props.y, r: 3.5 }),
  );
}
