import { describe, expect, it } from 'vitest';
import { customerShareText, hasRevenue, paretoAt, paretoLabel, paretoRows, paretoSummary } from './pareto';
import { chartsT } from './testUtil';

const curve = Array.from({ length: 101 }, (_, k) => Math.min(1, Math.sqrt(k / 100) * 1.05));

describe('paretoAt', () => {
  it('reads the curve at a share of customers, interpolating between points', () => {
    expect(paretoAt(curve, 0)).toBe(0);
    expect(paretoAt(curve, 0.25)).toBeCloseTo(curve[25]!, 12);
    expect(paretoAt(curve, 0.255)).toBeCloseTo((curve[25]! + curve[26]!) / 2, 12);
    expect(paretoAt(curve, 1)).toBe(1);
    expect(paretoAt([], 0.5)).toBe(0);
  });
});

describe('the 80% label', () => {
  it('says which share of customers makes 80% of revenue, in English', () => {
    expect(paretoLabel(chartsT('en'), 'en', 0.2)).toBe('20% of customers make 80% of revenue');
    expect(paretoLabel(chartsT('en'), 'en', 0.2345)).toBe('23% of customers make 80% of revenue');
  });
  it('uses the 二八法则 wording in Chinese', () => {
    expect(paretoLabel(chartsT('zh-CN'), 'zh-CN', 0.2)).toBe('20%的客户贡献了80%的收入');
  });
  it('keeps a decimal for small shares (2.5%, not 3%)', () => {
    expect(customerShareText(0.025, 'en')).toBe('2.5%');
    expect(customerShareText(0.38, 'en')).toBe('38%');
  });
});

describe('paretoSummary', () => {
  it('names the 80% point and what the top 10% and top half hold', () => {
    const s = paretoSummary(chartsT('en'), 'en', curve, 0.58);
    expect(s).toContain('58% of customers make 80% of revenue');
    expect(s).toContain(`top 10% of customers make ${Math.round(curve[10]! * 100)}%`);
  });
  it('says so when there is no revenue', () => {
    const zero = new Array<number>(101).fill(0);
    expect(hasRevenue(zero)).toBe(false);
    expect(paretoSummary(chartsT('en'), 'en', zero, 1)).toContain('No revenue yet');
    expect(paretoSummary(chartsT('zh-CN'), 'zh-CN', zero, 1)).toContain('尚无收入');
  });
});

describe('paretoRows', () => {
  it('gives every 10% of customers plus the 80% point, in order', () => {
    const rows = paretoRows(curve, 0.58);
    expect(rows.map((r) => r.share)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.58, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(rows.find((r) => r.share === 0.58)?.revenue).toBe(0.8);
  });
  it('does not repeat a 10% step', () => {
    expect(paretoRows(curve, 0.6)).toHaveLength(11);
  });
});
