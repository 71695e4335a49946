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

/**
 * An empty table with room for `capacity` customers. Written as one object literal (not
 * built key by key) so the engine gives it a fast, fixed shape: property loads in the hot
 * loops stay cheap.
 */
export function allocCustomers(capacity: number): Customers {
  return {
    count: 0,
    capacity,
    key: new Uint32Array(capacity),
    wallet: new Float32Array(capacity),
    walletAvg: new Float32Array(capacity),
    margin: new Float32Array(capacity),
    influence: new Float32Array(capacity),
    potential: new Float32Array(capacity),
    orientation: new Float32Array(capacity),
    priceSensitivity: new Float32Array(capacity),
    need: new Float32Array(capacity),
    errInfluence: new Float32Array(capacity),
    errPotential: new Float32Array(capacity),
    expectation: new Float32Array(capacity),
    anchor: new Float32Array(capacity),
    satisfaction: new Float32Array(capacity),
    loyalty: new Float32Array(capacity),
    shareOfWallet: new Float32Array(capacity),
    bond: new Float32Array(capacity),
    revenue: new Float32Array(capacity * 4),
    profit: new Float32Array(capacity),
    cumRevenue: new Float64Array(capacity),
    cumProfit: new Float64Array(capacity),
    churnP: new Float32Array(capacity),
    clv: new Float32Array(capacity),
    stay: new Float32Array(capacity),
    status: new Uint8Array(capacity),
    stage: new Uint8Array(capacity),
    tier: new Uint8Array(capacity),
    prevTier: new Uint8Array(capacity),
    source: new Uint8Array(capacity),
    segment: new Uint8Array(capacity),
    tenure: new Uint16Array(capacity),
    joined: new Uint16Array(capacity),
    left: new Uint16Array(capacity),
    failures: new Uint16Array(capacity),
    complaints: new Uint16Array(capacity),
    leftSatisfaction: new Uint8Array(capacity),
    referredBy: new Int32Array(capacity),
    priceOverride: new Float32Array(capacity),
    overrideUntil: new Uint16Array(capacity),
  };
}

/** A copy of `src` with room for at least `capacity` customers (its own buffers). */
export function copyCustomers(src: Customers, capacity: number): Customers {
  if (capacity === src.capacity) {
    // Same size: copy every column whole (a plain memory copy).
    const s0 = src as unknown as Record<string, { slice(): unknown }>;
    const out: Record<string, unknown> = { count: src.count, capacity };
    for (const c of COLUMNS) out[c.name] = s0[c.name]!.slice();
    return allocShape(out as unknown as Customers);
  }
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

/** Rebuilds a table from its columns with the literal shape of {@link allocCustomers}. */
function allocShape(x: Customers): Customers {
  const y = allocCustomers(0);
  y.count = x.count;
  y.capacity = x.capacity;
  for (const c of COLUMNS) (y as unknown as Record<string, unknown>)[c.name] = (x as unknown as Record<string, unknown>)[c.name];
  return y;
}

/** Makes room for `extra` more customers, growing by doubling. Returns the (possibly new) table. */
export function ensureRoom(t: Customers, extra: number): Customers {
  const need = t.count + extra;
  if (need <= t.capacity) return t;
  let cap = t.capacity > 0 ? t.capacity : 64;
  while (cap < need) cap *= 2;
  return copyCustomers(t, cap);
}
