/**
 * The class results (issue 15): an instructor's folder of run files, each verified by replay in
 * grading workers (src/worker/gradeWorker.ts, one per core, the files dealt out among them), then
 * graded as a class (src/scenario/grade.ts: copies found, ranks given), as `npm run sim -- class`
 * does. A small store of its own: no game is needed, and a game in play is left alone.
 */
import { create } from 'zustand';
import { gradeClass, gradebookCsv, type GradedFile, type GradeRow } from '../scenario/gradebook';
import { normalizeClassCode } from '../scenario/classCodeShape';
import type { Lang } from '../sim/text';
import type { GradeReply, GradeRequest } from '../worker/gradeWorker';
import type { Ghost } from '../worker/classGhosts';
import type { Decisions } from '../sim/config';
import { gradeWorker } from './workers';

export type { Ghost } from '../worker/classGhosts';

export interface GradingState {
  status: 'idle' | 'running' | 'done';
  /** The class graded (normalized). */
  code: string | null;
  /** Files verified so far, and in all. */
  done: number;
  total: number;
  /** Grading workers used. */
  workers: number;
  rows: GradeRow[];
  /** A failure of the grading itself (not of a file: a file's problem is its status). */
  error: string | null;
  /** Each verified solo file's decisions, by file name (each student's decisions over time). */
  decisions: Record<string, Decisions[]>;
  /** The reference strategies' scores on the class's world (null until played, or when no solo file is verified). */
  ghosts: Ghost[] | null;
}

export const useGrading = create<GradingState>()(() => ({ status: 'idle', code: null, done: 0, total: 0, workers: 0, rows: [], error: null, decisions: {}, ghosts: null }));

/** The grading worker, as the page talks to it. */
interface GradeEndpoint {
  postMessage(msg: GradeRequest): void;
  onmessage: ((e: MessageEvent<GradeReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

const makeWorker = (): GradeEndpoint => gradeWorker() as unknown as GradeEndpoint;

let run = 0;

/**
 * Grades `files` as games of class `code`: workers = min(files, cores). Results arrive file by
 * file (progress), and the class is graded once every file is in, in the files' name order.
 */
export async function gradeFiles(code: string, files: readonly { name: string; bytes: Uint8Array }[], lang: Lang, cores = navigator.hardwareConcurrency || 2): Promise<void> {
  const cls = normalizeClassCode(code);
  if (cls === null) return;
  const id = ++run;
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const n = Math.max(1, Math.min(cores, sorted.length));
  useGrading.setState({ status: 'running', code: cls, done: 0, total: sorted.length, workers: sorted.length > 0 ? n : 0, rows: [], error: null, decisions: {}, ghosts: null });
  if (sorted.length === 0) {
    useGrading.setState({ status: 'done' });
    return;
  }
  const results = new Array<GradedFile | undefined>(sorted.length);
  const pool = Array.from({ length: n }, () => makeWorker());
  try {
    await new Promise<void>((resolve, reject) => {
      let done = 0;
      pool.forEach((w, k) => {
        w.onmessage = (e) => {
          const m = e.data;
          if ('ghosts' in m) return;
          if ('error' in m) return reject(new Error(m.error));
          results[m.i] = m.result;
          done++;
          if (id === run) useGrading.setState({ done });
          if (done === sorted.length) resolve();
        };
        w.onerror = (e) => reject(new Error(e.message || 'a grading worker failed'));
        // Dealt out in turn: neighbouring files (often one student's) go to different workers.
        const mine = sorted.map((f, i) => ({ i, name: f.name, bytes: f.bytes })).filter((f) => f.i % n === k);
        w.postMessage({ code: cls, lang, files: mine });
      });
    });
    if (id !== run) return;
    const graded = results as GradedFile[];
    const decisions: Record<string, Decisions[]> = {};
    for (const f of graded) if (f.status === 'verified' && f.decisions) decisions[f.file] = f.decisions;
    useGrading.setState({ status: 'done', rows: gradeClass(graded), decisions });
    // The ghosts: the reference strategies on the world of the first verified solo game.
    const first = graded.findIndex((f) => f.status === 'verified' && f.kind === 'solo');
    if (first >= 0) void ghostsOf(sorted[first]!, lang).then((ghosts) => id === run && useGrading.setState({ ghosts }));
  } catch (e) {
    if (id === run) useGrading.setState({ status: 'done', error: e instanceof Error ? e.message : String(e) });
  } finally {
    for (const w of pool) w.terminate();
  }
}

function ghostsOf(file: { name: string; bytes: Uint8Array }, lang: Lang): Promise<Ghost[] | null> {
  const w = makeWorker();
  return new Promise<Ghost[] | null>((resolve) => {
    w.onmessage = (e) => {
      if ('ghosts' in e.data) resolve(e.data.ghosts);
    };
    w.onerror = () => resolve(null);
    w.postMessage({ code: '', lang, files: [], ghostsOf: { name: file.name, bytes: file.bytes } });
  }).finally(() => w.terminate());
}

/** The gradebook of the last grading, as a file's text (UTF-8 with a byte-order mark). */
export function gradebookText(lang: Lang): string | null {
  const { code, rows } = useGrading.getState();
  return code === null ? null : gradebookCsv(code, rows, lang);
}
