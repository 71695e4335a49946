import { describe, expect, it } from 'vitest';
import { estimateWidth, fitFontSize, textWidth, truncate, wrapText } from './text';

describe('textWidth (no DOM: the estimate)', () => {
  it('grows with length and font size; CJK characters are a full em; bold is wider', () => {
    expect(textWidth('abc', 12)).toBeLessThan(textWidth('abcd', 12));
    expect(textWidth('abc', 16)).toBeGreaterThan(textWidth('abc', 12));
    expect(estimateWidth('内部服务质量', 14)).toBe(6 * 14);
    expect(textWidth('satisfaction', 14, true)).toBeGreaterThan(textWidth('satisfaction', 14));
  });
});

describe('wrapText', () => {
  it('breaks English at spaces into lines that fit', () => {
    const lines = wrapText('internal service quality', 80, 14, true);
    expect(lines.join(' ')).toBe('internal service quality');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) if (l.includes(' ')) expect(textWidth(l, 14, true)).toBeLessThanOrEqual(80);
  });
  it('breaks Chinese between characters, without adding spaces', () => {
    const lines = wrapText('购买满意度调查后可见', 50, 12);
    expect(lines.join('')).toBe('购买满意度调查后可见');
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(50);
  });
  it('keeps closing punctuation with the character before it', () => {
    const lines = wrapText('服务利润链，从内部服务质量', 5 * 12, 12);
    for (const l of lines) expect(l.startsWith('，')).toBe(false);
  });
  it('can break at spaces only (a change such as "▲ +5 个百分点" stays whole per part)', () => {
    expect(wrapText('▲ +5 个百分点', 40, 13, false, true)).toEqual(['▲ +5', '个百分点']);
  });
  it('returns one line when it fits, none for empty text', () => {
    expect(wrapText('profit', 200, 12)).toEqual(['profit']);
    expect(wrapText('', 200, 12)).toEqual([]);
  });
});

describe('truncate', () => {
  it('shortens with an ellipsis to fit, and leaves short text alone', () => {
    const s = truncate('Customer satisfaction (survey)', 100, 13);
    expect(s.endsWith('…')).toBe(true);
    expect(textWidth(s, 13)).toBeLessThanOrEqual(100);
    expect(truncate('Profit', 100, 13)).toBe('Profit');
  });
});

describe('fitFontSize', () => {
  it('takes the largest size at which every word fits, else the smallest', () => {
    expect(fitFontSize(['employee productivity'], 200, [14, 13, 12], true)).toBe(14);
    const w = textWidth('productivity', 12, true) + 1;
    expect(fitFontSize(['employee productivity'], w, [14, 13, 12], true)).toBe(12);
    expect(fitFontSize(['employee productivity'], 10, [14, 13, 12], true)).toBe(12);
  });
});
