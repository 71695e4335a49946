import { COLUMNS } from '../src/sim/customers';
import type { Customers } from '../src/sim/index';

/**
 * The memory-bound limit: per round, one pass over every byte of the customer table that
 * reads each 32-bit word and writes it back changed, column after column (all columns
 * viewed as Int32Array, so the loop is as simple as a JS loop over these bytes gets).
 * Returns customer-rounds per second (best of three).
 */
export function memoryBaseline(c: Customers, rounds: number): number {
  const cols = c as unknown as Record<string, ArrayBufferView>;
  const views: Int32Array[] = [];
  for (const col of COLUMNS) {
    const a = cols[col.name]!;
    const bytes = c.count * col.stride * (a as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    views.push(new Int32Array(a.buffer, a.byteOffset, bytes >>> 2));
  }
  let best = Infinity;
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) {
      for (const v of views) touch(v);
    }
    best = Math.min(best, performance.now() - t0);
  }
  // Undo the changes (each word was incremented 3 x rounds times).
  for (const v of views) for (let i = 0; i < v.length; i++) v[i] = (v[i]! - 3 * rounds) | 0;
  return (c.count * rounds) / (best / 1000);
}

function touch(v: Int32Array): void {
  for (let i = 0; i < v.length; i++) v[i] = (v[i]! + 1) | 0;
}

/**
 * The process's minor page faults so far: each a 4 kB page of fresh memory touched for the first
 * time (about 10 µs each on the project's machines, where a state copy of a large table in fresh
 * memory costs more than copying it; the allocator sometimes reuses freed memory and sometimes
 * not, which is much of the figures' spread from run to run).
 */
export const pageFaults = (): number => process.resourceUsage().minorPageFault;
