/**
 * What the QuickJS golden test runs inside QuickJS, bundled into one script: the scenario
 * loader, the engine, the reference strategies and the run-file check. It uses the language
 * alone: the test gives QuickJS no host API (no `structuredClone`, no `Intl`, no console).
 */
import { policyById, policyDecisions } from '../../../src/policies/index';
import { loadScenario } from '../../../src/scenario/load';
import { parseRunFile, verifyRun } from '../../../src/scenario/runFile';
import { newGame, stepInPlace, type RoundReport } from '../../../src/sim/index';

/** Plays `rounds` quarters (0: the whole game) of `policy` on the scenario `text`; each quarter's state hash, and the score. */
function play(text: string, policy: string, seed: string, rounds: number): string {
  const loaded = loadScenario(text, 'scenario.json');
  if (!loaded.ok) return JSON.stringify({ error: loaded.errors.map((e) => e.message) });
  const sc = loaded.scenario;
  const p = policyById(policy);
  if (!p) return JSON.stringify({ error: [`no policy ${policy}`] });
  const state = newGame(sc, seed);
  const hashes: string[] = [];
  let last: RoundReport | null = null;
  while (state.status === 'running' && (rounds === 0 || hashes.length < rounds)) {
    const r = stepInPlace(sc, state, policyDecisions(p, sc, state, last));
    if (!r.ok) return JSON.stringify({ error: r.problems.map((x) => `${x.code} ${x.path}`) });
    hashes.push(r.report.hash);
    last = r.report;
  }
  return JSON.stringify({ hashes, score: state.score });
}

/** Checks a run file (its text) on the scenario `text`, as `npm run sim -- verify` does. */
function verify(text: string, run: string): string {
  const loaded = loadScenario(text, 'scenario.json');
  if (!loaded.ok) return JSON.stringify({ error: loaded.errors.map((e) => e.message) });
  const parsed = parseRunFile(run, 'run.json');
  if (!parsed.ok) return JSON.stringify({ error: parsed.errors.map((e) => e.message) });
  return JSON.stringify(verifyRun(loaded.scenario, parsed.run));
}

(globalThis as unknown as { crm: unknown }).crm = { play, verify };
