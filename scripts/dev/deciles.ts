import { readFileSync } from 'node:fs';
import { newGame, step, type ScenarioConfig, type Decisions } from '../../src/sim/index';
const sc = JSON.parse(readFileSync(process.argv[2] ?? 'scenarios/ad-agency.json', 'utf8')) as ScenarioConfig;
const rounds = Number(process.argv[3] ?? 4);
const dj = process.argv[4];
let s = newGame(sc, '1');
for (let r = 0; r < rounds; r++) {
  const d: Decisions = dj ? JSON.parse(readFileSync(dj, 'utf8')) : s.lastDecisions;
  const res = step(sc, s, d); if (!res.ok) { console.log(res.problems); process.exit(1); } s = res.state;
  console.log(`R${res.report.round} rev ${(res.report.firm.revenue/1e3).toFixed(0)}k prof ${(res.report.finance.operatingProfit/1e3).toFixed(0)}k churn ${res.report.firm.churned} tiers ${res.report.tiers.map(t=>t.customers).join('/')}`);
}
const c = s.customers;
const idx = [...Array(c.count).keys()].filter(i => c.status[i] === 0).sort((a, b) => c.wallet[b]! - c.wallet[a]!);
const dec = 10;
for (let q = 0; q < dec; q++) {
  const part = idx.slice(Math.floor(q * idx.length / dec), Math.floor((q + 1) * idx.length / dec));
  const m = (f: (i: number) => number) => (part.reduce((a, i) => a + f(i), 0) / part.length);
  console.log(`d${q} n${part.length} wallet ${(m(i=>c.wallet[i]!)/1e3).toFixed(0)}k need ${m(i=>c.need[i]!).toFixed(0)} S ${m(i=>c.satisfaction[i]!).toFixed(1)} E ${m(i=>c.expectation[i]!).toFixed(1)} L ${m(i=>c.loyalty[i]!).toFixed(2)} sow ${m(i=>c.shareOfWallet[i]!).toFixed(2)} pChurn ${m(i=>c.churnP[i]!).toFixed(3)} profit ${(m(i=>c.profit[i]!)/1e3).toFixed(1)}k clv ${(m(i=>c.clv[i]!)/1e3).toFixed(0)}k tier ${m(i=>c.tier[i]!).toFixed(2)}`);
}
