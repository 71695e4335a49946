import { COLUMNS } from '../src/sim/customers';
import type { Customers } from '../src/sim/index';

/**
 * The memory-bound limit: per round, one pass that reads every column of the customer
 * table and writes each back (as the sim's state copy and systems must at least do).
 * Returns customer-rounds per second.
 */
export function memoryBaseline(c: Customers, rounds: number): number {
  const cols = c as unknown as Record<string, { length: number; [i: number]: number }>;
  const src = COLUMNS.map((col) => cols[col.name]!);
  let best = Infinity;
  let sink = 0;
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) {
      for (const col of COLUMNS) {
        const a = cols[col.name]!;
        const n = c.count * col.stride;
        const Ctor = (a as unknown as { constructor: new (n: number) => { [i: number]: number } }).constructor;
        const out = new Ctor(a.length);
        for (let i = 0; i < n; i++) {
          const v = a[i]!;
          out[i] = v;
          sink += v === 0 ? 1 : 0;
        }
      }
    }
    best = Math.min(best, performance.now() - t0);
  }
  if (sink === -1) console.log(src.length);
  return (c.count * rounds) / (best / 1000);
}
