import { describe, expect, it } from 'vitest';
import { allocCustomers, BYTES_PER_CUSTOMER, COLUMNS, ensureRoom } from './customers';

describe('customer table', () => {
  it('allocates exactly the declared columns (hashing and copying rely on COLUMNS)', () => {
    const t = allocCustomers(8) as unknown as Record<string, unknown>;
    const keys = Object.keys(t).filter((k) => k !== 'count' && k !== 'capacity').sort();
    expect(keys).toEqual(COLUMNS.map((c) => c.name).sort());
    for (const c of COLUMNS) {
      const a = t[c.name] as { length: number; constructor: unknown };
      expect(a.constructor).toBe(c.ctor);
      expect(a.length).toBe(8 * c.stride);
    }
  });
  it('keeps sim state under 256 bytes per customer', () => {
    expect(BYTES_PER_CUSTOMER).toBeLessThan(256);
  });
  it('grows by doubling and keeps every value', () => {
    const t = allocCustomers(4);
    t.count = 4;
    for (let i = 0; i < 4; i++) {
      t.wallet[i] = 100 + i;
      t.revenue[i * 4 + 3] = i;
      t.cumRevenue[i] = 1e12 + i;
    }
    const g = ensureRoom(t, 5);
    expect(g.capacity).toBe(16);
    expect(g.count).toBe(4);
    expect(Array.from(g.wallet.subarray(0, 4))).toEqual([100, 101, 102, 103]);
    expect(g.revenue[3 * 4 + 3]).toBe(3);
    expect(g.cumRevenue[2]).toBe(1e12 + 2);
    expect(ensureRoom(g, 1)).toBe(g);
  });
});
