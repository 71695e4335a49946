import { describe, expect, it } from 'vitest';
import type { Lang } from '../sim/text';
import { expectedText, foundText, formatNumber, renderDetail, sentence, valueText } from './messages';
import type { Detail, Expectation, Found } from './problem';

// One sample of every kind: adding a kind without a sample fails to compile.
const EXPECTATIONS: { [K in Expectation['kind']]: Extract<Expectation, { kind: K }> } = {
  number: { kind: 'number', min: 0, max: 500, int: false },
  money: { kind: 'money', max: 1e12 },
  text: { kind: 'text', maxLength: 200 },
  id: { kind: 'id' },
  currency: { kind: 'currency' },
  boolean: { kind: 'boolean' },
  oneOf: { kind: 'oneOf', values: ['loan', 'gameOver'] },
  object: { kind: 'object' },
  localText: { kind: 'localText' },
  list: { kind: 'list', min: 1, max: 5 },
  target: { kind: 'target' },
  token: { kind: 'token', tokens: [',', '}'] },
  jsonValue: { kind: 'jsonValue' },
  fieldName: { kind: 'fieldName' },
  digit: { kind: 'digit' },
  escape: { kind: 'escape' },
  closeString: { kind: 'closeString' },
  endOfText: { kind: 'endOfText' },
  unique: { kind: 'unique', firstPath: 'tiers.0.id' },
  ref: { kind: 'ref', what: 'tier', ids: ['gold', 'iron'] },
  round: { kind: 'round', rounds: 8 },
  sumTo1: { kind: 'sumTo1' },
  count: { kind: 'count', n: 3, per: 'tier' },
  atMostTiers: { kind: 'atMostTiers', n: 3 },
  firstRound: { kind: 'firstRound' },
  above: { kind: 'above', value: 3, of: 'scoring.phases.0.fromRound' },
  notAbove: { kind: 'notAbove', value: 3, of: 'x.0' },
  notBelow: { kind: 'notBelow', value: 2, of: 'market.firms.min' },
  firmsOfShares: { kind: 'firmsOfShares', n: 4 },
  firmRange: { kind: 'firmRange', min: 2, max: 4 },
  someWeight: { kind: 'someWeight' },
  numberPath: { kind: 'numberPath' },
  decisionLimit: { kind: 'decisionLimit', bound: 'hiring', limit: 50 },
  choicePair: { kind: 'choicePair', has: 'options' },
  choiceEvent: { kind: 'choiceEvent' },
  customerRounds: { kind: 'customerRounds', max: 8_000_000 },
  lockedSpend: { kind: 'lockedSpend', spend: 132_000 },
  schemaVersion: { kind: 'schemaVersion', max: 2 },
};

const FOUNDS: { [K in Found['kind']]: Extract<Found, { kind: K }> } = {
  value: { kind: 'value', value: -3 },
  missing: { kind: 'missing' },
  sum: { kind: 'sum', sum: 0.1 + 0.2 },
  count: { kind: 'count', n: 1 },
  text: { kind: 'text', text: '}' },
  end: { kind: 'end' },
  lineBreak: { kind: 'lineBreak' },
  product: { kind: 'product', size: 200_000, rounds: 41 },
};

const DETAILS: { [K in Detail['kind']]: Extract<Detail, { kind: K }> } = {
  mismatch: { kind: 'mismatch', expected: EXPECTATIONS.number, found: FOUNDS.value },
  missing: { kind: 'missing', expected: EXPECTATIONS.id },
  unknownKey: { kind: 'unknownKey', key: 'serviceHour', suggestion: 'serviceHours', known: ['serviceHours'] },
  duplicateKey: { kind: 'duplicateKey', key: 'rounds' },
  syntax: { kind: 'syntax', expected: EXPECTATIONS.token, found: FOUNDS.text },
  tooLarge: { kind: 'tooLarge', chars: 50 * 1024 * 1024, max: 10 * 1024 * 1024 },
  tooDeep: { kind: 'tooDeep', max: 64 },
  empty: { kind: 'empty' },
  notText: { kind: 'notText' },
  newerVersion: { kind: 'newerVersion', version: 3, max: 2 },
  tooMany: { kind: 'tooMany', more: 12 },
  internal: { kind: 'internal' },
  migrated: { kind: 'migrated', from: 1, to: 2 },
  missingTranslation: { kind: 'missingTranslation', lang: 'zh-CN' },
};

const LANGS: Lang[] = ['en', 'zh-CN'];
const BROKEN = /undefined|NaN|\[object|null null/;

describe('messages', () => {
  it.each(LANGS)('render every expectation, finding and detail in %s', (lang) => {
    for (const e of Object.values(EXPECTATIONS)) expect(expectedText(e, lang)).not.toMatch(BROKEN);
    for (const f of Object.values(FOUNDS)) expect(foundText(f, lang)).not.toMatch(BROKEN);
    for (const d of Object.values(DETAILS)) {
      const r = renderDetail(d, lang);
      expect(r.body.length).toBeGreaterThan(5);
      expect(r.body).not.toMatch(BROKEN);
    }
  });

  it('write Chinese sentences without English template words', () => {
    const english = /\b(expected|found|field|missing|a number|an? (?:list|object|text)|the end)\b/;
    for (const d of Object.values(DETAILS)) expect(renderDetail(d, 'zh-CN').body).not.toMatch(english);
  });

  it('say the whole range, and hide binary rounding of sums', () => {
    expect(expectedText({ kind: 'number', min: 50, max: 200_000, int: true }, 'en')).toBe('an integer from 50 to 200,000');
    expect(expectedText({ kind: 'number', min: 0, max: 1e9, int: false, exclusiveMin: true }, 'en')).toBe('a number above 0 and ≤ 1,000,000,000');
    expect(expectedText({ kind: 'number', min: 0, max: 1e9, int: false, exclusiveMin: true }, 'zh-CN')).toBe('大于 0 且不大于 1,000,000,000 的数字');
    expect(foundText(FOUNDS.sum, 'en')).toBe('a sum of 0.3');
  });

  it('describe found values briefly', () => {
    expect([-3, 'abc', true, null, [], [1], [1, 2], {}, { tier: 'x' }, { a: 1, b: 2, c: 3, d: 4, e: 5 }].map((v) => valueText(v, 'en'))).toEqual([
      '-3', '"abc"', 'true', 'null', 'an empty list', 'a list of 1 item', 'a list of 2 items', 'an empty object', 'an object with "tier"', 'an object',
    ]);
    expect(valueText('x'.repeat(100), 'en')).toHaveLength(42);
  });

  it('put the file, position and path in front', () => {
    expect(sentence('a.json', 12, 7, 'tiers.2.serviceHours', 'body', 'en')).toBe('a.json:12:7 at tiers.2.serviceHours: body');
    expect(sentence('a.json', 0, 0, 'rounds', 'body', 'en')).toBe('a.json at rounds: body');
    expect(sentence('a.json', 3, 1, '', 'body', 'en')).toBe('a.json:3:1: body');
    expect(sentence('a.json', 12, 7, 'tiers.2.serviceHours', '正文', 'zh-CN')).toBe('a.json 第12行第7列，tiers.2.serviceHours：正文');
    expect(sentence('a.json', 0, 0, '', '正文', 'zh-CN')).toBe('a.json：正文');
    expect(formatNumber(1234567, 'zh-CN')).toBe('1,234,567');
  });
});
