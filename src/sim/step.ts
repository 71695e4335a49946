import type { Decisions, ScenarioConfig } from './config';
import { cloneState } from './clone';
import { makeContext, type RoundContext } from './context';
import { clonePlain } from './decisions/plans';
import { hashState } from './hash';
import { resolveParams } from './params';
import { PASSES } from './passes';
import type { RoundReport } from './report';
import type { SimState } from './state';
import { assignTiers, dataQualityOf } from './model/tiers';
import { validateDecisions, type DecisionProblem } from './validate';

/** The outcome of one round: the new state and its report, or the reasons it was refused. */
export type StepResult =
  | { ok: true; state: SimState; report: RoundReport }
  | { ok: false; problems: DecisionProblem[] };

/**
 * Plays one round (a quarter): the single entry point of the model. Pure: `state` is not
 * changed; a rejected decision changes nothing. The systems run in the fixed order of
 * MODEL.md section 4, except that re-tiering comes first: the decisions' rule sorts the
 * customers on the data the firm has at the start of the quarter, exactly as the tiering
 * tool's preview showed the learner.
 */
export function step(scenario: ScenarioConfig, state: SimState, decisions: Decisions, mark?: SystemMark): StepResult {
  const assigned = new Uint8Array(state.customers.count);
  const problems = validateDecisions(scenario, state, decisions, assigned);
  mark?.('validate');
  if (problems.length > 0) return { ok: false, problems };
  const s = cloneState(state);
  mark?.('copy');
  return { ok: true, ...playRound(scenario, s, decisions, assigned, mark) };
}

/**
 * Called after each system with its name (for the benchmark's per-system times). The sim
 * itself reads no clock; the caller's callback may.
 */
export type SystemMark = (system: string) => void;

/**
 * The same round as {@link step}, played on `state` itself: no copy of the customer table.
 * For callers that own the state and keep no earlier one (whole-game replays, benchmarks).
 * A rejected decision still changes nothing.
 */
export function stepInPlace(scenario: ScenarioConfig, state: SimState, decisions: Decisions, mark?: SystemMark): StepResult {
  const assigned = new Uint8Array(state.customers.count);
  const problems = validateDecisions(scenario, state, decisions, assigned);
  mark?.('validate');
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, ...playRound(scenario, state, decisions, assigned, mark) };
}

/**
 * A counterfactual round for the attribution of a quarter (what would have happened with
 * some decisions reverted to last quarter's): played on `state` itself, without the decision
 * checks (a reverted plan may spend more than this quarter's budget; the model plays it
 * anyway and the books show it) and without the state hash (`report.hash` is ''). The
 * decisions must be well-formed (right number of tiers); the game must still be running.
 * Everything else, random streams included, is exactly {@link stepInPlace}.
 */
export function stepCounterfactual(scenario: ScenarioConfig, state: SimState, decisions: Decisions): { state: SimState; report: RoundReport } {
  const P = resolveParams(scenario.model);
  const assigned = new Uint8Array(state.customers.count);
  assignTiers(P, state, decisions.tiering, dataQualityOf(P, state), assigned);
  return playRound(scenario, state, decisions, assigned, undefined, false);
}

/** Plays the round on `s`, which the caller owns; `assigned` holds the tiers from validation. Each pass in turn (`passes.ts`). */
function playRound(scenario: ScenarioConfig, s: SimState, decisions: Decisions, assigned: Uint8Array, mark?: SystemMark, withHash = true): { state: SimState; report: RoundReport } {
  const ctx = beginRound(scenario, s, decisions, assigned);
  mark?.('context');
  runPasses(ctx, 0, PASSES.length, mark);
  const report = roundReport(ctx, withHash);
  mark?.('hash');
  return { state: s, report };
}

/** The round's context for playing `decisions` on `s` (the caller's own copy), with the tiers `assigned` by validation. */
export function beginRound(scenario: ScenarioConfig, s: SimState, decisions: Decisions, assigned: Uint8Array): RoundContext {
  return makeContext(scenario, resolveParams(scenario.model), s, clonePlain(decisions), assigned);
}

/** Runs the passes `from` up to (not including) `to` of {@link PASSES} on the round's context. */
export function runPasses(ctx: RoundContext, from: number, to: number, mark?: SystemMark): void {
  for (let k = from; k < to; k++) {
    const pass = PASSES[k]!;
    pass.run(ctx);
    mark?.(pass.name);
  }
}

/** The report of the round the passes played on `ctx` (its state hash unless `withHash` is false). */
export function roundReport(ctx: RoundContext, withHash = true): RoundReport {
  const { scenario, s } = ctx;
  const f = s.firm;
  const firm = ctx.firmKpis!;
  const report: RoundReport = {
    round: ctx.r,
    firm,
    tiers: ctx.tierKpis,
    migrations: ctx.migrations,
    employees: ctx.employeeKpis!,
    chain: {
      internalServiceQuality: ctx.isq,
      employeeSatisfaction: f.employeeSatisfaction,
      employeeRetention: 1 - ctx.turnover,
      productivity: ctx.productivity,
      serviceValue: ctx.served > 0 ? ctx.qualitySum / ctx.served : 0,
      customerSatisfaction: firm.satisfaction,
      customerLoyalty: firm.loyalty,
      revenue: firm.revenue,
      profit: ctx.fin.operatingProfit,
    },
    finance: ctx.fin,
    survey: ctx.survey,
    employeeSurvey: ctx.employeeSurvey,
    benchmark: null,
    events: ctx.events,
    fired: ctx.fired,
    news: ctx.news,
    roundScore: ctx.roundScore,
    score: s.score,
    objectivePoints: scenario.objectives.reduce((sum, o) => sum + (s.objectivesMet.includes(o.id) ? o.points : 0), 0),
    status: s.status,
    hash: withHash ? hashState(s) : '',
  };
  return report;
}
