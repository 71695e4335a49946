import { createElement as h, type ReactElement } from 'react';
import type { Lang } from '../../sim/text';
import { useChartsT } from './useChartsT';

export interface DataTableProps {
  lang: Lang;
  /** Column headers; the first heads the row headers. */
  head: readonly string[];
  rows: readonly { header: string; cells: readonly string[] }[];
  caption?: string;
  /** Indexes of cell columns (after the row header) holding text, aligned left; others are numbers, aligned right. */
  textColumns?: readonly number[];
}

/** The text alternative of a chart: a collapsed "Data table" with every value. */
export function DataTable({ lang, head, rows, caption, textColumns = [] }: DataTableProps): ReactElement {
  const t = useChartsT(lang);
  return h(
    'details',
    { className: 'crm-chart-data' },
    h('summary', null, t('dataTable')),
    h(
      'table',
      null,
      caption ? h('caption', null, caption) : null,
      h('thead', null, h('tr', null, ...head.map((c, i) => h('th', { key: i, scope: 'col' }, c)))),
      h(
        'tbody',
        null,
        rows.map((r, i) => h('tr', { key: i }, h('th', { scope: 'row' }, r.header), ...r.cells.map((c, j) => h('td', { key: j, className: textColumns.includes(j) ? 'crm-text' : undefined }, c)))),
      ),
    ),
  );
}
