/**
 * Prints the per-round state hashes of a built-in scenario played by a reference strategy:
 * `node --import tsx test/golden/replay.ts <scenario> <policy> <seed>`. Used by the test that
 * checks the same hashes under another execution mode of the engine (the interpreter).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/scenario/index';
import { newGame } from '../../src/sim/index';
import { playGame, policyById } from '../../src/policies/index';

const [id = 'ad-agency', policy = 'value-based', seed = '1'] = process.argv.slice(2);
const file = fileURLToPath(new URL(`../../scenarios/${id}.json`, import.meta.url));
const res = loadScenario(readFileSync(file, 'utf8'), `${id}.json`);
if (!res.ok) throw new Error(res.errors.map((e) => e.message).join('\n'));
const g = playGame(res.scenario, newGame(res.scenario, seed), policyById(policy)!);
console.log(JSON.stringify(g.rounds.map((r) => r.report.hash)));
