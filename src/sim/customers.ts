import { Carver } from './carve';
import type { Customers } from './state';

type Ctor =
  | Float32ArrayConstructor
  | Float64ArrayConstructor
  | Uint8ArrayConstructor
  | Uint16ArrayConstructor
  | Uint32ArrayConstructor
  | Int32ArrayConstructor;

/** A column of the customer table: its name, element type and values per customer. */
export interface Column {
  name: Exclude<keyof Customers, 'count' | 'capacity'>;
  ctor: Ctor;
  stride: number;
}

/** Every column, in the fixed order used for allocation and hashing. */
export const COLUMNS: readonly Column[] = [
  { name: 'key', ctor: Uint32Array, stride: 1 },
  { name: 'wallet', ctor: Float32Array, stride: 1 },
  { name: 'walletAvg', ctor: Float32Array, stride: 1 },
  { name: 'margin', ctor: Float32Array, stride: 1 },
  { name: 'influence', ctor: Float32Array, stride: 1 },
  { name: 'potential', ctor: Float32Array, stride: 1 },
  { name: 'orientation', ctor: Float32Array, stride: 1 },
  { name: 'priceSensitivity', ctor: Float32Array, stride: 1 },
  { name: 'need', ctor: Float32Array, stride: 1 },
  { name: 'errInfluence', ctor: Float32Array, stride: 1 },
  { name: 'errPotential', ctor: Float32Array, stride: 1 },
  { name: 'expectation', ctor: Float32Array, stride: 1 },
  { name: 'anchor', ctor: Float32Array, stride: 1 },
  { name: 'satisfaction', ctor: Float32Array, stride: 1 },
  { name: 'loyalty', ctor: Float32Array, stride: 1 },
  { name: 'shareOfWallet', ctor: Float32Array, stride: 1 },
  { name: 'bond', ctor: Float32Array, stride: 1 },
  { name: 'revenue', ctor: Float32Array, stride: 4 },
  { name: 'profit', ctor: Float32Array, stride: 1 },
  { name: 'cumRevenue', ctor: Float64Array, stride: 1 },
  { name: 'cumProfit', ctor: Float64Array, stride: 1 },
  { name: 'churnP', ctor: Float32Array, stride: 1 },
  { name: 'clv', ctor: Float32Array, stride: 1 },
  { name: 'stay', ctor: Float32Array, stride: 1 },
  { name: 'status', ctor: Uint8Array, stride: 1 },
  { name: 'stage', ctor: Uint8Array, stride: 1 },
  { name: 'tier', ctor: Uint8Array, stride: 1 },
  { name: 'prevTier', ctor: Uint8Array, stride: 1 },
  { name: 'source', ctor: Uint8Array, stride: 1 },
  { name: 'segment', ctor: Uint8Array, stride: 1 },
  { name: 'tenure', ctor: Uint16Array, stride: 1 },
  { name: 'joined', ctor: Uint16Array, stride: 1 },
  { name: 'left', ctor: Uint16Array, stride: 1 },
  { name: 'failures', ctor: Uint16Array, stride: 1 },
  { name: 'complaints', ctor: Uint16Array, stride: 1 },
  { name: 'leftSatisfaction', ctor: Uint8Array, stride: 1 },
  { name: 'referredBy', ctor: Int32Array, stride: 1 },
  { name: 'priceOverride', ctor: Float32Array, stride: 1 },
  { name: 'overrideUntil', ctor: Uint16Array, stride: 1 },
];

/** Bytes of state per customer slot. */
export const BYTES_PER_CUSTOMER = COLUMNS.reduce((s, c) => s + c.ctor.BYTES_PER_ELEMENT * c.stride, 0);

type ColumnMap = Record<Column['name'], ArrayLike<number> & { set(a: ArrayLike<number>, o?: number): void; subarray(a: number, b: number): ArrayLike<number> }>;

/** Where each column lies in a table's one buffer, in {@link COLUMNS} order (as {@link Carver} lays arrays out), and the buffer's size. */
function layout(capacity: number): { offsets: number[]; bytes: number } {
  const m = new Carver(null);
  const offsets = COLUMNS.map((c) => {
    const at = m.at;
    m.skip(c.ctor.BYTES_PER_ELEMENT, c.stride * capacity);
    return at;
  });
  return { offsets, bytes: m.at };
}

/**
 * An empty table with room for `capacity` customers: every column a view of one buffer, so a
 * copy of the table is one allocation, and for a small table one memory copy (for a few hundred
 * customers, the 39 allocations of separate columns were a tenth of a quarter). Written as one object literal (not
 * built key by key) so the engine gives it a fast, fixed shape: property loads in the hot loops
 * stay cheap.
 */
export function allocCustomers(capacity: number): Customers {
  return tableOver(new ArrayBuffer(layout(capacity).bytes), capacity, 0);
}

/** The table whose columns are `buf` laid out for `capacity` customers, `count` of them used. */
function tableOver(buf: ArrayBuffer, capacity: number, count: number): Customers {
  const m = new Carver(buf);
  // In COLUMNS order (a unit test checks that each column lies where the layout puts it).
  return {
    count,
    capacity,
    key: m.u32(capacity),
    wallet: m.f32(capacity),
    walletAvg: m.f32(capacity),
    margin: m.f32(capacity),
    influence: m.f32(capacity),
    potential: m.f32(capacity),
    orientation: m.f32(capacity),
    priceSensitivity: m.f32(capacity),
    need: m.f32(capacity),
    errInfluence: m.f32(capacity),
    errPotential: m.f32(capacity),
    expectation: m.f32(capacity),
    anchor: m.f32(capacity),
    satisfaction: m.f32(capacity),
    loyalty: m.f32(capacity),
    shareOfWallet: m.f32(capacity),
    bond: m.f32(capacity),
    revenue: m.f32(capacity * 4),
    profit: m.f32(capacity),
    cumRevenue: m.f64(capacity),
    cumProfit: m.f64(capacity),
    churnP: m.f32(capacity),
    clv: m.f32(capacity),
    stay: m.f32(capacity),
    status: m.u8(capacity),
    stage: m.u8(capacity),
    tier: m.u8(capacity),
    prevTier: m.u8(capacity),
    source: m.u8(capacity),
    segment: m.u8(capacity),
    tenure: m.u16(capacity),
    joined: m.u16(capacity),
    left: m.u16(capacity),
    failures: m.u16(capacity),
    complaints: m.u16(capacity),
    leftSatisfaction: m.u8(capacity),
    referredBy: m.i32(capacity),
    priceOverride: m.f32(capacity),
    overrideUntil: m.u16(capacity),
  };
}

/** The one buffer `t`'s columns are views of, laid out as {@link allocCustomers} lays it out, or null (a table put together otherwise). */
function oneBuffer(t: Customers): ArrayBuffer | null {
  const { offsets, bytes } = layout(t.capacity);
  const cols = t as unknown as Record<string, ArrayBufferView>;
  const buf = cols[COLUMNS[0]!.name]!.buffer;
  if (!(buf instanceof ArrayBuffer) || buf.byteLength !== bytes) return null;
  for (let k = 0; k < COLUMNS.length; k++) {
    const a = cols[COLUMNS[k]!.name]!;
    if (a.buffer !== buf || a.byteOffset !== offsets[k]) return null;
  }
  return buf;
}

/**
 * The largest table buffer copied whole, growth room and all, in one memory copy. A larger one is
 * copied column by column, its used rows only: fresh memory costs a page fault per 4 kB on
 * first touch (about 10 µs on the project's machines), and a large table's growth room is
 * megabytes of memory no one reads.
 */
const WHOLE_COPY_BYTES = 1 << 20;

/** A copy of `src` with room for at least `capacity` customers (its own buffer). */
export function copyCustomers(src: Customers, capacity: number): Customers {
  // A small table at the same size: the whole buffer in one memory copy.
  const buf = capacity === src.capacity ? oneBuffer(src) : null;
  if (buf && buf.byteLength <= WHOLE_COPY_BYTES) return tableOver(buf.slice(0), capacity, src.count);
  const cap = Math.max(capacity, src.count);
  const out = allocCustomers(cap);
  out.count = src.count;
  const s = src as unknown as ColumnMap;
  const o = out as unknown as ColumnMap;
  for (const c of COLUMNS) {
    o[c.name].set(s[c.name].subarray(0, src.count * c.stride));
  }
  return out;
}

/** Makes room for `extra` more customers, growing by doubling. Returns the (possibly new) table. */
export function ensureRoom(t: Customers, extra: number): Customers {
  const need = t.count + extra;
  if (need <= t.capacity) return t;
  let cap = t.capacity > 0 ? t.capacity : 64;
  while (cap < need) cap *= 2;
  return copyCustomers(t, cap);
}
