/// <reference lib="webworker" />
/**
 * A grading worker (issue 15): verifies the run files it is sent as games of one class, one at a
 * time, with the reader and the replay the command line's `class` uses (src/scenario/grade.ts).
 * The page starts one per core (src/store/grading.ts) and deals the files out among them.
 */
import { gradeFile, type GradedFile } from '../scenario/grade';
import type { Lang } from '../sim/text';
import { BUILTIN_IDS, builtinText } from './builtins';
import { classGhosts, type Ghost } from './classGhosts';

declare const self: DedicatedWorkerGlobalScope;

/** What the page sends: the class, and its share of the files (`i`: the file's place in the whole list). */
export interface GradeRequest {
  code: string;
  lang: Lang;
  files: { i: number; name: string; bytes: Uint8Array }[];
  /** After grading: the reference strategies on the world of this (verified, solo) file. */
  ghostsOf?: { name: string; bytes: Uint8Array };
}
/** One file graded (or the worker's failure on it); then, if asked, the ghosts. */
export type GradeReply = { i: number; result: GradedFile } | { i: number; error: string } | { ghosts: Ghost[] | null };

const host = { builtin: builtinText, builtinIds: BUILTIN_IDS };

self.onmessage = (e: MessageEvent<GradeRequest>) => {
  const { code, lang, files, ghostsOf } = e.data;
  void (async () => {
    if (ghostsOf) {
      let ghosts: Ghost[] | null = null;
      try {
        ghosts = await classGhosts(ghostsOf.bytes, ghostsOf.name, lang, host);
      } catch {
        ghosts = null;
      }
      self.postMessage({ ghosts } satisfies GradeReply);
      return;
    }
    for (const f of files) {
      try {
        self.postMessage({ i: f.i, result: await gradeFile(f.bytes, f.name, code, lang, host) } satisfies GradeReply);
      } catch (err) {
        self.postMessage({ i: f.i, error: err instanceof Error ? err.message : String(err) } satisfies GradeReply);
      }
    }
  })();
};
