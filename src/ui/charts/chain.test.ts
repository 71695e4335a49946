import { describe, expect, it } from 'vitest';
import { biggestChange, CHAIN_ORDER, chainLayout, chainSummary, changeText, linkLabel, relativeChange, type ChainKey, type ChainLinkView } from './chain';
import { chartsT } from './testUtil';

const pct = (v: number): string => `${Math.round(v * 100)}%`;

/** Every link flat at 1, then `over` applied. */
function links(over: Partial<Record<ChainKey, Partial<ChainLinkView>>> = {}): Record<ChainKey, ChainLinkView> {
  return Object.fromEntries(CHAIN_ORDER.map((k) => [k, { value: 1, previous: 1, format: pct, ...over[k] }])) as Record<ChainKey, ChainLinkView>;
}

describe('CHAIN_ORDER', () => {
  it('runs from internal service quality to profitability, in Heskett order', () => {
    expect(CHAIN_ORDER).toEqual([
      'internalServiceQuality',
      'employeeSatisfaction',
      'employeeRetention',
      'productivity',
      'serviceValue',
      'customerSatisfaction',
      'customerLoyalty',
      'revenue',
      'profit',
    ]);
  });
});

describe('relativeChange', () => {
  it('is the change relative to last quarter, sign ignored, also for negative profit', () => {
    expect(relativeChange(110, 100)).toBeCloseTo(0.1, 12);
    expect(relativeChange(90, 100)).toBeCloseTo(0.1, 12);
    expect(relativeChange(-50, -100)).toBeCloseTo(0.5, 12);
  });
  it('is null when a value is missing (not measured, or no previous quarter)', () => {
    expect(relativeChange(null, 1)).toBeNull();
    expect(relativeChange(1, null)).toBeNull();
    expect(relativeChange(1, undefined)).toBeNull();
  });
  it('is infinite from zero to something, zero from zero to zero', () => {
    expect(relativeChange(5, 0)).toBe(Infinity);
    expect(relativeChange(0, 0)).toBe(0);
  });
});

describe('biggestChange', () => {
  it('picks the link with the largest relative change, not the largest absolute one', () => {
    const l = links({
      revenue: { value: 1_050_000, previous: 1_000_000 }, // +5%, +50,000
      employeeSatisfaction: { value: 0.6, previous: 0.5 }, // +20%, +0.1
    });
    expect(biggestChange(l)).toBe('employeeSatisfaction');
  });
  it('ignores links that are not measured', () => {
    const l = links({ customerSatisfaction: { value: null, previous: 0.1 }, profit: { value: 1.01, previous: 1 } });
    expect(biggestChange(l)).toBe('profit');
  });
  it('on a tie, picks the link earlier in the chain (where the change entered)', () => {
    const l = links({ productivity: { value: 1.2 }, customerLoyalty: { value: 0.8 } });
    expect(biggestChange(l)).toBe('productivity');
  });
  it('is null when nothing changed, or in the first quarter', () => {
    expect(biggestChange(links())).toBeNull();
    expect(biggestChange(links(Object.fromEntries(CHAIN_ORDER.map((k) => [k, { previous: null }]))))).toBeNull();
  });
});

describe('words', () => {
  it('reads a box: term, value, change with arrow and sign, and the badge', () => {
    const t = chartsT('en');
    const view: ChainLinkView = { value: 0.71, previous: 0.66, format: pct, deltaMode: { kind: 'shareOfOne' } };
    expect(linkLabel(t, 'employeeSatisfaction', view, 'en', true)).toBe('employee satisfaction: 71%; ▲ +5 pp since last quarter; Biggest change');
    expect(linkLabel(chartsT('zh-CN'), 'employeeSatisfaction', view, 'zh-CN', false)).toBe('员工满意度：71%；较上季度 ▲ +5 个百分点');
  });
  it('says "not measured" and no change for a hidden value', () => {
    const t = chartsT('en');
    const view: ChainLinkView = { value: null, previous: null, format: pct, note: 'buy a survey' };
    expect(linkLabel(t, 'customerSatisfaction', view, 'en', false)).toBe('customer satisfaction: Not measured; buy a survey');
  });
  it('tells a fall, no change, and no previous quarter apart', () => {
    const t = chartsT('en');
    expect(changeText(t, { value: 90, previous: 100, format: String }, 'en')).toBe('▼ −10% since last quarter');
    expect(changeText(t, { value: 1, previous: 1, format: String }, 'en')).toBe('no change since last quarter');
    expect(changeText(t, { value: 1, format: String }, 'en')).toBe('no previous quarter');
  });
  it('summarises where the biggest change is', () => {
    const t = chartsT('en');
    expect(chainSummary(t, links({ profit: { value: 2 } }), 'en')).toContain('Biggest change: profitability, ▲ +100% since last quarter');
    expect(chainSummary(t, links(), 'en')).toContain('No link changed');
    expect(chainSummary(t, links(Object.fromEntries(CHAIN_ORDER.map((k) => [k, { previous: null }]))), 'en')).toContain('No previous quarter');
  });
});

describe('chainLayout', () => {
  it('lays out all nine boxes left to right from 1000 px', () => {
    expect(chainLayout(1000).cols).toBe(9);
    expect(chainLayout(1600).cols).toBe(9);
  });
  it('wraps onto two rows below 1000 px, and more, balanced, rows on a phone', () => {
    expect(chainLayout(999).cols).toBe(5);
    expect(chainLayout(718).cols).toBe(5);
    expect(chainLayout(600).cols).toBe(3); // 3 x 3, not 4 + 4 + 1
    expect(chainLayout(320).cols).toBe(2);
  });
  it('fills the width exactly', () => {
    for (const w of [320, 600, 999, 1000, 1400]) {
      const l = chainLayout(w);
      expect(l.cols * l.boxWidth + (l.cols - 1) * l.gap).toBeCloseTo(w, 9);
    }
  });
});
