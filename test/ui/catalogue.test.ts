// The decision catalogue is complete and every screen can name its fields: each field of a
// plan is in it exactly once, each lever and group has fields, and every label, phrase, CSV
// column and value name it points to is a message in both languages.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LEVERS, type Decisions } from '../../src/sim/config';
import { DECISION_FIELDS, DECISION_GROUPS, decisionField, fieldsOfLever } from '../../src/sim/decisions/catalogue';
import { NAMESPACES } from '../../src/ui/i18n/all';
import { builtin } from '../helpers';

type Tree = { [k: string]: string | Tree };
const has = (ns: keyof typeof NAMESPACES, key: string): boolean =>
  (['en', 'zh-CN'] as const).every((lang) => {
    let o: string | Tree | undefined = NAMESPACES[ns][lang] as unknown as Tree;
    for (const k of key.split('.')) o = typeof o === 'object' ? o[k] : undefined;
    return typeof o === 'string' && o.trim() !== '';
  });

/** Every leaf path of a plan, list items as `*`. */
function leafPaths(x: unknown, prefix: string[] = [], out = new Set<string>()): Set<string> {
  if (Array.isArray(x)) x.forEach((v) => leafPaths(v, [...prefix, '*'], out));
  else if (x !== null && typeof x === 'object') for (const [k, v] of Object.entries(x)) leafPaths(v, [...prefix, k], out);
  else out.add(prefix.join('.'));
  return out;
}

const ids = readdirSync(fileURLToPath(new URL('../../scenarios/', import.meta.url)))
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .map((f) => f.replace(/\.json$/, ''));

describe('the decision catalogue', () => {
  it('holds every field of a plan exactly once (both cut-off modes, the one-vote rule on, the benchmark bought)', () => {
    const seen = new Set<string>();
    for (const id of ids) {
      const q = builtin(id).initialDecisions;
      const both: Decisions[] = [
        { ...q, tiering: { ...q.tiering, cutoffs: { mode: 'share', shares: [1] }, topIfRevenueAbove: 1 }, research: { ...q.research, benchmark: true } },
        { ...q, tiering: { ...q.tiering, cutoffs: { mode: 'score', thresholds: [1] } } },
      ];
      for (const d of both) for (const p of leafPaths({ ...d, choices: [] })) seen.add(p);
    }
    const catalogue = DECISION_FIELDS.map((f) => f.path.join('.'));
    expect(new Set(catalogue).size).toBe(catalogue.length);
    expect(new Set(DECISION_FIELDS.map((f) => f.id)).size).toBe(DECISION_FIELDS.length);
    expect([...seen].sort()).toEqual([...catalogue].sort());
    for (const f of DECISION_FIELDS) expect(decisionField(f.id)).toBe(f);
  });

  it('gives every lever and every attribution group a field (choices are answers, not a lever)', () => {
    for (const lever of LEVERS) expect(fieldsOfLever(lever).length, lever).toBeGreaterThan(0);
    for (const g of DECISION_GROUPS) if (g !== 'choices') expect(DECISION_FIELDS.some((f) => f.group === g), g).toBe(true);
  });

  it('has a default, and a range that holds it, for every number', () => {
    for (const f of DECISION_FIELDS) {
      if (f.kind !== 'number') continue;
      expect(f.min, f.id).toBeLessThanOrEqual(f.default);
      expect(f.default, f.id).toBeLessThanOrEqual(f.max);
      if (f.integer) expect(Number.isInteger(f.min) && Number.isInteger(f.max), f.id).toBe(true);
    }
  });

  it('names every label, phrase, CSV column, value and group in both languages', () => {
    for (const f of DECISION_FIELDS) {
      expect(has('common', f.label), `${f.id}: common:${f.label}`).toBe(true);
      if (f.tierLabel) expect(has('common', f.tierLabel), `${f.id}: common:${f.tierLabel}`).toBe(true);
      expect(has('lessons', f.phrase.key), `${f.id}: lessons:${f.phrase.key}`).toBe(true);
      if (f.phrase.dim) expect(has('lessons', f.phrase.dim), `${f.id}: lessons:${f.phrase.dim}`).toBe(true);
      if (f.csv) expect(has('exports', f.csv), `${f.id}: exports:${f.csv}`).toBe(true);
      if (f.kind === 'mode') for (const v of f.values) expect(has('common', f.valueLabels[v]), `${f.id}: ${v}`).toBe(true);
      expect(f.doc.length, f.id).toBeGreaterThan(10);
    }
    for (const g of DECISION_GROUPS) expect(has('lessons', `group.${g}`), g).toBe(true);
  });
});
