import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/helpers';
import { cloneState } from './clone';
import { COLUMNS } from './customers';
import { canonicalJson, hashJson, hashState } from './hash';
import { newGame } from './newGame';

/** canonicalJson as it was first written (map, filter, join): the text the golden hashes were made from. */
function firstCanonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return '[' + v.map(firstCanonicalJson).join(',') + ']';
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + firstCanonicalJson(o[k])).join(',') + '}';
}

describe('canonical JSON', () => {
  it('writes every value as it was first written: keys sorted, undefined left out, holes, odd keys and numbers', () => {
    const leaf = fc.oneof(fc.double(), fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v')), fc.sparseArray(tie('v')), fc.dictionary(fc.string(), tie('v'))),
    })).v;
    fc.assert(fc.property(value, (v) => {
      expect(canonicalJson(v)).toBe(firstCanonicalJson(v));
    }), { numRuns: 500 });
  });
  it('writes a real game state\'s plain data as it was first written', () => {
    const s = newGame(fixture('minimal-scenario.json'), '3');
    const { customers: _c, ...rest } = s;
    void _c;
    expect(canonicalJson(rest)).toBe(firstCanonicalJson(rest));
  });
});

describe('state hash', () => {
  const sc = fixture('minimal-scenario.json');
  const base = newGame(sc, '7');
  it('ignores key order in plain data', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(canonicalJson({ a: [1, { c: 3, d: 2 }], b: 1 }));
    expect(hashJson({ x: 1, y: 2 })).toBe(hashJson({ y: 2, x: 1 }));
    expect(hashJson({ x: 1 })).not.toBe(hashJson({ x: 2 }));
  });
  it('is a 64-bit hex string, equal for equal states', () => {
    expect(hashState(base)).toMatch(/^[0-9a-f]{16}$/);
    expect(hashState(cloneState(base))).toBe(hashState(base));
    expect(hashState(newGame(sc, '7'))).toBe(hashState(base));
    expect(hashState(newGame(sc, '8'))).not.toBe(hashState(base));
  });
  it('changes when any single value of any customer column changes', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: COLUMNS.length - 1 }), fc.nat(), (ci, ii) => {
      const s = cloneState(base);
      const col = COLUMNS[ci]!;
      const arr = (s.customers as unknown as Record<string, { [i: number]: number }>)[col.name]!;
      const idx = ii % (s.customers.count * col.stride);
      arr[idx] = arr[idx] === 1 ? 2 : 1;
      expect(hashState(s)).not.toBe(hashState(base));
    }), { numRuns: 60 });
  });
  it('changes with the firm and the round', () => {
    const s = cloneState(base);
    s.firm.cash += 0.01;
    expect(hashState(s)).not.toBe(hashState(base));
    const r = cloneState(base);
    r.round = 1;
    expect(hashState(r)).not.toBe(hashState(base));
  });
});
