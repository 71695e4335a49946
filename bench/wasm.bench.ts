/**
 * `npm run bench` (last part): the case for WebAssembly, measured on one real pass. The purchases
 * pass (src/sim/systems/purchases.ts) is played three ways on the same quarter of a 200,000-
 * customer game, each from the same state:
 *   - the engine's own pass, as the game runs it;
 *   - the same arithmetic written as a WebAssembly kernel would be, in JavaScript (every column
 *     and coefficient in a local before the loop, no helper calls), to separate what JavaScript
 *     itself costs from what the engine's way of writing it costs;
 *   - the kernel in WebAssembly (bench/wasm/purchases.ts, AssemblyScript, compiled here), on the
 *     columns laid out in the module's memory.
 * All three must give the same bits (every output column and sum is compared); then their times,
 * beside the memory-bound loop over the bytes the pass reads and writes. Printed, never asserted.
 * `--json` prints one JSON document.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newGame, stepInPlace, validateDecisions, type Decisions, type SimState } from '../src/sim/index';
import type { RoundContext } from '../src/sim/context';
import { PASSES } from '../src/sim/passes';
import { beginRound, runPasses } from '../src/sim/step';
import { gauss4 } from '../src/sim/rng';
import { rivalPriceByTier } from '../src/sim/model/rival';
import { policyById, policyDecisions } from '../src/policies/index';
import { scenarioOf } from './scaled';

const json = process.argv.includes('--json');
const SIZE = 200_000;
const REPS = 15;
const root = fileURLToPath(new URL('..', import.meta.url));

/** The purchases pass's inputs at quarter 5 of a value-based game. */
function quarterAtPurchases(): { ctx: RoundContext; sc: ReturnType<typeof scenarioOf> } {
  const sc = scenarioOf(SIZE, 20);
  const policy = policyById('value-based')!;
  let s: SimState = newGame(sc, 'bench-wasm');
  for (let r = 0; r < 4; r++) {
    const res = stepInPlace(sc, s, policyDecisions(policy, sc, s, null));
    if (!res.ok) throw new Error('a quarter was refused');
    s = res.state;
  }
  const d: Decisions = policyDecisions(policy, sc, s, null);
  const assigned = new Uint8Array(s.customers.count);
  if (validateDecisions(sc, s, d, assigned).length > 0) throw new Error('the plan was refused');
  const ctx = beginRound(sc, s, d, assigned);
  runPasses(ctx, 0, PASSES.findIndex((p) => p.name === 'purchases'));
  return { ctx, sc };
}

const { ctx } = quarterAtPurchases();
const c = ctx.s.customers;
const n = c.count;
const pass = PASSES.find((p) => p.name === 'purchases')!;

// What the pass changes, saved so each run starts from the same state.
type Saved = { cols: Record<string, ArrayLike<number>>; tierProfit: Float64Array; profile: Float64Array[] };
const WRITTEN = ['shareOfWallet', 'wallet', 'walletAvg', 'revenue', 'profit', 'cumRevenue', 'cumProfit'] as const;
const cols = c as unknown as Record<string, Float32Array | Float64Array>;
function save(): Saved {
  return {
    cols: Object.fromEntries(WRITTEN.map((k) => [k, cols[k]!.slice()])),
    tierProfit: ctx.tiers.profit.slice(),
    profile: [ctx.profile.active.slice(), ctx.profile.wallet.slice(), ctx.profile.revenue.slice()],
  };
}
function restore(x: Saved): void {
  for (const k of WRITTEN) cols[k]!.set(x.cols[k]! as Float32Array & Float64Array);
  ctx.tiers.profit.set(x.tierProfit);
  ctx.profile.active.set(x.profile[0]!);
  ctx.profile.wallet.set(x.profile[1]!);
  ctx.profile.revenue.set(x.profile[2]!);
}
const start = save();

/** The outputs to compare, as bytes. */
function outputs(sums: number[]): Uint8Array[] {
  const arrays: ArrayBufferView[] = [...WRITTEN.map((k) => cols[k]!.subarray(0, n * (k === 'revenue' ? 4 : 1))), ctx.tiers.profit, ctx.profile.active, ctx.profile.wallet, ctx.profile.revenue, new Float64Array(sums)];
  return arrays.map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength).slice());
}
const same = (a: Uint8Array[], b: Uint8Array[]) => a.length === b.length && a.every((x, k) => x.length === b[k]!.length && x.every((v, j) => v === b[k]![j]));
const finSums = () => [ctx.fin.revenue, ctx.fin.costOfGoods, ctx.fin.servedWages, ctx.fin.servedRelationship, ctx.fin.servedRetention, ctx.fin.servedRecovery];

/** Times `run` REPS times from the saved state; the median and the best, in ms. */
function time(run: () => void): { median: number; best: number } {
  const ts: number[] = [];
  for (let k = 0; k < REPS; k++) {
    restore(start);
    const t0 = performance.now();
    run();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return { median: ts[ts.length >> 1]!, best: ts[0]! };
}

// 1. The engine's pass.
restore(start);
pass.run(ctx);
const engineOut = outputs(finSums());
const engine = time(() => pass.run(ctx));

// 2. The same arithmetic in JavaScript written as a kernel: locals, no calls but the draw.
function kernelJs(): number[] {
  const P = ctx.P;
  const B = P.purchase;
  const r = ctx.r;
  const slot = r % 4;
  const key = ctx.key.drift;
  const rivalAt = rivalPriceByTier(ctx);
  const { status, tier, stage, overrideUntil, priceOverride, priceSensitivity, loyalty, shareOfWallet, potential, wallet, walletAvg, margin, revenue: revCol, profit: profitCol, cumRevenue, cumProfit } = c;
  const ckey = c.key;
  const { price: tPrice, hours: tHours, relationship: tRel, profit: tProfit } = ctx.tiers;
  const { active: pActive, wallet: pWallet, revenue: pRevenue } = ctx.profile;
  const offerGiven = ctx.offerGiven, recoverySpent = ctx.recoverySpent;
  const sowPrice = B.sowPrice, sowFloor = B.sowFloor, sowCeiling = B.sowCeiling, sowAdjust = B.sowAdjust;
  const whole = Math.floor(B.sowExponent), half = B.sowExponent - whole >= 0.5;
  const growingBoost = B.growingBoost, decliningDrag = B.decliningDrag, walletShock = B.walletShock, walletMax = B.walletMax;
  const smooth = P.finance.walletSmoothing, workDone = ctx.workDone, wagePerHour = ctx.wagePerHour, prod = ctx.productivity;
  let revenue = 0, cogs = 0, servedWages = 0, servedRelationship = 0, servedRetention = 0, servedRecovery = 0;
  for (let i = 0; i < n; i++) {
    if (status[i] !== 0) {
      revCol[i * 4 + slot] = 0;
      continue;
    }
    const t = tier[i]!;
    const po = priceOverride[i]!;
    const price = overrideUntil[i]! >= r && po > 0 ? po : tPrice[t]!;
    const rival = rivalAt[t]!;
    const cheaper = price < rival ? sowPrice * priceSensitivity[i]! * (rival - price) : 0;
    const l = loyalty[i]!;
    let p = 1;
    for (let k = 0; k < whole; k++) p *= l;
    if (half) p *= Math.sqrt(l);
    const x = sowFloor + (sowCeiling - sowFloor) * p + cheaper;
    const target = x < 0 ? 0 : x > 1 ? 1 : x;
    const share0 = shareOfWallet[i]!;
    const share = share0 + sowAdjust * (target - share0);
    shareOfWallet[i] = share;
    const st = stage[i]!;
    const growth = potential[i]! * 0.25 + (st === 1 ? growingBoost : st === 3 ? decliningDrag : 0) + walletShock * gauss4(key, ckey[i]!, 0);
    let w = wallet[i]! * (1 + growth);
    w = w < 1 ? 1 : w > walletMax ? walletMax : w;
    wallet[i] = w;
    const avg0 = walletAvg[i]!;
    walletAvg[i] = avg0 + smooth * (w - avg0);
    const volume = w * share * workDone;
    const rev = volume * price;
    const cost = volume * (1 - margin[i]!);
    const time = (tHours[t]! / prod) * wagePerHour;
    const programme = tRel[t]!;
    const offer = offerGiven[i]!;
    const recovery = recoverySpent[i]!;
    const profit = rev - cost - (time + programme + offer + recovery);
    servedWages += time;
    servedRelationship += programme;
    servedRetention += offer;
    servedRecovery += recovery;
    tProfit[t] = tProfit[t]! + profit;
    const o = i * 4;
    revCol[o + slot] = rev;
    profitCol[i] = profit;
    cumRevenue[i] = cumRevenue[i]! + rev;
    cumProfit[i] = cumProfit[i]! + profit;
    revenue += rev;
    cogs += cost;
    pActive[t] = pActive[t]! + 1;
    pWallet[t] = pWallet[t]! + w;
    pRevenue[t] = pRevenue[t]! + (revCol[o]! + revCol[o + 1]! + revCol[o + 2]! + revCol[o + 3]!);
  }
  return [revenue, cogs, servedWages, servedRelationship, servedRetention, servedRecovery];
}
restore(start);
const jsOut = outputs(kernelJs());
const js = time(() => void kernelJs());

// 3. The kernel in WebAssembly: compiled from bench/wasm/purchases.ts, the columns copied into its memory.
const dir = mkdtempSync(join(tmpdir(), 'crm-wasm-'));
const wasmFile = join(dir, 'purchases.wasm');
execFileSync(join(root, 'node_modules/.bin/asc'), [join(root, 'bench/wasm/purchases.ts'), '-O3', '--runtime', 'stub', '--noAssert', '--outFile', wasmFile], { stdio: 'inherit' });
const module = new WebAssembly.Module(readFileSync(wasmFile));
rmSync(dir, { recursive: true });
const instance = new WebAssembly.Instance(module, { env: { abort: () => { throw new Error('wasm abort'); } } });
const memory = instance.exports.memory as WebAssembly.Memory;
const runWasm = instance.exports.run as (n: number, r: number, base: number) => void;
// Layout: parameters at 64 KiB, then each column 8-byte aligned.
const BASE = 65536;
const colsIn: [string, ArrayBufferView][] = [
  ['status', c.status], ['tier', c.tier], ['stage', c.stage], ['overrideUntil', c.overrideUntil], ['priceOverride', c.priceOverride],
  ['priceSensitivity', c.priceSensitivity], ['loyalty', c.loyalty], ['shareOfWallet', c.shareOfWallet], ['potential', c.potential], ['key', c.key],
  ['wallet', c.wallet], ['walletAvg', c.walletAvg], ['margin', c.margin], ['revenue', c.revenue], ['profit', c.profit],
  ['cumRevenue', c.cumRevenue], ['cumProfit', c.cumProfit], ['offerGiven', ctx.offerGiven], ['recoverySpent', ctx.recoverySpent],
  ['tierPrice', ctx.tiers.price], ['tierHours', ctx.tiers.hours], ['tierRelationship', ctx.tiers.relationship], ['rivalAt', rivalPriceByTier(ctx)], ['tierProfit', ctx.tiers.profit],
  ['profileActive', ctx.profile.active], ['profileWallet', ctx.profile.wallet], ['profileRevenue', ctx.profile.revenue], ['sums', new Float64Array(6)],
];
let at = BASE + 1024;
const place = new Map<string, { at: number; bytes: number }>();
for (const [name, a] of colsIn) {
  place.set(name, { at, bytes: a.byteLength });
  at += Math.ceil(a.byteLength / 8) * 8;
}
memory.grow(Math.ceil((at - memory.buffer.byteLength) / 65536) + 1);
const heap = () => new Uint8Array(memory.buffer);
const B = ctx.P.purchase;
{
  const params = new Float64Array(memory.buffer, BASE, 14);
  params.set([B.sowPrice, B.sowFloor, B.sowCeiling, B.sowExponent, B.sowAdjust, B.growingBoost, B.decliningDrag, B.walletShock, B.walletMax, ctx.P.finance.walletSmoothing, ctx.workDone, ctx.wagePerHour, ctx.productivity, ctx.key.drift]);
  new Uint32Array(memory.buffer, BASE + 112, colsIn.length).set(colsIn.map(([name]) => place.get(name)!.at));
}
/** Copies the state into the module's memory (the cost a JavaScript engine would pay to hand a pass to WebAssembly). */
function copyIn(): void {
  const h = heap();
  for (const [name, a] of colsIn) h.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), place.get(name)!.at);
}
function wasmOutputs(): Uint8Array[] {
  const h = heap();
  const get = (name: string, bytes?: number) => h.slice(place.get(name)!.at, place.get(name)!.at + (bytes ?? place.get(name)!.bytes));
  const colBytes = (k: string) => n * (k === 'revenue' ? 16 : k.startsWith('cum') ? 8 : 4);
  return [...WRITTEN.map((k) => get(k, colBytes(k))), get('tierProfit'), get('profileActive'), get('profileWallet'), get('profileRevenue'), get('sums')];
}
restore(start);
copyIn();
runWasm(n, ctx.r, BASE);
const wasmOut = wasmOutputs();
const copyTimes: number[] = [];
const wasmTimes: number[] = [];
for (let k = 0; k < REPS; k++) {
  restore(start);
  const t0 = performance.now();
  copyIn();
  const t1 = performance.now();
  runWasm(n, ctx.r, BASE);
  wasmTimes.push(performance.now() - t1);
  copyTimes.push(t1 - t0);
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
const wasm = { median: med(wasmTimes), best: Math.min(...wasmTimes) };
const copy = med(copyTimes);

// The memory-bound loop over the bytes the pass reads and writes (each 32-bit word read and written once).
const touched: ArrayBufferView[] = colsIn.slice(0, 19).map(([, a]) => a);
const bytesPerCustomer = touched.reduce((s, a) => s + a.byteLength, 0) / c.capacity;
const words = touched.map((a) => new Int32Array(a.buffer, a.byteOffset, Math.ceil(((a.byteLength / c.capacity) * n) / 4)));
function touch(v: Int32Array): void {
  for (let i = 0; i < v.length; i++) v[i] = (v[i]! + 1) | 0;
}
function touchAll(): void {
  for (const v of words) touch(v);
}
const baseline = time(touchAll);
// The same loop in WebAssembly over the same bytes in its memory: what the hardware allows.
const touchWasm = instance.exports.touch as (at: number, words: number) => void;
const wasmWords = colsIn.slice(0, 19).map(([name], k) => [place.get(name)!.at, words[k]!.length] as const);
const baselineWasm = time(() => {
  for (const [at, count] of wasmWords) touchWasm(at, count);
});
restore(start);

const result = {
  customers: n,
  bytesPerCustomerTouched: bytesPerCustomer,
  identical: { kernelJs: same(engineOut, jsOut), wasm: same(engineOut, wasmOut) },
  ms: { enginePass: engine, kernelJs: js, wasm, wasmCopyIn: copy, memoryBaseline: baseline, memoryBaselineWasm: baselineWasm },
};
if (json) console.log(JSON.stringify(result, null, 2));
else {
  const f = (x: { median: number; best: number }) => `${x.median.toFixed(2)} ms (best ${x.best.toFixed(2)})`;
  console.log(`The case for WebAssembly: the purchases pass at ${n.toLocaleString('en')} customers, one quarter, median of ${REPS} (Node ${process.version})`);
  console.log(`  the engine's pass:                           ${f(engine)}`);
  console.log(`  the same, written as a kernel in JavaScript: ${f(js)}  (${(engine.median / js.median).toFixed(2)}x; same bits: ${result.identical.kernelJs})`);
  console.log(`  the kernel in WebAssembly:                   ${f(wasm)}  (${(engine.median / wasm.median).toFixed(2)}x; same bits: ${result.identical.wasm}); copying its ${bytesPerCustomer.toFixed(0)} bytes per customer in: ${copy.toFixed(2)} ms`);
  console.log(`  memory-bound loop over those bytes, in JavaScript (bench/baseline.ts's): ${f(baseline)}  (the pass runs at ${(baseline.median / engine.median).toFixed(2)} of its speed; the kernels at ${(baseline.median / js.median).toFixed(2)} and ${(baseline.median / wasm.median).toFixed(2)})`);
  console.log(`  the same loop in WebAssembly:                ${f(baselineWasm)}  (the pass at ${(baselineWasm.median / engine.median).toFixed(2)} of it; the WebAssembly kernel at ${(baselineWasm.median / wasm.median).toFixed(2)})`);
}
