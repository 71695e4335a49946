/**
 * The message protocol of the reference worker (`referenceWorker.ts`): the page asks it to
 * play the reference strategies on the learner's scenario and seed, and it answers with one
 * `run` per strategy as each finishes, then `done` (or `failed`). A request with a higher id
 * supersedes every older one: the worker stops the stale one between strategies and sends
 * nothing more for it. Plain, structured-cloneable data only.
 */
import type { PolicyId } from '../policies/index';
import type { Lang } from '../sim/text';
import type { GameSource, RoundSummary } from './protocol';

/** The reference strategies played against the learner, in the order they are played. */
export const REFERENCE_POLICIES = ['uniform', 'value-based', 'cost-cutter', 'discounter'] as const;

export type ReferencePolicyId = (typeof REFERENCE_POLICIES)[number];

/** A whole game of one reference strategy on the learner's scenario and seed. */
export interface ReferenceRun {
  policy: PolicyId;
  /** One per round played, as the page's worker summarizes the learner's rounds: observed data only, never a truth. */
  summaries: RoundSummary[];
  /** The score at the end (the engine's, as the command line prints it). */
  score: number;
  status: 'finished' | 'bankrupt' | 'running';
  /** Hash of the last round's state ('' if no round was played). */
  finalHash: string;
}

/** To the reference worker: play every reference strategy on this scenario and seed. */
export interface ReferenceRequest {
  id: number;
  source: GameSource;
  seed: string;
  /** A class game's code: the references play the class's variant of the scenario, the learner's world. */
  classCode?: string;
  /** The language of a scenario error, should the scenario not load. */
  lang: Lang;
}

/**
 * To the reference worker: hold (stop between rounds) or go on. The page holds it while it
 * waits for the simulation worker (a quarter being played): on two cores, the learner's
 * quarter goes first.
 */
export interface ReferenceHold {
  kind: 'hold';
  hold: boolean;
}

/** From the reference worker. */
export type ReferenceReply =
  /** One strategy's game, as soon as it is played. */
  | { id: number; kind: 'run'; run: ReferenceRun }
  /** Every strategy of request `id` was played. */
  | { id: number; kind: 'done' }
  /** The scenario did not load, or a strategy failed (a bug); `message` is for the console. */
  | { id: number; kind: 'failed'; message: string };
