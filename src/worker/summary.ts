/** Turning the engine's round report into the page's summary, and the quarter view. */
import { EVENT_KIND_NAMES, type RoundReport } from '../sim/report';
import { NUMBER_FIELDS, dataQualityOf, fieldMax, hashState, planLimits, lockedLevers, objectivesDue, objectiveValue, pendingChoices, resolveParams, type ScenarioConfig, type SimState } from '../sim/index';
import type { EventCounts, QuarterView, RoundSummary } from './protocol';

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

/** The page's copy of a report: everything but the per-customer event arrays, plus the objectives checked this round. */
export function summarize(scenario: ScenarioConfig, report: RoundReport, state: SimState): RoundSummary {
  const { events: _events, ...rest } = report;
  void _events;
  const objectives = objectivesDue(scenario, report.round, state.status !== 'running').map((o) => ({
    id: o.id,
    value: objectiveValue(scenario, o, report.firm, report.tiers, report.employees, report.finance, state),
  }));
  return { ...rest, eventCounts: countEvents(report, state), objectives };
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
    objectivesMet: [...state.objectivesMet],
    hash,
  };
}
