/**
 * The database screen's data from the worker: the customer table and its charts, once per
 * game state, and the order of the rows for a sort and filter. Typed arrays stay here, in
 * component state, out of the store (Immer has no business freezing 200,000-row columns).
 */
import { useEffect, useState } from 'react';
import { errorText } from '../../scenario/errorText';
import { useStore } from '../../store/index';
import type { CustomerAnalytics, CustomerFilter, CustomerTable } from '../../worker/protocol';
import type { SortState } from './columns';

export interface CustomerData {
  stateKey: string;
  table: CustomerTable | null;
  analytics: CustomerAnalytics | null;
  error: string | null;
}

/** The table and analytics of the state `stateKey` (the state hash); the previous state's while the next loads. */
export function useCustomerData(stateKey: string | null): CustomerData | null {
  const [data, setData] = useState<CustomerData | null>(null);
  useEffect(() => {
    if (stateKey === null) return;
    let live = true;
    useStore
      .getState()
      .customerData()
      .then(
        ({ table, analytics }) => live && setData({ stateKey, table, analytics, error: null }),
        (e: unknown) => live && setData({ stateKey, table: null, analytics: null, error: errorText(e) }),
      );
    return () => {
      live = false;
    };
  }, [stateKey]);
  return data;
}

interface OrderState {
  table: CustomerTable;
  key: string;
  order: Int32Array;
}

const EMPTY = new Int32Array(0);

/** Wait before asking the worker, so typing an id or clicking through filters sends one query. */
const DEBOUNCE_MS = 100;

/**
 * The rows of `table` for `sort` and `filter` (null filter: nothing can match), from the
 * worker. While a new order is computed the last one for the same table is kept and
 * `busy` is true; the order is null until the first one for this table arrives.
 */
export function useCustomerOrder(table: CustomerTable | null, sort: SortState, filter: CustomerFilter | null): { order: Int32Array | null; busy: boolean; error: string | null } {
  const [state, setState] = useState<OrderState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify([sort.column, sort.descending, filter]);
  useEffect(() => {
    if (!table) return;
    let live = true;
    const timer = setTimeout(
      () => {
        if (filter === null) {
          setState({ table, key, order: EMPTY });
          return;
        }
        useStore
          .getState()
          .queryCustomers(sort.column, sort.descending, filter)
          .then(
            (order) => {
              if (!live) return;
              // Ids beyond this table (a query answered for a newer state) are dropped rather than drawn.
              const valid = order.every((i) => i < table.count) ? order : order.filter((i) => i < table.count);
              setState({ table, key, order: valid });
              setError(null);
            },
            (e: unknown) => live && setError(errorText(e)),
          );
      },
      state?.table === table ? DEBOUNCE_MS : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` stands for sort and filter.
  }, [table, key]);
  const order = state && state.table === table ? state.order : null;
  return { order, busy: !state || state.table !== table || state.key !== key, error };
}
