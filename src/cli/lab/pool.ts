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

/** What a worker sends: that it has loaded its code, or what came of job `i`. */
export type FromWorker = { ready: true } | { i: number; result: unknown } | { i: number; error: string };

/** Workers by default: one per core. */
export const defaultWorkers = (): number => Math.max(1, availableParallelism());

/**
 * The least work per thread worth starting threads for. A worker thread takes about 0.5 s to
 * load tsx and the code, then runs its first jobs on cold code; on this project's 2-core
 * machines, where V8's own compiler and collector threads already use the second core, threads
 * did not pay below several seconds of work (40 hotel run files: 3.4 s on one thread, 4.3 s on
 * two; the hotel's lab over 4 seeds: 7.2 s and 7.0 s).
 */
const THREAD_START_MS = 3000;

/**
 * Does every job on up to `workers` threads (1: here, with `local`): this thread and worker
 * threads started with `init`, all taking the next job from one queue; `results[i]` is job i's.
 * This thread works too, and times its first jobs: unless `exactly`, worker threads are started
 * only when the rest of the work would keep each busy for longer than it takes to start one, so
 * a folder of small files is not slowed down by threads that would arrive when it is done.
 */
export async function runInWorkers<J, R>(
  init: WorkerInit,
  jobs: readonly J[],
  workers: number,
  local: (job: J) => R | Promise<R>,
  /** Start `workers - 1` threads whatever the first job took (the user asked for that many). */
  exactly = false,
): Promise<{ results: R[]; threads: number }> {
  const n = Math.max(1, Math.min(workers, jobs.length));
  const results = new Array<R>(jobs.length);
  let next = 0;
  const one = async (): Promise<void> => {
    const i = next++;
    results[i] = await local(jobs[i]!);
    // Let the worker threads' messages in between this thread's jobs.
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  const here = async (): Promise<void> => {
    while (next < jobs.length) await one();
  };
  if (jobs.length === 0) return { results, threads: 1 };
  // A sample of the work: jobs for half a second (at least one); the last of them, run on warmer code, says what a job costs.
  const t0 = performance.now();
  let each = 0;
  if (!exactly && n > 1) {
    while (next < jobs.length && (next === 0 || performance.now() - t0 < 500)) {
      const t = performance.now();
      await one();
      each = performance.now() - t;
    }
  }
  const threads = n <= 1 || next >= jobs.length || (!exactly && (each * (jobs.length - next)) / n < THREAD_START_MS) ? 0 : n - 1;
  if (threads === 0) {
    await here();
    return { results, threads: 1 };
  }
  const pool: Worker[] = [];
  try {
    const running = Array.from({ length: threads }, () => new Promise<void>((done, fail) => {
      const w = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: init });
      pool.push(w);
      const give = (): void => {
        if (next >= jobs.length) return done();
        const i = next++;
        w.postMessage({ i, job: jobs[i] });
      };
      w.on('message', (m: FromWorker) => {
        // Its first job once its code is loaded (until then this thread takes them).
        if ('ready' in m) return give();
        if ('error' in m) return fail(new Error(m.error));
        results[m.i] = m.result as R;
        give();
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        if (code !== 0) fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
    }));
    await Promise.all([here(), ...running]);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { results, threads: threads + 1 };
}
