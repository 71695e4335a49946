/**
 * What the screens and the firm view's scenes ask the worker, through the store (they never
 * call the worker client: ESLint forbids src/ui and src/scene to import it). The answers go back to the screen that asked; typed
 * arrays never enter the store.
 */
import type { DataSlice, Slice } from './state';
import { simClient } from './workerClient';

export const dataSlice: Slice<DataSlice> = () => ({
  warmUp: () => void simClient(),
  customerData: async () => {
    const client = simClient();
    const [table, analytics] = await Promise.all([client.call({ type: 'customers' }), client.call({ type: 'analytics' })]);
    return { table, analytics };
  },
  queryCustomers: async (sort, descending, filter) => (await simClient().call({ type: 'query', sort, descending, filter })).order,
  customerRecord: (id) => simClient().call({ type: 'record', id }),
  whaleCurve: () => simClient().call({ type: 'whale' }),
  customerBaseFrame: (round) => simClient().call({ type: 'customerBase', round }),
});
