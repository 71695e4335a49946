// The save-record reader: every field is checked, a record that does not fit is listed as
// damaged with each reason (never skipped, never thrown on), a record whose game is intact but
// whose summary is damaged can still be continued (repaired), and the compare-and-set rule
// that keeps two tabs from overwriting each other's quarters.
import { describe, expect, it } from 'vitest';
import { casDecision, foundOf, rawText, readSave, saveEntry, type SaveRecord } from '../../src/store/saveRecord';

function good(): SaveRecord {
  return {
    id: 'g1',
    format: 'crm-sandbox-save',
    version: 1,
    title: { en: 'Tutorial', 'zh-CN': '教程' },
    scenarioId: 'tutorial',
    source: { kind: 'builtin', id: 'tutorial' },
    seed: 'class-7',
    decisions: [{} as SaveRecord['decisions'][number]],
    round: 1,
    rounds: 6,
    score: 12.5,
    status: 'running',
    updatedAt: 1_700_000_000_000,
    revision: 3,
  };
}
const withField = (path: string, value: unknown): Record<string, unknown> => {
  const r = good() as unknown as Record<string, unknown>;
  if (value === undefined) delete r[path];
  else r[path] = value;
  return r;
};

describe('readSave', () => {
  it('reads a good record as it is, with no problems', () => {
    const r = readSave('g1', good());
    expect(r).toEqual({ record: good(), problems: [], newer: false });
    expect(saveEntry('g1', good()).kind).toBe('save');
    // A record written before revisions existed reads as revision 0, and is not damaged.
    expect(readSave('g1', withField('revision', undefined)).record?.revision).toBe(0);
    expect(readSave('g1', withField('revision', undefined)).problems).toEqual([]);
  });

  it('keeps a class game\'s class (its code and player); a class that is not one is damage to the game itself', () => {
    const cls = { ...good(), seed: 'CRM-2026-A', classPlay: { code: 'CRM-2026-A', player: 'Li Wei' } };
    expect(readSave('g1', cls)).toEqual({ record: cls, problems: [], newer: false });
    expect(readSave('g1', { ...cls, classPlay: { code: 'CRM-2026-A', player: null } }).record?.classPlay).toEqual({ code: 'CRM-2026-A', player: null });
    for (const bad of [{ code: 'crm 2026', player: null }, { code: 'CRM-2026-A' }, 'CRM-2026-A', null]) {
      const r = readSave('g1', { ...cls, classPlay: bad });
      expect(r.record).toBeNull();
      expect(r.problems).toEqual([expect.objectContaining({ path: 'classPlay', expected: 'classPlay', game: true })]);
    }
  });

  it('lists a record with a bad date and an object for a title as damaged, but its game can be continued and is repaired', () => {
    const v = { ...good(), updatedAt: 'yesterday', title: { en: { text: 'x' } } };
    const r = readSave('g1', v);
    expect(r.problems).toEqual([
      { path: 'title', expected: 'localText', found: { kind: 'object' }, game: false },
      { path: 'updatedAt', expected: 'date', found: { kind: 'text', value: 'yesterday' }, game: false },
    ]);
    expect(r.record).toMatchObject({ id: 'g1', seed: 'class-7', title: { en: 'tutorial' }, updatedAt: 0, decisions: good().decisions, revision: 3 });
    const e = saveEntry('g1', v);
    expect(e).toMatchObject({ kind: 'damaged', key: 'g1', resumable: true, newer: false, seed: 'class-7', title: null, updatedAt: null });
  });

  it.each<[string, unknown, string, string]>([
    ['updatedAt', Number.NaN, 'updatedAt', 'date'],
    ['updatedAt', 9e15, 'updatedAt', 'date'],
    ['title', 'Tutorial', 'title', 'localText'],
    ['title', {}, 'title', 'localText'],
    ['round', 7, 'round', 'roundInGame'],
    ['round', -1, 'round', 'count'],
    ['rounds', 2.5, 'rounds', 'count'],
    ['score', 'high', 'score', 'number'],
    ['status', 'paused', 'status', 'status'],
    ['scenarioId', 42, 'scenarioId', 'text'],
    ['revision', 'two', 'revision', 'count'],
    ['branch', { of: 'g0' }, 'branch', 'link'],
    ['copyOf', 'g0', 'copyOf', 'link'],
    ['id', 'other', 'id', 'key'],
  ])('a summary field %s = %j: damaged at %s (expected %s), still playable', (field, value, path, expected) => {
    const r = readSave('g1', withField(field, value));
    expect(r.problems.map((p) => [p.path, p.expected, p.game])).toEqual([[path, expected, false]]);
    expect(r.record).not.toBeNull();
    expect(r.record!.id).toBe('g1');
  });

  it.each<[string, unknown, string, string]>([
    ['format', 'something-else', 'format', 'saveFormat'],
    ['version', 'one', 'version', 'version'],
    ['seed', '', 'seed', 'text'],
    ['seed', undefined, 'seed', 'text'],
    ['source', null, 'source', 'source'],
    ['source', { kind: 'cloud', id: 'x' }, 'source.kind', 'source'],
    ['source', { kind: 'file', name: 'x.json' }, 'source.kind', 'source'],
    ['decisions', 'all of them', 'decisions', 'decisions'],
    ['decisions', [{}, 3], 'decisions.1', 'decision'],
  ])('a game field %s = %j: damaged at %s (expected %s), cannot be played', (field, value, path, expected) => {
    const r = readSave('g1', withField(field, value));
    expect(r.problems.map((p) => [p.path, p.expected, p.game])).toContainEqual([path, expected, true]);
    expect(r.record).toBeNull();
    expect(saveEntry('g1', withField(field, value))).toMatchObject({ kind: 'damaged', resumable: false });
  });

  it('lists values that are not records at all, under any key, as damaged', () => {
    for (const v of [null, 'text', 42, [1, 2], new Date(0)]) {
      const e = saveEntry(7, v);
      expect(e.kind).toBe('damaged');
      if (e.kind === 'damaged') expect(e.resumable).toBe(false);
    }
    expect(readSave(7, good()).record).toBeNull();
  });

  it('never repairs or overwrites a save of a newer version', () => {
    const e = saveEntry('g1', { ...good(), version: 2 });
    expect(e).toMatchObject({ kind: 'damaged', newer: true, resumable: false });
  });

  it('describes found values briefly', () => {
    expect(foundOf(undefined)).toEqual({ kind: 'missing' });
    expect(foundOf('x'.repeat(100))).toEqual({ kind: 'text', value: `${'x'.repeat(60)}…` });
    expect(foundOf([1, 2, 3])).toEqual({ kind: 'list', count: 3 });
    expect(foundOf(new Date(0))).toEqual({ kind: 'other', type: 'Date' });
    expect(foundOf(10n)).toEqual({ kind: 'other', type: 'bigint' });
  });
});

describe('rawText', () => {
  it('turns anything IndexedDB can hold into JSON that parses', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const v = { n: Number.NaN, big: 10n, when: new Date(0), bad: new Date(Number.NaN), m: new Map([['k', 1]]), s: new Set([2]), u8: Uint8Array.from([1, 2]), u: undefined, cyclic };
    const parsed = JSON.parse(rawText(v)) as Record<string, unknown>;
    expect(parsed).toEqual({
      n: 'NaN', big: '10n', when: '1970-01-01T00:00:00.000Z', bad: 'Invalid Date', m: { $map: [['k', 1]] }, s: { $set: [2] }, u8: [1, 2], u: null, cyclic: { a: 1, self: '[cycle]' },
    });
    expect(JSON.parse(rawText(good()))).toEqual(good());
  });
});

describe('casDecision (a write compares the revision it expects with the stored one)', () => {
  it.each<[string, unknown, Parameters<typeof casDecision>[1], ReturnType<typeof casDecision>]>([
    ['a new game where there is none', undefined, null, { ok: true, revision: 1 }],
    ['a new game where one is already stored', { revision: 1 }, null, { ok: false, conflict: { found: 1 } }],
    ['the revision this tab last wrote', { revision: 4 }, 4, { ok: true, revision: 5 }],
    ['a revision another tab wrote since', { revision: 5 }, 4, { ok: false, conflict: { found: 5 } }],
    ['a save written before revisions, read as 0', { seed: 'x' }, 0, { ok: true, revision: 1 }],
    ['a save deleted in another tab meanwhile: written again', undefined, 4, { ok: true, revision: 5 }],
    ['replacing on purpose (an import), whatever is there', { revision: 9 }, 'any', { ok: true, revision: 10 }],
  ])('%s', (_name, old, expected, outcome) => {
    expect(casDecision(old, expected)).toEqual(outcome);
  });
});
