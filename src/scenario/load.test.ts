import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINIMAL_TEXT, STACK_TRACE, minimalJson, minimalWith } from '../../test/scenario/helpers';
import { MAX_ISSUES, loadScenario, validateScenarioJson, type LoadResult, type ScenarioIssue } from './load';

function errors(r: LoadResult): ScenarioIssue[] {
  if (r.ok) throw new Error('expected the scenario to fail');
  return r.errors;
}

/** The minimal scenario's text with `value` (JSON) in place of the first `from`. */
function textWith(from: string, to: string): string {
  expect(MINIMAL_TEXT).toContain(from);
  return MINIMAL_TEXT.replace(from, to);
}

describe('loadScenario', () => {
  it('loads the minimal scenario without warnings and drops "$schema"', () => {
    const r = loadScenario(MINIMAL_TEXT, 'minimal.json');
    expect(r).toMatchObject({ ok: true, warnings: [] });
    const { $schema, ...expected } = minimalJson();
    expect($schema).toBeTypeOf('string');
    expect(r.ok && r.scenario).toEqual(expected);
  });

  it('writes the sentence of the style guide in English and in Chinese', () => {
    const text = textWith('{ "serviceHours": 4,', '{ "serviceHours": -3,');
    const line = text.split('\n').findIndex((l) => l.includes('-3')) + 1;
    const column = (text.split('\n')[line - 1] ?? '').indexOf('-3') + 1;
    const [en] = errors(loadScenario(text, 'ad-agency.json'));
    expect(en).toEqual({
      file: 'ad-agency.json',
      path: 'initialDecisions.tiers.1.serviceHours',
      line,
      column,
      expected: 'a number from 0 to 10,000',
      found: '-3',
      message: `ad-agency.json:${line}:${column} at initialDecisions.tiers.1.serviceHours: expected a number from 0 to 10,000, found -3`,
    });
    const [zh] = errors(loadScenario(text, 'ad-agency.json', 'zh-CN'));
    expect(zh?.message).toBe(`ad-agency.json 第${line}行第${column}列，initialDecisions.tiers.1.serviceHours：应为 0 到 10,000 之间的数字，实际为 -3`);
  });

  it('reports every problem, in document order', () => {
    let text = textWith('"difficulty": 1,', '"difficulty": 9,');
    text = text.replace('"empowerment": 0.3', '"empowerment": -1').replace('"kpi": "retention"', '"kpi": 7');
    const r = errors(loadScenario(text, 'x.json'));
    expect(r.map((e) => e.path)).toEqual(['difficulty', 'initialDecisions.recovery.empowerment', 'objectives.0.kpi']);
    expect(r.map((e) => e.line)).toEqual([...r.map((e) => e.line)].sort((a, b) => a - b));
  });

  it('reports a missing schemaVersion together with the other problems', () => {
    const doc = minimalWith('schemaVersion', undefined);
    (doc['rival'] as Record<string, unknown>)['pressure'] = 5;
    const r = errors(loadScenario(JSON.stringify(doc, null, 2), 'x.json'));
    expect(r.map((e) => e.path)).toEqual(['schemaVersion', 'rival.pressure']);
    expect(r[0]?.message).toContain('required field is missing (expected an integer from 1 to 2)');
  });

  it('accepts a UTF-8 byte-order mark, and positions ignore it', () => {
    expect(loadScenario(`\uFEFF${MINIMAL_TEXT}`, 'bom.json').ok).toBe(true);
    const bad = textWith('"rounds": 4,', '"rounds": 99,');
    const [plain] = errors(loadScenario(bad, 'a.json'));
    const [withBom] = errors(loadScenario(`\uFEFF${bad}`, 'a.json'));
    expect(withBom).toEqual(plain);
    expect(plain).toMatchObject({ line: 10, column: 13 });
  });

  it('warns about texts without a translation, with their position', () => {
    const text = textWith('"title": { "en": "Minimal test firm", "zh-CN": "最小测试企业" }', '"title": { "en": "Minimal test firm" }');
    const r = loadScenario(text, 'x.json', 'zh-CN');
    expect(r.ok && r.warnings.map((w) => [w.path, w.line, w.column])).toEqual([['title', 5, 12]]);
    expect(r.ok && r.warnings[0]?.message).toBe('x.json 第5行第12列，title：缺少 "zh-CN" 文本；使用该语言的学员将看到另一种语言的文本');
  });

  it(`stops listing after ${MAX_ISSUES} problems and says how many more there are`, () => {
    const news = Array.from({ length: 300 }, () => ({ round: 0, text: { en: 'x' } }));
    const r = errors(loadScenario(JSON.stringify(minimalWith('news', news)), 'x.json'));
    expect(r).toHaveLength(MAX_ISSUES + 1);
    expect(r.at(-1)?.message).toBe('x.json: …and 200 more problems not shown; fix the ones above first');
  });

  it('falls back to English for an unknown language', () => {
    const [e] = errors(loadScenario('[]', 'x.json', 'fr' as never));
    expect(e?.message).toBe('x.json:1:1: expected an object, found an empty list');
  });
});

describe('validateScenarioJson', () => {
  it('gives paths without positions', () => {
    const [e] = errors(validateScenarioJson(minimalWith('rounds', 400), 'x.json'));
    expect(e).toMatchObject({ path: 'rounds', line: 0, column: 0 });
    expect(e?.message).toBe('x.json at rounds: expected an integer from 4 to 40, found 400');
    const [zh] = errors(validateScenarioJson(minimalWith('rounds', 400), 'x.json', 'zh-CN'));
    expect(zh?.message).toBe('x.json，rounds：应为 4 到 40 之间的整数，实际为 400');
  });

  it('loads what loadScenario loads', () => {
    const a = validateScenarioJson(minimalJson(), 'x.json');
    const b = loadScenario(MINIMAL_TEXT, 'x.json');
    expect(a).toEqual(b);
  });
});

/** Checks the promises every result keeps, whatever the input. */
function wellFormed(r: LoadResult, file: string, text?: string): void {
  const issues = r.ok ? r.warnings : r.errors;
  if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
  const lines = text === undefined ? 0 : text.split(/\r\n|\r|\n/).length;
  for (const i of issues) {
    expect(i.message.startsWith(file)).toBe(true);
    expect(i.message).not.toMatch(STACK_TRACE);
    expect(i.line).toBeGreaterThanOrEqual(0);
    expect(i.line).toBeLessThanOrEqual(lines);
  }
}

describe('never throws', () => {
  const file = 'fuzz.json';

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()), (text) => {
        wellFormed(loadScenario(text, file), file, text);
      }),
      { numRuns: 2000 },
    );
  });

  it('on arbitrary JSON values, as text and as values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        wellFormed(loadScenario(text, file), file, text);
        wellFormed(validateScenarioJson(value, file), file);
      }),
      { numRuns: 1000 },
    );
  });

  it('on the minimal scenario with any part replaced by any JSON value', () => {
    const paths: string[][] = [];
    const collect = (v: unknown, path: string[]): void => {
      paths.push(path);
      if (typeof v === 'object' && v !== null) for (const [k, c] of Object.entries(v)) collect(c, [...path, k]);
    };
    collect(minimalJson(), []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue({ maxDepth: 3 }), fc.constantFrom<'en' | 'zh-CN'>('en', 'zh-CN'), (path, value, lang) => {
        const doc = minimalJson();
        let at = doc as Record<string, unknown>;
        for (const seg of path.slice(0, -1)) at = at[seg] as Record<string, unknown>;
        at[path[path.length - 1] as string] = value;
        const text = JSON.stringify(doc, null, 2);
        const r = loadScenario(text, file, lang);
        wellFormed(r, file, text);
      }),
      { numRuns: 1500 },
    );
  });

  it('on values JSON cannot hold', () => {
    for (const v of [undefined, () => 1, Symbol('s'), 10n, new Map(), Object.create(null), { toJSON: () => { throw new Error('x'); } }]) {
      wellFormed(validateScenarioJson(v, file), file);
    }
    wellFormed(loadScenario(undefined as unknown as string, file), file);
  });
});
