/**
 * `npm run bench`: speed of the simulation core, printed, never asserted.
 * Customer-rounds per second at 10,000, 50,000 and 200,000 customers on one thread, the
 * same for a baseline loop that only reads and writes the same bytes (the memory-bound
 * limit), their ratio, a whole 20-round game of 200,000 customers, and bytes of state per
 * customer; beside them the page faults a round (fresh memory touched for the first time: about
 * 10 µs each on the project's machines, so they explain much of the pure step's cost and of the
 * figures' spread). `--json` prints one JSON document instead.
 */
import { BYTES_PER_CUSTOMER } from '../src/sim/customers';
import { cloneState, newGame, step, stepInPlace, type Decisions, type ScenarioConfig, type SimState } from '../src/sim/index';
import { policyById, policyDecisions } from '../src/policies/index';
import { memoryBaseline, pageFaults } from './baseline';
import { scenarioOf } from './scaled';
import { problemsText } from '../src/sim/index';

const json = process.argv.includes('--json');
/** The value-based policy's decisions for `rounds` rounds from `start` (computed outside the timed part). */
function decisionsFor(sc: ScenarioConfig, start: SimState, rounds: number): Decisions[] {
  const policy = policyById('value-based')!;
  let s = cloneState(start);
  const out: Decisions[] = [];
  for (let r = 0; r < rounds && s.status === 'running'; r++) {
    const d = policyDecisions(policy, sc, s, null);
    const res = stepInPlace(sc, s, d);
    if (!res.ok) throw new Error(problemsText(res.problems));
    out.push(d);
    s = res.state;
  }
  return out;
}

/** Engine time for playing `ds` from `start`, in place or as pure steps (a copy per round), and the page faults in it. */
function timeRounds(sc: ScenarioConfig, start: SimState, ds: Decisions[], pure: boolean): { ms: number; customerRounds: number; faults: number; state: SimState } {
  let s = pure ? start : cloneState(start);
  let ms = 0;
  let customerRounds = 0;
  let faults = 0;
  for (const d of ds) {
    customerRounds += s.customers.count;
    const f0 = pageFaults();
    const t0 = performance.now();
    const res = pure ? step(sc, s, d) : stepInPlace(sc, s, d);
    ms += performance.now() - t0;
    faults += pageFaults() - f0;
    if (!res.ok) throw new Error(problemsText(res.problems));
    s = res.state;
  }
  return { ms, customerRounds, faults, state: s };
}

const results: Record<string, number>[] = [];
for (const size of [10_000, 50_000, 200_000]) {
  const sc = scenarioOf(size, 20);
  const g = newGame(sc, 'bench');
  const ds = decisionsFor(sc, g, 5);
  timeRounds(sc, g, ds, false); // warm-up
  const best = (pure: boolean) => [1, 2, 3].map(() => timeRounds(sc, g, ds, pure)).sort((a, b) => a.ms - b.ms)[0]!;
  const inPlace = best(false);
  const pure = best(true);
  const rate = inPlace.customerRounds / (inPlace.ms / 1000);
  const baseRate = memoryBaseline(cloneState(g).customers, 5);
  results.push({
    customers: size,
    customerRoundsPerSecond: Math.round(rate),
    pureStepCustomerRoundsPerSecond: Math.round(pure.customerRounds / (pure.ms / 1000)),
    baselinePerSecond: Math.round(baseRate),
    ratioToBaseline: rate / baseRate,
    pageFaultsPerRound: Math.round(inPlace.faults / ds.length),
    pureStepPageFaultsPerRound: Math.round(pure.faults / ds.length),
  });
}
// Where the time goes at 200,000 customers: each system's share of a round (in place).
const perSystem = new Map<string, number>();
{
  const sc = scenarioOf(200_000, 20);
  const g = newGame(sc, 'bench');
  const ds = decisionsFor(sc, g, 5);
  for (let rep = 0; rep < 2; rep++) {
    const s = cloneState(g);
    for (const d of ds) {
      let last = performance.now();
      const res = stepInPlace(sc, s, d, (name) => {
        const now = performance.now();
        if (rep === 1) perSystem.set(name, (perSystem.get(name) ?? 0) + (now - last) / ds.length);
        last = now;
      });
      if (!res.ok) throw new Error('refused');
    }
  }
}

// A whole 20-round game of 200,000 customers: new game + 20 rounds in place, engine time only.
const sc = scenarioOf(200_000, 20);
const ds = decisionsFor(sc, newGame(sc, 'bench-game'), 20);
const t0 = performance.now();
const g = newGame(sc, 'bench-game');
const tNew = performance.now() - t0;
const game = timeRounds(sc, g, ds, false);
const gameMs = tNew + game.ms;
const bytes = BYTES_PER_CUSTOMER;
const capacityBytes = (game.state.customers.capacity * bytes) / game.state.customers.count;

if (json) {
  console.log(JSON.stringify({ node: process.version, results, msPerRoundBySystem200k: Object.fromEntries(perSystem), game200k: { newGameMs: tNew, roundsMs: game.ms, totalMs: gameMs, roundsPageFaults: game.faults }, bytesPerCustomer: bytes, allocatedBytesPerCustomer: capacityBytes }, null, 2));
} else {
  console.log(`CRM Sandbox sim bench (Node ${process.version}, single thread, value-based decisions, engine time only)`);
  for (const r of results) {
    console.log(`  ${String(r.customers).padStart(7)} customers: ${(r.customerRoundsPerSecond! / 1e6).toFixed(2)} M customer-rounds/s (pure step with a state copy: ${(r.pureStepCustomerRoundsPerSecond! / 1e6).toFixed(2)} M); memory baseline ${(r.baselinePerSecond! / 1e6).toFixed(1)} M/s; ratio ${r.ratioToBaseline!.toFixed(3)}; page faults a round ${r.pageFaultsPerRound} (pure ${r.pureStepPageFaultsPerRound})`);
  }
  const round = [...perSystem.values()].reduce((a, b) => a + b, 0);
  console.log(`  one round at 200,000 customers, ${round.toFixed(1)} ms: ` + [...perSystem].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
  console.log(`  whole game, 200,000 customers x 20 rounds: ${gameMs.toFixed(0)} ms (new game ${tNew.toFixed(0)} ms, rounds ${game.ms.toFixed(0)} ms, with ${game.faults.toLocaleString('en-US')} page faults, ${((game.faults * 4) / 1024).toFixed(0)} MB of fresh memory)`);
  console.log(`  state: ${bytes} bytes per customer (${capacityBytes.toFixed(0)} allocated, with growth room)`);
  console.log('  targets: >= 10 M customer-rounds/s at 200,000; >= 0.3 of baseline; game < 500 ms; < 256 bytes per customer');
}
