import { createElement as h } from 'react';
import { describe, expect, it } from 'vitest';
import { fmtMoney, fmtPercent } from '../format';
import { LineChart, lineSummary, quarterText, type LineChartProps } from './LineChart';
import { seriesStyle } from './series';
import { attrs, chartsT, render, textOf } from './testUtil';

const money = (v: number): string => fmtMoney(v, 'CNY', 'en');
const base: LineChartProps = {
  title: 'Revenue and profit',
  lang: 'en',
  width: 640,
  format: money,
  series: [
    { id: 'rev', name: 'Revenue', values: [1_200_000, 1_150_000, 1_300_000] },
    { id: 'profit', name: 'Profit', values: [40_000, -80_000, 20_000] },
  ],
};

describe('LineChart', () => {
  it('is an image with a summary of every series and a data table', () => {
    const html = render(h(LineChart, base));
    const label = attrs(html, 'aria-label')[0]!;
    expect(html).toContain('role="img"');
    expect(label).toBe(`Revenue and profit, quarters 0 to 2. Revenue: from ${money(1_200_000)} to ${money(1_300_000)}; Profit: from ${money(40_000)} to ${money(20_000)}`);
    expect(html).toContain('<details class="crm-chart-data"><summary>Data table</summary>');
    expect(textOf(html)).toContain(`Quarter Revenue Profit 0 ${money(1_200_000)} ${money(40_000)} 1 ${money(1_150_000)} ${money(-80_000)}`);
  });

  it('is focusable and explains its arrow keys', () => {
    const html = render(h(LineChart, base));
    expect(html).toMatch(/<svg[^>]*tabindex="0"/);
    expect(textOf(html)).toContain('Left and right arrow keys read the values of each quarter.');
    expect(html).toContain('aria-live="polite"');
  });

  it('draws a zero line when values go negative', () => {
    expect(render(h(LineChart, base))).toContain('crm-zero-line');
    const positive = render(h(LineChart, { ...base, series: [base.series[0]!] }));
    expect(positive).not.toContain('crm-zero-line');
  });

  it('tells series apart by dash pattern and marker shape, not colour alone', () => {
    const html = render(h(LineChart, base));
    expect(html).toContain(`stroke-dasharray="${seriesStyle(1).dash}"`);
    expect(seriesStyle(0).marker).not.toBe(seriesStyle(1).marker);
    // Each line is labelled at its end.
    expect(textOf(html)).toMatch(/Revenue.*Profit/);
  });

  it('draws a single point as a marker, and all-equal values as a flat line mid-axis', () => {
    const one = render(h(LineChart, { ...base, series: [{ id: 'a', name: 'A', values: [5] }] }));
    expect(attrs(one, 'aria-label')[0]).toBe('Revenue and profit, quarter 0. A: ¥5');
    expect(one).toMatch(/<path d="M[\d.]+,[\d.]+a/); // the circle marker
    const flat = render(h(LineChart, { ...base, series: [{ id: 'a', name: 'A', values: [40, 40, 40] }] }));
    expect(flat).toContain('<path d="M');
  });

  it('leaves gaps, and says "—" in the table where a value is missing', () => {
    const html = render(h(LineChart, { ...base, format: (v) => fmtPercent(v, 'en'), series: [{ id: 's', name: 'Survey', values: [null, 0.7, null, 0.75] }] }));
    expect(textOf(html)).toContain('0 — 1 70% 2 — 3 75%');
    expect(attrs(html, 'aria-label')[0]).toContain('Survey: from 70% to 75%');
  });

  it('labels a target line and reference lines', () => {
    const html = render(
      h(LineChart, {
        ...base,
        target: { value: 1_500_000, label: 'Objective' },
        references: [{ id: 'u', name: 'Uniform service', values: [1_200_000, 1_190_000, 1_180_000] }],
      }),
    );
    const text = textOf(html);
    expect(text).toContain(`Objective: ${money(1_500_000)}`);
    expect(text).toContain('Reference: Uniform service');
    expect(attrs(html, 'aria-label')[0]).toContain(`Objective: ${money(1_500_000)}`);
  });

  it('says there is no data instead of drawing an empty axis', () => {
    const html = render(h(LineChart, { ...base, series: [] }));
    expect(textOf(html)).toContain('No data yet');
    expect(html).not.toMatch(/tabindex/);
  });

  it('speaks Chinese', () => {
    const zh = (v: number): string => fmtMoney(v, 'CNY', 'zh-CN');
    const html = render(h(LineChart, { ...base, lang: 'zh-CN', title: '收入', format: zh }));
    expect(attrs(html, 'aria-label')[0]).toBe(`收入，第0至第2季度。Revenue：从${zh(1_200_000)}到${zh(1_300_000)}；Profit：从${zh(40_000)}到${zh(20_000)}`);
    expect(html).toContain('<summary>数据表</summary>');
  });
});

describe('quarterText and lineSummary', () => {
  it('reads every line at a quarter, series before references', () => {
    const t = chartsT('en');
    const lines = [
      { key: 'r', name: 'Uniform', values: [1, 2], style: seriesStyle(0), ghost: true },
      { key: 's', name: 'Revenue', values: [3, null], style: seriesStyle(0), ghost: false },
    ];
    expect(quarterText(t, lines, 1, 1, String)).toBe('Quarter 2: Revenue: no value; Reference: Uniform: 2');
  });
  it('names a series without any value', () => {
    expect(lineSummary(chartsT('en'), { title: 'T', format: String }, [{ name: 'A', values: [null, null] }])).toBe('T, quarters 0 to 1. A: no value');
  });
});
