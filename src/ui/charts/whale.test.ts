import { createElement as h } from 'react';
import { describe, expect, it } from 'vitest';
import { fmtMoney } from '../format';
import { attrs, chartsT, render, textOf } from './testUtil';
import {
  boxesNear,
  clearsLine,
  firstClear,
  hasProfitData,
  overlaps,
  peakLabel,
  pointText,
  tailLabel,
  tailPath,
  whaleAt,
  whaleLine,
  whaleRows,
  whaleSummary,
  whaleTicks,
  whaleUnit,
} from './whale';
import { sampleWhaleCurve } from './sampleWhale';
import { WhaleChart } from './WhaleChart';

const curveOf = sampleWhaleCurve;

// 1,000 customers: 340 profitable (the best first), 660 losing a little each.
const typical = curveOf(Array.from({ length: 1000 }, (_, i) => (i < 340 ? 30_000 * (1 - i / 340) + 100 : -1_500)));
const loss = curveOf([5_000, 2_000, -4_000, -6_000]);
const allGood = curveOf([300, 200, 100, 50]);
const money = (v: number, lang: 'en' | 'zh-CN' = 'en'): string => fmtMoney(v, 'CNY', lang);

describe('the unit of the value axis', () => {
  it('is shares of total profit when it is positive, money otherwise', () => {
    expect(whaleUnit(typical)).toBe('share');
    expect(whaleUnit(loss)).toBe('money');
    expect(whaleUnit(curveOf([10, -10]))).toBe('money');
  });
  it('knows when there is nothing to draw', () => {
    expect(hasProfitData(curveOf([]))).toBe(false);
    expect(hasProfitData(curveOf([0, 0]))).toBe(false);
    expect(hasProfitData(loss)).toBe(true);
  });
});

describe('whaleLine and whaleTicks', () => {
  it('runs from 0 to 100% with the peak as a vertex of its own', () => {
    const line = whaleLine(curveOf([5, 4, 3, -1, -2, -1, -3]));
    expect(line).toHaveLength(102);
    expect(line[0]).toEqual({ share: 0, value: 0 });
    expect(line[line.length - 1]!.value).toBeCloseTo(1, 12);
    const top = line.reduce((a, b) => (b.value > a.value ? b : a));
    expect(top.share).toBeCloseTo(3 / 7, 12);
    expect(top.value).toBeCloseTo(12 / 5, 12);
    for (let k = 1; k < line.length; k++) expect(line[k]!.share).toBeGreaterThan(line[k - 1]!.share);
  });
  it('adds no vertex when the peak falls on a point', () => {
    expect(whaleLine(typical)).toHaveLength(101);
  });
  it('reaches above the peak, and at least to 100% in shares; below zero in money', () => {
    const s = whaleTicks(typical, 5);
    expect(s.min).toBe(0);
    expect(s.max).toBeGreaterThanOrEqual(typical.peak.profit / typical.totalProfit);
    expect(whaleTicks(allGood, 5).max).toBeGreaterThanOrEqual(1);
    const m = whaleTicks(loss, 5);
    expect(m.min).toBeLessThanOrEqual(-3_000);
    expect(m.max).toBeGreaterThanOrEqual(7_000);
  });
  it('reads the curve between points', () => {
    expect(whaleAt(typical, 0.34)).toBeCloseTo(typical.peak.profit, 6);
    expect(whaleAt(typical, 1)).toBe(typical.totalProfit);
  });
});

describe('the labels', () => {
  it('say what the most profitable customers make and what the unprofitable ones lose', () => {
    const en = chartsT('en');
    const share = Math.round((typical.peak.profit / typical.totalProfit) * 100);
    expect(peakLabel(en, 'en', typical, 'CNY')).toBe(`The most profitable 34% of customers make ${share}% of the profit`);
    expect(tailLabel(en, 'en', typical, 'CNY')).toBe(`660 customers lose ${money(990_000)}`);
    expect(tailLabel(en, 'en', curveOf([5, -1]), 'CNY')).toBe(`1 customer loses ${money(1)}`);
    expect(tailLabel(en, 'en', curveOf(Array.from({ length: 1234 }, () => -10).concat([1e6])), 'CNY')).toContain('1,234 customers lose');
  });
  it('are in Chinese in Chinese', () => {
    const zh = chartsT('zh-CN');
    expect(peakLabel(zh, 'zh-CN', typical, 'CNY')).toMatch(/^利润最高的34%客户贡献了\d+%的利润$/);
    expect(tailLabel(zh, 'zh-CN', typical, 'CNY')).toBe(`660位客户亏损${money(990_000, 'zh-CN')}`);
  });
  it('speak in money when total profit is not above zero', () => {
    const en = chartsT('en');
    expect(peakLabel(en, 'en', loss, 'CNY')).toBe(`The most profitable 50% of customers make ${money(7_000)}`);
    expect(whaleSummary(en, 'en', loss, 'CNY')).toContain('so the curve is in money');
  });
  it('cover a base with no loss and one with no profit', () => {
    const en = chartsT('en');
    expect(peakLabel(en, 'en', allGood, 'CNY')).toBe('Every customer is profitable');
    expect(tailLabel(en, 'en', allGood, 'CNY')).toBe('No customer loses money');
    expect(peakLabel(en, 'en', curveOf([-1, -2]), 'CNY')).toBe('No customer is profitable');
  });
  it('summarise peak, tail, the top 20% and the total', () => {
    const s = whaleSummary(chartsT('en'), 'en', typical, 'CNY');
    expect(s).toMatch(/^Whale curve of customer profitability: The most profitable 34% of customers make/);
    expect(s).toContain(`The top 20% of customers make ${Math.round(typical.topShare20! * 100)}% of the profit`);
    expect(s).toContain('from 1,000 customers');
    expect(whaleSummary(chartsT('zh-CN'), 'zh-CN', curveOf([]), 'CNY')).toContain('尚无客户利润数据');
  });
  it('read a point for the tooltip and screen readers', () => {
    const p = pointText(chartsT('en'), 'en', curveOf([6, 4, -5]), 'CNY', 50);
    expect(p.head).toBe('Most profitable 50% of customers');
    expect(p.value).toBe(`160% of profit (${money(8)})`);
  });
});

describe('whaleRows', () => {
  it('gives every 10% of customers plus the peak, in order', () => {
    const rows = whaleRows(curveOf([5, 4, 3, -1, -2, -1, -3]));
    expect(rows).toHaveLength(12);
    expect(rows.filter((r) => r.peak)).toEqual([{ share: 3 / 7, profit: 12, peak: true }]);
    expect(rows.map((r) => r.share)).toEqual([...rows.map((r) => r.share)].sort((a, b) => a - b));
  });
  it('marks a 10% step as the peak rather than repeating it', () => {
    const rows = whaleRows(curveOf([5, 4, 3, 2, -1, -2, -1, -3, -1, -1]));
    expect(rows).toHaveLength(11);
    expect(rows.find((r) => r.peak)?.share).toBe(0.4);
  });
});

describe('label placement', () => {
  const line = [
    { x: 0, y: 100 },
    { x: 50, y: 0 },
    { x: 100, y: 50 },
  ];
  it('tells whether a box stays off the line', () => {
    expect(clearsLine({ x: 10, y: 110, w: 30, h: 10 }, line)).toBe(true); // below
    expect(clearsLine({ x: 60, y: 60, w: 30, h: 20 }, line)).toBe(true); // under the falling part
    expect(clearsLine({ x: 40, y: 5, w: 20, h: 10 }, line)).toBe(false); // across the peak
    expect(clearsLine({ x: 200, y: 0, w: 10, h: 10 }, line)).toBe(true); // beside it
  });
  it('tries boxes nearest the target first, and takes the first clear one', () => {
    const area = { x: 0, y: 0, w: 100, h: 120 };
    const near = boxesNear(20, 10, { x: 50, y: 0 }, area, 10);
    expect(near[0]!.y).toBe(0);
    expect(near.every((b) => b.x >= 0 && b.x + b.w <= 100 && b.y + b.h <= 120)).toBe(true);
    const marker = { x: 42, y: -8, w: 16, h: 16 };
    const box = firstClear(near, line, [marker], 2)!;
    expect(clearsLine(box, line, 2)).toBe(true);
    expect(overlaps(box, marker, 2)).toBe(false);
  });
  it('shades the tail between the peak level and the falling line', () => {
    expect(tailPath(line, { x: 50, y: 0 })).toBe('M50.0,0.0L50.0,0.0L100.0,50.0L100.0,0.0Z');
    expect(tailPath(line, { x: 100, y: 50 })).toBe('');
  });
});

describe('WhaleChart', () => {
  it('marks the peak and the tail, in both languages, with a table every 10%', () => {
    const en = render(h(WhaleChart, { curve: typical, lang: 'en', currency: 'CNY', width: 560 }));
    const label = attrs(en, 'aria-label')[0]!;
    expect(label).toMatch(/^Whale curve of customer profitability: The most profitable 34% of customers make \d+% of the profit\. 660 customers lose/);
    const text = textOf(en);
    expect(text).toContain('The most profitable 34% of customers make');
    expect(text).toContain('660 customers lose');
    expect(text).toContain(`100% = customers’ profit, ${money(typical.totalProfit)}`);
    expect(text).toContain('Cumulative share of profit ↑');
    expect(text).toContain('Share of customers, most profitable first →');
    expect(en).toContain('<summary>Data table</summary>');
    expect(en.match(/<tr>/g)).toHaveLength(13); // head, every 10% and the peak at 34%
    expect(text).toContain('34% (peak)');
    expect(en).toContain('tabindex="0"');
    expect(en).toMatch(/<pattern id="crm-whale-hatch-[A-Za-z0-9_-]+"/);
    const zh = textOf(render(h(WhaleChart, { curve: typical, lang: 'zh-CN', currency: 'CNY', width: 560 })));
    expect(zh).toContain('利润最高的34%客户贡献了');
    expect(zh).toContain('660位客户亏损');
    expect(zh).toContain('客户占比（按利润从高到低）');
  });
  it('draws money, with a zero line, when total profit is not above zero', () => {
    const html = render(h(WhaleChart, { curve: loss, lang: 'en', currency: 'CNY', width: 480 }));
    const text = textOf(html);
    expect(text).toContain('Cumulative profit ↑');
    expect(text).toContain(`Customers’ profit: ${money(-3_000)}`);
    expect(text).toContain('so shares of it would mean nothing');
    expect(html).toContain('crm-zero-line');
    expect(text).not.toContain('Cumulative share of profit');
  });
  it('says so when there is no customer profit, and is not focusable then', () => {
    const html = render(h(WhaleChart, { curve: curveOf([]), lang: 'en', currency: 'CNY', width: 480 }));
    expect(textOf(html)).toContain('No customer profit yet');
    expect(html).not.toContain('tabindex');
  });
  it('keeps its labels off the curve and apart, at any width', () => {
    for (const width of [320, 480, 720]) {
      for (const curve of [typical, loss, allGood]) {
        const html = render(h(WhaleChart, { curve, lang: 'en', currency: 'CNY', width }));
        const rects = [...html.matchAll(/<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)" rx="3"/g)].map((m) => ({ x: +m[1]!, y: +m[2]!, w: +m[3]!, h: +m[4]! }));
        // Peak and tail always; total profit's label where it fits.
        expect(rects.length).toBeGreaterThanOrEqual(width >= 480 ? 3 : 2);
        for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!), `width ${width}`).toBe(false);
        for (const r of rects) expect(r.x + r.w).toBeLessThanOrEqual(width);
      }
    }
  });
});
