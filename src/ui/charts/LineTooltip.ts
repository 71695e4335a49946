import { createElement as h, type ReactElement } from 'react';
import type { SeriesStyle } from './series';
import { Swatch } from './series';
import { textWidth } from './text';
import type { ChartsT } from './useChartsT';

interface TooltipLine {
  key: string;
  name: string;
  values: readonly (number | null)[];
  style: SeriesStyle;
  ghost: boolean;
}

export interface LineTooltipProps {
  t: ChartsT;
  lines: readonly TooltipLine[];
  /** Quarter index shown, and its x. */
  i: number;
  x: number;
  /** The plot area: the box stays inside it, beside the guide. */
  top: number;
  bottom: number;
  left: number;
  right: number;
  q0: number;
  format: (v: number) => string;
}

const FONT = 13;
const ROW = 19;

/** The vertical guide at a quarter and a box with every line's value there (series first, then references). */
export function LineTooltip({ t, lines, i, x, top, bottom, left, right, q0, format }: LineTooltipProps): ReactElement {
  const ordered = [...lines.filter((l) => !l.ghost), ...lines.filter((l) => l.ghost)];
  const rows = ordered.map((l) => {
    const v = l.values[i];
    return { l, text: t('nameValue', { name: l.name, value: v !== null && v !== undefined && Number.isFinite(v) ? format(v) : '—' }) };
  });
  const head = t('quarterN', { n: q0 + i });
  const boxW = Math.ceil(Math.max(textWidth(head, FONT, true), ...rows.map((r) => 30 + textWidth(r.text, FONT)))) + 18;
  const boxH = 12 + ROW * (rows.length + 1);
  let bx = x + 12;
  if (bx + boxW > right) bx = x - 12 - boxW;
  if (bx < left) bx = Math.max(left, Math.min(right - boxW, x - boxW / 2));
  const by = top;
  return h(
    'g',
    { className: 'crm-chart-tooltip', pointerEvents: 'none' },
    h('line', { className: 'crm-chart-guide', x1: x, x2: x, y1: top, y2: bottom, stroke: 'var(--muted, #5b6576)', strokeWidth: 1, strokeDasharray: '3 3' }),
    h('rect', { x: bx, y: by, width: boxW, height: boxH, rx: 6, fill: 'var(--card, #fff)', stroke: 'var(--border, #dde3ea)', opacity: 0.97 }),
    h('text', { x: bx + 9, y: by + 6 + ROW * 0.5, dy: '0.35em', fontWeight: 700 }, head),
    rows.map((r, k) => {
      const ry = by + 6 + ROW * (k + 1.5);
      return h(
        'g',
        { key: r.l.key },
        h(Swatch, { style: r.l.style, x: bx + 9, y: ry, w: 22, ghost: r.l.ghost }),
        h('text', { x: bx + 39, y: ry, dy: '0.35em', className: r.l.ghost ? 'crm-muted' : undefined }, r.text),
      );
    }),
  );
}
