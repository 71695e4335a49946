// The case a learner found: the hotel's top tier cut to 1% of its customers and given 600 hours
// each. The quarter plays, and the save exported after it verifies on the command line and
// imports in the app (the file's schema and the engine take the same range: 0..10,000 hours).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloneDecisions } from '../../src/sim/index';
import { setTierCount } from '../../src/store/draftOps';
import { advance, exportRun, importRun } from '../../src/worker/session';
import { cli, tempDir } from '../cli/harness';
import { startBuiltinSession } from './sessions';

describe('a top tier of 1% at 600 hours a customer', () => {
  it('plays, exports, verifies on the command line and imports', async () => {
    const s = await startBuiltinSession('hotel', 'one-percent');
    const d = cloneDecisions(s.state.lastDecisions);
    setTierCount(d, 2);
    d.tiering.cutoffs = { mode: 'share', shares: [0.01, 0.99] };
    d.tiers[0]!.serviceHours = 600;
    d.tiers[1]!.serviceHours = 1;
    d.choices = [];
    const r = advance(s, d);
    expect(r.ok && r.view.round).toBe(1);
    const run = exportRun(s);
    const file = join(tempDir(), run.fileName);
    writeFileSync(file, run.text);
    const v = await cli(['verify', file]);
    expect(v.out).toMatch(/^OK .* \(1 rounds\)/);
    const back = await importRun(new TextEncoder().encode(run.text), run.fileName, 'en');
    expect(back.ok && back.session.decisions[0]!.tiers[0]!.serviceHours).toBe(600);
  });
});
