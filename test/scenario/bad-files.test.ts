// The corpus of broken scenario files in test/fixtures/bad-scenarios: each must give a clear
// error with the right path and line, name the file, and show no stack trace. Huge and deeply
// nested inputs are generated here rather than committed.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, type LoadResult, type ScenarioIssue } from '../../src/scenario';
import { MINIMAL_TEXT, STACK_TRACE, readRepoFile } from './helpers';

const DIR = 'test/fixtures/bad-scenarios/';

function errorsOf(r: LoadResult): ScenarioIssue[] {
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

/** Loads a corpus file in both languages and checks what every error must have. */
function load(name: string): ScenarioIssue[] {
  const text = readRepoFile(DIR + name);
  const en = errorsOf(loadScenario(text, name));
  const zh = errorsOf(loadScenario(text, name, 'zh-CN'));
  expect(zh.map((e) => [e.path, e.line, e.column])).toEqual(en.map((e) => [e.path, e.line, e.column]));
  for (const e of [...en, ...zh]) {
    expect(e.file).toBe(name);
    expect(e.message.startsWith(name)).toBe(true);
    expect(e.message).not.toMatch(STACK_TRACE);
  }
  return en;
}

/** [file, path, line, column, a phrase of the message] of the one error each file has. */
const SINGLE: [string, string, number, number, string][] = [
  ['syntax-missing-comma.json', '', 11, 3, 'invalid JSON: expected \',\' or \'}\', found \'"\''],
  ['syntax-trailing-comma.json', '', 88, 3, 'invalid JSON: expected a field name in double quotes, found \'}\''],
  ['wrong-type.json', 'rounds', 10, 13, 'expected an integer from 4 to 40, found "four"'],
  ['unknown-key-typo.json', 'initialDecisions.tiers.1.serviceHour', 80, 9, 'unknown field "serviceHour"; did you mean "serviceHours"?'],
  ['missing-field.json', 'currency', 1, 1, 'required field is missing (expected a three-letter ISO 4217 currency code'],
  ['event-unknown-tier.json', 'events.0.options.0.effects.0.target.tier', 100, 103, 'expected a tier id of this scenario: "gold" or "iron", found "silver"'],
  ['shares-not-one.json', 'population.segments', 18, 17, 'expected shares that sum to 1, found a sum of 0.9'],
  ['absurd-population.json', 'population.size', 17, 13, 'expected an integer from 50 to 200,000, found 10000000'],
  ['absurd-rounds.json', 'rounds', 10, 13, 'expected an integer from 4 to 40, found 400'],
  ['negative-cash.json', 'firm.cash', 56, 13, 'expected an amount of money, 0 or more, found -5000'],
  ['newer-version.json', 'schemaVersion', 3, 20, 'this file needs a newer CRM Sandbox'],
  ['top-level-array.json', '', 1, 1, 'expected an object, found a list of 1 item'],
  ['top-level-string.json', '', 1, 1, 'expected an object, found "minimal"'],
  ['duplicate-key.json', 'difficulty', 8, 3, 'field "difficulty" appears twice'],
  ['bad-choice-default.json', 'events.0.defaultOption', 108, 24, 'expected an option id of this choice card: "grant" or "refuse", found "maybe"'],
  ['v1-bad-discount.json', 'initialDecisions.tiers.1.discount', 80, 64, 'expected a number from 0 to 0.5, found 0.8'],
  ['empty.json', '', 0, 0, 'expected an object, found an empty file'],
];

describe('bad scenario files', () => {
  it('are all covered by a test', () => {
    const tested = new Set([...SINGLE.map((s) => s[0]), 'many-errors.json']);
    expect(readdirSync(DIR).filter((f) => !tested.has(f))).toEqual([]);
  });

  it.each(SINGLE)('%s: one error at %j, line %i, column %i', (name, path, line, column, phrase) => {
    const errors = load(name);
    expect(errors.map((e) => [e.path, e.line, e.column])).toEqual([[path, line, column]]);
    expect(errors[0]?.message).toContain(phrase);
    const position = line > 0 ? `${name}:${line}:${column}` : name;
    expect(errors[0]?.message.startsWith(path === '' ? `${position}: ` : `${position} at ${path}: `)).toBe(true);
  });

  it('many-errors.json: every error, in file order', () => {
    expect(load('many-errors.json').map((e) => `${e.line}:${e.column} ${e.path}`)).toEqual([
      '7:17 difficulty',
      '71:43 rival.priceIndex',
      '82:59 initialDecisions.people.bonus',
      '86:59 initialDecisions.recovery.empowerment',
      '116:14 objectives.0.kpi',
    ]);
  });
});

describe('hostile input', () => {
  it('100,000 nested lists: a clear error, no stack overflow', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    const [e, ...rest] = errorsOf(loadScenario(text, 'deep.json'));
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ path: '', line: 1, column: 65 });
    expect(e?.message).toBe('deep.json:1:65: the file is nested too deeply (more than 64 levels of objects and lists); a scenario needs fewer than 10');
  });

  it('100,000 nested objects: the same', () => {
    const text = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    expect(errorsOf(loadScenario(text, 'deep.json')).map((e) => e.column)).toEqual([5 * 64 + 1]);
  });

  it('a 50 MB file: refused before parsing', () => {
    const text = `{"id": "${'x'.repeat(50 * 1024 * 1024)}"}`;
    const start = performance.now();
    const errors = errorsOf(loadScenario(text, 'huge.json'));
    const ms = performance.now() - start;
    console.log(`loadScenario refused a 50 MB text in ${ms.toFixed(2)} ms`);
    expect(errors.map((e) => e.message)).toEqual(['huge.json: the file is too large (50.0 MB); a scenario file may be at most 10.0 MB']);
  });

  it('a list of millions where 400 are allowed: one clear error', () => {
    const text = `{"schemaVersion": 2, "news": [${Array(2_000_000).fill('0').join(',')}]}`;
    const start = performance.now();
    const errors = errorsOf(loadScenario(text, 'long.json'));
    console.log(`loadScenario checked ${(text.length / 1e6).toFixed(1)} MB of list in ${(performance.now() - start).toFixed(0)} ms`);
    expect(errors.find((e) => e.path === 'news')?.message).toBe('long.json:1:30 at news: expected a list of at most 400 items, found a list of 2,000,000 items');
  });

  it('a hundred thousand unknown keys: the first hundred, then a count', () => {
    const text = `{"schemaVersion": 2, ${Array.from({ length: 100_000 }, (_, i) => `"k${i}": 1`).join(', ')}}`;
    const errors = errorsOf(loadScenario(text, 'keys.json'));
    expect(errors).toHaveLength(101);
    expect(errors.at(-1)?.message).toMatch(/^keys\.json: …and [\d,]+ more problems not shown/);
  });

  it('a UTF-8 byte-order mark is accepted', () => {
    expect(loadScenario(`\uFEFF${MINIMAL_TEXT}`, 'bom.json')).toMatchObject({ ok: true, warnings: [] });
  });

  it('a file of only a byte-order mark is empty', () => {
    expect(errorsOf(loadScenario('\uFEFF', 'bom.json')).map((e) => e.message)).toEqual(['bom.json: expected an object, found an empty file']);
  });

  it('Chinese messages for the empty file and the newer version', () => {
    expect(errorsOf(loadScenario('', 'a.json', 'zh-CN'))[0]?.message).toBe('a.json：应为对象，实际为空文件');
    expect(errorsOf(loadScenario(readRepoFile(`${DIR}newer-version.json`), 'b.json', 'zh-CN'))[0]?.message).toBe(
      'b.json 第3行第20列，schemaVersion：此文件需要更新版本的客户关系经营沙盘：其 schemaVersion 为 7，当前版本最高只能读取 2',
    );
  });
});
