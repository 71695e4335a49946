/**
 * Prints the hash of every quarter's attribution ("why did it change?") of a built-in
 * scenario played by a reference strategy: `node --import tsx test/golden/explain.ts
 * <scenario> <policy> <seed> [quarters]`. The golden test compares them with the stored
 * ones, here and under the interpreter (`--jitless`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/scenario/index';
import { explainNext, hashJson, newExplainer, newGame, type RoundReport, type ScenarioConfig } from '../../src/sim/index';
import { policyById, policyDecisions } from '../../src/policies/index';

/** The attribution hashes of the first `quarters` quarters. */
export function attributionHashes(sc: ScenarioConfig, policyId: string, seed: string, quarters: number): string[] {
  const policy = policyById(policyId)!;
  const ex = newExplainer(newGame(sc, seed));
  const out: string[] = [];
  const last: RoundReport | null = null;
  while (ex.state.status === 'running' && out.length < quarters) {
    const { attribution } = explainNext(sc, ex, policyDecisions(policy, sc, ex.state, last));
    out.push(hashJson(attribution));
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [id = 'tutorial', policy = 'random', seed = '2', quarters = '99'] = process.argv.slice(2);
  const file = fileURLToPath(new URL(`../../scenarios/${id}.json`, import.meta.url));
  const res = loadScenario(readFileSync(file, 'utf8'), `${id}.json`);
  if (!res.ok) throw new Error(res.errors.map((e) => e.message).join('\n'));
  console.log(JSON.stringify(attributionHashes(res.scenario, policy, seed, Number(quarters))));
}
