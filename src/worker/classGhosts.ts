/**
 * The reference strategies ("ghosts") on a class's world: the scenario, class variant and seed
 * of one of the class's verified run files, played by each reference strategy, so the class
 * results can mark where uniform service, value-based tiering, the cost cutter and the
 * discounter would have scored among the students.
 */
import { playGame, policyById, type PolicyId } from '../policies/index';
import { newGame } from '../sim/index';
import { readRunFile, type RunHost } from '../scenario/readRun';
import type { Lang } from '../sim/text';

/** The reference strategies a class is compared with (the random one is a test tool). */
export const GHOST_POLICIES: readonly PolicyId[] = ['value-based', 'uniform', 'cost-cutter', 'discounter'];

export interface Ghost {
  policy: PolicyId;
  score: number;
}

/** Each ghost's score on the world of run file `bytes` (null when the file cannot be read, or is a market file). */
export async function classGhosts(bytes: Uint8Array, file: string, lang: Lang, host: RunHost): Promise<Ghost[] | null> {
  const r = await readRunFile(bytes, file, lang, host);
  if (!r.ok) return null;
  const { scenario, run } = r.read;
  const start = newGame(scenario, run.seed);
  return GHOST_POLICIES.map((id) => ({ policy: id, score: playGame(scenario, start, policyById(id)!).state.score }));
}
