/**
 * The reference strategies played on the learner's scenario and seed, for the ghost lines of
 * the KPI charts and the end-of-game ranking. Pure TypeScript with no worker API, so Node
 * tests drive it directly; `referenceWorker.ts` only routes messages to it.
 */
import { policyById, policyDecisions, type PolicyId } from '../policies/index';
import { errorText } from '../scenario/errorText';
import { cloneState, newGame, stepInPlace, type Decisions, type RoundReport, type ScenarioConfig } from '../sim/index';
import type { RoundSummary } from './protocol';
import { REFERENCE_POLICIES, type ReferenceReply, type ReferenceRequest, type ReferenceRun } from './referenceProtocol';
import { classWorld, loadSource } from './session';
import { summarize } from './summary';
import { problemsText } from '../sim/index';

export { REFERENCE_POLICIES, type ReferencePolicyId, type ReferenceRun } from './referenceProtocol';

/**
 * Plays a whole game of `policyId` from `newGame(scenario, seed)` exactly as `playGame` does
 * (the same decisions, round by round), and turns every round's report into the page's
 * summary against the state right after its round (as the page's worker does). A generator:
 * it yields after each round, so the worker can let the page go first between rounds; the
 * value it returns is the run.
 */
export function* referenceRounds(scenario: ScenarioConfig, seed: string, policyId: PolicyId): Generator<number, ReferenceRun, void> {
  const policy = policyById(policyId);
  if (!policy) throw new Error(`unknown reference strategy "${policyId}"`);
  const summaries: RoundSummary[] = [];
  const state = cloneState(newGame(scenario, seed));
  let last: RoundReport | null = null;
  while (state.status === 'running') {
    const decisions = policyDecisions(policy, scenario, state, last);
    const res = stepInPlace(scenario, state, decisions);
    if (!res.ok) throw new Error(`reference ${policyId} made a refused decision in round ${state.round + 1}: ${problemsText(res.problems)}`);
    last = res.report;
    // Observed data only, like the learner's own rounds: a reference run never carries a truth.
    summaries.push(summarize(scenario, res.report, state).summary);
    yield state.round;
  }
  return { policy: policy.id, summaries, score: state.score, status: state.status, finalHash: last?.hash ?? '' };
}

/**
 * The decisions strategy `policyId` makes in the first `rounds` quarters of a game (fewer if the
 * game ends first): the workbench's play-test from quarter N starts a game with them replayed.
 */
export function policyPlan(scenario: ScenarioConfig, seed: string, policyId: PolicyId, rounds: number): Decisions[] {
  const policy = policyById(policyId);
  if (!policy) throw new Error(`unknown reference strategy "${policyId}"`);
  const state = cloneState(newGame(scenario, seed));
  const plan: Decisions[] = [];
  let last: RoundReport | null = null;
  while (state.status === 'running' && plan.length < rounds) {
    const decisions = policyDecisions(policy, scenario, state, last);
    const res = stepInPlace(scenario, state, decisions);
    if (!res.ok) throw new Error(`reference ${policyId} made a refused decision in round ${state.round + 1}: ${problemsText(res.problems)}`);
    plan.push(decisions);
    last = res.report;
  }
  return plan;
}

/** The whole run at once (tests, the command line's equivalent). */
export function playReference(scenario: ScenarioConfig, seed: string, policyId: PolicyId): ReferenceRun {
  const it = referenceRounds(scenario, seed, policyId);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** What `serveReferences` needs from its host (the worker, or a test). */
export interface ReferenceHost {
  post(reply: ReferenceReply): void;
  /** True once a newer request arrived: the request stops and sends nothing more. */
  superseded(id: number): boolean;
  /** Lets newer requests arrive between rounds (a macrotask in the worker), and waits while the page holds the worker. */
  pause(): Promise<void>;
}

/** Answers one request: loads the scenario, then plays each reference strategy and posts it as it finishes. */
export async function serveReferences(req: ReferenceRequest, host: ReferenceHost): Promise<void> {
  try {
    const loaded = await loadSource(req.source, req.lang);
    if (!loaded.ok) {
      const f = loaded.failure;
      const message = f.kind === 'scenario' ? f.errors.map((e) => e.message).join('\n') : f.kind === 'unknownBuiltin' ? `unknown built-in scenario "${f.id}"` : f.kind;
      host.post({ id: req.id, kind: 'failed', message });
      return;
    }
    let scenario = loaded.scenario;
    if (req.classCode !== undefined) {
      const world = classWorld(loaded, req.classCode, req.source, req.lang);
      if (!world.ok) {
        const f = world.failure;
        host.post({ id: req.id, kind: 'failed', message: f.kind === 'scenario' ? f.errors.map((e) => e.message).join('\n') : f.kind });
        return;
      }
      scenario = world.scenario;
    }
    for (const policy of REFERENCE_POLICIES) {
      const it = referenceRounds(scenario, req.seed, policy);
      for (;;) {
        await host.pause();
        if (host.superseded(req.id)) return;
        const r = it.next();
        if (r.done) {
          host.post({ id: req.id, kind: 'run', run: r.value });
          break;
        }
      }
    }
    if (!host.superseded(req.id)) host.post({ id: req.id, kind: 'done' });
  } catch (e) {
    if (!host.superseded(req.id)) host.post({ id: req.id, kind: 'failed', message: errorText(e) });
  }
}
