/** The ad agency scaled to any number of customers, for the benchmarks. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScenarioConfig } from '../src/sim/index';

const root = fileURLToPath(new URL('..', import.meta.url));
const base = JSON.parse(readFileSync(`${root}scenarios/ad-agency.json`, 'utf8')) as ScenarioConfig;

export function scenarioOf(size: number, rounds: number): ScenarioConfig {
  // The ad agency scaled up: staff, budget and costs in proportion to the customers.
  const k = size / base.population.size;
  return {
    ...base,
    rounds,
    population: { ...base.population, size },
    firm: {
      ...base.firm,
      cash: base.firm.cash * k,
      headcount: Math.round(base.firm.headcount * k),
      fixedCosts: base.firm.fixedCosts * k,
      budget: { ...base.firm.budget, base: base.firm.budget.base * k },
      insolvency: { ...base.firm.insolvency, maxDebt: base.firm.insolvency.maxDebt * k },
    },
    initialDecisions: { ...base.initialDecisions, tiers: base.initialDecisions.tiers.map((t) => ({ ...t, acquisitionSpend: t.acquisitionSpend * k })) },
    events: [],
  };
}

