/**
 * Where the worker keeps a run file it checked for an import, until the page says what to do:
 * an import is checked without replacing the game in play, and adopted only when the learner
 * chooses to replace a save or keep both (cancelling changes nothing, and replays nothing).
 */
import type { Session } from './session';

export interface ImportDesk {
  /** Keeps `session` (dropping any other kept) and returns its token. */
  hold(session: Session): number;
  /** The session kept under `token`, taken off the desk; null if it is not the one kept. */
  take(token: number): Session | null;
  drop(): void;
}

export function importDesk(): ImportDesk {
  let kept: { token: number; session: Session } | null = null;
  let next = 1;
  return {
    hold(session) {
      kept = { token: next++, session };
      return kept.token;
    },
    take(token) {
      if (!kept || kept.token !== token) return null;
      const { session } = kept;
      kept = null;
      return session;
    },
    drop() {
      kept = null;
    },
  };
}
