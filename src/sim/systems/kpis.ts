import type { RoundContext } from '../context';
import { expectedNps } from '../model/answers';
import { definePass } from '../pass';
import { emptyValue, type CustomerKpis, type ValueBreakdown } from '../report';
import { ACTIVE } from '../state';

function emptyKpis(): CustomerKpis {
  return {
    customers: 0, revenue: 0, profit: 0, shareOfWallet: 0, retention: 0, satisfaction: 0, nps: 0, loyalty: 0, clv: 0,
    customerEquity: 0, acquired: 0, referred: 0, wonBack: 0, churned: 0, failures: 0, complaints: 0, recovered: 0,
    value: emptyValue(),
  };
}

function scaleValue(v: ValueBreakdown, k: number): void {
  v.product *= k; v.service *= k; v.personnel *= k; v.image *= k; v.relationship *= k;
  v.monetaryCost *= k; v.timeCost *= k; v.delivered *= k; v.expectation *= k;
}

/**
 * Aggregates the round's KPIs per tier and for the firm. Counts, revenue and customer equity
 * cover customers active at the end of the round; satisfaction, loyalty, NPS and share of wallet
 * cover those the firm served this quarter (a customer won at the quarter's end has no
 * experience of the firm yet, so winning many cannot lower them, nor winning none raise them).
 * True NPS is the expected NPS over the answers' noise; loyalty is the share expected to stay a
 * year as the relationship stands. The firm's profit is the operating profit of the books.
 * `ctx.values` are the per-tier sums from the satisfaction pass, the CLVs the valuation pass's.
 */
function aggregateKpis(ctx: Pick<RoundContext, 's' | 'tierCount' | 'r' | 'tiers' | 'fin' | 'values'>): { firm: CustomerKpis; tiers: CustomerKpis[] } {
  const valueSums = ctx.values;
  const c = ctx.s.customers;
  const k = ctx.tierCount;
  const tiers: CustomerKpis[] = [];
  for (let t = 0; t < k; t++) tiers.push(emptyKpis());
  // Per tier: the expected NPS parts, summed.
  const prom = new Float64Array(k);
  // Sums per tier in typed arrays (cheaper than object fields in the hot loop).
  const nC = new Float64Array(k), nS = new Float64Array(k), rev = new Float64Array(k), sow = new Float64Array(k);
  const sat = new Float64Array(k), loy = new Float64Array(k), eq = new Float64Array(k);
  const slot = ctx.r % 4;
  const status = c.status, tier = c.tier, revenue = c.revenue, share = c.shareOfWallet;
  const satisfaction = c.satisfaction, loyalty = c.loyalty, clv = c.clv, stay = c.stay, joined = c.joined, tenure = c.tenure;
  const r = ctx.r;
  for (let i = 0; i < c.count; i++) {
    if (status[i] !== ACTIVE) continue;
    const t = tier[i]!;
    nC[t]!++;
    rev[t]! += revenue[i * 4 + slot]!;
    eq[t]! += clv[i]!;
    if (joined[i] === r && tenure[i] === 0) continue;
    const s = satisfaction[i]!;
    nS[t]!++;
    sow[t]! += share[i]!;
    sat[t]! += s;
    const q = stay[i]! * stay[i]!;
    loy[t]! += q * q;
    prom[t]! += expectedNps(s, loyalty[i]!);
  }
  for (let t = 0; t < k; t++) {
    const o = tiers[t]!;
    o.customers = nC[t]!;
    o.revenue = rev[t]!;
    // The purchases pass's sum: only the customers who bought this round (not one won back since).
    o.profit = ctx.tiers.profit[t]!;
    o.shareOfWallet = sow[t]!;
    o.satisfaction = sat[t]!;
    o.loyalty = loy[t]!;
    o.customerEquity = eq[t]!;
  }
  const firm = emptyKpis();
  const tr = ctx.tiers;
  let startCount = 0;
  for (let t = 0; t < k; t++) {
    const o = tiers[t]!;
    o.acquired = tr.acquired[t]!;
    o.referred = tr.referred[t]!;
    o.wonBack = tr.wonBack[t]!;
    o.churned = tr.churned[t]!;
    o.failures = tr.failures[t]!;
    o.complaints = tr.complaints[t]!;
    o.recovered = tr.recovered[t]!;
    const start = tr.count[t]!;
    startCount += start;
    o.retention = start > 0 ? 1 - o.churned / start : 1;
    o.value = valueSums[t]!;
    firm.customers += o.customers;
    firm.revenue += o.revenue;
    firm.profit += o.profit;
    firm.shareOfWallet += o.shareOfWallet;
    firm.satisfaction += o.satisfaction;
    firm.loyalty += o.loyalty;
    firm.customerEquity += o.customerEquity;
    firm.acquired += o.acquired;
    firm.referred += o.referred;
    firm.wonBack += o.wonBack;
    firm.churned += o.churned;
    firm.failures += o.failures;
    firm.complaints += o.complaints;
    firm.recovered += o.recovered;
    const fv = firm.value;
    const v = o.value;
    fv.product += v.product; fv.service += v.service; fv.personnel += v.personnel; fv.image += v.image;
    fv.relationship += v.relationship; fv.monetaryCost += v.monetaryCost; fv.timeCost += v.timeCost;
    fv.delivered += v.delivered; fv.expectation += v.expectation;
    if (start > 0) scaleValue(v, 1 / start);
    const nOut = o.customers;
    const served = nS[t]!;
    o.nps = served > 0 ? (100 * prom[t]!) / served : 0;
    if (served > 0) {
      o.shareOfWallet /= served;
      o.satisfaction /= served;
      o.loyalty /= served;
    }
    if (nOut > 0) o.clv = o.customerEquity / nOut;
  }
  let p = 0, served = 0;
  for (let t = 0; t < k; t++) { p += prom[t]!; served += nS[t]!; }
  const n = firm.customers;
  firm.retention = startCount > 0 ? 1 - firm.churned / startCount : 1;
  if (startCount > 0) scaleValue(firm.value, 1 / startCount);
  if (served > 0) {
    firm.shareOfWallet /= served;
    firm.satisfaction /= served;
    firm.loyalty /= served;
    firm.nps = (100 * p) / served;
  }
  if (n > 0) firm.clv = firm.customerEquity / n;
  firm.profit = ctx.fin.operatingProfit;
  return { firm, tiers };
}

/**
 * The round's outputs (MODEL.md section 5): the customer KPIs per tier and for the firm, the
 * employee KPIs, and what the next round's staff time carries (onboarding, failure handling).
 */
export const kpisPass = definePass({
  name: 'kpis',
  steps: [],
  doc: 'The KPIs per tier and for the firm, the employee KPIs; the workload the next quarter inherits.',
  reads: [
    'r', 'tierCount', 'tiers', 'fin', 'hires', 'hiresAsked', 'leavers', 'layoffs', 'turnover', 'workload', 'skill', 'productivity', 'isq',
    'customers.status', 'customers.tier', 'customers.revenue', 'customers.shareOfWallet', 'customers.satisfaction',
    'customers.loyalty', 'customers.clv', 'customers.stay', 'customers.joined', 'customers.tenure', 'firm.headcount', 'firm.employeeSatisfaction', 'firm.serviceStandard',
  ],
  // The per-tier value sums become means in place.
  writes: ['values', 'tierKpis', 'firmKpis', 'employeeKpis', 'firm.lastAcquired', 'firm.lastFailures'],
  run(ctx) {
    const { firm, tiers } = aggregateKpis(ctx);
    ctx.firmKpis = firm;
    ctx.tierKpis = tiers;
    const f = ctx.s.firm;
    let acquired = 0;
    for (let t = 0; t < ctx.tierCount; t++) acquired += ctx.tiers.acquired[t]! + ctx.tiers.referred[t]!;
    f.lastAcquired = acquired;
    f.lastFailures = firm.failures;
    ctx.employeeKpis = {
      headcount: f.headcount,
      hires: ctx.hires,
      hiresAsked: ctx.hiresAsked,
      leavers: ctx.leavers,
      layoffs: ctx.layoffs,
      turnover: ctx.turnover,
      satisfaction: f.employeeSatisfaction,
      workload: ctx.workload,
      skill: ctx.skill,
      productivity: ctx.productivity,
      serviceStandard: f.serviceStandard,
      internalServiceQuality: ctx.isq,
    };
  },
});
