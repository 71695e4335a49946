/**
 * The same replay gives the same hashes whether V8 optimises the code or only interprets it
 * (`--jitless`): no result depends on how the engine compiles the arithmetic. (Node against
 * the browser is checked by the browser tests of the game.)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const golden = JSON.parse(readFileSync(new URL('./hashes.json', import.meta.url), 'utf8')) as Record<string, string[]>;

describe('determinism across execution modes', () => {
  it('the interpreter (node --jitless) reproduces the golden hashes of every round', () => {
    for (const [id, policy, seed] of [['tutorial', 'random', '2'], ['hotel', 'value-based', '1']] as const) {
      const out = spawnSync(process.execPath, ['--jitless', '--import', 'tsx', 'test/golden/replay.ts', id, policy, seed], { cwd: root, encoding: 'utf8', timeout: 240_000 });
      expect(out.status, out.stderr).toBe(0);
      expect(JSON.parse(out.stdout.trim())).toEqual(golden[`${id}/${policy}/${seed}`]);
    }
  }, 300_000);
});
