// Dev loop: play a scenario with the status-quo decisions and print KPIs.
import { readFileSync } from 'node:fs';
import { newGame, step, type ScenarioConfig } from '../../src/sim/index';
const file = process.argv[2] ?? 'scenarios/ad-agency.json';
const seed = process.argv[3] ?? '1';
const sc = JSON.parse(readFileSync(file, 'utf8')) as ScenarioConfig;
let s = newGame(sc, seed);
const t0 = performance.now();
for (let r = 0; r < sc.rounds; r++) {
  const res = step(sc, s, s.lastDecisions);
  if (!res.ok) { console.log(JSON.stringify(res.problems, null, 1)); break; }
  s = res.state;
  const k = res.report;
  const f = k.firm;
  console.log(`R${k.round} cust ${f.customers} rev ${(f.revenue/1e3).toFixed(0)}k prof ${(k.finance.operatingProfit/1e3).toFixed(0)}k cash ${(k.finance.cashAfter/1e3).toFixed(0)}k sat ${f.satisfaction.toFixed(1)} loy ${f.loyalty.toFixed(2)} sow ${f.shareOfWallet.toFixed(2)} ret ${f.retention.toFixed(3)} acq ${f.acquired}+${f.referred} churn ${f.churned} fail ${f.failures} ES ${k.employees.satisfaction.toFixed(1)} W ${k.employees.workload.toFixed(2)} std ${k.employees.serviceStandard.toFixed(2)} CE ${(f.customerEquity/1e6).toFixed(1)}M val ${f.value.delivered.toFixed(1)} exp ${f.value.expectation.toFixed(1)} budget ${(k.finance.budgetNext/1e3).toFixed(0)}k ${k.hash}`);
}
console.log('ms', (performance.now() - t0).toFixed(1), 'score', s.score.toFixed(1));
