/**
 * Prints each quarter's market hash of a built-in scenario played as a market by reference
 * strategies: `node --import tsx test/golden/market.ts <scenario> <policy,policy,...> <seed>`.
 * The firms are named A, B, C... as `npm run sim -- market` names them. Used by the test that
 * checks the same hashes under the interpreter (`--jitless`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/scenario/index';
import { policyById } from '../../src/policies/index';
import { playMarketGame } from '../../src/policies/market';

const [id = 'ad-agency', firms = 'value-based,uniform', seed = '1'] = process.argv.slice(2);
const file = fileURLToPath(new URL(`../../scenarios/${id}.json`, import.meta.url));
const res = loadScenario(readFileSync(file, 'utf8'), `${id}.json`);
if (!res.ok) throw new Error(res.errors.map((e) => e.message).join('\n'));
const seats = firms.split(',').map((p, i) => ({ name: String.fromCharCode(65 + i), policy: policyById(p)! }));
const g = playMarketGame(res.scenario, seed, seats);
console.log(JSON.stringify(g.rounds.map((r) => r.market.hash)));
