import { createElement as h } from 'react';
import { describe, expect, it } from 'vitest';
import { fmtMoney, fmtPercent } from '../format';
import { CHAIN_ORDER, type ChainKey, type ChainLinkView } from './chain';
import { ChainDiagram } from './ChainDiagram';
import { ParetoChart } from './ParetoChart';
import { Sparkline } from './Sparkline';
import { attrs, render, textOf } from './testUtil';
import { ValueGrid } from './ValueGrid';

describe('Sparkline', () => {
  it('is hidden from assistive technology and breaks at gaps', () => {
    const html = render(h(Sparkline, { values: [1, 2, null, 3, 4] }));
    expect(html).toContain('aria-hidden="true"');
    expect(html).not.toContain('role=');
    // Two runs plus the end dot.
    expect(html.match(/<path/g)).toHaveLength(3);
  });
  it('draws nothing for no values, and a dot for one', () => {
    expect(render(h(Sparkline, { values: [] }))).not.toContain('<path');
    expect(render(h(Sparkline, { values: [7] }))).toContain('h0');
  });
});

describe('ParetoChart', () => {
  const pareto = Array.from({ length: 101 }, (_, k) => Math.min(1, Math.sqrt(k / 100) * 1.4));
  it('marks the 80% point with its label, in both languages, and carries a table', () => {
    const en = render(h(ParetoChart, { lang: 'en', pareto, shareFor80: 0.33, width: 560 }));
    expect(attrs(en, 'aria-label')[0]).toMatch(/^Pareto curve: 33% of customers make 80% of revenue\./);
    expect(textOf(en)).toContain('Pareto (80/20) principle: 20% of customers make 80% of revenue');
    expect(en).toContain('<summary>Data table</summary>');
    const zh = render(h(ParetoChart, { lang: 'zh-CN', pareto, shareFor80: 0.33, width: 560 }));
    expect(textOf(zh)).toContain('33%的客户贡献了80%的收入');
    expect(textOf(zh)).toContain('二八法则（帕累托法则）');
  });
  it('says when there is no revenue', () => {
    const html = render(h(ParetoChart, { lang: 'en', pareto: new Array<number>(101).fill(0), shareFor80: 1, width: 560 }));
    expect(textOf(html)).toContain('No revenue yet');
  });
});

describe('ValueGrid', () => {
  const grid = {
    rows: 2,
    cols: 3,
    count: [1, 0, 9, 20, 5, 5],
    revenue: [100, 0, 5_000, 2_000, 1_500, 1_400],
    revenueEdges: [1_000, 5_000],
    influenceEdges: [0.4],
  };
  const fmt = (v: number): string => fmtMoney(v, 'CNY', 'en');

  it('makes every cell a button when it can be selected, with count and revenue share as text', () => {
    const html = render(h(ValueGrid, { lang: 'en', grid, formatRevenue: fmt, onSelect: () => undefined, selected: { row: 1, col: 0 } }));
    expect(html.match(/<button/g)).toHaveLength(6);
    expect(html.match(/aria-pressed="true"/g)).toHaveLength(1);
    const text = textOf(html);
    expect(text).toContain(`20 customers, ${fmtPercent(2_000 / 10_000, 'en', 0)} of revenue`);
    expect(text).toContain('1 customer, 1% of revenue');
  });
  it('is plain cells without onSelect, shaded by count, with band headers and axis names', () => {
    const html = render(h(ValueGrid, { lang: 'en', grid, formatRevenue: fmt }));
    expect(html).not.toContain('<button');
    expect(html).toContain('crm-heat-5'); // the fullest cell
    expect(html).toContain('crm-heat-0'); // the empty one
    const text = textOf(html);
    expect(text).toContain(`below ${fmt(1_000)}`);
    expect(text).toContain(`${fmt(5_000)} and above`);
    expect(text).toContain('0.4 and above');
    expect(text).toContain('Revenue →');
    expect(text).toContain('Estimated influence ↑');
  });
  it('summarises the grid for screen readers in its caption', () => {
    const html = render(h(ValueGrid, { lang: 'zh-CN', grid, formatRevenue: (v) => fmtMoney(v, 'CNY', 'zh-CN') }));
    expect(html).toMatch(/<caption class="crm-chart-sr">客户价值网格，共40位活跃客户。客户最多：影响力低于0.4、收入低于¥1,000（20位客户）/);
  });
});

describe('ChainDiagram', () => {
  const pct = (v: number): string => fmtPercent(v, 'en', 0);
  const links = Object.fromEntries(CHAIN_ORDER.map((k) => [k, { value: 0.5, previous: 0.5, format: pct }])) as Record<ChainKey, ChainLinkView>;
  links.employeeSatisfaction = { value: 0.6, previous: 0.5, format: pct };
  links.customerSatisfaction = { value: null, format: pct, note: 'buy a survey' };

  it('has a focusable, labelled box per link, in chain order', () => {
    const html = render(h(ChainDiagram, { lang: 'en', links, width: 1200 }));
    expect(html.match(/role="listitem" tabindex="0"/g)).toHaveLength(9);
    const labels = attrs(html, 'aria-label').slice(1);
    expect(labels[0]).toBe('internal service quality: 50%; no change since last quarter');
    expect(labels[8]).toMatch(/^profitability: /);
    expect(labels[5]).toBe('customer satisfaction: Not measured; buy a survey');
  });
  it('emphasises exactly the link with the biggest change, with a badge in words', () => {
    const html = render(h(ChainDiagram, { lang: 'en', links, width: 1200 }));
    const labels = attrs(html, 'aria-label');
    expect(labels.slice(1).filter((l) => l.includes('Biggest change'))).toEqual(['employee satisfaction: 60%; ▲ +20% since last quarter; Biggest change']);
    expect(html.match(/stroke-width="3.5"/g)).toHaveLength(1);
    expect(labels[0]).toContain('Biggest change: employee satisfaction');
  });
  it('lays out one row from 1000 px and wraps below', () => {
    const ys = (html: string): Set<string> => new Set([...html.matchAll(/role="listitem"[^>]*><rect class="crm-chain-focus" x="[^"]+" y="([^"]+)"/g)].map((m) => m[1]!));
    expect(ys(render(h(ChainDiagram, { lang: 'en', links, width: 1000 }))).size).toBe(1);
    expect(ys(render(h(ChainDiagram, { lang: 'en', links, width: 800 }))).size).toBe(2);
  });
  it('uses the glossary terms in Chinese', () => {
    const text = textOf(render(h(ChainDiagram, { lang: 'zh-CN', links, width: 1200 })));
    for (const term of ['内部服务质量', '员工满意度', '员工生产率', '外部服务价值', '客户满意度', '客户忠诚度', '未测量', '变化最大']) expect(text).toContain(term);
  });
});
