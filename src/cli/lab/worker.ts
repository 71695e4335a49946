/** A worker thread of pool.ts: does the jobs it is sent, of the work it was started for. */
import { parentPort, workerData } from 'node:worker_threads';
import { runLabJob, type LabJob } from '../../policies/lab';
import { errorText } from '../../scenario/errorText';
import { gradeFile } from '../../scenario/grade';
import type { RunHost } from '../../scenario/readRun';
import type { FromWorker, WorkerInit } from './pool';

const init = workerData as WorkerInit;
const host: RunHost | null = init.kind === 'grade' ? { builtin: (id) => init.builtins[id] ?? null, builtinIds: Object.keys(init.builtins).sort() } : null;

async function work(job: unknown): Promise<unknown> {
  if (init.kind === 'lab') return runLabJob(init.scenario, job as LabJob);
  const { bytes, file } = job as { bytes: Uint8Array; file: string };
  return gradeFile(bytes, file, init.code, init.lang, host!);
}

parentPort!.on('message', ({ i, job }: { i: number; job: unknown }) => {
  void work(job).then(
    (result) => parentPort!.postMessage({ i, result } satisfies FromWorker),
    (e: unknown) => parentPort!.postMessage({ i, error: errorText(e) } satisfies FromWorker),
  );
});

// Loaded: ready for jobs.
parentPort!.postMessage({ ready: true } satisfies FromWorker);
