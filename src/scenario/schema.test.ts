import { describe, expect, it } from 'vitest';
import { PARAM_GROUPS, PARAM_SPEC, type ParamSpec } from '../sim/params';
import { minimalJson, minimalWith } from '../../test/scenario/helpers';
import { scenarioJsonSchema } from './jsonSchema';
import { validateScenarioJson } from './load';
import { decisionsSchema, scenarioSchema } from './schema';

/** Paths of the errors of validating `doc`. */
function errorPaths(doc: unknown): string[] {
  const r = validateScenarioJson(doc, 'test.json');
  return r.ok ? [] : r.errors.map((e) => e.path);
}

describe('scenarioSchema', () => {
  it('accepts the minimal scenario', () => {
    expect(scenarioSchema.safeParse(minimalJson()).success).toBe(true);
    expect(decisionsSchema.safeParse(minimalJson()['initialDecisions']).success).toBe(true);
  });

  it.each([
    ['population.size', 49],
    ['population.size', 200_001],
    ['population.size', 60.5],
    ['rounds', 3],
    ['rounds', 41],
    ['difficulty', 0],
    ['difficulty', 6],
    ['firm.cash', -1],
    ['rival.priceIndex', 0.49],
    ['rival.priceIndex', 1.51],
    ['initialDecisions.people.wageIndex', 2.01],
    ['initialDecisions.recovery.empowerment', 1.01],
    ['population.segments.0.share', 1.2],
    ['id', 'Minimal'],
    ['id', '-minimal'],
    ['currency', 'yuan'],
    ['industry', 'mining'],
    ['title', {}],
    ['title', { en: '' }],
    ['title', { fr: 'Titre' }],
    ['model', { churn: { base: 1.5 } }],
    ['model', { churn: { bsae: 0.1 } }],
    ['model', { chrun: { base: 0.1 } }],
  ])('rejects %s = %j', (path, value) => {
    const paths = errorPaths(minimalWith(path, value));
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p.startsWith(path))).toBe(true);
  });

  it('rejects six tiers and accepts the ends of ranges', () => {
    const tiers = minimalWith('tiers', Array.from({ length: 6 }, (_, i) => ({ id: `t${i}`, name: { en: `T${i}` } })));
    expect(errorPaths(tiers)).toContain('tiers');
    for (const [path, value] of [['rounds', 40], ['rounds', 4], ['population.size', 200_000], ['rival.priceIndex', 0.5], ['firm.cash', 0]] as const) {
      expect(errorPaths(minimalWith(path, value))).toEqual([]);
    }
  });

  it('takes every coefficient of PARAM_SPEC in the model block, within its range', () => {
    const model: Record<string, Record<string, number>> = {};
    for (const g of PARAM_GROUPS) {
      model[g] = {};
      for (const [k, p] of Object.entries(PARAM_SPEC[g] as Record<string, ParamSpec>)) (model[g] as Record<string, number>)[k] = p.max;
    }
    expect(errorPaths(minimalWith('model', model))).toEqual([]);
    const [g, k, p] = [PARAM_GROUPS[0] as string, ...Object.entries(PARAM_SPEC[PARAM_GROUPS[0]!])[0]!] as [string, string, ParamSpec];
    expect(errorPaths(minimalWith('model', { [g]: { [k]: p.min - 1 } }))).toEqual([`model.${g}.${k}`]);
  });
});

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema();

  it('is draft-07 with an id and a title', () => {
    expect(schema).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', $id: expect.any(String), title: expect.any(String) });
  });

  it('describes every property, for editor tooltips', () => {
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`));
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      if (n['properties'] && typeof n['properties'] === 'object') {
        for (const [k, v] of Object.entries(n['properties'] as Record<string, Record<string, unknown>>)) {
          if (typeof v['description'] !== 'string' || v['description'] === '') undocumented.push(`${path}.${k}`);
        }
      }
      for (const [k, v] of Object.entries(n)) walk(v, `${path}/${k}`);
    };
    walk(schema, '');
    expect(undocumented).toEqual([]);
  });

  it('forbids unknown keys in every object', () => {
    const open: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      if (n['type'] === 'object' && n['additionalProperties'] !== false) open.push(path);
      for (const [k, v] of Object.entries(n)) walk(v, `${path}/${k}`);
    };
    walk(schema, '');
    expect(open).toEqual([]);
  });

  it('carries the range and doc of a model coefficient', () => {
    const model = (schema['properties'] as Record<string, { properties: Record<string, { properties: Record<string, unknown> }> }>)['model'];
    const spec = PARAM_SPEC.churn.base;
    expect(model?.properties['churn']?.properties['base']).toMatchObject({
      type: 'number',
      minimum: spec.min,
      maximum: spec.max,
      description: spec.doc,
    });
  });
});
