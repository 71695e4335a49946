/**
 * What the QuickJS golden test runs inside QuickJS, bundled into one script: the scenario
 * loader, the engine, the reference strategies and the run-file check. It uses the language
 * alone: the test gives QuickJS no host API (no `structuredClone`, no `Intl`, no console).
 */
import { policyById, policyDecisions } from '../../../src/policies/index';
import { playMarketGame } from '../../../src/policies/market';
import { loadScenario } from '../../../src/scenario/load';
import { replayReports, verifyRunFile } from '../../../src/scenario/readRun';
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

/** Plays the scenario `text` as a market of `firms` (policies, comma-separated; firms named A, B, ...); each quarter's market hash and the scores. */
function playMarket(text: string, firms: string, seed: string): string {
  const loaded = loadScenario(text, 'scenario.json');
  if (!loaded.ok) return JSON.stringify({ error: loaded.errors.map((e) => e.message) });
  const seats = firms.split(',').map((p, i) => ({ name: String.fromCharCode(65 + i), policy: policyById(p)! }));
  const g = playMarketGame(loaded.scenario, seed, seats);
  return JSON.stringify({ hashes: g.rounds.map((r) => r.market.hash), scores: g.market.firms.map((f) => f.state.score) });
}

/**
 * Checks a run file (its bytes) with the one reader `npm run sim -- verify` and the app's import
 * use, built-in `id` being the scenario `text`. Asynchronous like that reader: the verdict is
 * left in `globalThis.verdict` (as JSON) once the host has run the pending jobs.
 */
function verify(bytes: number[], id: string, text: string): void {
  const host = { builtin: (x: string) => (x === id ? text : null), builtinIds: [id] };
  void verifyRunFile(Uint8Array.from(bytes), 'run.json', 'en', host, replayReports).then((v) => {
    const out = v.ok ? { ok: true, ...v.actual } : { ok: false, stage: v.stage, errors: v.errors.map((e) => e.message) };
    (globalThis as unknown as { verdict: string }).verdict = JSON.stringify(out);
  });
}

(globalThis as unknown as { crm: unknown }).crm = { play, playMarket, verify };
