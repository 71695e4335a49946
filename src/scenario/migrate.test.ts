import { describe, expect, it } from 'vitest';
import { MINIMAL_TEXT, minimalJson, readRepoFile } from '../../test/scenario/helpers';
import { loadScenario } from './load';
import { MIGRATIONS, checkMigrations, migrateScenarioJson, type Migration } from './migrate';
import { CURRENT_SCHEMA_VERSION } from './schema';

const V1_TEXT = readRepoFile('test/scenario/fixtures/minimal-scenario.v1.json');

describe('migrations', () => {
  it('end at the current version', () => {
    expect(MIGRATIONS.at(-1)?.to).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('load a version 1 file as its version 2 counterpart, with a warning', () => {
    const v1 = loadScenario(V1_TEXT, 'v1.json');
    const v2 = loadScenario(MINIMAL_TEXT, 'v2.json');
    expect(v1.ok && v2.ok).toBe(true);
    if (!v1.ok || !v2.ok) return;
    expect(v1.scenario).toEqual(v2.scenario);
    expect(v1.warnings.map((w) => [w.path, w.line, w.message])).toEqual([
      ['schemaVersion', 3, 'v1.json:3:20 at schemaVersion: this file uses the older schemaVersion 1; it was upgraded to 2 on load (save it in the new format to silence this)'],
    ]);
  });

  it('turn a discount into priceIndex = 1 - discount, in place, without touching the input', () => {
    const doc = JSON.parse(V1_TEXT) as Record<string, unknown>;
    const before = JSON.stringify(doc);
    const r = migrateScenarioJson(doc);
    expect(JSON.stringify(doc)).toBe(before);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const tier = ((r.doc['initialDecisions'] as Record<string, unknown>)['tiers'] as Record<string, unknown>[])[1];
    expect(Object.keys(tier ?? {})).toEqual(['serviceHours', 'relationshipSpend', 'priceIndex', 'retentionBudget', 'acquisitionSpend', 'winBackSpend']);
    expect(tier?.['priceIndex']).toBe(0.9);
    expect(r).toMatchObject({ from: 1, problems: [], doc: { schemaVersion: 2 } });
  });

  it('report a discount they cannot convert at its own path', () => {
    const r = loadScenario(V1_TEXT.replace('"discount": 0.1,', '"discount": "ten percent",'), 'v1.json', 'zh-CN');
    const [e, ...rest] = r.ok ? [] : r.errors;
    expect(rest).toEqual([]);
    expect(e?.path).toBe('initialDecisions.tiers.1.discount');
    expect(e?.message).toMatch(/^v1\.json 第\d+行第\d+列，initialDecisions\.tiers\.1\.discount：应为 0 到 0\.5 之间的数字，实际为 "ten percent"$/);
  });

  it('leave a current file as it is', () => {
    const doc = minimalJson();
    expect(migrateScenarioJson(doc)).toEqual({ ok: true, doc, from: 2, problems: [] });
  });

  it.each([
    [3, 'this file needs a newer CRM Sandbox: it has schemaVersion 3, this version reads up to 2'],
    [0, 'expected an integer from 1 to 2, found 0'],
    [1.5, 'expected an integer from 1 to 2, found 1.5'],
    ['2', 'expected an integer from 1 to 2, found "2"'],
  ])('refuse schemaVersion %j', (version, message) => {
    const r = loadScenario(MINIMAL_TEXT.replace('"schemaVersion": 2', `"schemaVersion": ${JSON.stringify(version)}`), 'x.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.message)).toEqual([`x.json:3:20 at schemaVersion: ${message}`]);
  });
});

describe('checkMigrations', () => {
  const step = (from: number, to: number): Migration => ({ from, to, name: `${from}-${to}`, up: (d) => d });

  it('accepts consecutive steps up to the current version', () => {
    expect(() => checkMigrations([step(1, 2), step(2, 3)], 3)).not.toThrow();
    expect(() => checkMigrations([], 1)).not.toThrow();
  });

  it.each([
    [[step(1, 3)], 3, 'must step by one'],
    [[step(1, 2), step(3, 4)], 4, 'the one before ends at 2'],
    [[step(2, 3), step(1, 2)], 3, 'the one before ends at 3'],
    [[step(1, 2)], 3, 'the current version is 3'],
  ])('rejects a broken list (%#)', (list, current, message) => {
    expect(() => checkMigrations(list, current)).toThrow(message);
  });
});
