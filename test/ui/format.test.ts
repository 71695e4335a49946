// Numbers read naturally in each language, and changes carry an arrow and a sign (not colour).
import { describe, expect, it } from 'vitest';
import { fmtDelta, fmtMoney, fmtNumber, fmtPercent } from '../../src/ui/format';

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
});
