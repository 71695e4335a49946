/// <reference lib="webworker" />
/**
 * A lab worker (issue 15): the balance lab of src/policies/lab.ts in the browser. The page starts
 * one per core (src/store/workbench.ts); the first makes the list of jobs, every worker plays
 * the jobs it is handed one at a time (the page hands the next to whichever answers first), and
 * the first makes the report from the results in job order, so the report is the command line's
 * whatever the number of workers.
 */
import { labJobs, labReport, runLabJob, type LabJob, type LabReport, type LabResult } from '../policies/lab';
import { loadScenario } from '../scenario/load';
import type { ScenarioConfig } from '../sim/config';

declare const self: DedicatedWorkerGlobalScope;

export type LabRequest =
  | { kind: 'jobs'; text: string; name: string; seeds: number }
  | { kind: 'run'; text: string; name: string; i: number; job: LabJob }
  | { kind: 'report'; text: string; name: string; seeds: number; jobs: LabJob[]; results: LabResult[] };
export type LabReply =
  | { kind: 'jobs'; jobs: LabJob[] }
  | { kind: 'result'; i: number; result: LabResult }
  | { kind: 'report'; report: LabReport }
  | { kind: 'error'; message: string };

let loaded: { text: string; scenario: ScenarioConfig } | null = null;

/** The scenario of `text`, loaded once per text (a worker plays many jobs of one scenario). */
function scenarioOf(text: string, name: string): ScenarioConfig {
  if (loaded?.text === text) return loaded.scenario;
  const r = loadScenario(text, name);
  if (!r.ok) throw new Error(r.errors[0]?.message ?? `${name} does not load`);
  loaded = { text, scenario: r.scenario };
  return r.scenario;
}

self.onmessage = (e: MessageEvent<LabRequest>) => {
  const m = e.data;
  try {
    const scenario = scenarioOf(m.text, m.name);
    if (m.kind === 'jobs') self.postMessage({ kind: 'jobs', jobs: labJobs(scenario, m.seeds) } satisfies LabReply);
    else if (m.kind === 'run') self.postMessage({ kind: 'result', i: m.i, result: runLabJob(scenario, m.job) } satisfies LabReply);
    else self.postMessage({ kind: 'report', report: labReport(scenario, m.seeds, m.jobs, m.results) } satisfies LabReply);
  } catch (err) {
    self.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) } satisfies LabReply);
  }
};
