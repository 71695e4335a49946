import { describe, expect, it } from 'vitest';
import { minimalJson } from '../../test/scenario/helpers';
import { validateScenarioJson } from './load';
import { applyOverrides, parseOverrideValue } from './override';

function applied(json: unknown, ...sets: string[]): unknown {
  const r = applyOverrides(json, sets);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.json;
}

describe('applyOverrides', () => {
  it('sets numbers, texts and list items by path', () => {
    const out = applied(minimalJson(), 'model.churn.base=0.02', 'tiers.0.name.en=Top', 'initialDecisions.tiers.1.serviceHours=12') as ReturnType<typeof minimalJson>;
    expect(out['model']).toEqual({ churn: { base: 0.02 } });
    expect(out).toMatchObject({ tiers: [{ name: { en: 'Top', 'zh-CN': '黄金' } }, {}], initialDecisions: { tiers: [{ serviceHours: 12 }, { serviceHours: 12 }] } });
    expect(validateScenarioJson(out, 'x.json').ok).toBe(true);
  });

  it('does not change its input', () => {
    const doc = minimalJson();
    const before = JSON.stringify(doc);
    applied(doc, 'rounds=8', 'model.churn.base=0.02', 'tiers.1.id=lead');
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('reads the value as JSON when it parses, else as text', () => {
    expect(['12', '-0.5', 'true', 'null', '"12"', '[1,2]', '{"a":1}', 'Top', '', 'a=b', ' 3 '].map(parseOverrideValue)).toEqual([
      12, -0.5, true, null, '12', [1, 2], { a: 1 }, 'Top', '', 'a=b', 3,
    ]);
    expect(applied({}, 'id=a=b')).toEqual({ id: 'a=b' });
  });

  it('applies in order, so a later set wins', () => {
    expect(applied({}, 'a.b=1', 'a.b=2', 'a.c=[0]', 'a.c.0=5')).toEqual({ a: { b: 2, c: [5] } });
  });

  it('reports every bad set, in English or Chinese', () => {
    const r = applyOverrides(minimalJson(), ['tiers.5.id=x', 'rounds.x=1', 'rounds', 'a..b=1', 'tiers.first.id=x', 'nothing.0=1', '__proto__.polluted=1']);
    expect(r).toEqual({
      ok: false,
      errors: [
        '--set "tiers.5.id=x": tiers has 2 items, so index 5 is beyond its end',
        '--set "rounds.x=1": rounds is 4, not an object or a list',
        '--set "rounds": expected path=value, e.g. model.churn.base=0.02',
        '--set "a..b=1": the path is empty or has an empty part',
        '--set "tiers.first.id=x": tiers is a list, so "first" should be an index 0, 1, 2…',
        '--set "nothing.0=1": nothing does not exist, and a list cannot be created by an index',
        '--set "__proto__.polluted=1": "__proto__" cannot be set',
      ],
    });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const zh = applyOverrides(minimalJson(), ['tiers.2.id=x'], 'zh-CN');
    expect(zh).toEqual({ ok: false, errors: ['--set "tiers.2.id=x"：tiers 只有 2 项，索引 2 超出末尾'] });
  });

  it('leaves range checks to the validator, which names the path without a position', () => {
    const json = applied(minimalJson(), 'initialDecisions.tiers.1.serviceHours=-3');
    const r = validateScenarioJson(json, 'ad-agency.json');
    expect(!r.ok && r.errors.map((e) => e.message)).toEqual([
      'ad-agency.json at initialDecisions.tiers.1.serviceHours: expected a number from 0 to 10,000, found -3',
    ]);
  });
});
