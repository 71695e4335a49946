/** Worker sessions of built-in scenarios for the tests, as the page's worker would start them. */
import type { Decisions } from '../../src/sim/index';
import { loadSource, startSession, type Session } from '../../src/worker/session';

/** A session of built-in `id` on `seed`, with `decisions` replayed. */
export async function startBuiltinSession(id: string, seed: string, decisions: Decisions[] = []): Promise<Session> {
  const loaded = await loadSource({ kind: 'builtin', id }, 'en');
  if (!loaded.ok) throw new Error(`cannot load ${id}`);
  const r = startSession({ kind: 'builtin', id }, loaded.scenario, loaded.json, seed, decisions);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.failure)}`);
  return r.session;
}
