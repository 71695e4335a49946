/**
 * Screen 5, the customer database: the firm's view of its customers (observed data only).
 * Filters, a virtualized table sorted and filtered by the worker, the value grid and Pareto
 * curve, and a customer's record. Lazy-loaded by the app, so none of this is in the first
 * screen's JavaScript.
 */
import './messages'; // registers the 'database' messages (they load with this screen)
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index';
import { fmtMoney, fmtNumber, fmtPercent } from '../format';
import { DEFAULT_SORT, makeCellContext, nextSort, type SortState, type TableColumn } from './columns';
import { CustomerGrid, type CustomerGridHandle } from './CustomerGrid';
import { DatabaseCharts } from './DatabaseCharts';
import { FilterBar } from './FilterBar';
import { isFiltering, NO_FILTER, workerFilter, type FilterState } from './filters';
import { RecordPanel } from './RecordPanel';
import { useCustomerData, useCustomerOrder } from './useCustomerData';
import { bandLabel, inCell, type GridCell } from './valueCell';
import './database.css';

export default function DatabaseScreen() {
  const { t } = useTranslation('database');
  const lang = useStore((s) => s.lang);
  const scenario = useStore((s) => s.game?.scenario ?? null);
  const stateKey = useStore((s) => s.game?.view.hash ?? null);
  const round = useStore((s) => s.game?.view.round ?? 0);
  // The tiers the customers are in now: last quarter's rule.
  const tierCount = useStore((s) => s.game?.view.lastDecisions.tiering.tierCount ?? 1);
  const dataQuality = useStore((s) => s.game?.view.dataQuality ?? 0);
  const customerId = useStore((s) => s.customerId);
  const openCustomer = useStore((s) => s.openCustomer);

  const ids = useId();
  const gridRef = useRef<CustomerGridHandle>(null);
  const [filter, setFilter] = useState<FilterState>(NO_FILTER);
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  const [cell, setCell] = useState<GridCell | null>(null);

  const data = useCustomerData(stateKey);
  const table = data?.table ?? null;
  const analytics = data?.analytics ?? null;
  const wf = useMemo(() => workerFilter(filter), [filter]);
  const query = useCustomerOrder(table, sort, wf);

  const ctx = useMemo(() => (scenario ? makeCellContext(t, lang, scenario, tierCount) : null), [t, lang, scenario, tierCount]);
  const shown = useMemo(
    () => (query.order && table && analytics && cell ? inCell(query.order, table, analytics.grid, cell) : query.order),
    [query.order, table, analytics, cell],
  );

  // When the record closes, focus goes back to the table, on the row it was opened from
  // (not the referrer or referred customer the learner may have followed since).
  const openedFrom = useRef<number | null>(null);
  useEffect(() => {
    if (customerId !== null) openedFrom.current ??= customerId;
    else if (openedFrom.current !== null) {
      gridRef.current?.focusCustomer(openedFrom.current);
      openedFrom.current = null;
    }
  }, [customerId]);

  // Active and lapsed among the rows shown: the report's customer count is the active ones.
  const active = useMemo(() => {
    let n = 0;
    if (table && shown) for (let k = 0; k < shown.length; k++) if (table.status[shown[k]!] !== 1) n++;
    return n;
  }, [table, shown]);

  const onSort = useCallback((c: TableColumn) => setSort((s) => nextSort(s, c)), []);
  const onOpen = useCallback((id: number) => openCustomer(id), [openCustomer]);
  const onClose = useCallback(() => openCustomer(null), [openCustomer]);

  if (!scenario || !ctx || stateKey === null) return null;

  const currencyFmt = (x: number) => fmtMoney(x, ctx.currency, lang);
  const influenceFmt = (x: number) => fmtNumber(x, lang, { digits: 2 });
  const cellLabel =
    cell && analytics
      ? t('filters.cell', {
          revenue: bandLabel(analytics.grid.revenueEdges, cell.col, currencyFmt, t),
          influence: bandLabel(analytics.grid.influenceEdges, analytics.grid.rows - 1 - cell.row, influenceFmt, t),
        })
      : null;

  const full = (x: number) => fmtNumber(x, lang, { full: true });
  const counts = table && shown ? { shown: full(shown.length), total: full(table.count), active: full(active), lapsed: full(shown.length - active) } : null;

  const titleId = `${ids}-title`;
  const helpId = `${ids}-help`;
  const quality = fmtPercent(dataQuality, lang, 0);
  const error = data?.error ?? query.error;

  return (
    <div className="db-screen">
      <h1 tabIndex={-1} id={titleId}>
        {t('title')}
      </h1>
      <p className="muted db-intro">{round > 0 ? t('intro', { quarter: ctx.quarter(round), quality }) : t('introStart', { quality })}</p>

      <section className="card db-table-card" aria-labelledby={titleId}>
        <FilterBar
          filter={filter}
          onChange={setFilter}
          onClear={() => {
            setFilter(NO_FILTER);
            setCell(null);
          }}
          canClear={isFiltering(filter) || cell !== null}
          ctx={ctx}
          cellLabel={cellLabel}
          onClearCell={() => setCell(null)}
        />
        <div className="db-status-line">
          <p role="status" className="db-count">
            {counts ? t(shown!.length === table!.count ? 'countAll' : 'count', counts) : t('loading')}
          </p>
          <p id={helpId} className="muted db-help">
            {t('grid.help')}
          </p>
        </div>
        {error && <p role="alert">{t('loadFailed', { message: error })}</p>}
        {table && shown ? (
          <CustomerGrid
            ref={gridRef}
            table={table}
            order={shown}
            ctx={ctx}
            rounds={scenario?.rounds ?? 1}
            sort={sort}
            onSort={onSort}
            onOpen={onOpen}
            busy={query.busy}
            labelledBy={titleId}
            describedBy={helpId}
          />
        ) : (
          <div className="db-grid db-grid-placeholder" aria-hidden="true" />
        )}
      </section>

      {analytics && <DatabaseCharts analytics={analytics} ctx={ctx} cell={cell} onCell={setCell} />}

      {customerId !== null && <RecordPanel id={customerId} table={table} ctx={ctx} stateKey={stateKey} onClose={onClose} onOpen={onOpen} />}
    </div>
  );
}
