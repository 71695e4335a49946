import { readFileSync } from 'node:fs';
import { newGame, type ScenarioConfig } from '../../src/sim/index';
import { POLICIES, playGame } from '../../src/policies/index';
const sc = JSON.parse(readFileSync(process.argv[2] ?? 'scenarios/ad-agency.json', 'utf8')) as ScenarioConfig;
const seeds = Number(process.argv[3] ?? 10);
const verbose = process.argv[4] === 'v';
for (const p of POLICIES) {
  let prof = 0, eq = 0, score = 0;
  const t0 = performance.now();
  for (let k = 1; k <= seeds; k++) {
    const g = playGame(sc, newGame(sc, String(k)), p);
    const last = g.rounds[g.rounds.length - 1]!.report;
    prof += g.state.firm.cumulativeProfit; eq += last.firm.customerEquity; score += g.state.score;
    if (verbose && k === 1) for (const r of g.rounds) console.log(`  ${p.id} R${r.report.round} cust ${r.report.firm.customers} rev ${(r.report.firm.revenue/1e3).toFixed(0)}k prof ${(r.report.finance.operatingProfit/1e3).toFixed(0)}k sat ${r.report.firm.satisfaction.toFixed(1)} ES ${r.report.employees.satisfaction.toFixed(1)} W ${r.report.employees.workload.toFixed(2)} tiers ${r.report.tiers.map(t => `${t.customers}:${t.satisfaction.toFixed(0)}`).join('/')} hrs ${r.decisions.tiers.map(t=>t.serviceHours.toFixed(0)).join('/')}`);
  }
  console.log(`${p.id.padEnd(12)} cumProfit ${(prof/seeds/1e6).toFixed(2)}M equity ${(eq/seeds/1e6).toFixed(2)}M sum ${((prof+eq)/seeds/1e6).toFixed(2)}M score ${(score/seeds).toFixed(1)} (${((performance.now()-t0)/seeds).toFixed(0)} ms/game)`);
}
