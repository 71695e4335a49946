import { LEVERS, type Decisions, type Lever, type ScenarioConfig } from './config';
import { checkPlanForm, type PlanLimits } from './decisions/check';
import { NUMBER_FIELDS } from './decisions/catalogue';
import { getAt, leverValues, pathsOf, tierOfPath } from './decisions/plans';
import type { DecisionProblem } from './decisions/problems';
import { canonicalJson } from './hash';
import { sat } from './math';
import { resolveParams } from './params';
import type { SimState } from './state';
import { pendingChoices } from './systems/events';
import { carriedStaffHours, contractedHours, hiresFilled, leaversOf, payFactorOf, plannedStaffHours, productivityOf, skillOf } from './systems/employees';
import { researchCost } from './systems/finance';
import { assignTiers, dataQualityOf } from './model/tiers';

export type { DecisionProblem } from './decisions/problems';

/** What the decisions would use of the round's budget and staff. */
export interface PlanUse {
  /** Active customers per tier under the decisions' tiering rule. */
  tierCounts: number[];
  /** Discretionary spend and the budget for it (money). */
  spend: number;
  budget: number;
  /**
   * Service hours the plan needs and the most that can be planned (contracted x max
   * overtime). Onboarding and failure handling left by the last round come on top of the
   * plan as workload; they never make every decision impossible.
   */
  staffHours: number;
  staffLimit: number;
  /** Contracted staff hours (workload 1). */
  contracted: number;
  /** Staff hours last quarter left behind (onboarding its newcomers, handling its failures): workload on top of the plan. */
  carried: number;
  /**
   * The workload the quarter will have as far as the firm can tell now: the plan's hours and the
   * carried ones against the staff left after this quarter's expected leavers (it can still move
   * a little with this quarter's training and the staff's experience).
   */
  expectedWorkload: number;
}

/** The fields whose money comes out of the quarter's budget (the catalogue says which, and how). */
const BUDGET_FIELDS = NUMBER_FIELDS.filter((f) => f.budget !== undefined);

/**
 * Budget and staff the decisions would use (assumes a well-formed decision). The tier each
 * customer would land in is written to `tiersOut` when given (the engine reuses it).
 */
export function planUse(scenario: ScenarioConfig, state: SimState, d: Decisions, tiersOut?: Uint8Array): PlanUse {
  const P = resolveParams(scenario.model);
  const f = state.firm;
  const tierCounts = assignTiers(P, state, d.tiering, dataQualityOf(P, state), tiersOut ?? new Uint8Array(state.customers.count));
  let spend = d.people.hires * scenario.firm.hireCost;
  for (const field of BUDGET_FIELDS) {
    for (const p of pathsOf(field, d)) {
      const v = getAt(d, p) as number;
      spend += field.budget === 'perCustomer' ? (tierCounts[tierOfPath(p)] ?? 0) * v : v;
    }
  }
  spend += researchCost({ P, d });
  const trainingEff = sat(f.trainingStock, P.capability.trainingHalfSaturation);
  const sfa = sat(f.systems.salesAutomation, P.capability.systemsHalfSaturation);
  const prod = productivityOf(P, skillOf(P, f.experience, trainingEff), sfa);
  const staffHours = plannedStaffHours(d, tierCounts, prod);
  const contracted = contractedHours(scenario, f, d);
  const carried = carriedStaffHours(P, f, prod);
  const afterLayoffs = Math.max(0, f.headcount - Math.min(d.people.layoffs, f.headcount));
  const pay = d.people.wageIndex * payFactorOf(state.effects, state.round + 1);
  const capacity = (afterLayoffs - leaversOf(P, f, afterLayoffs, pay) + hiresFilled(P, d.people.hires, pay)) * scenario.firm.hoursPerStaff;
  const demand = staffHours + carried;
  const expectedWorkload = capacity > 0 ? demand / capacity : demand > 0 ? 10 : 0;
  return { tierCounts, spend, budget: f.budget, staffHours, staffLimit: contracted * P.employees.maxOvertime, contracted, carried, expectedWorkload };
}

/** Levers still locked in round `r` (tutorial unlocks). */
export function lockedLevers(scenario: ScenarioConfig, r: number): Lever[] {
  if (!scenario.unlocks) return [];
  const open = new Set<Lever>();
  for (const u of scenario.unlocks) if (u.round <= r) for (const l of u.levers) open.add(l);
  return LEVERS.filter((l) => !open.has(l));
}

/** The limits of the game's state on a plan for the next quarter of `state`. */
export function planLimits(scenario: ScenarioConfig, state: SimState): PlanLimits {
  return { scenarioTiers: scenario.tiers.length, headcount: state.firm.headcount };
}

/**
 * Every reason the decisions cannot be played on `state`: the game is over; the plan's form
 * (`decisions/check.ts`: a value out of range or malformed, a limit of the game's state, a
 * rule across fields); a choice card not open this quarter; a locked lever changed; the plan
 * spends more than the budget or needs more staff time than the staff has. Empty: playable.
 * Codes and values only: `src/scenario/decisionMessages.ts` writes them as sentences. Never
 * throws, whatever `d` holds. `tiersOut`, when given, receives each customer's tier under the
 * decisions' rule (written only when the decisions are well-formed). `market`: the firm plays
 * in a market of several firms (only there can it buy the competitor benchmark).
 */
export function validateDecisions(scenario: ScenarioConfig, state: SimState, d: Decisions, tiersOut?: Uint8Array, { market = false }: { market?: boolean } = {}): DecisionProblem[] {
  if (state.status !== 'running') return [{ code: 'gameOver', path: '' }];
  const out = checkPlanForm(d, planLimits(scenario, state));
  if (out.length > 0) return out;
  // The competitor benchmark reports on rival firms: the solo game's rival is only a number.
  if (d.research.benchmark === true && !market) return [{ code: 'noRivals', path: 'research.benchmark' }];
  // Choice cards: only this quarter's, each once, with one of its options.
  const pending = pendingChoices(scenario, state);
  const seen = new Set<string>();
  d.choices.forEach((ch, i) => {
    const ev = pending.find((e) => e.id === ch.event);
    if (!ev) return void out.push({ code: 'choiceUnknown', path: `choices.${i}.event`, event: ch.event });
    if (seen.has(ev.id)) out.push({ code: 'choiceTwice', path: `choices.${i}.event`, event: ev.id });
    seen.add(ev.id);
    if (!ev.options!.some((o) => o.id === ch.option)) out.push({ code: 'optionUnknown', path: `choices.${i}.option`, event: ev.id, option: ch.option });
  });
  if (out.length > 0) return out;
  // Locked levers must keep the status quo.
  const r = state.round + 1;
  for (const lever of lockedLevers(scenario, r)) {
    if (canonicalJson(leverValues(d, lever)) !== canonicalJson(leverValues(scenario.initialDecisions, lever))) {
      const until = scenario.unlocks?.filter((u) => u.levers.includes(lever)).map((u) => u.round).sort((a, b) => a - b)[0];
      out.push({ code: 'locked', path: lever, lever, until: until ?? null });
    }
  }
  if (out.length > 0) return out;
  const use = planUse(scenario, state, d, tiersOut);
  if (use.spend > use.budget + 1e-6) out.push({ code: 'overBudget', path: '', value: use.spend, limit: use.budget });
  if (use.staffHours > use.staffLimit + 1e-6) out.push({ code: 'overStaff', path: '', value: use.staffHours, limit: use.staffLimit });
  return out;
}

/** Problems in a line for developers (internal errors, test failures); learners see `decisionMessages.ts`. */
export function problemsText(problems: readonly DecisionProblem[]): string {
  return problems.map((p) => {
    const { code, path, ...rest } = p;
    return `${code}${path ? ` at ${path}` : ''} ${JSON.stringify(rest)}`;
  }).join('; ');
}
