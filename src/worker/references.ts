/**
 * The reference strategies played on the learner's scenario and seed, for the ghost lines of
 * the KPI charts and the end-of-game ranking. Pure TypeScript with no worker API, so Node
 * tests drive it directly; `referenceWorker.ts` only routes messages to it.
 */
import { playGame, policyById, type Policy, type PolicyContext, type PolicyId } from '../policies/index';
import { newGame, type ScenarioConfig } from '../sim/index';
import type { RoundSummary } from './protocol';
import { REFERENCE_POLICIES, type ReferenceReply, type ReferenceRequest, type ReferenceRun } from './referenceProtocol';
import { loadSource } from './session';
import { summarize } from './summary';

export { REFERENCE_POLICIES, type ReferencePolicyId, type ReferenceRun } from './referenceProtocol';

/**
 * Plays a whole game of `policyId` from `newGame(scenario, seed)` with `playGame`, and turns
 * every round's report into the page's summary. Each report is summarized against the state
 * right after its round (as the page's worker does): the policy is asked for its next
 * decisions with exactly that state and report, so the summary is taken there, and the last
 * one from the final state.
 */
export function playReference(scenario: ScenarioConfig, seed: string, policyId: PolicyId): ReferenceRun {
  const policy = policyById(policyId);
  if (!policy) throw new Error(`unknown reference strategy "${policyId}"`);
  const summaries: RoundSummary[] = [];
  // Same id (it seeds the policy's random numbers) and the same decisions: only a look first.
  const watching: Policy = {
    ...policy,
    decide: (ctx: PolicyContext) => {
      if (ctx.lastReport) summaries.push(summarize(scenario, ctx.lastReport, ctx.state));
      return policy.decide(ctx);
    },
  };
  const { state, rounds } = playGame(scenario, newGame(scenario, seed), watching);
  const last = rounds.at(-1);
  if (last) summaries.push(summarize(scenario, last.report, state));
  if (summaries.length !== rounds.length) throw new Error(`reference ${policyId}: ${summaries.length} summaries for ${rounds.length} rounds`);
  return { policy: policy.id, summaries, score: state.score, status: state.status, finalHash: last?.report.hash ?? '' };
}

/** What `serveReferences` needs from its host (the worker, or a test). */
export interface ReferenceHost {
  post(reply: ReferenceReply): void;
  /** True once a newer request arrived: the request stops and sends nothing more. */
  superseded(id: number): boolean;
  /** Lets newer requests arrive between strategies (a macrotask in the worker). */
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
    for (const policy of REFERENCE_POLICIES) {
      await host.pause();
      if (host.superseded(req.id)) return;
      host.post({ id: req.id, kind: 'run', run: playReference(loaded.scenario, req.seed, policy) });
    }
    if (!host.superseded(req.id)) host.post({ id: req.id, kind: 'done' });
  } catch (e) {
    if (!host.superseded(req.id)) host.post({ id: req.id, kind: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
}
