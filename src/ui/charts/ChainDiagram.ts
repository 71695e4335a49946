import { createElement as h, type ReactElement } from 'react';
import type { Lang } from '../../sim/text';
import { biggestChange, CHAIN_ORDER, chainLayout, chainSummary, changeText, linkDelta, linkLabel, type ChainKey, type ChainLinkView } from './chain';
import { DataTable } from './DataTable';
import { fitFontSize, textWidth, wrapText } from './text';
import { useChartsT } from './useChartsT';
import { useWidth } from './useWidth';
import './charts.css';

export interface ChainDiagramProps {
  lang: Lang;
  /** Every link's measured value (null = not measured), last quarter's value and format. */
  links: Readonly<Record<ChainKey, ChainLinkView>>;
  /** Visible title; none by default. */
  title?: string;
  width?: number;
}

const ROW_GAP = 34;
const SMALL = 13;
const NOTE = 12;
const LINE = 1.3;

/**
 * The service-profit chain as boxes joined by arrows, one row from 1000 px, wrapped below.
 * Each box: the term, this quarter's value, the change (▲/▼ and sign); the link that changed
 * most has a thick border and a "Biggest change" badge. Boxes are focusable list items.
 */
export function ChainDiagram({ lang, links, title, width }: ChainDiagramProps): ReactElement {
  const t = useChartsT(lang);
  const [boxRef, W] = useWidth<HTMLDivElement>(width, 960);
  const { cols, gap: ARROW_GAP, pad: PAD, boxWidth: boxW } = chainLayout(W);
  const inner = boxW - 2 * PAD;
  const big = biggestChange(links);
  // Terms as large as 14 px bold when every word fits the box, down to 12 px (regular if need be).
  const terms = CHAIN_ORDER.map((k) => t(`chain.links.${k}`));
  const TERM = fitFontSize(terms, inner, [14, 13, 12], true);
  const values = CHAIN_ORDER.flatMap((k) => (links[k].value === null ? [] : [links[k].format(links[k].value)]));
  const VALUE = fitFontSize(values, inner, [20, 18, 16, 14], true);
  const termBold = terms.every((term) => term.split(' ').every((w) => textWidth(w, TERM, true) <= inner));

  const boxes = CHAIN_ORDER.map((key) => {
    const view = links[key];
    const badge = key === big ? wrapText(t('chain.biggest'), inner - 8, NOTE, true) : [];
    const term = wrapText(t(`chain.links.${key}`), inner, TERM, termBold);
    const missing = view.value === null ? wrapText(t('notMeasured'), inner, SMALL) : [];
    const d = linkDelta(view, lang);
    const delta = view.value === null ? [] : wrapText(d ? `${d.arrow} ${d.text}` : '—', inner, SMALL, d !== null && d.dir !== 'flat', true);
    const note = view.note ? wrapText(view.note, inner, NOTE) : [];
    const height =
      PAD +
      (badge.length ? badge.length * NOTE * LINE + 10 : 0) +
      term.length * TERM * LINE +
      6 +
      (view.value === null ? missing.length * SMALL * LINE : VALUE * LINE) +
      delta.length * SMALL * LINE +
      (note.length ? note.length * NOTE * LINE + 2 : 0) +
      PAD;
    return { key, view, badge, term, missing, d, delta, note, height };
  });

  const rowCount = Math.ceil(boxes.length / cols);
  const rowH = Array.from({ length: rowCount }, (_, r) => Math.max(...boxes.slice(r * cols, (r + 1) * cols).map((b) => b.height)));
  const rowTop: number[] = [];
  rowH.reduce((y, hgt, r) => ((rowTop[r] = y), y + hgt + ROW_GAP), 6);
  const H = Math.ceil(rowTop[rowCount - 1]! + rowH[rowCount - 1]! + 6);
  const boxX = (k: number): number => (k % cols) * (boxW + ARROW_GAP);

  const arrowHead = (x: number, y: number, dir: 'right' | 'down'): string =>
    dir === 'right' ? `M${x},${y}l-8,-5v10Z` : `M${x},${y}l-5,-8h10Z`;
  const arrows = boxes.slice(1).map((_, j) => {
    const k = j + 1;
    const r = Math.floor(k / cols);
    if (k % cols) {
      const y = rowTop[r]! + rowH[r]! / 2;
      const xa = boxX(k - 1) + boxW + 3;
      const xb = boxX(k) - 3;
      return h('g', { key: k }, h('line', { x1: xa, x2: xb - 6, y1: y, y2: y, stroke: 'var(--muted, #5b6576)', strokeWidth: 2 }), h('path', { d: arrowHead(xb, y, 'right'), fill: 'var(--muted, #5b6576)' }));
    }
    // Wrap to the next row: down from the last box, back left, down into the first box.
    const xa = boxX(k - 1) + boxW / 2;
    const ya = rowTop[r - 1]! + rowH[r - 1]! + 3;
    const xb = boxX(k) + boxW / 2;
    const yb = rowTop[r]! - 3;
    const ym = ya + ROW_GAP / 2 - 3;
    return h(
      'g',
      { key: k },
      h('path', { d: `M${xa},${ya}V${ym}H${xb}V${yb - 6}`, fill: 'none', stroke: 'var(--muted, #5b6576)', strokeWidth: 2, strokeLinejoin: 'round' }),
      h('path', { d: arrowHead(xb, yb, 'down'), fill: 'var(--muted, #5b6576)' }),
    );
  });

  const drawBox = (b: (typeof boxes)[number], k: number): ReactElement => {
    const r = Math.floor(k / cols);
    const x = boxX(k);
    const y0 = rowTop[r]!;
    const hgt = rowH[r]!;
    const cx = x + boxW / 2;
    const isBig = b.key === big;
    let y = y0 + PAD;
    const parts: ReactElement[] = [];
    if (b.badge.length) {
      const bh = b.badge.length * NOTE * LINE + 6;
      parts.push(h('rect', { key: 'bg', x: x + PAD, y, width: boxW - 2 * PAD, height: bh, rx: 4, fill: 'var(--text, #1d2430)' }));
      b.badge.forEach((l, i) =>
        parts.push(h('text', { key: `b${i}`, x: cx, y: y + 3 + (i + 0.5) * NOTE * LINE, dy: '0.35em', textAnchor: 'middle', fontSize: NOTE, fontWeight: 700, fill: 'var(--card, #fff)' }, l)),
      );
      y += bh + 4;
    }
    b.term.forEach((l, i) => parts.push(h('text', { key: `t${i}`, x: cx, y: y + (i + 0.5) * TERM * LINE, dy: '0.35em', textAnchor: 'middle', fontSize: TERM, fontWeight: termBold ? 700 : 400 }, l)));
    y += b.term.length * TERM * LINE + 6;
    if (b.view.value === null) {
      b.missing.forEach((l, i) =>
        parts.push(h('text', { key: `v${i}`, x: cx, y: y + (i + 0.5) * SMALL * LINE, dy: '0.35em', textAnchor: 'middle', fontSize: SMALL, fontStyle: 'italic', className: 'crm-muted' }, l)),
      );
      y += b.missing.length * SMALL * LINE;
    } else {
      parts.push(h('text', { key: 'v', x: cx, y: y + 0.5 * VALUE * LINE, dy: '0.35em', textAnchor: 'middle', fontSize: VALUE, fontWeight: 700 }, b.view.format(b.view.value)));
      y += VALUE * LINE;
      b.delta.forEach((l, i) =>
        parts.push(h('text', { key: `d${i}`, x: cx, y: y + (i + 0.5) * SMALL * LINE, dy: '0.35em', textAnchor: 'middle', fontSize: SMALL, fontWeight: b.d && b.d.dir !== 'flat' ? 600 : 400 }, l)),
      );
      y += b.delta.length * SMALL * LINE;
    }
    b.note.forEach((l, i) => parts.push(h('text', { key: `n${i}`, x: cx, y: y + 2 + (i + 0.5) * NOTE * LINE, dy: '0.35em', textAnchor: 'middle', fontSize: NOTE, className: 'crm-muted' }, l)));
    return h(
      'g',
      { key: b.key, role: 'listitem', tabIndex: 0, className: 'crm-chain-box', 'aria-label': linkLabel(t, b.key, b.view, lang, isBig) },
      h('rect', { className: 'crm-chain-focus', x: x - 4, y: y0 - 4, width: boxW + 8, height: hgt + 8, rx: 11 }),
      h('rect', {
        x: x + (isBig ? 1.5 : 0.75),
        y: y0 + (isBig ? 1.5 : 0.75),
        width: boxW - (isBig ? 3 : 1.5),
        height: hgt - (isBig ? 3 : 1.5),
        rx: 8,
        fill: 'var(--card, #fff)',
        stroke: isBig ? 'var(--text, #1d2430)' : 'var(--muted, #5b6576)',
        strokeWidth: isBig ? 3.5 : 1.5,
      }),
      h('g', { 'aria-hidden': true }, parts),
    );
  };

  return h(
    'figure',
    { className: 'crm-chart crm-chain', lang },
    title ? h('figcaption', { className: 'crm-chart-title' }, title) : null,
    h(
      'div',
      { className: 'crm-chart-box', ref: boxRef },
      h(
        'svg',
        { viewBox: `0 0 ${W} ${H}`, role: 'list', 'aria-label': chainSummary(t, links, lang) },
        h('g', { 'aria-hidden': true }, arrows),
        boxes.map(drawBox),
      ),
    ),
    h(DataTable, {
      lang,
      textColumns: [3],
      head: [t('chain.colLink'), t('chain.colValue'), t('chain.colPrevious'), t('chain.colChange'), t('chain.colNote')],
      rows: boxes.map((b) => ({
        header: t(`chain.links.${b.key}`),
        cells: [
          b.view.value === null ? t('notMeasured') : b.view.format(b.view.value),
          b.view.previous === null || b.view.previous === undefined ? '—' : b.view.format(b.view.previous),
          b.d ? `${b.d.arrow} ${b.d.text}` : changeText(t, b.view, lang) || '—',
          [b.view.note, b.key === big ? t('chain.biggest') : ''].filter(Boolean).join(t('listSep')),
        ],
      })),
    }),
  );
}
