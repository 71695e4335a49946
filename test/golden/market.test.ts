/**
 * Golden market replays (issue 14): every quarter's market hash of each built-in scenario played
 * as a market of reference strategies, under the optimising compiler and the interpreter
 * (`node --jitless`). A change to the market or the model that moves one customer of one firm
 * by one bit fails here; when intended, regenerate with `UPDATE_GOLDEN=1` (and say why).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { policyById } from '../../src/policies/index';
import { playMarketGame } from '../../src/policies/market';
import { builtin } from '../helpers';
import { BUILTINS } from '../sim/scaled';

const root = fileURLToPath(new URL('../..', import.meta.url));
const file = fileURLToPath(new URL('./market-hashes.json', import.meta.url));
type Golden = Record<string, string[]>;
const update = process.env.UPDATE_GOLDEN === '1';
const golden: Golden = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Golden) : {};
const fresh: Golden = {};

/** The markets: four mixed firms on the small scenarios, two on the bank (50,000 customers each). */
const MARKETS: [string, string, string][] = BUILTINS.flatMap((id): [string, string, string][] =>
  id === 'retail-bank' ? [[id, 'value-based,discounter', '1']] : [[id, 'value-based,uniform,cost-cutter,discounter', '1'], [id, 'discounter,random', 'class-7']],
);

function hashes(id: string, firms: string, seed: string): string[] {
  const seats = firms.split(',').map((p, i) => ({ name: String.fromCharCode(65 + i), policy: policyById(p)! }));
  return playMarketGame(builtin(id), seed, seats).rounds.map((r) => r.market.hash);
}

describe('golden market hashes', () => {
  for (const [id, firms, seed] of MARKETS) {
    const key = `${id}/${firms}/${seed}`;
    it(key, () => {
      const h = hashes(id, firms, seed);
      fresh[key] = h;
      if (!update) expect(h, `${key}: regenerate with UPDATE_GOLDEN=1 if the change is intended`).toEqual(golden[key]);
    }, 300_000);
  }
  it('the interpreter (node --jitless) reproduces them', () => {
    const [id, firms, seed] = MARKETS[1]!;
    const out = spawnSync(process.execPath, ['--jitless', '--import', 'tsx', 'test/golden/market.ts', id, firms, seed], { cwd: root, encoding: 'utf8', timeout: 240_000 });
    expect(out.status, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout.trim())).toEqual(update ? hashes(id, firms, seed) : golden[`${id}/${firms}/${seed}`]);
  }, 300_000);
  afterAll(() => {
    if (update && Object.keys(fresh).length === MARKETS.length) writeFileSync(file, JSON.stringify(fresh, null, 1) + '\n');
  });
});
