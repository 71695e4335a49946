/**
 * Turning the engine's round report into what the page may see: the observed summary (what a
 * real firm could know) and, kept apart, the round's truth (sent only once the game is over);
 * and the quarter view.
 */
import type { AttributedKpi, KpiSource, QuarterAttribution } from '../sim/attribution';
import { EVENT_KIND_NAMES, type CustomerKpis, type RoundReport } from '../sim/report';
import { NUMBER_FIELDS, dataQualityOf, fieldMax, hashState, lockedLevers, planLimits, objectivesDue, objectiveValue, pendingChoices, resolveParams, type ScenarioConfig, type SimState } from '../sim/index';
import { equityPerRetentionPoint, pooledSurvey, pressedTime } from '../sim/measures';
import { likertAnswer } from '../sim/model/answers';
import { profitBridge } from './books';
import {
  OBSERVED_CHAIN_FIELDS, OBSERVED_CUSTOMER_FIELDS, OBSERVED_EMPLOYEE_FIELDS, TRUTH_CHAIN_FIELDS, TRUTH_CUSTOMER_FIELDS, TRUTH_KPIS, TRUTH_OBJECTIVE_KPIS,
  type AnswerScale, type CheckedObjective, type ObservedAttribution, type ObservedKpi, type CustomerTruth, type EventCounts, type ObservedCustomerKpis, type QuarterView, type RoundSummary, type RoundTruth,
} from './protocol';

const KINDS = EVENT_KIND_NAMES.length;

/** Counts the round's customer events by kind, firm-wide and by the customer's tier. */
export function countEvents(report: RoundReport, state: SimState): EventCounts {
  const tierCount = report.tiers.length;
  const firm = new Array<number>(KINDS).fill(0);
  const tiers = Array.from({ length: tierCount }, () => new Array<number>(KINDS).fill(0));
  const ev = report.events;
  const c = state.customers;
  for (let e = 0; e < ev.count; e++) {
    const kind = ev.kind[e]!;
    firm[kind]! += 1;
    const i = ev.customer[e]!;
    let t = c.tier[i]!;
    if (t === 255) t = c.prevTier[i]!;
    const row = tiers[t];
    if (row) row[kind]! += 1;
  }
  return { firm, tiers };
}

/** A new object with only `fields` of `from` (copied, so nothing else rides along). */
function pick<T extends object, K extends keyof T>(from: T, fields: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const f of fields) out[f] = structuredClone(from[f]);
  return out;
}

const observedKpis = (k: CustomerKpis): ObservedCustomerKpis => pick(k, OBSERVED_CUSTOMER_FIELDS);
const truthKpis = (k: CustomerKpis): CustomerTruth => pick(k, TRUTH_CUSTOMER_FIELDS);

/** A round as the page sees it and its truth, apart. */
export interface Summarized {
  summary: RoundSummary;
  truth: RoundTruth;
}

/** The page's view of a report (observed data only) and the round's truth, plus the objectives checked this round, each on its side. */
export function summarize(scenario: ScenarioConfig, report: RoundReport, state: SimState): Summarized {
  const P = resolveParams(scenario.model);
  const observed: CheckedObjective[] = [];
  const hidden: CheckedObjective[] = [];
  for (const o of objectivesDue(scenario, report.round, state.status !== 'running')) {
    const value = objectiveValue(scenario, o, report.firm, report.tiers, report.employees, report.finance, state);
    ((TRUTH_OBJECTIVE_KPIS as readonly string[]).includes(o.kpi) ? hidden : observed).push({ id: o.id, value });
  }
  const summary: RoundSummary = {
    round: report.round,
    firm: observedKpis(report.firm),
    tiers: report.tiers.map(observedKpis),
    migrations: structuredClone(report.migrations),
    employees: { ...pick(report.employees, OBSERVED_EMPLOYEE_FIELDS), timePerTask: pressedTime(P, report.employees.workload) },
    chain: pick(report.chain, OBSERVED_CHAIN_FIELDS),
    finance: { ...report.finance },
    bridge: profitBridge(report.finance, report.tiers.map((t) => t.profit)),
    survey: structuredClone(report.survey),
    surveyFirm: pooledSurvey(report.survey),
    employeeSurvey: report.employeeSurvey ? { ...report.employeeSurvey } : null,
    benchmark: report.benchmark ? structuredClone(report.benchmark) : null,
    equityPerRetentionPoint: equityPerRetentionPoint(report.firm.customerEquity, report.firm.retention, P.finance.discountRate),
    fired: structuredClone(report.fired),
    news: structuredClone(report.news),
    roundScore: report.roundScore,
    score: report.score,
    status: report.status,
    hash: report.hash,
    eventCounts: countEvents(report, state),
    objectives: observed,
  };
  const truth: RoundTruth = {
    round: report.round,
    firm: truthKpis(report.firm),
    tiers: report.tiers.map(truthKpis),
    employees: { satisfaction: report.employees.satisfaction },
    chain: pick(report.chain, TRUTH_CHAIN_FIELDS),
    objectives: hidden,
    objectivePoints: report.objectivePoints,
  };
  return { summary, truth };
}

/** The survey's answer scale of `scenario` and the answer at each satisfaction objective's target (the engine's answer model). */
export function answerScale(scenario: ScenarioConfig): AnswerScale {
  const cuts = resolveParams(scenario.model).survey;
  return {
    cuts: { 2: cuts.cut2, 3: cuts.cut3, 4: cuts.cut4, 5: cuts.cut5 },
    noise: cuts.responseNoise,
    objectives: scenario.objectives.filter((o) => o.kpi === 'satisfaction').map((o) => ({ id: o.id, answer: likertAnswer(o.target, 0, cuts) })),
  };
}

/** Objective ids on true KPIs (left out of the quarter view's `objectivesMet` while the game runs). */
function truthObjectiveIds(scenario: ScenarioConfig): Set<string> {
  return new Set(scenario.objectives.filter((o) => (TRUTH_OBJECTIVE_KPIS as readonly string[]).includes(o.kpi)).map((o) => o.id));
}

/** What the page needs to lay out the next quarter. */
export function quarterView(scenario: ScenarioConfig, state: SimState, hash: string = hashState(state)): QuarterView {
  const f = state.firm;
  const P = resolveParams(scenario.model);
  return {
    round: state.round,
    status: state.status,
    cash: f.cash,
    debt: f.debt,
    budget: f.budget,
    headcount: f.headcount,
    score: state.score,
    lastDecisions: state.lastDecisions,
    choices: state.status === 'running' ? pendingChoices(scenario, state) : [],
    locked: lockedLevers(scenario, state.round + 1),
    limits: Object.fromEntries(NUMBER_FIELDS.filter((x) => x.bound).map((x) => [x.id, fieldMax(x, planLimits(scenario, state))])),
    dataQuality: dataQualityOf(P, state),
    stocks: { training: f.trainingStock, brand: f.brandStock, systems: { ...f.systems } },
    objectivesMet: state.status === 'running' ? state.objectivesMet.filter((id) => !truthObjectiveIds(scenario).has(id)) : [...state.objectivesMet],
    hash,
  };
}

/** The engine's report parts the attribution reads (its KPI vector), put back together from a round's summary and truth. */
export function kpiSource(summary: RoundSummary, truth: RoundTruth): KpiSource {
  return {
    round: summary.round,
    score: summary.score,
    objectivePoints: truth.objectivePoints,
    finance: summary.finance,
    firm: { ...summary.firm, ...truth.firm },
    tiers: summary.tiers.map((t, i) => ({ ...t, ...truth.tiers[i]! })),
    employees: { ...summary.employees, ...truth.employees },
  };
}

const isTruthKpi = (k: AttributedKpi): boolean => (TRUTH_KPIS as readonly string[]).includes(k);

/** An attribution without the true KPIs: their entries are dropped from `kpis` and from every vector. */
export function observeAttribution(a: QuarterAttribution): ObservedAttribution {
  const keep = a.kpis.map((k, i) => (isTruthKpi(k) ? -1 : i)).filter((i) => i >= 0);
  const v = (xs: number[]): number[] => keep.map((i) => xs[i]!);
  return {
    round: a.round,
    kpis: keep.map((i) => a.kpis[i]! as ObservedKpi),
    previous: a.previous ? v(a.previous) : null,
    late: a.late.map((p) => ({ group: p.group, fromRound: p.fromRound, parts: v(p.parts) })),
    outside: a.outside ? v(a.outside) : null,
    valuation: a.valuation ? v(a.valuation) : null,
    baseline: v(a.baseline),
    groups: a.groups.map((g) => ({ group: g.group, parts: v(g.parts) })),
    interaction: v(a.interaction),
    actual: v(a.actual),
    mergedTiering: a.mergedTiering,
    untraced: [...a.untraced],
    ...(a.rivals ? { rivals: a.rivals.map((r) => ({ ...r, parts: v(r.parts) })) } : {}),
  };
}
