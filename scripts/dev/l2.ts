import { readFileSync } from 'node:fs';
import type { Decisions, ScenarioConfig } from '../../src/sim/index';
import { playWith, play } from '../../test/helpers';
const sc = JSON.parse(readFileSync(process.argv[2] ?? 'scenarios/ad-agency.json', 'utf8')) as ScenarioConfig;
const cut = (d: Decisions, round: number): Decisions => (round >= 3 ? { ...d, people: { ...d.people, trainingSpend: 0, wageIndex: 0.85 } } : d);
for (const s of ['1', '2']) {
  const a = playWith(sc, s, 'value-based', (d) => d);
  const b = playWith(sc, s, 'value-based', cut);
  for (let r = 0; r < a.reports.length; r++) {
    const x = a.reports[r]!, y = b.reports[r]!;
    console.log(`s${s} R${r + 1} dProfit ${((y.finance.operatingProfit - x.finance.operatingProfit) / 1e3).toFixed(0)}k dWages ${((y.finance.wages - x.finance.wages) / 1e3).toFixed(0)}k dHire ${((y.finance.hiring - x.finance.hiring) / 1e3).toFixed(0)}k dGP ${((y.finance.grossProfit - x.finance.grossProfit) / 1e3).toFixed(0)}k dSpend ${(((y.finance.outflows - y.finance.costOfGoods - y.finance.wages) - (x.finance.outflows - x.finance.costOfGoods - x.finance.wages)) / 1e3).toFixed(0)}k dES ${(y.employees.satisfaction - x.employees.satisfaction).toFixed(1)} dCS ${(y.firm.satisfaction - x.firm.satisfaction).toFixed(1)} hc ${x.employees.headcount}/${y.employees.headcount}`);
  }
}
const g = play(sc, '3', 'uniform');
console.log('uniform hours', g.decisions.at(-1)!.tiers[0]!.serviceHours);
