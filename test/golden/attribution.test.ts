/**
 * Golden attributions: the hash of every quarter's "why did it change?" (every part, late
 * effect, outside and interaction, bit for bit) for a few games, in the JIT and under the
 * interpreter. An instructor's and a learner's machine explain a quarter identically.
 * Regenerate with `UPDATE_GOLDEN=1` when a model change is intended.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtin } from '../helpers';
import { attributionHashes } from './explain';

const root = fileURLToPath(new URL('../..', import.meta.url));
const file = fileURLToPath(new URL('./attributions.json', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';
const golden = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>) : {};
const GAMES = [
  ['tutorial', 'random', '2', 6],
  ['ad-agency', 'value-based', '1', 12],
  ['hotel', 'random', '1', 5],
] as const;

describe('golden attributions', () => {
  it('every quarter explained gives the stored hash', () => {
    const fresh: Record<string, string[]> = {};
    for (const [id, policy, seed, quarters] of GAMES) {
      const key = `${id}/${policy}/${seed}`;
      fresh[key] = attributionHashes(builtin(id), policy, seed, quarters);
      expect(new Set(fresh[key]).size, `${key}: quarters differ`).toBe(fresh[key].length);
      if (!update) expect(fresh[key], `${key}: regenerate with UPDATE_GOLDEN=1 if the change is intended`).toEqual(golden[key]);
    }
    if (update) writeFileSync(file, JSON.stringify(fresh, null, 1) + '\n');
  }, 120_000);

  it('the interpreter (node --jitless) explains the tutorial identically', () => {
    const out = spawnSync(process.execPath, ['--jitless', '--import', 'tsx', 'test/golden/explain.ts', 'tutorial', 'random', '2', '6'], { cwd: root, encoding: 'utf8', timeout: 240_000 });
    expect(out.status, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout.trim())).toEqual(golden['tutorial/random/2']);
  }, 300_000);
});
