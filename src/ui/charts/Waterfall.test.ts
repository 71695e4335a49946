import { readFileSync } from 'node:fs';
import { createElement as h } from 'react';
import { describe, expect, it } from 'vitest';
import { fmtMoney } from '../format';
import { attrs, chartsT, render, textOf } from './testUtil';
import { barText, Waterfall, waterfallSummary, type WaterfallProps } from './Waterfall';
import { waterfallLayout, type WaterfallStep } from './waterfallLayout';

const money = (v: number): string => fmtMoney(v, 'CNY', 'en');
const steps: WaterfallStep[] = [
  { id: 'start', kind: 'start', value: 120_000, label: 'End of Q3' },
  { id: 'late', kind: 'late', value: 18_000, label: 'Training (Q2)' },
  { id: 'outside', kind: 'outside', value: -14_000, label: 'Outside events' },
  { id: 'service:0', kind: 'group', value: 31_000, label: 'Service, top tier' },
  { id: 'acquisition', kind: 'group', value: -22_000, label: 'Acquisition' },
  { id: 'interaction', kind: 'interaction', value: 4_000, label: 'Interaction' },
  { id: 'end', kind: 'end', value: 137_000, label: 'Now (Q4)' },
];
const base: WaterfallProps = { title: 'Why did profit change?', lang: 'en', steps, format: money, width: 1000 };

const tbodyRows = (html: string): string[] => [...(html.split('<tbody>')[1] ?? '').matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => textOf(m[1]!));

describe('Waterfall', () => {
  it('is an image named by a summary of the start, the end and every step', () => {
    const html = render(h(Waterfall, base));
    expect(html).toContain('role="img"');
    expect(attrs(html, 'aria-label')[0]).toBe(
      `Why did profit change?: from ${money(120_000)} to ${money(137_000)} (▲ +${money(17_000)}). ` +
        `Training (Q2): ▲ +${money(18_000)}; Outside events: ▼ −${money(14_000)}; Service, top tier: ▲ +${money(31_000)}; ` +
        `Acquisition: ▼ −${money(22_000)}; Interaction: ▲ +${money(4_000)}.`,
    );
    expect(textOf(html)).toContain('Why did profit change?');
  });

  it('draws one bar per step, each with its value in words', () => {
    const html = render(h(Waterfall, base));
    expect(html.match(/class="crm-wf-bar /g)).toHaveLength(steps.length);
    expect(html.match(/class="crm-wf-connector"/g)).toHaveLength(steps.length - 1);
    const text = textOf(html);
    for (const v of [`▲ +${money(18_000)}`, `▼ −${money(14_000)}`, money(120_000), money(137_000)]) expect(text).toContain(v);
  });

  it('tells rises, falls and the interaction apart by more than colour', () => {
    const html = render(h(Waterfall, base));
    // Falls are outlined on a faint tint, rises solid, the interaction hatched, and a legend says so.
    expect(html).toMatch(/crm-wf-group crm-wf-down"><path[^>]*fill-opacity="0.14"[^>]*stroke-width="2"/);
    expect(html).toMatch(/crm-wf-group crm-wf-up"><path[^>]*fill="var\(--chart-s1\)"/);
    expect(html).toMatch(/crm-wf-interaction crm-wf-up"><path[^>]*fill="url\(#wf-up-/);
    expect(html).toContain('<pattern id="wf-up-');
    const text = textOf(html);
    for (const s of ['Increase (filled)', 'Decrease (outlined)', 'Interaction (hatched)', 'Outside events, carry-over and luck']) expect(text).toContain(s);
  });

  it('gives the end-of-game valuation its own colour and legend entry, not that of a rise', () => {
    const withValuation: WaterfallStep[] = [
      { id: 'start', kind: 'start', value: 50, label: 'End of Q11' },
      { id: 'valuation', kind: 'valuation', value: 28, label: 'End-of-game valuation' },
      { id: 'end', kind: 'end', value: 78, label: 'Now (Q12)' },
    ];
    const html = render(h(Waterfall, { ...base, steps: withValuation }));
    expect(html).toMatch(/fill="var\(--chart-s4\)"/);
    const legend = textOf(html.split('crm-chart-legend')[1]!.split('</ul>')[0]!);
    expect(legend).toContain('End-of-game valuation');
    expect(legend).not.toContain('Increase (filled)');
  });

  it('lists each step, its kind, its change and the running total in a data table', () => {
    const html = render(h(Waterfall, base));
    expect(html).toContain('<summary>Data table</summary>');
    expect(textOf(html)).toContain('Step Kind Change Running total');
    const rows = tbodyRows(html);
    expect(rows).toHaveLength(steps.length);
    expect(rows[0]).toBe(`End of Q3 Starting value — ${money(120_000)}`);
    expect(rows[1]).toBe(`Training (Q2) Late effect of an earlier decision ▲ +${money(18_000)} ${money(138_000)}`);
    expect(rows[5]).toBe(`Interaction Interaction: the groups together, beyond their separate parts ▲ +${money(4_000)} ${money(137_000)}`);
    expect(rows[6]).toBe(`Now (Q4) Value now — ${money(137_000)}`);
  });

  it('is focusable, explains its arrow keys, and reads a bar with its running total', () => {
    const html = render(h(Waterfall, base));
    expect(html).toMatch(/<svg[^>]*tabindex="0"/);
    expect(textOf(html)).toContain('Left and right arrow keys read each bar: its change and the running total.');
    expect(html).toContain('aria-live="polite"');
    const t = chartsT('en');
    const L = waterfallLayout(steps, 1000, 320, { format: money, highlight: true });
    expect(barText(t, L, 3, base)).toBe(`Service, top tier: ▲ +${money(31_000)}, running total ${money(155_000)}; Largest change`);
    expect(barText(t, L, 0, base)).toBe(`End of Q3: ${money(120_000)}`);
  });

  it('highlights the largest change with a thick outline, and says which in words', () => {
    const html = render(h(Waterfall, { ...base, highlight: true }));
    expect(html.match(/class="crm-wf-largest"/g)).toHaveLength(1);
    expect(textOf(html)).toContain(`Thick outline: the largest change, Service, top tier (▲ +${money(31_000)}).`);
    expect(attrs(html, 'aria-label')[0]).toContain(`Largest change: Service, top tier (▲ +${money(31_000)}).`);
    expect(render(h(Waterfall, base))).not.toContain('crm-wf-largest');
  });

  it('cuts the total bars and says so when the axis leaves zero out', () => {
    const far: WaterfallStep[] = [
      { id: 'start', kind: 'start', value: 1_520_000, label: 'End of Q3' },
      { id: 'price', kind: 'group', value: -31_000, label: 'Price' },
      { id: 'end', kind: 'end', value: 1_489_000, label: 'Now' },
    ];
    const html = render(h(Waterfall, { ...base, steps: far }));
    expect(html).toContain('crm-wf-break');
    expect(textOf(html)).toMatch(/The value axis does not reach zero \(it stops at ¥[\d.]+M\)/);
    expect(render(h(Waterfall, { ...base, steps: far, includeZero: true }))).not.toContain('crm-wf-break');
  });

  it('shows a mismatch of the parts, in the text, the summary and the table caption', () => {
    const bad = steps.map((s) => (s.kind === 'end' ? { ...s, value: 142_000 } : s));
    const html = render(h(Waterfall, { ...base, steps: bad }));
    const msg = `The parts do not add up: ${money(120_000)} plus the changes is ${money(137_000)}, but the value now is ${money(142_000)} (off by +${money(5_000)}).`;
    expect(textOf(html)).toContain(`⚠ ${msg}`);
    expect(attrs(html, 'aria-label')[0]).toContain(msg);
    expect(html).toContain(`<caption>${msg}</caption>`);
    expect(html).toContain('crm-wf-gap');
  });

  it('speaks Chinese', () => {
    const zh: WaterfallStep[] = [
      { id: 'start', kind: 'start', value: 120_000, label: '第3季度末' },
      { id: 'service:0', kind: 'group', value: 31_000, label: '服务水平（高价值客户）' },
      { id: 'interaction', kind: 'interaction', value: -4_000, label: '交互作用' },
      { id: 'end', kind: 'end', value: 147_000, label: '当前' },
    ];
    const f = (v: number): string => fmtMoney(v, 'CNY', 'zh-CN');
    const html = render(h(Waterfall, { title: '利润为何变化？', lang: 'zh-CN', steps: zh, format: f, width: 1000 }));
    expect(attrs(html, 'aria-label')[0]).toBe(`利润为何变化？：从${f(120_000)}到${f(147_000)}（▲ +${f(27_000)}）。服务水平（高价值客户）：▲ +${f(31_000)}；交互作用：▼ −${f(4_000)}。`);
    const text = textOf(html);
    for (const s of ['数据表', '项目 类型 变化 累计', '交互作用（斜线）', '起始值', '本季度决策']) expect(text).toContain(s);
  });

  it('uses rows on a phone, with one bar per step still', () => {
    const html = render(h(Waterfall, { ...base, width: 320 }));
    expect(html.match(/class="crm-wf-bar /g)).toHaveLength(steps.length);
    expect(html).toMatch(/<tspan x="4"/); // labels start at the left edge, above their bars
  });

  it('says there is no data instead of drawing an empty axis', () => {
    const html = render(h(Waterfall, { ...base, steps: [] }));
    expect(textOf(html)).toContain('No data yet');
    expect(html).not.toMatch(/tabindex/);
    expect(waterfallSummary(chartsT('en'), waterfallLayout([], 640, 300, { format: money }), base)).toBe('Why did profit change?. No data yet');
  });

  it('prints in black and white, whatever the theme', () => {
    const css = readFileSync(new URL('./charts.css', import.meta.url), 'utf8');
    const print = css.slice(css.lastIndexOf('@media print'));
    expect(print).toMatch(/:root \.crm-chart\.crm-waterfall \{[^}]*--chart-s1: #000000;[^}]*--chart-s2: #000000;[^}]*background: #ffffff;/);
  });
});
