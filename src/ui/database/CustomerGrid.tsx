/**
 * The customer table: an ARIA grid over the rows of `order`, virtualized at a fixed row
 * height so 200,000 customers scroll smoothly. The scrolling element is the grid and takes
 * focus; the active row is its aria-activedescendant (always rendered, even when scrolled
 * away), moved with the keys of keyNav.ts; Enter or a click opens the record. Rows are
 * memoized and their cells are plain elements: no hooks per cell.
 */
import './messages'; // registers the 'database' messages (they load with this screen)
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { Fragment, memo, useCallback, useId, useMemo, useImperativeHandle, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerTable } from '../../worker/protocol';
import { labelWords } from '../charts/text';
import { cellText, COLUMNS, columnTexts, fitColumns, gridTemplate, minRowWidth, type CellContext, type SortState, type TableColumn } from './columns';
import { moveActive } from './keyNav';

export const ROW_HEIGHT = 36;
/** Height of the sticky header row (three lines of small text); passed to database.css as --db-head. */
export const HEADER_HEIGHT = 64;
const estimateSize = (): number => ROW_HEIGHT;

/** What the screen can ask of the grid. */
export interface CustomerGridHandle {
  /** Focuses the grid with customer `id` active (if it is listed) and in view. */
  focusCustomer(id: number | null): void;
}

interface Props {
  /** Quarters of the game (the widest "joined" text). */
  rounds: number;
  table: CustomerTable;
  /** Customer ids in display order. */
  order: Int32Array;
  ctx: CellContext;
  sort: SortState;
  onSort: (column: TableColumn) => void;
  onOpen: (id: number) => void;
  /** The query behind `order` is being recomputed. */
  busy: boolean;
  labelledBy: string;
  describedBy: string;
  ref?: Ref<CustomerGridHandle>;
}

interface RowProps {
  table: CustomerTable;
  ctx: CellContext;
  id: number;
  pos: number;
  top: number;
  active: boolean;
  domId: string;
}

const Row = memo(function Row({ table, ctx, id, pos, top, active, domId }: RowProps) {
  return (
    <div
      role="row"
      id={domId}
      aria-rowindex={pos + 2}
      data-pos={pos}
      className={active ? 'db-row is-active' : 'db-row'}
      style={{ transform: `translateY(${top}px)` }}
    >
      {COLUMNS.map((c) => {
        const text = cellText(c.key, table, id, ctx);
        // Long tier names are cut off with an ellipsis; the full name shows on hover.
        return (
          <div key={c.key} role="gridcell" className={c.numeric ? 'db-cell num' : 'db-cell'} title={c.key === 'tier' ? text : undefined}>
            {text}
          </div>
        );
      })}
    </div>
  );
});

/** The active row: remembered with the order it belongs to, so a new order starts with none. */
interface Active {
  order: Int32Array;
  pos: number;
}

export function CustomerGrid({ table, order, ctx, sort, onSort, onOpen, busy, labelledBy, describedBy, rounds, ref }: Props) {
  const { t } = useTranslation('database');
  const scrollRef = useRef<HTMLDivElement>(null);
  const prefix = useId();
  const [activeState, setActiveState] = useState<Active>({ order, pos: -1 });
  const active = activeState.order === order && activeState.pos < order.length ? activeState.pos : -1;

  const getItemKey = useCallback((k: number) => order[k] ?? -1 - k, [order]);
  // Keep the active row rendered when it is scrolled out of view, so aria-activedescendant always points at an element.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const base = defaultRangeExtractor(range);
      if (active < 0 || (active >= range.startIndex - range.overscan && active <= range.endIndex + range.overscan)) return base;
      return active < (base[0] ?? 0) ? [active, ...base] : [...base, active];
    },
    [active],
  );
  const virt = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey,
    rangeExtractor,
    initialRect: { width: 1200, height: 560 },
  });

  // A new order (sort or filter) starts at the top.
  useLayoutEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [order]);

  const setActive = useCallback(
    (pos: number) => {
      setActiveState({ order, pos });
      if (pos >= 0) virt.scrollToIndex(pos, { align: 'auto' });
    },
    [order, virt],
  );

  useImperativeHandle(
    ref,
    () => ({
      focusCustomer(id) {
        const el = scrollRef.current;
        if (!el) return;
        el.focus({ preventScroll: true });
        if (id === null) return;
        const pos = order.indexOf(id);
        if (pos >= 0) setActive(pos);
      },
    }),
    [order, setActive],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys on the header's sort buttons are theirs.
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Enter') {
      const id = active >= 0 ? order[active] : undefined;
      if (id !== undefined) {
        e.preventDefault();
        onOpen(id);
      }
      return;
    }
    const page = Math.floor((e.currentTarget.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1;
    const next = moveActive(active, e.key, order.length, page);
    if (next === null) return;
    e.preventDefault();
    setActive(next);
  };

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || active >= 0 || order.length === 0) return;
    // The first row in view becomes active, so the keys start where the learner is looking.
    const first = virt.getVirtualItems().find((v) => v.start - HEADER_HEIGHT >= e.currentTarget.scrollTop);
    setActiveState({ order, pos: first?.index ?? 0 });
  };

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-pos]');
    if (!row) return;
    const pos = Number(row.dataset.pos);
    const id = order[pos];
    if (id === undefined) return;
    setActiveState({ order, pos });
    onOpen(id);
  };

  const rowDomId = (pos: number) => `${prefix}-r${pos}`;
  // Columns as wide as their headings' longest words and their texts (tier names) need.
  const cols = useMemo(() => fitColumns(COLUMNS, (k) => t(`columns.${k}`), columnTexts(ctx, rounds)), [t, ctx, rounds]);
  const template = gridTemplate(cols);
  const width = minRowWidth(cols);

  return (
    <div className="db-grid-wrap" style={{ ['--db-row' as string]: `${ROW_HEIGHT}px`, ['--db-head' as string]: `${HEADER_HEIGHT}px` }}>
      <div
        ref={scrollRef}
        className="db-grid"
        role="grid"
        tabIndex={0}
        data-testid="customer-grid"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-rowcount={order.length + 1}
        aria-colcount={COLUMNS.length}
        aria-busy={busy}
        aria-activedescendant={active >= 0 ? rowDomId(active) : undefined}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        style={{ ['--db-cols' as string]: template, ['--db-min-width' as string]: `${width}px` }}
      >
        <div role="rowgroup" className="db-head">
          <div role="row" aria-rowindex={1} className="db-head-row">
            {COLUMNS.map((c) => {
              const sorted = sort.column === c.key;
              return (
                <div
                  key={c.key}
                  role="columnheader"
                  className={c.numeric ? 'db-colhead num' : 'db-colhead'}
                  aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : undefined}
                >
                  <button type="button" onClick={() => onSort(c.key)}>
                    <span>
                      {labelWords(t(`columns.${c.key}`)).map((w, i) => (
                        <Fragment key={i}>
                          {i > 0 && (w.space ? ' ' : <wbr />)}
                          {w.word}
                        </Fragment>
                      ))}
                    </span>
                    {sorted && (
                      <span className="db-sort-mark" aria-hidden="true">
                        {sort.descending ? '▼' : '▲'}
                      </span>
                    )}
                  </button>
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="db-body" style={{ height: virt.getTotalSize() }} onClick={onClick}>
          {virt.getVirtualItems().map((v) => {
            const id = order[v.index]!;
            return (
              <Row
                key={v.key}
                table={table}
                ctx={ctx}
                id={id}
                pos={v.index}
                top={v.start - HEADER_HEIGHT}
                active={v.index === active}
                domId={rowDomId(v.index)}
              />
            );
          })}
        </div>
      </div>
      {order.length === 0 && !busy && <p className="db-empty">{t('grid.empty')}</p>}
    </div>
  );
}
