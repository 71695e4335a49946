/**
 * `npm run balance -- <scenario id or file> [seeds]`: plays every reference strategy on a
 * scenario over seeds 1..N (default 10) and prints the averages, for scenario authors
 * checking that good play beats bad play and nothing collapses. Printed, never asserted.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../src/scenario/index';
import { newGame } from '../src/sim/index';
import { POLICIES, playGame } from '../src/policies/index';

const [arg = 'ad-agency', n = '10'] = process.argv.slice(2);
const file = existsSync(arg) ? arg : fileURLToPath(new URL(`../scenarios/${arg}.json`, import.meta.url));
if (!existsSync(file)) {
  const ids = readdirSync(fileURLToPath(new URL('../scenarios/', import.meta.url))).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).map((f) => f.slice(0, -5));
  console.error(`${arg}: no such file, and not a built-in scenario (expected a file or one of: ${ids.join(', ')})`);
  process.exit(1);
}
const loaded = loadScenario(readFileSync(file, 'utf8'), file);
if (!loaded.ok) {
  for (const e of loaded.errors) console.error(e.message);
  process.exit(1);
}
const sc = loaded.scenario;
const seeds = Math.max(1, Number(n) || 10);
const money = (x: number): string => `${(x / 1e6).toFixed(2)}M`;
console.log(`${sc.id}: ${seeds} seeds, ${sc.rounds} quarters, ${sc.population.size} customers`);
console.log('policy        cum.profit  cust.equity        sum    score  bankrupt  ms/game');
for (const p of POLICIES) {
  let profit = 0, equity = 0, score = 0, bankrupt = 0, ms = 0;
  for (let k = 1; k <= seeds; k++) {
    const t0 = performance.now();
    const g = playGame(sc, newGame(sc, String(k)), p);
    ms += performance.now() - t0;
    profit += g.state.firm.cumulativeProfit;
    equity += g.rounds.at(-1)!.report.firm.customerEquity;
    score += g.state.score;
    if (g.state.status === 'bankrupt') bankrupt++;
  }
  const avg = (x: number): number => x / seeds;
  console.log(
    `${p.id.padEnd(12)} ${money(avg(profit)).padStart(11)} ${money(avg(equity)).padStart(12)} ${money(avg(profit + equity)).padStart(10)} ${avg(score).toFixed(1).padStart(8)} ${String(bankrupt).padStart(9)} ${avg(ms).toFixed(0).padStart(8)}`,
  );
}
