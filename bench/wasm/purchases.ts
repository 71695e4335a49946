// AssemblyScript: the purchases pass (src/sim/systems/purchases.ts) as a WebAssembly kernel, for
// `npm run bench` only (bench/wasm.bench.ts): the engine's own arithmetic, operation for
// operation, on the customer columns laid out in the module's memory. Not used by the game.
// Every value is f64 as in JavaScript, loaded from and stored to the columns' element types,
// so the results are the engine's bit for bit (the bench checks it).

// AssemblyScript types (u8, f32, load<T>, @inline), not TypeScript: tsconfig and ESLint leave this folder out.

const ACTIVE: u8 = 0;
const STAGE_GROWING: u8 = 1;
const STAGE_DECLINING: u8 = 3;


@inline function fmix(h: u32): u32 {
  h ^= h >>> 16;
  h *= 0x85ebca6b;
  h ^= h >>> 13;
  h *= 0xc2b2ae35;
  h ^= h >>> 16;
  return h;
}

@inline function gauss4(stream: u32, who: u32, j: u32): f64 {
  const h = fmix(stream ^ fmix(who + (j + 1) * 0x9e3779b9));
  const s = <f64>((h & 255) + ((h >>> 8) & 255) + ((h >>> 16) & 255) + (h >>> 24) + 2);
  return (s / 256 - 2) * 1.7320640222190662;
}

@inline function clamp01(x: f64): f64 {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

// `base`: the round's 14 parameters (f64), then the 28 column and table addresses (u32), as the
// host (bench/wasm.bench.ts) writes them.
@inline function param(base: u32, k: u32): f64 {
  return load<f64>(base + (k << 3));
}
@inline function ptr(base: u32, k: u32): u32 {
  return load<u32>(base + 112 + (k << 2));
}

export function run(n: i32, r: i32, base: u32): void {
  const sowPrice = param(base, 0), sowFloor = param(base, 1), sowCeiling = param(base, 2), sowExponent = param(base, 3), sowAdjust = param(base, 4);
  const growingBoost = param(base, 5), decliningDrag = param(base, 6), walletShock = param(base, 7), walletMax = param(base, 8);
  const smooth = param(base, 9), workDone = param(base, 10), wagePerHour = param(base, 11), prod = param(base, 12);
  const key = <u32>param(base, 13);
  const status = ptr(base, 0), tier = ptr(base, 1), stage = ptr(base, 2), overrideUntil = ptr(base, 3), priceOverride = ptr(base, 4);
  const priceSensitivity = ptr(base, 5), loyalty = ptr(base, 6), shareOfWallet = ptr(base, 7), potential = ptr(base, 8), ckey = ptr(base, 9);
  const wallet = ptr(base, 10), walletAvg = ptr(base, 11), margin = ptr(base, 12), revenueCol = ptr(base, 13), profitCol = ptr(base, 14);
  const cumRevenue = ptr(base, 15), cumProfit = ptr(base, 16), offerGiven = ptr(base, 17), recoverySpent = ptr(base, 18);
  const tPrice = ptr(base, 19), tHours = ptr(base, 20), tRel = ptr(base, 21), rivalAt = ptr(base, 22), tProfit = ptr(base, 23);
  const pActive = ptr(base, 24), pWallet = ptr(base, 25), pRevenue = ptr(base, 26), sums = ptr(base, 27);
  const slot = r % 4;
  const whole = Math.floor(sowExponent);
  const half = sowExponent - whole >= 0.5;
  let revenue: f64 = 0, cogs: f64 = 0, servedWages: f64 = 0, servedRelationship: f64 = 0, servedRetention: f64 = 0, servedRecovery: f64 = 0;
  for (let i = 0; i < n; i++) {
    if (load<u8>(status + i) != ACTIVE) {
      store<f32>(revenueCol + ((i * 4 + slot) << 2), 0);
      continue;
    }
    const t = <u32>load<u8>(tier + i);
    const po = <f64>load<f32>(priceOverride + (i << 2));
    const price = <i32>load<u16>(overrideUntil + (i << 1)) >= r && po > 0 ? po : load<f64>(tPrice + (t << 3));
    const rival = load<f64>(rivalAt + (t << 3));
    const cheaper = price < rival ? sowPrice * <f64>load<f32>(priceSensitivity + (i << 2)) * (rival - price) : 0;
    const l = <f64>load<f32>(loyalty + (i << 2));
    let p: f64 = 1;
    for (let k: f64 = 0; k < whole; k++) p *= l;
    if (half) p *= Math.sqrt(l);
    const target = clamp01(sowFloor + (sowCeiling - sowFloor) * p + cheaper);
    const share0 = <f64>load<f32>(shareOfWallet + (i << 2));
    const share = share0 + sowAdjust * (target - share0);
    store<f32>(shareOfWallet + (i << 2), <f32>share);
    const st = load<u8>(stage + i);
    const growth = <f64>load<f32>(potential + (i << 2)) * 0.25 + (st == STAGE_GROWING ? growingBoost : st == STAGE_DECLINING ? decliningDrag : 0) +
      walletShock * gauss4(key, load<u32>(ckey + (i << 2)), 0);
    let w = <f64>load<f32>(wallet + (i << 2)) * (1 + growth);
    w = w < 1 ? 1 : w > walletMax ? walletMax : w;
    store<f32>(wallet + (i << 2), <f32>w);
    const avg0 = <f64>load<f32>(walletAvg + (i << 2));
    store<f32>(walletAvg + (i << 2), <f32>(avg0 + smooth * (w - avg0)));
    const volume = w * share * workDone;
    const rev = volume * price;
    const cost = volume * (1 - <f64>load<f32>(margin + (i << 2)));
    const time = (load<f64>(tHours + (t << 3)) / prod) * wagePerHour;
    const programme = load<f64>(tRel + (t << 3));
    const offer = <f64>load<f32>(offerGiven + (i << 2));
    const recovery = <f64>load<f32>(recoverySpent + (i << 2));
    const serve = time + programme + offer + recovery;
    const profit = rev - cost - serve;
    servedWages += time;
    servedRelationship += programme;
    servedRetention += offer;
    servedRecovery += recovery;
    store<f64>(tProfit + (t << 3), load<f64>(tProfit + (t << 3)) + profit);
    const o = revenueCol + ((i * 4) << 2);
    store<f32>(o + (slot << 2), <f32>rev);
    store<f32>(profitCol + (i << 2), <f32>profit);
    store<f64>(cumRevenue + (i << 3), load<f64>(cumRevenue + (i << 3)) + rev);
    store<f64>(cumProfit + (i << 3), load<f64>(cumProfit + (i << 3)) + profit);
    revenue += rev;
    cogs += cost;
    store<f64>(pActive + (t << 3), load<f64>(pActive + (t << 3)) + 1);
    store<f64>(pWallet + (t << 3), load<f64>(pWallet + (t << 3)) + w);
    const r4 = <f64>load<f32>(o) + <f64>load<f32>(o + 4) + <f64>load<f32>(o + 8) + <f64>load<f32>(o + 12);
    store<f64>(pRevenue + (t << 3), load<f64>(pRevenue + (t << 3)) + r4);
  }
  store<f64>(sums, revenue);
  store<f64>(sums + 8, cogs);
  store<f64>(sums + 16, servedWages);
  store<f64>(sums + 24, servedRelationship);
  store<f64>(sums + 32, servedRetention);
  store<f64>(sums + 40, servedRecovery);
}

/** The memory-bound loop of bench/baseline.ts in WebAssembly: each 32-bit word of `words` words at `at` read and written back changed. */
export function touch(at: u32, words: i32): void {
  for (let i = 0; i < words; i++) {
    const p = at + (<u32>i << 2);
    store<i32>(p, load<i32>(p) + 1);
  }
}
