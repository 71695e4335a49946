/// <reference lib="webworker" />
/**
 * The second Web Worker: plays the reference strategies on the learner's scenario and seed in
 * the background (`references.ts`), so the simulation worker is never blocked by them. A
 * request with a higher id supersedes older ones: between strategies the stale one stops.
 */
import type { ReferenceHold, ReferenceReply, ReferenceRequest } from './referenceProtocol';
import { serveReferences } from './references';

declare const self: DedicatedWorkerGlobalScope;

let latest = 0;
let held = false;
let release: (() => void) | null = null;

const host = {
  post: (reply: ReferenceReply): void => self.postMessage(reply),
  superseded: (id: number): boolean => id < latest,
  // A macrotask (a newer request's message is handled before the next round), then wait while held.
  pause: async (): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    while (held) await new Promise<void>((resolve) => (release = resolve));
  },
};

self.onmessage = (e: MessageEvent<ReferenceRequest | ReferenceHold>) => {
  const msg = e.data;
  if ('kind' in msg) {
    held = msg.hold;
    if (!held) {
      release?.();
      release = null;
    }
    return;
  }
  latest = Math.max(latest, msg.id);
  void serveReferences(msg, host);
};
