// Every reference strategy plays every built-in scenario scaled up and down (staff x40 and
// x0.3, budget x10) to the end through the command line, and the run file it saves verifies:
// a plan a strategy makes is one the engine plays and the run-file schema accepts, whatever the
// scenario's scale (the strategies clamp their plans into the catalogue's ranges and limits).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/policies/index';
import { BUILTINS, SCALES, setsFor } from '../sim/scaled';
import { cli, tempDir } from './harness';

describe('reference strategies on scaled scenarios: played to the end, and the run file verifies', () => {
  const dir = tempDir();
  for (const id of BUILTINS) {
    for (const scale of SCALES.filter((s) => s.name !== 'as built')) {
      it(`${id}, ${scale.name}`, async () => {
        const sets = setsFor(id, scale).flatMap((s) => ['--set', s]);
        for (const p of POLICIES) {
          const file = join(dir, `${id}-${scale.name.replace(/\W+/g, '-')}-${p.id}.json`);
          const run = await cli(['run', id, '--seed', 'scaled', '--policy', p.id, ...sets, '--save', file, '--json']);
          expect(run.err, `${p.id}: ${run.err}`).not.toMatch(/internal error|refused|拒绝/);
          expect(run.code, p.id).toBe(0);
          const doc = JSON.parse(run.out) as { rounds: unknown[]; status: string };
          // To the end: every quarter of the scenario, or until the firm went bankrupt.
          expect(doc.status === 'finished' || doc.status === 'bankrupt', `${p.id}: ${doc.status}`).toBe(true);
          const verify = await cli(['verify', file]);
          expect(verify.out, `${p.id}: ${verify.out}${verify.err}`).toMatch(/^OK /);
          expect(verify.code, p.id).toBe(0);
        }
      }, 300_000);
    }
  }
});
