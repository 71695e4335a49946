/**
 * The page's side of the worker protocol: `call(request)` returns a promise of the typed
 * answer; progress messages go to the caller's callback. One worker for the page's life.
 * `preview` calls are coalesced: while one is in flight, only the latest waits.
 */
import type { FromWorker, RequestOf, RequestType, Responses, ToWorker } from '../worker/protocol';
import { simWorker } from './workers';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (done: number, total: number) => void };

/** A worker-like endpoint (a real Worker in the page, a fake in tests). */
export interface Endpoint {
  postMessage(msg: ToWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
}

export interface SimClient {
  call<T extends RequestType>(request: RequestOf<T>, onProgress?: (done: number, total: number) => void): Promise<Responses[T]>;
  /** Rejects every pending call (the worker died or failed to load): no caller waits forever. */
  failAll(message: string): void;
}

/** A client over `endpoint`. */
export function createClient(endpoint: Endpoint): SimClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  endpoint.onmessage = (e) => {
    const msg = e.data;
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.kind === 'progress') {
      p.onProgress?.(msg.done, msg.total);
      return;
    }
    pending.delete(msg.id);
    if (msg.kind === 'result') p.resolve(msg.value);
    else p.reject(new Error(msg.message));
  };
  return {
    failAll(message) {
      for (const p of pending.values()) p.reject(new Error(message));
      pending.clear();
    },
    call(request, onProgress) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, ...(onProgress ? { onProgress } : {}) });
        endpoint.postMessage({ id, request });
      });
    },
  };
}

let shared: SimClient | null = null;

/** The page's one client, starting the worker on first use. */
export function simClient(): SimClient {
  if (!shared) {
    const worker = simWorker();
    const client = createClient(worker as unknown as Endpoint);
    worker.onerror = (e) => {
      e.preventDefault();
      client.failAll(e.message || 'the simulation worker stopped');
      shared = null; // the next call starts a fresh worker
    };
    shared = client;
  }
  return shared;
}

/** Replaces the client (tests). */
export function setSimClient(c: SimClient | null): void {
  shared = c;
}
