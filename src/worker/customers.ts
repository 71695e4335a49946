/**
 * The customer database as the firm sees it: observed columns only (no true satisfaction,
 * loyalty or share of wallet; influence and potential are the firm's estimates at its
 * current data quality), sorting and filtering, per-customer records and the charts.
 */
import { EV_REFERRED, EV_WONBACK, type CustomerEvents } from '../sim/report';
import { ACTIVE, NO_TIER, dataQualityOf, estimatedInfluence, estimatedPotential, resolveParams, type ScenarioConfig, type SimState } from '../sim/index';
import type { CustomerAnalytics, CustomerColumn, CustomerFilter, CustomerRecord, CustomerTable } from './protocol';

/**
 * What the worker keeps of each round for customer records and the customer-base scene.
 * Every array has one entry per customer that existed at the end of the round (its
 * `length` is the customer count then); copies, never views of the state's columns.
 */
export interface RoundTrace {
  /**
   * The engine's tier of each customer at the end of the round. A lapsed customer keeps its
   * last tier here (the engine needs it for win-back); `status` tells whether it is still a
   * customer, and the firm's view shows no tier (255) for it.
   */
  tier: Uint8Array;
  /** ACTIVE or LAPSED at the end of the round. */
  status: Uint8Array;
  /** Revenue of each customer in the round. */
  revenue: Float32Array;
  events: CustomerEvents;
}

/** Records what customer records need of the round just played. */
export function traceRound(state: SimState, events: CustomerEvents): RoundTrace {
  const c = state.customers;
  const n = c.count;
  const slot = state.round % 4;
  const revenue = new Float32Array(n);
  for (let i = 0; i < n; i++) revenue[i] = c.revenue[i * 4 + slot]!;
  return { tier: c.tier.slice(0, n), status: c.status.slice(0, n), revenue, events };
}

/** The customer base before the first round (round 0), as the customer-base scene needs it. */
export interface BaseTrace {
  /** The engine's tier and ACTIVE/LAPSED status of each initial customer (see RoundTrace). */
  tier: Uint8Array;
  status: Uint8Array;
  /**
   * The initial revenue ring, 4 slots per customer (`revenue[i * 4 + (round % 4)]`, the
   * steady-state history newGame draws): the trailing revenue of the first three rounds
   * still holds the slots those rounds have not overwritten yet.
   */
  revenue: Float32Array;
  /** Tiers in use before the first round. */
  tierCount: number;
}

/** Records the base of a new game (call it before any round is played: the replay mutates the state). */
export function traceBase(state: SimState): BaseTrace {
  const c = state.customers;
  const n = c.count;
  return { tier: c.tier.slice(0, n), status: c.status.slice(0, n), revenue: c.revenue.slice(0, n * 4), tierCount: state.tiering.tierCount };
}

/**
 * The observed table of the current state. `lastEvents` are the last round's events: a
 * customer won back in it bought nothing yet, so its last quarter's profit is none (the
 * engine keeps the figure from before it lapsed), as it is for a lapsed customer.
 */
export function customerTable(scenario: ScenarioConfig, state: SimState, lastEvents?: CustomerEvents): CustomerTable {
  const c = state.customers;
  const n = c.count;
  const P = resolveParams(scenario.model);
  const dq = dataQualityOf(P, state);
  const slot = state.round % 4;
  const revenue = new Float32Array(n);
  const lastRevenue = new Float32Array(n);
  const influence = new Float32Array(n);
  const potential = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    revenue[i] = c.revenue[o]! + c.revenue[o + 1]! + c.revenue[o + 2]! + c.revenue[o + 3]!;
    lastRevenue[i] = state.round > 0 ? c.revenue[o + slot]! : 0;
    influence[i] = estimatedInfluence(state, P, dq, i);
    potential[i] = estimatedPotential(state, P, dq, i);
  }
  // The engine keeps a lapsed customer's last tier (for win-back); the firm's table shows none.
  const tier = c.tier.slice(0, n);
  for (let i = 0; i < n; i++) if (c.status[i] !== ACTIVE) tier[i] = NO_TIER;
  // Last quarter's profit of a customer who did not buy in it (lapsed, or won back only then) is none, not its old figure.
  const profit = c.profit.slice(0, n);
  for (let i = 0; i < n; i++) if (c.status[i] !== ACTIVE) profit[i] = 0;
  if (lastEvents) for (let e = 0; e < lastEvents.count; e++) if (lastEvents.kind[e] === EV_WONBACK) profit[lastEvents.customer[e]!] = 0;
  return {
    round: state.round,
    count: n,
    tier,
    status: c.status.slice(0, n),
    stage: c.stage.slice(0, n),
    revenue,
    lastRevenue,
    profit,
    cumRevenue: c.cumRevenue.slice(0, n),
    influence,
    potential,
    tenure: c.tenure.slice(0, n),
    joined: c.joined.slice(0, n),
    left: c.left.slice(0, n),
    failures: c.failures.slice(0, n),
    complaints: c.complaints.slice(0, n),
    source: c.source.slice(0, n),
    referredBy: c.referredBy.slice(0, n),
  };
}

/** The table's columns (every field that holds a typed array). */
const TABLE_ARRAYS = [
  'tier', 'status', 'stage', 'revenue', 'lastRevenue', 'profit', 'cumRevenue', 'influence', 'potential',
  'tenure', 'joined', 'left', 'failures', 'complaints', 'source', 'referredBy',
] as const satisfies readonly (keyof CustomerTable)[];

/**
 * A copy of `t` whose arrays the caller may give away (transfer to the page: the cache
 * keeps its own), and the buffers to transfer.
 */
export function transferableCopy(t: CustomerTable): { table: CustomerTable; buffers: ArrayBuffer[] } {
  const table = { ...t };
  const buffers: ArrayBuffer[] = [];
  for (const k of TABLE_ARRAYS) {
    const copy = t[k].slice();
    (table as Record<(typeof TABLE_ARRAYS)[number], typeof copy>)[k] = copy;
    buffers.push(copy.buffer as ArrayBuffer);
  }
  return { table, buffers };
}

function matches(t: CustomerTable, f: CustomerFilter, i: number): boolean {
  if (f.tier !== undefined && t.tier[i] !== f.tier) return false;
  if (f.status !== undefined && t.status[i] !== f.status) return false;
  if (f.stage !== undefined && t.stage[i] !== f.stage) return false;
  if (f.source !== undefined && t.source[i] !== f.source) return false;
  if (f.hadFailure && t.failures[i] === 0) return false;
  if (f.hadComplaint && t.complaints[i] === 0) return false;
  if (f.idPrefix && !String(i).startsWith(f.idPrefix)) return false;
  return true;
}

/**
 * Slots of the customers that pass `filter`, sorted by `sort` (ties by id, so the order is
 * stable and the same on every machine).
 */
export function queryCustomers(t: CustomerTable, sort: CustomerColumn, descending: boolean, filter: CustomerFilter): Int32Array {
  const picked: number[] = [];
  for (let i = 0; i < t.count; i++) if (matches(t, filter, i)) picked.push(i);
  const order = Int32Array.from(picked);
  if (sort === 'id') {
    if (descending) order.reverse();
    return order;
  }
  const col = t[sort];
  // Sort keys in a Float64Array: one pass, then an index sort on numbers only.
  const key = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) key[k] = col[order[k]!]!;
  const idx = Array.from({ length: order.length }, (_, k) => k);
  const sign = descending ? -1 : 1;
  idx.sort((a, b) => (key[a]! - key[b]!) * sign || order[a]! - order[b]!);
  const out = new Int32Array(order.length);
  for (let k = 0; k < idx.length; k++) out[k] = order[idx[k]!]!;
  return out;
}

/** A customer's history over the rounds traced so far, with the quarters before the game its trailing revenue still counts (`base`). */
export function customerRecord(state: SimState, traces: readonly RoundTrace[], id: number, base?: BaseTrace): CustomerRecord | null {
  if (!Number.isInteger(id) || id < 0 || id >= state.customers.count) return null;
  const tiers: number[] = [];
  const revenue: number[] = [];
  const events: CustomerRecord['events'] = [];
  const referred: number[] = [];
  traces.forEach((tr, r) => {
    tiers.push(id < tr.tier.length ? tr.tier[id]! : 255);
    revenue.push(id < tr.revenue.length ? tr.revenue[id]! : 0);
    const ev = tr.events;
    for (let e = 0; e < ev.count; e++) {
      if (ev.customer[e] === id) events.push({ round: r + 1, kind: ev.kind[e]!, other: ev.other[e]! });
      else if (ev.kind[e] === EV_REFERRED && ev.other[e] === id) referred.push(ev.customer[e]!);
    }
  });
  // The initial revenue ring: quarter q <= 0 sits in slot q mod 4 until round q + 4 overwrites it.
  const before: CustomerRecord['before'] = [];
  if (base && id < base.status.length) {
    for (let q = state.round - 3; q <= 0; q++) before.push({ round: q, revenue: base.revenue[id * 4 + (((q % 4) + 4) % 4)]! });
  }
  return { id, tiers, revenue, events, referred, before };
}

const GRID = 5;

/** Quantile edges of `values` into `bands` bands (bands - 1 inner edges). */
function quantileEdges(values: Float64Array, bands: number): number[] {
  const sorted = Float64Array.from(values).sort();
  const edges: number[] = [];
  for (let b = 1; b < bands; b++) edges.push(sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * b) / bands))]! : 0);
  return edges;
}

function band(x: number, edges: readonly number[]): number {
  let b = 0;
  while (b < edges.length && x >= edges[b]!) b++;
  return b;
}

/** Pareto curve of trailing revenue and the value grid (revenue x estimated influence) of active customers. */
export function customerAnalytics(t: CustomerTable): CustomerAnalytics {
  const rev: number[] = [];
  const inf: number[] = [];
  for (let i = 0; i < t.count; i++) {
    if (t.status[i] !== ACTIVE) continue;
    rev.push(t.revenue[i]!);
    inf.push(t.influence[i]!);
  }
  const n = rev.length;
  const desc = Float64Array.from(rev).sort().reverse();
  let total = 0;
  for (let k = 0; k < n; k++) total += desc[k]!;
  const pareto: number[] = [0];
  let shareFor80 = 1;
  let cum = 0;
  let next = 1;
  let found = false;
  for (let k = 0; k < n; k++) {
    cum += desc[k]!;
    if (!found && total > 0 && cum >= 0.8 * total) {
      shareFor80 = (k + 1) / n;
      found = true;
    }
    while (next <= 100 && k + 1 >= (n * next) / 100) {
      pareto.push(total > 0 ? cum / total : 0);
      next++;
    }
  }
  while (pareto.length < 101) pareto.push(total > 0 ? 1 : 0);
  const revenueEdges = quantileEdges(Float64Array.from(rev), GRID);
  const influenceEdges = quantileEdges(Float64Array.from(inf), GRID);
  const count = new Array<number>(GRID * GRID).fill(0);
  const revenue = new Array<number>(GRID * GRID).fill(0);
  for (let k = 0; k < n; k++) {
    const row = GRID - 1 - band(inf[k]!, influenceEdges);
    const cell = row * GRID + band(rev[k]!, revenueEdges);
    count[cell]! += 1;
    revenue[cell]! += rev[k]!;
  }
  return { pareto, shareFor80: n ? shareFor80 : 0, grid: { rows: GRID, cols: GRID, count, revenue, revenueEdges, influenceEdges } };
}
