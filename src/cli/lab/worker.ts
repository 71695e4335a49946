/** A lab worker thread (pool.ts): plays the jobs it is sent on the scenario it was started with. */
import { parentPort, workerData } from 'node:worker_threads';
import { runLabJob, type LabJob } from '../../policies/lab';
import { errorText } from '../../scenario/errorText';
import type { ScenarioConfig } from '../../sim/index';
import type { FromLabWorker } from './pool';

const scenario = (workerData as { scenario: ScenarioConfig }).scenario;
parentPort!.on('message', ({ i, job }: { i: number; job: LabJob }) => {
  let out: FromLabWorker;
  try {
    out = { i, result: runLabJob(scenario, job) };
  } catch (e) {
    out = { i, error: errorText(e) };
  }
  parentPort!.postMessage(out);
});
