/// <reference lib="webworker" />
/**
 * The workbench's draft worker (issue 15): reads each draft the instructor types (the loader's
 * errors at their lines, or the preview of the game it starts; draft.ts). The page sends a
 * draft only when the last one is answered, so a long draft never queues up behind itself.
 */
import { readDraft, type DraftReading } from './draft';
import type { Lang } from '../sim/text';

declare const self: DedicatedWorkerGlobalScope;

export interface DraftRequest {
  id: number;
  text: string;
  name: string;
  lang: Lang;
  seed: string;
}
export type DraftReply = { id: number; reading: DraftReading } | { id: number; error: string };

self.onmessage = (e: MessageEvent<DraftRequest>) => {
  const { id, text, name, lang, seed } = e.data;
  try {
    self.postMessage({ id, reading: readDraft(text, name, lang, seed) } satisfies DraftReply);
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies DraftReply);
  }
};
