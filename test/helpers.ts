import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { newGame, step, type Decisions, type RoundReport, type ScenarioConfig, type SimState } from '../src/sim/index';
import { loadScenario } from '../src/scenario/index';
import { playGame, policyById, policyDecisions, type PolicyId } from '../src/policies/index';
import { problemsText } from '../src/sim/index';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = new Map<string, ScenarioConfig>();

/** A built-in scenario, loaded and validated through the real loader. */
export function builtin(id: string): ScenarioConfig {
  let sc = cache.get(id);
  if (!sc) {
    const file = `${root}scenarios/${id}.json`;
    const res = loadScenario(readFileSync(file, 'utf8'), `${id}.json`);
    if (!res.ok) throw new Error(res.errors.map((e) => e.message).join('\n'));
    sc = res.scenario;
    cache.set(id, sc);
  }
  return sc;
}

/** A fixture scenario from test/fixtures. */
export function fixture(name: string): ScenarioConfig {
  const res = loadScenario(readFileSync(`${root}test/fixtures/${name}`, 'utf8'), name);
  if (!res.ok) throw new Error(res.errors.map((e) => e.message).join('\n'));
  return res.scenario;
}

/** `scenario` with model coefficients and other fields replaced (a deep merge of plain objects). */
export function withOverrides(scenario: ScenarioConfig, patch: Record<string, unknown>): ScenarioConfig {
  const merge = (a: unknown, b: unknown): unknown => {
    if (b === null || typeof b !== 'object' || Array.isArray(b) || a === null || typeof a !== 'object' || Array.isArray(a)) return b;
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b as Record<string, unknown>)) out[k] = merge(out[k], v);
    return out;
  };
  return merge(scenario, patch) as ScenarioConfig;
}

/** Plays a whole game with a reference policy. */
export function play(scenario: ScenarioConfig, seed: string, policy: PolicyId): { state: SimState; reports: RoundReport[]; decisions: Decisions[] } {
  const g = playGame(scenario, newGame(scenario, seed), policyById(policy)!);
  return { state: g.state, reports: g.rounds.map((r) => r.report), decisions: g.rounds.map((r) => r.decisions) };
}

/** Plays a game where `decide` may change the policy's decisions each round. */
export function playWith(
  scenario: ScenarioConfig, seed: string, policy: PolicyId, change: (d: Decisions, round: number, state: SimState) => Decisions,
): { state: SimState; reports: RoundReport[] } {
  const p = policyById(policy)!;
  let state = newGame(scenario, seed);
  let last: RoundReport | null = null;
  const reports: RoundReport[] = [];
  while (state.status === 'running') {
    const d = change(policyDecisions(p, scenario, state, last), state.round + 1, state);
    const res = step(scenario, state, d);
    if (!res.ok) throw new Error(`round ${state.round + 1}: ${problemsText(res.problems)}`);
    state = res.state;
    last = res.report;
    reports.push(res.report);
  }
  return { state, reports };
}

/** Seeds "1".."n". */
export function seeds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(i + 1));
}

/** Mean of numbers. */
export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}
