import type { KpiName, Objective, ScenarioConfig, ScoringPhase } from '../config';
import type { CustomerKpis, EmployeeKpis, Finance } from '../report';
import { definePass } from '../pass';
import type { SimState } from '../state';

/** The scoring phase in force in round `r` (C23: what counts as value can change by phase). */
export function phaseOf(scenario: ScenarioConfig, r: number): ScoringPhase {
  let ph = scenario.scoring.phases[0]!;
  for (const p of scenario.scoring.phases) if (p.fromRound <= r) ph = p;
  return ph;
}

/** The value of a named KPI this round (tier KPIs when `tier` is given). */
export function kpiValue(name: KpiName, firm: CustomerKpis, tier: CustomerKpis | undefined, emp: EmployeeKpis, fin: Finance, s: SimState): number {
  const k = tier ?? firm;
  switch (name) {
    case 'profit': return tier ? tier.profit : fin.operatingProfit;
    case 'cumulativeProfit': return s.firm.cumulativeProfit;
    case 'revenue': return k.revenue;
    case 'customers': return k.customers;
    case 'retention': return k.retention;
    case 'satisfaction': return k.satisfaction;
    case 'loyalty': return k.loyalty;
    case 'shareOfWallet': return k.shareOfWallet;
    case 'customerEquity': return k.customerEquity;
    case 'employeeSatisfaction': return emp.satisfaction;
    case 'acquired': return k.acquired;
    case 'cash': return fin.cashAfter;
    default: {
      const never: never = name;
      return never;
    }
  }
}

/** The objectives checked in round `r`: those due then, and on the last round those due later (a game can end early). */
export function objectivesDue(scenario: ScenarioConfig, r: number, last: boolean): Objective[] {
  return scenario.objectives.filter((o) => {
    const due = o.round ?? scenario.rounds;
    return due === r || (last && due > r);
  });
}

/**
 * An objective's KPI value this round, or null for a tier objective while the learner does
 * not use that tier (it cannot be met then).
 */
export function objectiveValue(
  scenario: ScenarioConfig, o: Objective, firm: CustomerKpis, tiers: readonly CustomerKpis[], emp: EmployeeKpis, fin: Finance, s: SimState,
): number | null {
  if (o.tier === undefined) return kpiValue(o.kpi, firm, undefined, emp, fin, s);
  const tier = tiers[scenario.tiers.findIndex((x) => x.id === o.tier)];
  return tier === undefined ? null : kpiValue(o.kpi, firm, tier, emp, fin, s);
}

/** Whether an objective checked this round is met. */
export function objectiveMet(o: Objective, value: number): boolean {
  return o.op === '>=' ? value >= o.target : value <= o.target;
}

/**
 * The round's score: phase-weighted profit, revenue, acquisition and satisfaction; at the
 * end, customer equity (so milking customers in the last rounds does not pay) and the
 * points of objectives met.
 */
export function runScoring(
  scenario: ScenarioConfig, s: SimState, r: number, last: boolean, firm: CustomerKpis, tiers: CustomerKpis[], emp: EmployeeKpis, fin: Finance,
): number {
  const ph = phaseOf(scenario, r);
  const m = scenario.scoring.moneyPerPoint;
  let score = (ph.profit * fin.operatingProfit + ph.revenue * firm.revenue) / m + ph.acquired * firm.acquired + ph.satisfaction * firm.satisfaction;
  if (last) score += (scenario.scoring.equityWeight * firm.customerEquity) / m;
  for (const o of objectivesDue(scenario, r, last)) {
    const v = objectiveValue(scenario, o, firm, tiers, emp, fin, s);
    if (v !== null && objectiveMet(o, v)) {
      score += o.points;
      s.objectivesMet.push(o.id);
    }
  }
  return score;
}

/** The round's score, the objectives met, and the end of the game (the last quarter, or bankruptcy). */
export const scoringPass = definePass({
  name: 'scoring',
  steps: [],
  doc: 'The quarter\'s score (at the end with customer equity), the objectives met, the game\'s end.',
  reads: ['scenario', 'r', 'd', 'firmKpis', 'tierKpis', 'employeeKpis', 'fin', 'firm.cumulativeProfit'],
  writes: ['last', 'roundScore', 'state.round', 'state.lastDecisions', 'state.score', 'state.status', 'state.objectivesMet'],
  run(ctx) {
    const s = ctx.s;
    s.round = ctx.r;
    s.lastDecisions = ctx.d;
    ctx.last = s.round >= ctx.scenario.rounds || s.status === 'bankrupt';
    ctx.roundScore = runScoring(ctx.scenario, s, ctx.r, ctx.last, ctx.firmKpis!, ctx.tierKpis, ctx.employeeKpis!, ctx.fin);
    s.score += ctx.roundScore;
    if (s.status === 'running' && s.round >= ctx.scenario.rounds) s.status = 'finished';
  },
});
