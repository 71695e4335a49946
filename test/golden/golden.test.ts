/**
 * Golden replays: the state hash after every round of every built-in scenario under every
 * reference strategy on a few seeds. A change to the model, a scenario or a strategy that
 * moves any customer's state by one bit fails here. When the change is intended, regenerate
 * with `UPDATE_GOLDEN=1 npx vitest run test/golden` (and say why in the commit).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/policies/index';
import { builtin, play } from '../helpers';

const file = fileURLToPath(new URL('./hashes.json', import.meta.url));
const scenariosDir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const ids = readdirSync(scenariosDir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json').map((f) => f.replace(/\.json$/, '')).sort();
const SEEDS = ['1', '2', 'class-7'];
type Golden = Record<string, string[]>;
const update = process.env.UPDATE_GOLDEN === '1';
const golden: Golden = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Golden) : {};
const fresh: Golden = {};

describe('golden state hashes of every built-in scenario x reference strategy x seed', () => {
  it('covers every built-in scenario', () => {
    expect(ids.length).toBeGreaterThanOrEqual(4);
    if (!update) expect(Object.keys(golden).map((k) => k.split('/')[0]).filter((v, i, a) => a.indexOf(v) === i).sort()).toEqual(ids);
  });
  for (const id of ids) {
    for (const policy of POLICIES) {
      it(`${id} / ${policy.id}`, () => {
        const sc = builtin(id);
        for (const seed of SEEDS) {
          const key = `${id}/${policy.id}/${seed}`;
          const hashes = play(sc, seed, policy.id).reports.map((r) => r.hash);
          fresh[key] = hashes;
          if (!update) expect(hashes, `${key}: regenerate with UPDATE_GOLDEN=1 if the change is intended`).toEqual(golden[key]);
        }
      }, 120_000);
    }
  }
  afterAll(() => {
    if (update && Object.keys(fresh).length === ids.length * POLICIES.length * SEEDS.length) writeFileSync(file, JSON.stringify(fresh, null, 1) + '\n');
  });
});
