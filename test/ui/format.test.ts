// Numbers read naturally in each language, and changes carry an arrow and a sign (not colour).
import { describe, expect, it } from 'vitest';
import { currencySymbol, fmtDelta, fmtMoney, fmtNumber, fmtPercent } from '../../src/ui/format';
import { intlOptions, wholeNumbers } from './wholeNumbers';

describe('formatting', () => {
  it('uses 万 and 亿 for large numbers in Chinese', () => {
    expect(fmtNumber(52_000, 'zh-CN')).toBe('5.2万');
    expect(fmtNumber(310_000_000, 'zh-CN')).toBe('3.1亿');
    expect(fmtNumber(52_000, 'en')).toBe('52K');
    expect(fmtNumber(52_000, 'en', { full: true })).toBe('52,000');
  });
  it('shows money in the scenario\'s currency', () => {
    expect(fmtMoney(1234, 'CNY', 'zh-CN')).toBe('¥1,234');
    expect(fmtMoney(1234, 'CNY', 'en')).toBe('¥1,234');
    expect(fmtMoney(1234, 'USD', 'en')).toBe('$1,234');
    expect(fmtMoney(12, 'XXQ', 'en')).toContain('XXQ');
    expect(fmtMoney(40_000, 'CNY', 'en')).toBe('¥40K');
    expect(fmtMoney(1_200_000, 'CNY', 'zh-CN')).toBe('¥120万');
  });
  it('marks up and down with arrows and signs', () => {
    expect(fmtDelta(110, 100, { kind: 'relative' }, 'en')).toEqual({ dir: 'up', arrow: '▲', text: '+10%' });
    expect(fmtDelta(0.8, 0.85, { kind: 'shareOfOne' }, 'en')).toEqual({ dir: 'down', arrow: '▼', text: '−5 pp' });
    expect(fmtDelta(5, 5, { kind: 'points' }, 'zh-CN').dir).toBe('flat');
    expect(fmtDelta(100.01, 100, { kind: 'relative' }, 'en')).toEqual({ dir: 'flat', arrow: '＝', text: '±0' });
    expect(fmtDelta(5, undefined, { kind: 'points' }, 'en').text).toBe('');
    expect(fmtPercent(0.256, 'en')).toBe('25.6%');
  });
  it('a change that rounds to nothing at the digits shown reads as unchanged, without an arrow', () => {
    expect(fmtDelta(0.9502, 0.95, { kind: 'shareOfOne' }, 'en')).toEqual({ dir: 'flat', arrow: '＝', text: '±0' });
    expect(fmtDelta(0.9502, 0.95, { kind: 'shareOfOne' }, 'zh-CN').text).toBe('±0');
    expect(fmtDelta(10.04, 10, { kind: 'points' }, 'en')).toEqual({ dir: 'flat', arrow: '＝', text: '±0' });
    expect(fmtDelta(100.3, 100, { kind: 'money', currency: 'CNY' }, 'en').dir).toBe('flat');
    // Just above: a change.
    expect(fmtDelta(0.9506, 0.95, { kind: 'shareOfOne' }, 'en')).toEqual({ dir: 'up', arrow: '▲', text: '+0.1 pp' });
    expect(fmtDelta(10.06, 10, { kind: 'points' }, 'en').text).toBe('+0.1');
  });
  it('money is whole, and nothing that rounds to zero carries a minus', () => {
    expect(fmtMoney(15.52, 'CNY', 'en')).toBe('¥16');
    expect(fmtMoney(-0.4, 'CNY', 'en')).toBe('¥0');
    expect(fmtMoney(-0.4, 'CNY', 'zh-CN')).toBe('¥0');
    expect(fmtNumber(-0.2, 'en', { digits: 0 })).toBe('0');
    expect(fmtPercent(-0.00001, 'zh-CN')).toBe('0%');
    expect(fmtMoney(-1234, 'CNY', 'en')).toBe('-¥1,234');
  });
  it('the currency\'s symbol for units, in both languages', () => {
    expect(currencySymbol('CNY', 'en')).toBe('¥');
    expect(currencySymbol('CNY', 'zh-CN')).toBe('¥');
    expect(currencySymbol('USD', 'en')).toBe('$');
    expect(currencySymbol('XXQ', 'zh-CN')).toBe('XXQ');
  });
});

// fmtNumber writes whole numbers itself (the page's first Intl formatter starts the browser's
// ICU, which the home screen would wait for): it must write exactly what Intl writes.
describe('whole numbers without Intl', () => {
  const intl = (lang: 'en' | 'zh-CN', compact: boolean) => new Intl.NumberFormat(lang, intlOptions(compact));
  const values = wholeNumbers(4000);
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`${lang}: the same text as Intl, full and compact, for ${values.length} whole numbers`, () => {
      const full = intl(lang, false);
      const compact = intl(lang, true);
      for (const x of values) {
        expect(fmtNumber(x, lang, { full: true }), `${x} full`).toBe(full.format(x));
        expect(fmtNumber(x, lang), `${x}`).toBe(Math.abs(x) >= 10_000 ? compact.format(x) : full.format(x));
      }
    });
  }
  it('fractions and magnitudes from 10^14 up still go through Intl', () => {
    expect(fmtNumber(2.345, 'en')).toBe('2.35');
    expect(fmtNumber(12_345.6, 'en', { full: true })).toBe('12,346');
    expect(fmtNumber(5e14, 'zh-CN')).toBe('500万亿');
    expect(fmtNumber(1e15, 'en')).toBe('1000T');
  });
});
