/**
 * Work shared out over worker threads, one per core by default (`--workers`): the lab's games
 * and the class's run files. Each worker does the jobs it is handed, one at a time, and the
 * results come back in job order, so a report never depends on how many workers there were.
 * The workers run the same TypeScript as the command itself, through tsx's loader (worker.mjs).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ScenarioConfig } from '../../sim/index';
import type { Lang } from '../../sim/text';

/** What a worker is started with: the work it will be handed jobs of. */
export type WorkerInit =
  /** Lab jobs (src/policies/lab.ts) on one scenario. */
  | { kind: 'lab'; scenario: ScenarioConfig }
  /** Run files graded as games of class `code` (src/scenario/grade.ts); `builtins` are the built-in scenarios' bytes by id. */
  | { kind: 'grade'; code: string; lang: Lang; builtins: Record<string, Uint8Array> };

/** What a worker sends back for job `i`. */
export type FromWorker = { i: number; result: unknown } | { i: number; error: string };

/** Workers by default: one per core. */
export const defaultWorkers = (): number => Math.max(1, availableParallelism());

/** Does every job, in `workers` worker threads started with `init` (1: here, with `local`); `results[i]` is job i's. */
export async function runInWorkers<J, R>(init: WorkerInit, jobs: readonly J[], workers: number, local: (job: J) => R | Promise<R>): Promise<R[]> {
  const n = Math.max(1, Math.min(workers, jobs.length));
  if (n <= 1) {
    const out: R[] = [];
    for (const j of jobs) out.push(await local(j));
    return out;
  }
  const results = new Array<R>(jobs.length);
  const pool: Worker[] = [];
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: n }, () => new Promise<void>((done, fail) => {
        const w = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: init });
        pool.push(w);
        const give = (): void => {
          if (next >= jobs.length) return done();
          const i = next++;
          w.postMessage({ i, job: jobs[i] });
        };
        w.on('message', (m: FromWorker) => {
          if ('error' in m) return fail(new Error(m.error));
          results[m.i] = m.result as R;
          give();
        });
        w.on('error', fail);
        w.on('exit', (code) => {
          if (code !== 0) fail(new Error(`a worker thread stopped (exit code ${code})`));
        });
        give();
      })),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
