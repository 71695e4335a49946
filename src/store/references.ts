/**
 * The reference strategies played on the learner's scenario and seed (ghost lines of the KPI
 * charts, the end-of-game ranking). A small store of its own, fed by a second worker
 * (`src/worker/referenceWorker.ts`, started on first use) so the simulation worker is never
 * blocked. It follows the main store: whenever the game's scenario or seed changes, it asks
 * for that game's references, unless it already has them (cached by scenario hash and seed).
 */
import { create } from 'zustand';
import type { GameSource } from '../worker/protocol';
import type { ReferenceHold, ReferenceReply, ReferenceRequest, ReferenceRun } from '../worker/referenceProtocol';
import { useStore, type StoreState } from './index';
import { referenceWorker } from './workers';

export type ReferenceStatus = 'idle' | 'running' | 'done' | 'failed';

export interface ReferencesState {
  /** The game the runs belong to (scenario hash and seed), or null without a game. */
  key: string | null;
  /** The runs of `key` received so far, in the order they were played. */
  runs: ReferenceRun[];
  status: ReferenceStatus;
  /** Whether the KPI charts draw the references as ghost lines. */
  show: boolean;
  setShow(show: boolean): void;
}

export const useReferences = create<ReferencesState>()((set) => ({
  key: null,
  runs: [],
  status: 'idle',
  show: true,
  setShow: (show) => set({ show }),
}));

/** A worker-like endpoint (the real reference worker in the page, a fake in tests). */
export interface ReferenceEndpoint {
  postMessage(msg: ReferenceRequest | ReferenceHold): void;
  onmessage: ((e: MessageEvent<ReferenceReply>) => void) | null;
  onerror?: ((e: ErrorEvent) => void) | null;
}

const realWorker = (): ReferenceEndpoint =>
  referenceWorker() as unknown as ReferenceEndpoint;

let makeWorker: () => ReferenceEndpoint = realWorker;
let worker: ReferenceEndpoint | null = null;
let nextId = 1;
/** The request the worker is answering (superseded ones are forgotten). */
let pending: { id: number; key: string; runs: ReferenceRun[] } | null = null;
/** Finished games' runs, by key. */
const cache = new Map<string, ReferenceRun[]>();
let unsubscribe: (() => void) | null = null;

/** The key of a game: the scenario (its hash) and the seed decide every reference run. */
export function referenceKey(scenarioHash: string, seed: string): string {
  return `${scenarioHash}|${seed}`;
}

const keyOf = (s: StoreState): string | null => (s.game ? referenceKey(s.game.scenarioHash, s.game.seed) : null);

function onReply(reply: ReferenceReply): void {
  const p = pending;
  if (!p || reply.id !== p.id) return; // a superseded request's late answer
  const current = useReferences.getState().key === p.key;
  switch (reply.kind) {
    case 'run':
      p.runs = [...p.runs, reply.run];
      if (current) useReferences.setState({ runs: p.runs });
      return;
    case 'done':
      cache.set(p.key, p.runs);
      pending = null;
      if (current) useReferences.setState({ runs: p.runs, status: 'done' });
      return;
    case 'failed':
      pending = null;
      console.error(`reference strategies: ${reply.message}`);
      if (current) useReferences.setState({ status: 'failed' });
      return;
    default: {
      const never: never = reply;
      void never;
    }
  }
}

function endpoint(): ReferenceEndpoint {
  if (!worker) {
    const w = makeWorker();
    w.onmessage = (e) => onReply(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      // The worker died: the request it was answering fails; the next one starts a new worker.
      worker = null;
      if (pending) onReply({ id: pending.id, kind: 'failed', message: e.message || 'the reference worker stopped' });
    };
    worker = w;
  }
  return worker;
}

/** Follows the game `key` (null: no game): cached runs, the request in flight, or a new request. */
function follow(key: string | null, source: GameSource | null, seed: string, classCode: string | undefined): void {
  if (key === null || source === null) {
    // Nothing to show; a request in flight goes on and fills the cache (the game may come back).
    useReferences.setState({ key: null, runs: [], status: 'idle' });
    return;
  }
  const cached = cache.get(key);
  if (cached) {
    useReferences.setState({ key, runs: cached, status: 'done' });
    return;
  }
  if (pending?.key === key) {
    useReferences.setState({ key, runs: pending.runs, status: 'running' });
    return;
  }
  const id = nextId++;
  pending = { id, key, runs: [] };
  useReferences.setState({ key, runs: [], status: 'running' });
  try {
    endpoint().postMessage({ id, source, seed, lang: useStore.getState().lang, ...(classCode !== undefined ? { classCode } : {}) });
  } catch (e) {
    pending = null;
    console.error(e);
    useReferences.setState({ status: 'failed' });
  }
}

/** Starts following the main store's game (once; later calls do nothing). */
export function startReferences(): void {
  if (unsubscribe) return;
  const offGame = useStore.subscribe(keyOf, (key) => {
    const s = useStore.getState();
    follow(key, s.source, s.game?.seed ?? '', s.game?.classPlay?.code);
  }, { fireImmediately: true });
  // While the page waits for the simulation worker (a quarter being played, a game starting),
  // the reference worker holds between rounds: on two cores the learner's quarter goes first.
  const offBusy = useStore.subscribe((s) => s.busy !== null, (busy) => {
    worker?.postMessage({ kind: 'hold', hold: busy });
  });
  unsubscribe = () => {
    offGame();
    offBusy();
  };
}

/** Replaces how the reference worker is made (tests); null restores the real one. Drops the current worker, cache and subscription. */
export function setReferenceWorker(factory: (() => ReferenceEndpoint) | null): void {
  unsubscribe?.();
  unsubscribe = null;
  makeWorker = factory ?? realWorker;
  worker = null;
  pending = null;
  cache.clear();
  useReferences.setState({ key: null, runs: [], status: 'idle' });
}
