/// <reference lib="webworker" />
/**
 * The second Web Worker: plays the reference strategies on the learner's scenario and seed in
 * the background (`references.ts`), so the simulation worker is never blocked by them. A
 * request with a higher id supersedes older ones: between strategies the stale one stops.
 */
import type { ReferenceReply, ReferenceRequest } from './referenceProtocol';
import { serveReferences } from './references';

declare const self: DedicatedWorkerGlobalScope;

let latest = 0;

const host = {
  post: (reply: ReferenceReply): void => self.postMessage(reply),
  superseded: (id: number): boolean => id < latest,
  // A macrotask: a newer request's message is handled before the next strategy starts.
  pause: (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0)),
};

self.onmessage = (e: MessageEvent<ReferenceRequest>) => {
  const req = e.data;
  latest = Math.max(latest, req.id);
  void serveReferences(req, host);
};
