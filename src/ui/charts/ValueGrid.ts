import { createElement as h, type ReactElement, type ReactNode } from 'react';
import type { Lang } from '../../sim/text';
import type { CustomerAnalytics } from '../../worker/protocol';
import { fmtNumber, fmtPercent } from '../format';
import { DataTable } from './DataTable';
import { useChartsT } from './useChartsT';
import { argMax, bandLabels, heatLevel, HEAT_LEVELS, sum } from './gridBands';
import './charts.css';

export interface ValueGridProps {
  lang: Lang;
  /** CustomerAnalytics.grid: rows = influence bands (top first), cols = revenue bands (low to high), cells row by row. */
  grid: CustomerAnalytics['grid'];
  /** Formats revenue band edges and amounts (money). */
  formatRevenue: (v: number) => string;
  /** Formats influence band edges (estimates 0..1; default: two decimals). */
  formatInfluence?: (v: number) => string;
  /** Makes each cell a button; called with its row (0 = top) and column (0 = lowest revenue). */
  onSelect?: (row: number, col: number) => void;
  /** The selected cell, shown pressed. */
  selected?: { row: number; col: number } | null;
  /** Visible title; none by default. */
  title?: string;
}

/**
 * The value grid of the customer database: a heat map of customer counts by revenue band
 * (left to right) and estimated-influence band (bottom to top). Each cell prints its count and
 * share of revenue. It is an HTML table (so the grid itself is the accessible table, and its
 * cells can be real buttons), not an SVG image.
 */
export function ValueGrid({ lang, grid, formatRevenue, formatInfluence, onSelect, selected, title }: ValueGridProps): ReactElement {
  const t = useChartsT(lang);
  const { rows, cols, count, revenue } = grid;
  const fmtInf = formatInfluence ?? ((v: number) => fmtNumber(v, lang, { digits: 2 }));
  const colLabels = bandLabels(t, grid.revenueEdges, cols, formatRevenue);
  // Influence bands come low to high; rows run top (highest) first.
  const rowLabels = bandLabels(t, grid.influenceEdges, rows, fmtInf).reverse();
  const total = sum(count);
  const totalRevenue = sum(revenue);
  const max = Math.max(0, ...count);
  const share = (i: number): string => (totalRevenue > 0 ? fmtPercent((revenue[i] ?? 0) / totalRevenue, lang, (revenue[i] ?? 0) / totalRevenue < 0.1 ? 1 : 0) : '—');
  const cellName = (i: number): string => t('grid.cell', { influence: rowLabels[Math.floor(i / cols)] ?? '', revenue: colLabels[i % cols] ?? '' });

  const iCount = argMax(count);
  const iRevenue = argMax(revenue);
  const summary =
    total === 0 || iCount < 0
      ? `${t('grid.title')}. ${t('grid.empty')}`
      : t('grid.summary', {
          total: fmtNumber(total, lang),
          countCell: cellName(iCount),
          customers: String(t('grid.customers', { count: count[iCount] ?? 0, n: fmtNumber(count[iCount] ?? 0, lang) })),
          revenueCell: iRevenue < 0 ? '—' : cellName(iRevenue),
          share: iRevenue < 0 ? '—' : t('grid.revenueShare', { share: share(iRevenue) }),
        });

  const cell = (r: number, c: number): ReactNode => {
    const i = r * cols + c;
    const n = count[i] ?? 0;
    const content = [
      h('span', { key: 'n', className: 'crm-cell-count' }, fmtNumber(n, lang)),
      h('span', { key: 's', className: 'crm-chart-sr' }, ` ${t('grid.unit', { count: n })}, `),
      // On a narrow grid the cell shows the share alone (the key below says what it is a share of).
      h('span', { key: 'r', className: 'crm-cell-share crm-cell-share-long' }, t('grid.revenueShare', { share: share(i) })),
      h('span', { key: 'rs', className: 'crm-cell-share crm-cell-share-short', 'aria-hidden': true }, share(i)),
    ];
    const pressed = selected ? selected.row === r && selected.col === c : false;
    return h(
      'td',
      { key: c, className: `crm-heat-${heatLevel(n, max)}` },
      onSelect
        ? h('button', { type: 'button', className: 'crm-cell', 'aria-pressed': pressed, onClick: () => onSelect(r, c) }, content)
        : h('div', { className: 'crm-cell' }, content),
    );
  };

  return h(
    'figure',
    { className: 'crm-chart crm-valuegrid', lang },
    title ? h('figcaption', { className: 'crm-chart-title' }, title) : null,
    h(
      'div',
      { className: 'crm-grid' },
      h('div', { className: 'crm-grid-yaxis', 'aria-hidden': true }, t('grid.influenceAxis')),
      h(
        'table',
        null,
        h('caption', { className: 'crm-chart-sr' }, summary),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('td', { className: 'crm-grid-corner' }),
            colLabels.map((l, c) => h('th', { key: c, scope: 'col' }, h('span', { className: 'crm-chart-sr' }, `${t('grid.colRevenueAmount')} `), l)),
          ),
        ),
        h(
          'tbody',
          null,
          Array.from({ length: rows }, (_, r) =>
            h(
              'tr',
              { key: r },
              h('th', { scope: 'row' }, h('span', { className: 'crm-chart-sr' }, `${t('grid.colInfluence')} `), rowLabels[r]),
              Array.from({ length: cols }, (_, c) => cell(r, c)),
            ),
          ),
        ),
      ),
      h('div', { className: 'crm-grid-xaxis', 'aria-hidden': true }, t('grid.revenueAxis')),
      h(
        'p',
        { className: 'crm-grid-legend' },
        h('span', null, t('grid.legend')),
        h(
          'span',
          { className: 'crm-grid-swatches', 'aria-hidden': true },
          t('grid.fewer'),
          Array.from({ length: HEAT_LEVELS }, (_, k) => h('span', { key: k, className: `crm-heat-${k + 1}` })),
          t('grid.more'),
        ),
      ),
    ),
    h(DataTable, {
      lang,
      textColumns: [0],
      head: [t('grid.colInfluence'), t('grid.colRevenue'), t('grid.colCustomers'), t('grid.colRevenueAmount'), t('grid.colShare')],
      rows: count.map((n, i) => ({
        header: rowLabels[Math.floor(i / cols)] ?? '',
        cells: [colLabels[i % cols] ?? '', fmtNumber(n, lang), formatRevenue(revenue[i] ?? 0), share(i)],
      })),
    }),
  );
}
