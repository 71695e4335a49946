/**
 * Where the scenes get their data: the store (through subscriptions and, for the per-customer
 * frames that must not enter the store, its actions that ask the worker). Scenes depend on this
 * interface only, so the store and the worker can be swapped for fakes.
 */
import { useStore, type StoreState } from '../store/index';
import type { CustomerBaseFrame } from '../worker/protocol';
import { floorFrame, startFloor, type FloorFrame } from './floor/model';

/** What a scene shows: which game, which quarter, and whether the game is over. */
export interface SceneKey {
  gameId: string | null;
  round: number;
  played: number;
  finished: boolean;
}

export interface SceneSource {
  /** Calls `fn` now and whenever the key changes; returns the remover of exactly this listener. */
  watch(fn: (key: SceneKey) => void): () => void;
  baseFrame(round: number): Promise<CustomerBaseFrame | null>;
  floorFrame(round: number): FloorFrame | null;
  /** Whether the learner has already watched the transition of `round` (it then opens at its end). */
  watched(round: number): boolean;
  markWatched(round: number): void;
}

const keyOf = (s: StoreState): string => `${s.gameId}|${s.scene.round}|${s.game?.summaries.length ?? 0}|${s.game?.view.status ?? ''}`;

const sceneKey = (s: StoreState): SceneKey => ({
  gameId: s.gameId,
  round: Math.min(s.scene.round, s.game?.summaries.length ?? 0),
  played: s.game?.summaries.length ?? 0,
  finished: (s.game?.view.status ?? 'running') !== 'running',
});

export const storeSource: SceneSource = {
  watch(fn) {
    return useStore.subscribe(keyOf, () => fn(sceneKey(useStore.getState())), { fireImmediately: true });
  },
  baseFrame(round) {
    return useStore.getState().customerBaseFrame(round);
  },
  floorFrame(round) {
    const g = useStore.getState().game;
    if (!g) return null;
    if (round === 0) return startFloor(g.scenario.firm.headcount, g.scenario.initialDecisions.tiering.tierCount);
    const summary = g.summaries[round - 1];
    const d = g.decisions[round - 1];
    return summary && d ? floorFrame(summary, d) : null;
  },
  watched(round) {
    return useStore.getState().scene.watched >= round;
  },
  markWatched(round) {
    useStore.getState().markWatched(round);
  },
};
