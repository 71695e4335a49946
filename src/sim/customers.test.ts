import { describe, expect, it } from 'vitest';
import type { Customers } from './state';
import { allocCustomers, BYTES_PER_CUSTOMER, COLUMNS, copyCustomers, ensureRoom } from './customers';

/** Every column of `t` a view of one buffer, in COLUMNS order, 8-byte aligned, none overlapping another. */
function expectOneBuffer(table: Customers): void {
  const t = table as unknown as Record<string, ArrayBufferView>;
  const buf = t[COLUMNS[0]!.name]!.buffer;
  let end = 0;
  for (const c of COLUMNS) {
    const a = t[c.name]!;
    expect(a.buffer).toBe(buf);
    expect(a.byteOffset % 8).toBe(0);
    expect(a.byteOffset).toBeGreaterThanOrEqual(end);
    end = a.byteOffset + a.byteLength;
  }
  expect(end).toBeLessThanOrEqual(buf.byteLength);
}

/** `t` with `count` rows used, every value of them set (a different one per column and row), viewed by column name. */
function filled(t: Customers, count: number): Record<string, { [i: number]: number; length: number }> {
  t.count = count;
  const cols = t as unknown as Record<string, { [i: number]: number; length: number }>;
  COLUMNS.forEach((c, k) => {
    const a = cols[c.name]!;
    for (let i = 0; i < count * c.stride; i++) a[i] = (k * 13 + i) % 250;
  });
  return cols;
}

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
  it('lays every column out in one buffer, in COLUMNS order, on 8-byte boundaries, none overlapping another', () => {
    for (const cap of [0, 1, 7, 64, 1001]) expectOneBuffer(allocCustomers(cap));
  });
  it('copies a table, at its size or larger, into a buffer of its own with every value of every column', () => {
    const t = allocCustomers(5);
    const cols = filled(t, 5);
    for (const cap of [5, 9]) {
      const copy = copyCustomers(t, cap);
      expect(copy.capacity).toBe(cap);
      expect(copy.count).toBe(5);
      const out = copy as unknown as Record<string, { [i: number]: number; buffer: ArrayBufferLike }>;
      for (const c of COLUMNS) {
        expect(out[c.name]!.buffer).not.toBe((cols[c.name] as unknown as { buffer: ArrayBufferLike }).buffer);
        for (let i = 0; i < 5 * c.stride; i++) expect(out[c.name]![i]).toBe(cols[c.name]![i]);
      }
      // The copy is its own: writing it leaves the table as it was.
      out.wallet![0] = 999;
      expect(t.wallet[0]).not.toBe(999);
    }
  });
  it('copies a large table at its size column by column, its used rows exactly and the room after them zero, in one buffer laid out as allocated', () => {
    // 10,000 rows of 143 bytes: past the size copied whole, so only the 6,000 used rows are copied.
    const t = allocCustomers(10_000);
    const cols = filled(t, 6_000);
    const copy = copyCustomers(t, 10_000);
    expect(copy.capacity).toBe(10_000);
    expect(copy.count).toBe(6_000);
    expectOneBuffer(copy);
    const out = copy as unknown as Record<string, { [i: number]: number; length: number; buffer: ArrayBufferLike }>;
    for (const c of COLUMNS) {
      const a = out[c.name]!;
      expect(a.length).toBe(10_000 * c.stride);
      expect(a.buffer).not.toBe((cols[c.name] as unknown as { buffer: ArrayBufferLike }).buffer);
      let wrong = 0;
      for (let i = 0; i < a.length; i++) if (a[i] !== (i < 6_000 * c.stride ? cols[c.name]![i] : 0)) wrong++;
      expect(wrong, c.name).toBe(0);
    }
  });
});
