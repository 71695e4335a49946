import seedrandom from 'seedrandom';
import { cloneState, stepInPlace, type Decisions, type RoundReport, type ScenarioConfig, type SimState } from '../sim/index';
import { costCutter } from './costCutter';
import { discounter } from './discounter';
import { random } from './random';
import type { Policy } from './types';
import { uniform } from './uniform';
import { valueBased } from './valueBased';
import { problemsText } from '../sim/index';

export type { Policy, PolicyContext, PolicyId } from './types';
export { valueRule } from './valueBased';

/** The reference strategies, by id. */
export const POLICIES: readonly Policy[] = [uniform, valueBased, costCutter, discounter, random];

/** The policy with this id, or undefined. */
export function policyById(id: string): Policy | undefined {
  return POLICIES.find((p) => p.id === id);
}

/** The next decisions of `policy` for `state` (deterministic in seed and round). */
export function policyDecisions(policy: Policy, scenario: ScenarioConfig, state: SimState, lastReport: RoundReport | null): Decisions {
  const random = seedrandom(`${state.seed}|policy|${policy.id}|${state.round + 1}`);
  return policy.decide({ scenario, state, lastReport, random: () => random.quick() });
}

/** One played round of a whole game. */
export interface PlayedRound {
  decisions: Decisions;
  report: RoundReport;
}

/** Plays a whole game with `policy`; stops early on game over. Throws only if the policy produced a refused decision (a bug). */
export function playGame(scenario: ScenarioConfig, start: SimState, policy: Policy): { state: SimState; rounds: PlayedRound[] } {
  // One private copy, then every round in place: `start` is left as it was.
  let state = cloneState(start);
  let last: RoundReport | null = null;
  const rounds: PlayedRound[] = [];
  while (state.status === 'running') {
    const decisions = policyDecisions(policy, scenario, state, last);
    const res = stepInPlace(scenario, state, decisions);
    if (!res.ok) throw new Error(`policy ${policy.id} made a refused decision in round ${state.round + 1}: ${problemsText(res.problems)}`);
    state = res.state;
    last = res.report;
    rounds.push({ decisions, report: res.report });
  }
  return { state, rounds };
}

