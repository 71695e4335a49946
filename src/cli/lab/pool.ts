/**
 * The lab's games shared out over worker threads, one per core by default (`--workers`). Each
 * worker plays the jobs it is handed, one at a time, and the results come back in job order,
 * so the report does not depend on how many workers there were. The workers run the same
 * TypeScript as the command itself, through tsx's loader (worker.mjs).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runLabJob, type LabJob, type LabResult } from '../../policies/lab';
import type { ScenarioConfig } from '../../sim/index';

/** What a worker sends back for job `i`. */
export type FromLabWorker = { i: number; result: LabResult } | { i: number; error: string };

/** Workers by default: one per core. */
export const defaultWorkers = (): number => Math.max(1, availableParallelism());

/** Plays every job, in `workers` worker threads (1: in this thread); `results[i]` is job i's. */
export async function runLabJobs(scenario: ScenarioConfig, jobs: readonly LabJob[], workers: number): Promise<LabResult[]> {
  const n = Math.max(1, Math.min(workers, jobs.length));
  if (n <= 1) return jobs.map((j) => runLabJob(scenario, j));
  const results = new Array<LabResult>(jobs.length);
  const pool: Worker[] = [];
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: n }, () => new Promise<void>((done, fail) => {
        const w = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { scenario } });
        pool.push(w);
        const give = (): void => {
          if (next >= jobs.length) return done();
          const i = next++;
          w.postMessage({ i, job: jobs[i] });
        };
        w.on('message', (m: FromLabWorker) => {
          if ('error' in m) return fail(new Error(m.error));
          results[m.i] = m.result;
          give();
        });
        w.on('error', fail);
        w.on('exit', (code) => {
          if (code !== 0) fail(new Error(`a lab worker stopped (exit code ${code})`));
        });
        give();
      })),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
