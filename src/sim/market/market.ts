/**
 * The market (MODEL.md section 8): several firms, each with its own state, budget, staff, rule
 * and levers exactly as in the solo game, competing for one population of customers. A solo
 * game is a market of one firm, played by `step` itself against the scenario's rival.
 *
 * A quarter is resolved once for all firms, in three phases over each firm's own round context:
 * 1. capability (this quarter's brand and systems); then the market sets each firm's rival:
 *    the other firms as the customers see them (each firm's value: its customers' satisfaction,
 *    its price, its brand), in place of the scenario's exogenous rival;
 * 2. tiering to referrals: service, satisfaction, churn and purchases, each firm on its own;
 * 3. the switch: each firm's leavers of the quarter go to a rival chosen by attraction (or
 *    leave the market for a while), and join it before acquisition; then acquisition (each
 *    firm's reach against the others'), win-back and the rest.
 *
 * No seat is favoured. Every reduction across firms runs in the order of the firms' keys (a
 * hash of the name), never in seat order; a leaver's draws are keyed by (seed, quarter,
 * 'switch', customer key); the customers a firm wins are appended in the order of their keys;
 * the starting split deals each stratum of equal value by a draw keyed by the firm's name. So
 * permuting the seats permutes the results bit for bit (`test/market`).
 */
import type { Decisions, ScenarioConfig } from '../config';
import { cloneState } from '../clone';
import { COLUMNS, allocCustomers, ensureRoom, type Column } from '../customers';
import { hashJson, hashState } from '../hash';
import { clamp, exp } from '../math';
import type { RoundContext } from '../context';
import { newGame } from '../newGame';
import { resolveParams, type ModelParams } from '../params';
import { PASSES } from '../passes';
import { EV_LAPSED, type BenchmarkEntry, type RoundReport } from '../report';
import { likertAnswer } from '../model/answers';
import { draw32, fmix, gauss4, streamKey, u01 } from '../rng';
import { ACTIVE, DEFECTED, LAPSED, NO_TIER, SOURCE_ACQUIRED, SOURCE_SWITCHED, STAGE_LAPSED, STAGE_NEW, type Customers, type SimState } from '../state';
import { beginRound, roundReport, runPasses, step } from '../step';
import { validateDecisions, type DecisionProblem } from '../validate';
import { assignTiers, dataQualityOf } from '../model/tiers';
import { clearHistory } from '../traits';
import { MAX_FIRMS, marketSizeProblem } from './setup';
import { serviceAndPrice } from './levels';

export { MAX_FIRMS, MAX_FIRM_NAME, defaultFirmName, marketFirms, marketSizeProblem } from './setup';

/** One firm of a market: its name (unique in the market: it is the firm's identity) and its state. */
export interface MarketFirm {
  name: string;
  state: SimState;
}

/** A market: the firms in their seats, all at the same quarter. */
export interface MarketState {
  seed: string;
  scenarioHash: string;
  /** Quarters played. */
  round: number;
  firms: MarketFirm[];
}

/** What the market did in one quarter, per firm in seat order. */
export interface MarketRound {
  round: number;
  hash: string;
  firms: MarketFirmRound[];
}

export interface MarketFirmRound {
  seat: number;
  name: string;
  /** Active customers at the end of the quarter, and their share of all the market's firms' customers (the shares sum to 1). */
  customers: number;
  marketShare: number;
  /** The firm's value to customers this quarter (its customers' satisfaction, its price, its brand), 0..1 scale. */
  value: number;
  /** The rival pressure and price it faced (the other firms as its customers saw them). */
  rivalPressure: number;
  rivalPrice: number;
  /** Its reach among prospects against a fair share. */
  reach: number;
  /** Customers it won from each seat this quarter, and lost to each seat (seat order; its own seat 0). */
  wonFrom: number[];
  lostTo: number[];
  /** Leavers who went to no firm of the market (win-back targets of this firm). */
  lapsed: number;
  /** `lostByTier[t][g]`: customers of this firm's tier t (this quarter's tiering) it lost to seat g. */
  lostByTier: number[][];
  /** `wonByTier[t][g]`: customers won from seat g who joined this firm's tier t. */
  wonByTier: number[][];
}

export type MarketStepResult =
  /** `reports`: each seat's round report, null for a firm that no longer plays (bankrupt). */
  | { ok: true; market: MarketState; reports: (RoundReport | null)[]; round: MarketRound }
  | { ok: false; problems: { seat: number; name: string; problems: DecisionProblem[] }[] };

/** A firm's key: a 32-bit hash of its name (integer operations only). */
export function firmKey(name: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < name.length; k++) h = Math.imul(h ^ name.charCodeAt(k), 16777619) >>> 0;
  return fmix(h);
}

/** Why a market cannot be set up with these names, or null. */
export function marketSetupProblem(names: readonly string[]): string | null {
  if (names.length < 1 || names.length > MAX_FIRMS) return `a market holds 1 to ${MAX_FIRMS} firms, not ${names.length}`;
  const seen = new Set<string>();
  for (const n of names) {
    if (n.trim() === '') return 'a firm needs a name';
    if (seen.has(n)) return `two firms are named "${n}": each firm needs its own name`;
    seen.add(n);
  }
  return null;
}


/** Seats ordered by their firms' keys: the order of every reduction across firms. */
function canonical(names: readonly string[]): number[] {
  const keys = names.map(firmKey);
  return names.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
}

/**
 * A table's columns as unsigned-integer views of their element size (a Float32 column as
 * Uint32, a Float64 one as two Uint32 per element), grouped by view type so that each copy loop
 * reads one kind of array; made once per table (a table's columns never change; growing makes
 * a new table). A row is copied word by word: bit exact whatever the column's type (no float is
 * read as a number, so no NaN is rewritten).
 */
interface RowViews {
  u8: Uint8Array[];
  u16: Uint16Array[];
  u32: Uint32Array[];
  /** Words per row of each view (its column's stride, in words). */
  n8: number[];
  n16: number[];
  n32: number[];
}
const rowViews = new WeakMap<Customers, RowViews>();
/** A table's columns as views of 8-, 16- and 32-bit words, to copy whole rows bit for bit (the market's setup deals the rows out). */
function viewsOf(t: Customers): RowViews {
  let v = rowViews.get(t);
  if (!v) {
    v = { u8: [], u16: [], u32: [], n8: [], n16: [], n32: [] };
    const r = t as unknown as Record<string, Float64Array>;
    for (const col of COLUMNS) {
      const a = r[col.name]!;
      const size = col.ctor.BYTES_PER_ELEMENT;
      if (size === 1) {
        v.u8.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
        v.n8.push(col.stride);
      } else if (size === 2) {
        v.u16.push(new Uint16Array(a.buffer, a.byteOffset, a.byteLength / 2));
        v.n16.push(col.stride);
      } else {
        v.u32.push(new Uint32Array(a.buffer, a.byteOffset, a.byteLength / 4));
        v.n32.push(col.stride * (size / 4));
      }
    }
    rowViews.set(t, v);
  }
  return v;
}

function copyWords<T extends Uint8Array | Uint16Array | Uint32Array>(from: readonly T[], to: readonly T[], words: readonly number[], i: number, j: number): void {
  for (let k = 0; k < from.length; k++) {
    const n = words[k]!;
    const a = from[k]!;
    const b = to[k]!;
    if (n === 1) b[j] = a[i]!;
    else {
      const f0 = i * n;
      const t0 = j * n;
      for (let x = 0; x < n; x++) b[t0 + x] = a[f0 + x]!;
    }
  }
}

/** Copies customer `i` of `src` into slot `j` of `dst` (every column). */
function copyRow(src: Customers, i: number, dst: Customers, j: number): void {
  const a = viewsOf(src);
  const b = viewsOf(dst);
  copyWords(a.u8, b.u8, a.n8, i, j);
  copyWords(a.u16, b.u16, a.n16, i, j);
  copyWords(a.u32, b.u32, a.n32, i, j);
}

/**
 * A new market of `scenario` on `seed` for the firms `names` (seat order). One firm: the solo
 * game. Several: one population of (firms x the scenario's size) customers, so each firm plays
 * at the scale its budget and staff were set for, split "equal": ranked by true value (wallet x
 * margin), each run of as many customers as firms is dealt one to each firm in an order drawn
 * from the firms' names, so every firm starts with the same distribution of value; or, with the
 * scenario's starting shares (`market.start`), each firm gets its share of every value band. The
 * number of firms must be one the scenario's `market.firms` allows.
 */
export function newMarket(scenario: ScenarioConfig, seed: string, names: readonly string[]): MarketState {
  const n = names.length;
  const problem = marketSetupProblem(names) ?? marketSizeProblem(scenario, n);
  if (problem) throw new Error(problem);
  const scenarioHash = hashJson(scenario);
  if (n === 1) return { seed, scenarioHash, round: 0, firms: [{ name: names[0]!, state: newGame(scenario, seed) }] };
  const big = newGame({ ...scenario, population: { ...scenario.population, size: scenario.population.size * n } }, seed);
  const c = big.customers;
  const count = c.count;
  const value = new Float64Array(count);
  for (let i = 0; i < count; i++) value[i] = c.wallet[i]! * c.margin[i]!;
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => value[b]! - value[a]! || c.key[a]! - c.key[b]!);
  const keys = names.map(firmKey);
  const split = streamKey(seed, 0, 'switch');
  const owner = new Uint8Array(count);
  const seats = names.map((_, i) => i);
  const start = scenario.market?.start;
  if (start?.kind === 'shares') {
    // Down the value order, each customer goes to the firm furthest behind its share so far, so
    // every firm holds its share of every value band; a tie goes by a draw keyed by the firm.
    const taken = new Float64Array(n);
    for (let j = 0; j < count; j++) {
      let best = -1;
      let gap = 0;
      for (const k of seats) {
        const g = start.shares[k]! * (j + 1) - taken[k]!;
        if (best < 0 || g > gap || (g === gap && (draw32(split, keys[k]!, j) - draw32(split, keys[best]!, j) || keys[k]! - keys[best]!) < 0)) {
          best = k;
          gap = g;
        }
      }
      owner[order[j]!] = best;
      taken[best]!++;
    }
  } else {
    for (let s0 = 0; s0 * n < count; s0++) {
      const deal = seats.slice().sort((a, b) => draw32(split, keys[a]!, s0) - draw32(split, keys[b]!, s0) || keys[a]! - keys[b]!);
      for (let k = 0; k < n && s0 * n + k < count; k++) owner[order[s0 * n + k]!] = deal[k]!;
    }
  }
  const P = resolveParams(scenario.model);
  const firms = names.map((name, seat) => {
    const st = cloneState({ ...big, customers: allocCustomers(0) });
    let own = 0;
    for (let i = 0; i < count; i++) if (owner[i] === seat) own++;
    const t = allocCustomers(Math.max(64, Math.ceil(own * 1.25)));
    for (let i = 0; i < count; i++) if (owner[i] === seat) copyRow(c, i, t, t.count++);
    st.customers = t;
    st.initialCount = own;
    st.scenarioHash = scenarioHash;
    assignTiers(P, st, scenario.initialDecisions.tiering, dataQualityOf(P, st), t.tier);
    for (let i = 0; i < own; i++) {
      t.prevTier[i] = t.tier[i]!;
      if (t.status[i] !== ACTIVE) t.tier[i] = 0;
    }
    return { name, state: st };
  });
  return { seed, scenarioHash, round: 0, firms };
}

/** The market's hash: its firms' names and state hashes in seat order. */
export function hashMarket(m: MarketState): string {
  return hashJson({ round: m.round, firms: m.firms.map((f) => [f.name, hashState(f.state)]) });
}

/** A firm's value to customers, per tier of its tiering this quarter: the value, the price, the tier's customers and their mean wallet. */
interface TierValues {
  value: Float64Array;
  price: Float64Array;
  count: Float64Array;
  wallet: Float64Array;
}

/**
 * Each firm's value to customers at the start of the quarter: its customers' mean true
 * satisfaction (what word of mouth carries), its price for them, its brand; over all its
 * customers, and per tier of this quarter's tiering (what it offers customers like a tier's).
 */
function firmValue(P: ModelParams, ctx: RoundContext): { value: number; price: number; tiers: TierValues } {
  const c = ctx.s.customers;
  const T = ctx.tierCount;
  const tiers: TierValues = { value: new Float64Array(T), price: new Float64Array(T), count: new Float64Array(T), wallet: new Float64Array(T) };
  const tierSat = new Float64Array(T);
  let sat = 0;
  let active = 0;
  let price = 0;
  // The columns and each tier's price in locals for the walk over every customer.
  const priceOf = new Float64Array(T);
  for (let t = 0; t < T; t++) priceOf[t] = ctx.d.tiers[t]!.priceIndex;
  const { status, satisfaction, wallet } = c;
  const assigned = ctx.assigned;
  const count = tiers.count;
  const walletSum = tiers.wallet;
  for (let i = 0; i < c.count; i++) {
    if (status[i] !== ACTIVE) continue;
    active++;
    const si = satisfaction[i]!;
    sat += si;
    const t = assigned[i]!;
    if (t === NO_TIER) {
      price += 1;
      continue;
    }
    price += priceOf[t]!;
    count[t]!++;
    tierSat[t]! += si;
    walletSum[t]! += wallet[i]!;
  }
  const M = P.market;
  const meanPrice = active > 0 ? price / active : ctx.d.tiers[0]!.priceIndex;
  const meanSat = active > 0 ? sat / active : P.acquisition.startSatisfaction;
  const brand = M.brandWeight * ctx.brandEff;
  for (let t = 0; t < T; t++) {
    const k = tiers.count[t]!;
    tiers.price[t] = ctx.d.tiers[t]!.priceIndex;
    tiers.value[t] = (k > 0 ? tierSat[t]! / k : meanSat) / 100 - M.priceWeight * (tiers.price[t]! - 1) + brand;
    if (k > 0) tiers.wallet[t] = tiers.wallet[t]! / k;
  }
  return { value: meanSat / 100 - M.priceWeight * (meanPrice - 1) + brand, price: meanPrice, tiers };
}

/** The rival pressure on customers whose best rival offers them `best` and their firm `own`: the scenario's, scaled by the value gap within the market's bounds. */
function pressureFrom(P: ModelParams, scenario: ScenarioConfig, best: number, own: number): number {
  const M = P.market;
  return scenario.rival.pressure * clamp(exp(M.valueSensitivity * (best - own)), M.pressureMin, M.pressureMax);
}

/** The tier of `v` whose customers' mean wallet is nearest `wallet` (by ratio; the first of equals), or -1 when it has no customers. */
function nearestTier(v: TierValues, wallet: number): number {
  let best = -1;
  let dist = Infinity;
  for (let u = 0; u < v.count.length; u++) {
    const m = v.wallet[u]!;
    if (v.count[u]! <= 0 || m <= 0) continue;
    const d = wallet > m ? wallet / m : m / wallet;
    if (d < dist) {
      dist = d;
      best = u;
    }
  }
  return best;
}

/** Plays one quarter of the market with each seat's decisions. Pure: `m` is not changed; a refused plan of any firm changes nothing. */
export function stepMarket(scenario: ScenarioConfig, m: MarketState, decisions: readonly (Decisions | null)[]): MarketStepResult {
  const n = m.firms.length;
  if (decisions.length !== n) throw new Error(`a market of ${n} firms needs ${n} plans, not ${decisions.length}`);
  m.firms.forEach((f, seat) => {
    if (f.state.status === 'running' && !decisions[seat]) throw new Error(`firm ${f.name} still plays and needs a plan`);
  });
  if (n === 1) {
    const res = step(scenario, m.firms[0]!.state, decisions[0]!);
    if (!res.ok) return { ok: false, problems: [{ seat: 0, name: m.firms[0]!.name, problems: res.problems }] };
    const market = { ...m, round: m.round + 1, firms: [{ name: m.firms[0]!.name, state: res.state }] };
    const customers = res.report.firm.customers;
    const one: MarketFirmRound = {
      seat: 0, name: m.firms[0]!.name, customers, marketShare: customers > 0 ? 1 : 0, value: 0,
      rivalPressure: scenario.rival.pressure, rivalPrice: scenario.rival.priceIndex, reach: 1, wonFrom: [0], lostTo: [0], lapsed: res.report.tiers.reduce((s, t) => s + t.churned, 0),
      lostByTier: res.report.tiers.map(() => [0]), wonByTier: res.report.tiers.map(() => [0]),
    };
    return { ok: true, market, reports: [res.report], round: { round: market.round, hash: hashMarket(market), firms: [one] } };
  }
  const assigned: Uint8Array[] = [];
  const problems: { seat: number; name: string; problems: DecisionProblem[] }[] = [];
  m.firms.forEach((f, seat) => {
    const a = new Uint8Array(f.state.customers.count);
    assigned.push(a);
    if (f.state.status !== 'running') return;
    const p = validateDecisions(scenario, f.state, decisions[seat]!, a, { market: true });
    if (p.length > 0) problems.push({ seat, name: f.name, problems: p });
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, ...resolveQuarter(scenario, m, decisions, assigned, true) };
}

/**
 * A counterfactual quarter of the market (the attribution's replays): the plans are not
 * checked (a mix of this quarter's and last quarter's plans may not fit the budget, as in the
 * solo game's `stepCounterfactual`), and no hash is made. Same streams, so the difference
 * from the quarter as played is the plans alone.
 */
export function stepMarketCounterfactual(scenario: ScenarioConfig, m: MarketState, decisions: readonly (Decisions | null)[]): { market: MarketState; reports: (RoundReport | null)[] } {
  if (decisions.length !== m.firms.length) throw new Error(`a market of ${m.firms.length} firms needs ${m.firms.length} plans, not ${decisions.length}`);
  if (m.firms.length < 2) throw new Error('a market of one firm is the solo game: its counterfactuals are stepCounterfactual');
  const P = resolveParams(scenario.model);
  const assigned = m.firms.map((f, seat) => {
    const a = new Uint8Array(f.state.customers.count);
    const d = decisions[seat];
    if (f.state.status === 'running') {
      if (!d) throw new Error(`firm ${f.name} still plays and needs a plan`);
      assignTiers(P, f.state, d.tiering, dataQualityOf(P, f.state), a);
    }
    return a;
  });
  const r = resolveQuarter(scenario, m, decisions, assigned, false);
  return { market: r.market, reports: r.reports };
}

/** The quarter of a market of several firms, with each running firm's tiers assigned. `real`: the quarter as played (hashed, the benchmark made), not a counterfactual. */
function resolveQuarter(
  scenario: ScenarioConfig,
  m: MarketState,
  decisions: readonly (Decisions | null)[],
  assigned: readonly Uint8Array[],
  real: boolean,
): { market: MarketState; reports: (RoundReport | null)[]; round: MarketRound } {
  const n = m.firms.length;
  const running = m.firms.map((f) => f.state.status === 'running');
  const P = resolveParams(scenario.model);
  const M = P.market;
  const names = m.firms.map((f) => f.name);
  const order = canonical(names);
  const keys = names.map(firmKey);
  // Each firm's table with room for a quarter's growth (a tenth and a little), not the whole slack doubling left it: copied every quarter.
  const states = m.firms.map((f) => cloneState(f.state, Math.max(64, f.state.customers.count + (f.state.customers.count >> 3) + 64)));
  const ctxs: (RoundContext | null)[] = states.map((s, seat) => (running[seat] ? beginRound(scenario, s, decisions[seat]!, assigned[seat]!) : null));
  ctxs.forEach((ctx, seat) => {
    if (ctx) ctx.prospectSalt = firmKey(names[seat]!);
  });
  const r = m.round + 1;
  // Phase 1: capability, then each firm's rivals as its customers see them.
  for (const ctx of ctxs) if (ctx) runPasses(ctx, 0, 1);
  const value = new Float64Array(n);
  const price = new Float64Array(n);
  const tierValues: (TierValues | null)[] = ctxs.map(() => null);
  for (let seat = 0; seat < n; seat++) {
    const ctx = ctxs[seat];
    if (!ctx) continue;
    const v = firmValue(P, ctx);
    value[seat] = v.value;
    price[seat] = v.price;
    tierValues[seat] = v.tiers;
  }
  let vmax = -Infinity;
  for (const seat of order) if (running[seat] && value[seat]! > vmax) vmax = value[seat]!;
  const attraction = new Float64Array(n);
  let all = 0;
  let live = 0;
  for (const seat of order) {
    if (!running[seat]) continue;
    attraction[seat] = exp(M.valueSensitivity * (value[seat]! - vmax));
    all += attraction[seat]!;
    live++;
  }
  const rivalAttraction = new Float64Array(n);
  const faced: { pressure: number; price: number; reach: number }[] = [];
  for (let seat = 0; seat < n; seat++) {
    const ctx = ctxs[seat];
    let a = 0;
    let pr = 0;
    let best = -Infinity;
    for (const g of order) {
      if (g === seat || !running[g]) continue;
      a += attraction[g]!;
      pr += attraction[g]! * price[g]!;
      if (value[g]! > best) best = value[g]!;
    }
    rivalAttraction[seat] = a;
    if (!ctx || a <= 0) {
      faced.push({ pressure: scenario.rival.pressure, price: scenario.rival.priceIndex, reach: 1 });
      continue;
    }
    const pressure = pressureFrom(P, scenario, best, value[seat]!);
    const rivalPrice = clamp(pr / a, 0.3, 2);
    const reach = clamp((live * attraction[seat]!) / all, M.reachMin, M.reachMax);
    ctx.rivalBase = { pressure, price: rivalPrice };
    ctx.rivalPressure = pressure;
    ctx.rivalPrice = rivalPrice;
    ctx.reach = reach;
    faced.push({ pressure, price: rivalPrice, reach });
  }
  // Per tier: what the rivals offer customers like a tier's (each rival's tier whose customers'
  // wallets are nearest) sets that tier's rival pressure and price, and where its leavers go.
  const tierAttraction: (Float64Array[] | null)[] = ctxs.map(() => null);
  const tierAttractionSum: (Float64Array | null)[] = ctxs.map(() => null);
  for (let seat = 0; seat < n; seat++) {
    const ctx = ctxs[seat];
    const own = tierValues[seat];
    if (!ctx || !own || rivalAttraction[seat]! <= 0) continue;
    const T = ctx.tierCount;
    const off = { pressure: new Float64Array(T), price: new Float64Array(T) };
    const rows: Float64Array[] = [];
    const sums = new Float64Array(T);
    const tv = new Float64Array(n);
    const tp = new Float64Array(n);
    for (let t = 0; t < T; t++) {
      const w = new Float64Array(n);
      rows.push(w);
      if (own.count[t]! <= 0) {
        for (const g of order) if (g !== seat && running[g]) w[g] = attraction[g]!;
        sums[t] = rivalAttraction[seat]!;
        continue;
      }
      let top = -Infinity;
      for (const g of order) {
        if (g === seat || !running[g]) continue;
        const theirs = tierValues[g]!;
        const u = nearestTier(theirs, own.wallet[t]!);
        tv[g] = u < 0 ? value[g]! : theirs.value[u]!;
        tp[g] = u < 0 ? price[g]! : theirs.price[u]!;
        if (tv[g]! > top) top = tv[g]!;
      }
      let a = 0;
      let pr = 0;
      for (const g of order) {
        if (g === seat || !running[g]) continue;
        w[g] = exp(M.valueSensitivity * (tv[g]! - top));
        a += w[g]!;
        pr += w[g]! * tp[g]!;
      }
      off.pressure[t] = pressureFrom(P, scenario, top, own.value[t]!) - ctx.rivalPressure;
      off.price[t] = clamp(pr / a, 0.3, 2) - ctx.rivalPrice;
      sums[t] = a;
    }
    ctx.rivalTiers = off;
    tierAttraction[seat] = rows;
    tierAttractionSum[seat] = sums;
  }
  // Phase 2: each firm's quarter up to its referrals.
  const acq = PASSES.findIndex((p) => p.name === 'acquisition');
  for (const ctx of ctxs) if (ctx) runPasses(ctx, 1, acq);
  secondaryPurchases(r, ctxs, states, attraction, rivalAttraction, (P.market.otherSuppliers * all) / live, price, order);
  // Phase 3: the switch. A firm that has stopped loses every customer it still had.
  const sk = streamKey(m.seed, r, 'switch');
  const wonFrom = names.map(() => new Array<number>(n).fill(0));
  const lapsed = new Array<number>(n).fill(0);
  const grid = (seat: number): number[][] => Array.from({ length: ctxs[seat]?.tierCount ?? m.firms[seat]!.state.lastDecisions.tiering.tierCount }, () => new Array<number>(n).fill(0));
  const lostByTier = names.map((_, seat) => grid(seat));
  const wonByTier = names.map((_, seat) => grid(seat));
  const incoming: { from: number; slot: number; key: number }[][] = names.map(() => []);
  for (const seat of order) {
    const c = states[seat]!.customers;
    const weightsOf = tierAttraction[seat];
    const sumsOf = tierAttractionSum[seat];
    // A leaver weighs the rivals by what they offer customers like its tier's (a firm that has stopped: the rivals' whole offers).
    const leave = (i: number): void => {
      const tier = c.tier[i]!;
      const weights = weightsOf?.[tier] ?? attraction;
      const a = sumsOf?.[tier] ?? rivalAttraction[seat]!;
      const who = c.key[i]!;
      if (a > 0 && u01(sk, who, 0) < M.switchShare) {
        let pick = u01(sk, who, 1) * a;
        let to = -1;
        for (const g of order) {
          if (g === seat || !running[g]) continue;
          to = g;
          pick -= weights[g]!;
          if (pick < 0) break;
        }
        c.status[i] = DEFECTED;
        incoming[to]!.push({ from: seat, slot: i, key: who });
        const row = lostByTier[seat]![tier];
        if (row) row[to]!++;
      } else if (running[seat]) lapsed[seat]!++;
    };
    const ctx = ctxs[seat];
    if (ctx) {
      // The firm's leavers this quarter are the churn pass's, logged in slot order (the only pass that lapses a customer).
      const e = ctx.events;
      for (let k = 0; k < e.count; k++) {
        if (e.kind[k] !== EV_LAPSED) continue;
        const i = e.customer[k]!;
        if (c.status[i] === LAPSED && c.left[i] === r) leave(i);
      }
      continue;
    }
    for (let i = 0; i < c.count; i++) {
      if (c.status[i] !== ACTIVE) continue;
      c.status[i] = LAPSED;
      c.stage[i] = STAGE_LAPSED;
      c.left[i] = r;
      leave(i);
    }
  }
  for (let g = 0; g < n; g++) {
    const ctx = ctxs[g];
    const list = incoming[g]!;
    if (!ctx || list.length === 0) continue;
    list.sort((x, y) => x.key - y.key || keys[x.from]! - keys[y.from]!);
    ctx.s.customers = ensureRoom(ctx.s.customers, list.length);
    for (const e of list) {
      const t = join(P, ctx, states[e.from]!.customers, e.slot, r);
      wonFrom[g]![e.from]!++;
      wonByTier[g]![t]![e.from]!++;
    }
  }
  // Phase 3, continued: acquisition; then some of the newly acquired are the rivals' lapsed
  // customers (prospects of every firm but their own); then win-back and the rest.
  const acquiredFrom = ctxs.map((ctx) => ctx?.s.customers.count ?? 0);
  for (const ctx of ctxs) if (ctx) runPasses(ctx, acq, acq + 1);
  lapsedProspects(P, m.seed, r, ctxs, states, order, acquiredFrom);
  const reports: (RoundReport | null)[] = ctxs.map((ctx) => {
    if (!ctx) return null;
    runPasses(ctx, acq + 1, PASSES.length);
    return roundReport(ctx, real);
  });
  // The competitor benchmark, for the firms that bought it (not in the attribution's replays: no KPI reads it).
  if (real && decisions.some((d, seat) => running[seat] && d?.research.benchmark === true)) {
    const rows = benchmarkRows(P, m.seed, r, names, states, decisions, reports, running);
    reports.forEach((rep, seat) => {
      if (rep && decisions[seat]!.research.benchmark === true) rep.benchmark = rows.filter((x) => x.seat !== seat);
    });
  }
  const firms = m.firms.map((f, seat) => ({ name: f.name, state: states[seat]! }));
  const market: MarketState = { seed: m.seed, scenarioHash: m.scenarioHash, round: r, firms };
  // A playing firm's active customers at the quarter's end are its report's count.
  const customers = states.map((s, seat) => reports[seat]?.firm.customers ?? activeCount(s.customers));
  let total = 0;
  for (const seat of order) total += customers[seat]!;
  const rows: MarketFirmRound[] = firms.map((f, seat) => ({
    seat,
    name: f.name,
    customers: customers[seat]!,
    marketShare: total > 0 ? customers[seat]! / total : 0,
    value: value[seat]!,
    rivalPressure: faced[seat]!.pressure,
    rivalPrice: faced[seat]!.price,
    reach: faced[seat]!.reach,
    wonFrom: wonFrom[seat]!,
    lostTo: wonFrom.map((w) => w[seat]!),
    lapsed: lapsed[seat]!,
    lostByTier: lostByTier[seat]!,
    wonByTier: wonByTier[seat]!,
  }));
  // The market's hash (as `hashMarket`), from the state hashes the reports already made.
  const hash = real ? hashJson({ round: r, firms: firms.map((f, seat) => [f.name, reports[seat]?.hash ?? hashState(f.state)]) }) : '';
  return { market, reports, round: { round: r, hash, firms: rows } };
}

/**
 * Share of wallet split across the firms a customer uses (MODEL.md section 8): what a customer
 * spends beyond its main firm (wallet x (1 - share), as its purchases left it this quarter) goes
 * to the market's other firms and to the suppliers outside it, in proportion to attraction (the
 * outside counts `market.otherSuppliers` firms of the market's mean attraction: `outside`). A
 * firm sells its part at its own mean price, at the customer's margin, as far as its staff can
 * serve (`workDone`): occasional purchases by other firms' customers, booked as the firm's
 * secondary revenue. Serving them takes staff time as its
 * own sales do: the wages in its own customers' cost to serve per unit of their revenue, paid as
 * extra hours (`secondaryServe`); no relationship programme, offer or recovery (they are not its
 * customers).
 * Sums over each firm's customers in slot order, across firms in the order of their keys.
 */
function secondaryPurchases(
  r: number,
  ctxs: readonly (RoundContext | null)[],
  states: readonly SimState[],
  attraction: Float64Array,
  rivalAttraction: Float64Array,
  outside: number,
  price: Float64Array,
  order: readonly number[],
): void {
  const rest = new Float64Array(ctxs.length);
  const restCost = new Float64Array(ctxs.length);
  for (const f of order) {
    if (!ctxs[f] || rivalAttraction[f]! <= 0) continue;
    const c = states[f]!.customers;
    const { status, joined, wallet, shareOfWallet, margin } = c;
    let a = 0;
    let b = 0;
    for (let i = 0; i < c.count; i++) {
      // The customers who bought this quarter (a newcomer its referrals brought in after the purchases buys from next quarter).
      if (status[i] !== ACTIVE || joined[i] === r) continue;
      const v = wallet[i]! * (1 - shareOfWallet[i]!);
      a += v;
      b += v * (1 - margin[i]!);
    }
    const to = rivalAttraction[f]! + outside;
    rest[f] = a / to;
    restCost[f] = b / to;
  }
  for (const g of order) {
    const ctx = ctxs[g];
    if (!ctx) continue;
    let volume = 0;
    let cost = 0;
    for (const f of order) {
      if (f === g || !ctxs[f]) continue;
      volume += attraction[g]! * rest[f]!;
      cost += attraction[g]! * restCost[f]!;
    }
    const fin = ctx.fin;
    fin.secondaryRevenue = volume * price[g]! * ctx.workDone;
    fin.secondaryCostOfGoods = cost * ctx.workDone;
    fin.secondaryServe = fin.revenue > 0 ? (fin.secondaryRevenue * fin.servedWages) / fin.revenue : 0;
  }
}

/**
 * What the competitor benchmark reports of each firm that played the quarter, at its end: its
 * list prices and service hours per customer averaged over its tiers' customers (what mystery
 * shoppers and the trade see), its customers, and a survey of `benchmarkSample` of them drawn
 * without replacement on the benchmark's own stream (keyed by the firm's key, never its seat), who
 * answer as in the firm's own surveys. One study for every buyer; it changes no customer.
 */
function benchmarkRows(
  P: ModelParams,
  seed: string,
  r: number,
  names: readonly string[],
  states: readonly SimState[],
  decisions: readonly (Decisions | null)[],
  reports: readonly (RoundReport | null)[],
  running: readonly boolean[],
): BenchmarkEntry[] {
  const key = streamKey(seed, r, 'benchmark');
  const out: BenchmarkEntry[] = [];
  names.forEach((name, seat) => {
    const rep = reports[seat];
    const d = decisions[seat];
    if (!running[seat] || !rep || !d) return;
    const levels = serviceAndPrice(rep.tiers, d);
    const c = states[seat]!.customers;
    const pool: number[] = [];
    for (let i = 0; i < c.count; i++) if (c.status[i] === ACTIVE) pool.push(i);
    const N = pool.length;
    const k = Math.min(N, Math.round(P.survey.benchmarkSample));
    let survey: BenchmarkEntry['survey'] = null;
    if (k > 0) {
      const fk = firmKey(name);
      let sum = 0;
      let sum2 = 0;
      for (let j = 0; j < k; j++) {
        const pick = j + Math.floor(u01(key, fk, j) * (N - j));
        const i = pool[pick]!;
        pool[pick] = pool[j]!;
        pool[j] = i;
        const a = likertAnswer(c.satisfaction[i]!, gauss4(key, c.key[i]!, 100), P.survey);
        sum += a;
        sum2 += a * a;
      }
      const mean = sum / k;
      const variance = k > 1 ? Math.max(0, (sum2 - k * mean * mean) / (k - 1)) : 0;
      const fpc = N > 1 ? Math.sqrt((N - k) / (N - 1)) : 0;
      survey = { responses: k, population: N, mean, marginOfError: 1.96 * Math.sqrt(variance / k) * fpc };
    }
    out.push({ seat, name, priceIndex: levels?.priceIndex ?? d.tiers[0]!.priceIndex, serviceHours: levels?.serviceHours ?? 0, customers: N, survey });
  });
  return out;
}

/**
 * A lapsed customer of one firm is a prospect of the others (MODEL.md section 8). Acquisition
 * decided how many customers each firm won this quarter; of those, the share lapsed / (lapsed +
 * pool) are its rivals' lapsed customers rather than newcomers to the market (`pool`: the
 * market's other prospects, `market.prospectPool` times the firms' starting customers). Each
 * lapsed customer (of an earlier quarter, not won back) is drawn once, in the order of the
 * customers' keys: taken with the probability that the rivals' acquisitions reach it, by a
 * rival chosen in proportion to the customers it acquired, whose newest acquisition it replaces
 * (same tier, so the quarter's counts stand). It leaves its old firm's win-back reach. It counts
 * as the new firm's acquisition, not in the flows between firms (`wonFrom`: switchers only).
 * `acquiredFrom`: where each firm's table ended before the acquisition.
 */
function lapsedProspects(
  P: ModelParams,
  seed: string,
  r: number,
  ctxs: readonly (RoundContext | null)[],
  states: readonly SimState[],
  order: readonly number[],
  acquiredFrom: readonly number[],
): void {
  // Each running firm's customers acquired this quarter, newest last: the acquisition appends
  // them to its table, after the slot `acquiredFrom[g]` where the table ended before it.
  const fresh: number[][] = states.map((s, g) => {
    const out: number[] = [];
    if (!ctxs[g]) return out;
    const c = s.customers;
    for (let i = acquiredFrom[g]!; i < c.count; i++) if (c.source[i] === SOURCE_ACQUIRED && c.joined[i] === r && c.status[i] === ACTIVE) out.push(i);
    return out;
  });
  let base = 0;
  for (const s of states) base += s.initialCount;
  // Each firm's lapsed customers (of an earlier quarter), in slot order.
  let all = 0;
  const lapsedSlots: number[][] = states.map((s) => {
    const out: number[] = [];
    const c = s.customers;
    for (let i = 0; i < c.count; i++) if (c.status[i] === LAPSED && c.left[i]! < r) out.push(i);
    all += out.length;
    return out;
  });
  if (all === 0 || fresh.every((f) => f.length === 0)) return;
  const reach = 1 / (P.market.prospectPool * base + all);
  const sk = streamKey(seed, r, 'switch');
  // A lapsed customer is a prospect of the firms but its own with a chance of (their newcomers
  // still open) x reach; the newcomers only get fewer as they are taken, so a customer whose draw
  // misses even the most it could find open misses: only the others need the order of the keys.
  const openMax = states.map((_, f) => {
    let o = 0;
    for (const g of order) if (g !== f && ctxs[g]) o += fresh[g]!.length;
    return o;
  });
  const lapsed = lapsedInKeyOrder(states, order, lapsedSlots, (from, key) => u01(sk, key, 3) < openMax[from]! * reach);
  for (const e of lapsed) {
    let open = 0;
    for (const g of order) if (g !== e.from && ctxs[g]) open += fresh[g]!.length;
    if (open <= 0 || u01(sk, e.key, 3) >= open * reach) continue;
    let pick = u01(sk, e.key, 4) * open;
    let to = -1;
    for (const g of order) {
      if (g === e.from || !ctxs[g] || fresh[g]!.length === 0) continue;
      to = g;
      pick -= fresh[g]!.length;
      if (pick < 0) break;
    }
    const ctx = ctxs[to]!;
    const slot = fresh[to]!.pop()!;
    const from = states[e.from]!.customers;
    admit(P, ctx, from, e.slot, r, slot, ctx.s.customers.tier[slot]!);
    // An acquisition of the quarter (its counts stand), not a switch: the flows between firms count only those.
    ctx.s.customers.source[slot] = SOURCE_ACQUIRED;
    from.status[e.slot] = DEFECTED;
  }
}

/** Bits of a slot in {@link lapsedInKeyOrder}'s packed numbers: tables up to 2^18 customers take the fast path. */
const SLOT_BITS = 262_144;

/**
 * The lapsed customers `slots` of every firm (each firm's in slot order) that `keep` keeps (by
 * seat and key), in the order of their keys, then of their firms' keys (`order`), then of their
 * slots. Each is packed into one exact number, key x 8 + the firm's rank in `order`, x 2^18 + its
 * slot (under 2^53), and the numbers are sorted as numbers; a larger market sorts the entries
 * with a comparator, to the same order.
 */
function lapsedInKeyOrder(states: readonly SimState[], order: readonly number[], slots: readonly (readonly number[])[], keep: (from: number, key: number) => boolean): { from: number; slot: number; key: number }[] {
  const rank = new Array<number>(order.length);
  order.forEach((seat, k) => (rank[seat] = k));
  const fits = order.length <= 8 && states.every((s) => s.customers.count <= SLOT_BITS);
  const out: { from: number; slot: number; key: number }[] = [];
  const packed: number[] = [];
  states.forEach((s, a) => {
    const key = s.customers.key;
    const f = rank[a]!;
    for (const i of slots[a]!) {
      if (!keep(a, key[i]!)) continue;
      if (fits) packed.push((key[i]! * 8 + f) * SLOT_BITS + i);
      else out.push({ from: a, slot: i, key: key[i]! });
    }
  });
  if (!fits) return out.sort((x, y) => x.key - y.key || rank[x.from]! - rank[y.from]! || x.slot - y.slot);
  const sorted = Float64Array.from(packed).sort();
  for (let j = 0; j < sorted.length; j++) {
    const v = sorted[j]!;
    const slot = v % SLOT_BITS;
    const hi = (v - slot) / SLOT_BITS;
    const f = hi % 8;
    out.push({ from: order[f]!, slot, key: (hi - f) / 8 });
  }
  return out;
}

function activeCount(c: Customers): number {
  let k = 0;
  for (let i = 0; i < c.count; i++) if (c.status[i] === ACTIVE) k++;
  return k;
}

/**
 * Customer `slot` of `from` joins the firm of `ctx` as a customer won from a rival: its traits
 * and wallet as they are, the relationship new (this firm's expectations through its brand, a
 * newcomer's satisfaction, loyalty and share, no bond), in the tier whose customers' wallets
 * are nearest its own. Returns that tier.
 */
function join(P: ModelParams, ctx: RoundContext, from: Customers, slot: number, r: number): number {
  const s = ctx.s;
  s.customers = ensureRoom(s.customers, 1);
  return admit(P, ctx, from, slot, r, s.customers.count, -1);
}

/**
 * The columns {@link admit} writes anew for a customer who joins a firm (every one of them, on
 * every path: with {@link clearHistory}), so they are not copied from its old firm's row.
 */
type NewRelationshipColumn =
  | 'status' | 'stage' | 'source' | 'expectation' | 'satisfaction' | 'loyalty' | 'shareOfWallet' | 'bond'
  | 'tenure' | 'joined' | 'left' | 'tier' | 'prevTier' | 'failures' | 'complaints' | 'leftSatisfaction'
  | 'referredBy' | 'priceOverride' | 'overrideUntil' | 'profit' | 'cumRevenue' | 'cumProfit' | 'churnP' | 'clv'
  | 'stay' | 'revenue';

/** The columns a customer brings to a new firm: who it is (its traits, wallet, segment and anchor), copied by {@link copyCarried}. */
type CarriedColumn = 'key' | 'wallet' | 'walletAvg' | 'margin' | 'influence' | 'potential' | 'orientation' | 'priceSensitivity' | 'need' | 'errInfluence' | 'errPotential' | 'anchor' | 'segment';
// Every column is carried or new: a column added to the table must be named in one of the two (this fails to compile otherwise);
// test/market/market.test.ts checks that a switcher's carried columns are its old row's.
const EVERY_COLUMN_PLACED: [Exclude<Column['name'], CarriedColumn | NewRelationshipColumn>] extends [never] ? true : never = true;
void EVERY_COLUMN_PLACED;

/**
 * Copies what customer `i` of `a` brings to slot `j` of `b` (the {@link CarriedColumn}s), column
 * by column as plain loads and stores: a float32 read and stored again keeps its bits (any but a
 * NaN's, and the engine stores none). One call site per column, so each load and store is
 * monomorphic (the generic {@link copyRow} goes through arrays of views, for the setup's rows).
 */
function copyCarried(a: Customers, i: number, b: Customers, j: number): void {
  b.key[j] = a.key[i]!;
  b.wallet[j] = a.wallet[i]!;
  b.walletAvg[j] = a.walletAvg[i]!;
  b.margin[j] = a.margin[i]!;
  b.influence[j] = a.influence[i]!;
  b.potential[j] = a.potential[i]!;
  b.orientation[j] = a.orientation[i]!;
  b.priceSensitivity[j] = a.priceSensitivity[i]!;
  b.need[j] = a.need[i]!;
  b.errInfluence[j] = a.errInfluence[i]!;
  b.errPotential[j] = a.errPotential[i]!;
  b.anchor[j] = a.anchor[i]!;
  b.segment[j] = a.segment[i]!;
}

/**
 * Customer `slot` of `from` becomes customer `at` of the firm of `ctx` (a new slot at the end of
 * its table, or one it replaces), with a new relationship, in tier `tier` (-1: the tier whose
 * customers' wallets are nearest its own). Returns the tier.
 */
function admit(P: ModelParams, ctx: RoundContext, from: Customers, slot: number, r: number, at: number, tier: number): number {
  const c = ctx.s.customers;
  const i = at;
  copyCarried(from, slot, c, i);
  const A = P.acquisition;
  if (i === c.count) c.count = i + 1;
  c.status[i] = ACTIVE;
  c.stage[i] = STAGE_NEW;
  c.source[i] = SOURCE_SWITCHED;
  c.expectation[i] = clamp(c.anchor[i]! + P.satisfaction.brandExpectationLift * ctx.brandEff, 0, 100);
  c.satisfaction[i] = A.startSatisfaction;
  c.loyalty[i] = A.startLoyalty;
  c.shareOfWallet[i] = A.startShare;
  c.bond[i] = 0;
  c.tenure[i] = 0;
  c.joined[i] = r;
  c.left[i] = 0;
  clearHistory(c, i);
  if (tier >= 0) {
    c.tier[i] = tier;
    c.prevTier[i] = tier;
    return tier;
  }
  const { active, wallet } = ctx.profile;
  tier = 0;
  let bestDist = Infinity;
  const w = c.wallet[i]!;
  for (let t = 0; t < ctx.tierCount; t++) {
    if (active[t]! <= 0 || w <= 0) continue;
    const mean = wallet[t]! / active[t]!;
    const dist = w > mean ? w / mean : mean / w;
    if (dist < bestDist) {
      bestDist = dist;
      tier = t;
    }
  }
  c.tier[i] = tier;
  c.prevTier[i] = tier;
  return tier;
}
