import type { RoundContext } from '../context';
import { definePass } from '../pass';

/** Money spent on research this round. */
export function researchCost(ctx: Pick<RoundContext, 'P' | 'd'>): number {
  const { P, d } = ctx;
  let n = 0;
  for (const k of d.research.surveySample) n += k;
  return (
    n * P.survey.costPerResponse +
    (d.research.nps ? n * P.survey.npsCostPerResponse : 0) +
    (d.research.employeeSurvey ? P.survey.employeeSurveyCost : 0) +
    (d.research.benchmark === true ? P.survey.benchmarkCost : 0)
  );
}

/**
 * Step 14: the books. Every inflow and outflow of the round, profit, cash, and what
 * happens when cash runs out: a rescue loan with interest, or game over when the
 * scenario says so or debt passes its limit. Never a crash. Sets next round's budget.
 */
export const financePass = definePass({
  name: 'finance',
  steps: [14],
  doc: 'The books: every inflow and outflow, profit, cash, a rescue loan or bankruptcy, next quarter\'s budget.',
  reads: ['P', 'd', 'scenario', 'tierCount', 'tiers'],
  writes: ['fin', 'firm.debt', 'firm.loans', 'firm.cash', 'firm.lastOperatingProfit', 'firm.cumulativeProfit', 'firm.budget', 'state.status'],
  run(ctx) {
    const { s, d, scenario, P } = ctx;
    const f = s.firm;
    const fin = ctx.fin;
    let relationship = 0;
    let retention = 0;
    let winBack = 0;
    for (let t = 0; t < ctx.tierCount; t++) {
      relationship += ctx.tiers.count[t]! * d.tiers[t]!.relationshipSpend;
      retention += ctx.tiers.retentionSpent[t]!;
      winBack += ctx.tiers.winBackSpent[t]!;
    }
    fin.relationship = relationship;
    fin.retention = retention;
    fin.winBack = winBack;
    fin.research = researchCost(ctx);
    fin.fixedCosts = scenario.firm.fixedCosts;
    fin.interest = f.debt * P.finance.interestRate;
    const eventsIn = fin.events > 0 ? fin.events : 0;
    const eventsOut = fin.events < 0 ? -fin.events : 0;
    fin.inflows = fin.revenue + fin.secondaryRevenue + eventsIn;
    fin.outflows =
      fin.costOfGoods + fin.secondaryCostOfGoods + fin.secondaryServe + fin.wages + fin.hiring + fin.severance + fin.training + fin.systems + fin.brand + fin.relationship +
      fin.retention + fin.acquisition + fin.winBack + fin.research + fin.recovery + fin.fixedCosts + fin.interest + eventsOut;
    fin.operatingProfit = fin.inflows - fin.outflows;
    let cash = f.cash + fin.inflows - fin.outflows;
    if (cash < 0) {
      if (scenario.firm.insolvency.mode === 'loan') {
        const loan = -cash + P.finance.loanBuffer * fin.wages;
        fin.loan = loan;
        fin.inflows += loan;
        f.debt += loan;
        f.loans++;
        cash += loan;
        if (f.debt > scenario.firm.insolvency.maxDebt) s.status = 'bankrupt';
      } else {
        s.status = 'bankrupt';
      }
    }
    f.cash = cash;
    f.lastOperatingProfit = fin.operatingProfit;
    f.cumulativeProfit += fin.operatingProfit;
    const rule = scenario.firm.budget;
    f.budget = Math.max(0, Math.min(cash, rule.base + rule.reinvest * Math.max(0, fin.operatingProfit)));
    fin.cashAfter = cash;
    fin.debt = f.debt;
    fin.budgetNext = f.budget;
  },
});
