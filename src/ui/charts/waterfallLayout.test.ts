import { describe, expect, it } from 'vitest';
import { fmtMoney, fmtNumber } from '../format';
import { textWidth } from './text';
import {
  changeText,
  defaultDelta,
  labelledAxis,
  labelLines,
  largestStep,
  MAX_COLUMNS,
  wrapLabel,
  runningTotals,
  waterfallAxis,
  waterfallCheck,
  waterfallLayout,
  type WaterfallLayout,
  type WaterfallStep,
} from './waterfallLayout';

const money = (v: number): string => fmtMoney(v, 'CNY', 'en');
const opts = { format: money };

/** A start, the changes, and the end that matches them. */
function wf(start: number, changes: readonly (readonly [WaterfallStep['kind'], number, string?])[], end?: number): WaterfallStep[] {
  const sum = changes.reduce((a, [, v]) => a + v, 0);
  return [
    { id: 'start', kind: 'start', value: start, label: 'End of Q3' },
    ...changes.map(([kind, value, label], i) => ({ id: `s${i}`, kind, value, label: label ?? `Step ${i + 1}` })),
    { id: 'end', kind: 'end', value: end ?? start + sum, label: 'Now' },
  ];
}

const profit = wf(120_000, [
  ['late', 18_000, 'Training (Q2)'],
  ['outside', -14_000, 'Outside events'],
  ['group', 31_000, 'Service, top tier'],
  ['group', -22_000, 'Acquisition'],
  ['interaction', 4_000, 'Interaction'],
]);

/** Every bar's rectangle lies inside the chart. */
function inside(L: WaterfallLayout): void {
  for (const b of L.bars) {
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(L.width + 1e-9);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.y + b.height).toBeLessThanOrEqual(L.height + 1e-9);
  }
}

describe('waterfallCheck', () => {
  it('accepts start + Σ changes = end, within 1e-9 relative (floating-point noise)', () => {
    const c = waterfallCheck(profit);
    expect(c).toMatchObject({ ok: true, start: 120_000, sum: 17_000, end: 137_000, expected: 137_000, mismatch: 0, problem: null });
    // 0.1 + 0.2 is not 0.3 in floating point, but that is no mismatch.
    expect(waterfallCheck(wf(0.1, [['group', 0.2]], 0.3)).ok).toBe(true);
    expect(waterfallCheck(wf(1e6, [['group', 1]], 1e6 + 1 + 1e-4)).ok).toBe(true);
  });
  it('reports a mismatch (a bug upstream) with its size instead of hiding it', () => {
    const c = waterfallCheck(wf(50_000, [['group', 10_000]], 65_000));
    expect(c.ok).toBe(false);
    expect(c.expected).toBe(60_000);
    expect(c.mismatch).toBe(5_000);
    expect(c.problem).toBeNull();
    expect(waterfallCheck(wf(1e6, [['group', 1]], 1e6 + 1 + 1e-2)).ok).toBe(false);
  });
  it('names structural problems: no start, no end, a total in between, values that are not numbers', () => {
    const [start, a, b, end] = wf(10, [
      ['group', 1],
      ['group', 2],
    ]) as [WaterfallStep, WaterfallStep, WaterfallStep, WaterfallStep];
    expect(waterfallCheck([a, b, end]).problem).toBe('noStart');
    expect(waterfallCheck([start, a, b]).problem).toBe('noEnd');
    expect(waterfallCheck([start, a, { ...end, id: 'mid' }, b, end]).problem).toBe('order');
    expect(waterfallCheck([start, { ...a, value: NaN }, b, end])).toMatchObject({ ok: false, problem: 'notFinite' });
  });
});

describe('running totals and signs', () => {
  it('adds each change to the running total; a total sets it', () => {
    expect(runningTotals(profit)).toEqual([120_000, 138_000, 124_000, 155_000, 133_000, 137_000, 137_000]);
  });
  it('writes changes with ▲/▼ and a sign (a true minus), never by colour alone', () => {
    const d = defaultDelta(money);
    expect(changeText(18_000, d)).toBe(`▲ +${money(18_000)}`);
    expect(changeText(-9_000, d)).toBe(`▼ −${money(9_000)}`);
    expect(changeText(0, d)).toBe(`＝ ±${money(0)}`);
    // Noise below the tolerance is no change.
    expect(changeText(-1e-12, d, 1e-9)).toBe(`＝ ±${money(0)}`);
  });
  it('floats each step from the running total: rises go up, falls go down', () => {
    const L = waterfallLayout(profit, 1280, 320, opts);
    expect(L.orientation).toBe('columns');
    const [, up, down] = L.bars;
    expect(up).toMatchObject({ dir: 'up', from: 120_000, to: 138_000, valueText: `▲ +${money(18_000)}` });
    expect(down).toMatchObject({ dir: 'down', from: 138_000, to: 124_000, valueText: `▼ −${money(14_000)}` });
    // Values above rising bars, below falling ones.
    expect(up!.valueY).toBeLessThan(up!.y);
    expect(down!.valueY).toBeGreaterThan(down!.y + down!.height);
    // A bar spans exactly from one running total to the next.
    const pos = (v: number): number => {
      const [a, b] = [L.ticks[0]!, L.ticks[L.ticks.length - 1]!];
      return a.pos + ((v - a.value) * (b.pos - a.pos)) / (b.value - a.value);
    };
    expect(up!.y).toBeCloseTo(pos(138_000), 6);
    expect(up!.y + up!.height).toBeCloseTo(pos(120_000), 6);
    inside(L);
  });
  it('joins consecutive bars by connectors at the running total', () => {
    const L = waterfallLayout(profit, 1280, 320, opts);
    expect(L.connectors).toHaveLength(profit.length - 1);
    L.connectors.forEach((c, i) => {
      expect(c.y1).toBe(c.y2);
      expect(c.x1).toBeCloseTo(L.bars[i]!.x + L.bars[i]!.width, 9);
      expect(c.x2).toBeCloseTo(L.bars[i + 1]!.x, 9);
      expect(c.gap).toBe(false);
    });
    // After a rise the connector leaves from the top, after a fall from the bottom.
    expect(L.connectors[1]!.y1).toBeCloseTo(L.bars[1]!.y, 6);
    expect(L.connectors[2]!.y1).toBeCloseTo(L.bars[2]!.y + L.bars[2]!.height, 6);
  });
  it('marks the connector into the end bar where the parts do not add up', () => {
    const L = waterfallLayout(wf(50_000, [['group', 10_000]], 65_000), 640, 300, opts);
    expect(L.check.ok).toBe(false);
    expect(L.connectors.map((c) => c.gap)).toEqual([false, true]);
    // The end bar is drawn at its own level, not at the running total.
    expect(L.bars[2]!.to).toBe(65_000);
  });
  it('hangs an all-negative waterfall from zero', () => {
    const loss = wf(-40_000, [
      ['outside', -12_000],
      ['group', -15_000],
      ['group', -8_000],
    ]);
    const L = waterfallLayout(loss, 1280, 300, opts);
    expect(L.broken).toBe(false);
    expect(L.base).toBe(0);
    expect(L.zero).toBe(L.basePos);
    expect(L.ticks[L.ticks.length - 1]!.value).toBe(0);
    const [start, ...rest] = L.bars;
    expect(start!.y).toBeCloseTo(L.basePos, 6); // from zero down
    for (const b of rest.slice(0, -1)) expect(b.dir).toBe('down');
    // Every value label is below its bar.
    for (const b of L.bars) expect(b.valueY).toBeGreaterThan(b.y + b.height);
    inside(L);
  });
  it('draws a zero change as a thin line at the running total, and says ＝ ±0', () => {
    const L = waterfallLayout(wf(300, [['group', 0]]), 640, 240, { format: (v) => fmtNumber(v, 'en') });
    const flat = L.bars[1]!;
    expect(flat.dir).toBe('flat');
    expect(flat.height).toBe(2);
    expect(flat.valueText).toBe('＝ ±0');
    expect(L.largest).toBe(-1);
    // Nothing changed: the axis includes zero (there are no steps to squash).
    expect(L.broken).toBe(false);
  });
  it('lays out nothing for no steps', () => {
    const L = waterfallLayout([], 640, 300, opts);
    expect(L.bars).toEqual([]);
    expect(L.connectors).toEqual([]);
    expect(L.check.problem).toBe('noStart');
  });
});

describe('the value axis', () => {
  it('includes zero when the totals are near it', () => {
    const a = waterfallAxis([40_000, 60_000, 52_000], undefined, 5);
    expect(a.ticks.min).toBe(0);
    expect(a).toMatchObject({ base: 0, broken: false });
  });
  it('leaves zero out far from it so that small steps show, and says so (broken, totals cut)', () => {
    const a = waterfallAxis([1_520_000, 1_532_000, 1_558_000, 1_542_000], undefined, 5);
    expect(a.broken).toBe(true);
    expect(a.base).toBe(a.ticks.min);
    expect(a.ticks.min).toBeGreaterThan(1_400_000);
    expect(a.ticks.min).toBeLessThan(1_520_000); // the start bar keeps a visible stub
    const L = waterfallLayout(
      wf(1_520_000, [
        ['group', 12_000],
        ['group', -31_000],
      ]),
      1280,
      320,
      opts,
    );
    expect(L.bars.filter((b) => b.cut).map((b) => b.step.kind)).toEqual(['start', 'end']);
    expect(L.bars.filter((b) => !b.total).every((b) => !b.cut)).toBe(true);
  });
  it('follows includeZero when it is given', () => {
    expect(waterfallAxis([1_520_000, 1_558_000], true, 5)).toMatchObject({ base: 0, broken: false });
    expect(waterfallAxis([40_000, 60_000], false, 5).broken).toBe(true);
    // Values on both sides of zero always include it.
    const a = waterfallAxis([-20_000, 30_000], false, 5);
    expect(a.ticks.values).toContain(0);
    expect(a.broken).toBe(false);
  });
  it('a broken axis for negative levels ends at its top, nearest zero', () => {
    const a = waterfallAxis([-1_000_000, -990_000, -1_004_000], undefined, 5);
    expect(a.broken).toBe(true);
    expect(a.base).toBe(a.ticks.max);
    expect(a.ticks.max).toBeLessThan(0);
  });
  it('uses fewer ticks rather than two alike (a compact format prints 1.50M and 1.525M both as ¥1.5M)', () => {
    const a = labelledAxis([1_520_000, 1_558_000], false, 6, money);
    expect(new Set(a.texts).size).toBe(a.texts.length);
    expect(a.texts.length).toBeGreaterThanOrEqual(2);
    const full = labelledAxis([1_520_000, 1_558_000], false, 6, (v) => fmtMoney(v, 'CNY', 'en', { full: true }));
    expect(full.texts.length).toBeGreaterThan(a.texts.length);
  });
});

describe('orientation', () => {
  it('stays in columns at 1280 px and at 640 px for a few steps', () => {
    expect(waterfallLayout(profit, 1280, 320, opts).orientation).toBe('columns');
    expect(waterfallLayout(profit, 640, 320, opts).orientation).toBe('columns');
  });
  it('switches to rows when narrow (360 px: phones), labels above the bars', () => {
    const L = waterfallLayout(profit, 320, 320, opts);
    expect(L.orientation).toBe('rows');
    expect(L.stacked).toBe(true);
    for (const b of L.bars) {
      expect(b.labelAnchor).toBe('start');
      expect(b.labelY).toBeLessThan(b.y); // the label is above its bar
      expect(b.valueX + textWidth(b.valueText, L.fontSize, true)).toBeLessThanOrEqual(L.width + 1e-6);
    }
    inside(L);
  });
  it('switches to rows for more than 10 bars, each row as high as its label', () => {
    const many = wf(
      210_000,
      Array.from({ length: 12 }, (_, i) => ['group', (i % 2 ? -1 : 1) * (1_000 + i * 500)] as const),
    );
    expect(many.length).toBeGreaterThan(MAX_COLUMNS);
    const L = waterfallLayout(many, 1280, 320, opts);
    expect(L.orientation).toBe('rows');
    expect(L.stacked).toBe(false);
    expect(L.height).toBeGreaterThan(many.length * 25);
    // Rows follow one another down the chart; connectors run down between them.
    for (let i = 1; i < L.bars.length; i++) expect(L.bars[i]!.band[0]).toBeCloseTo(L.bars[i - 1]!.band[1], 9);
    for (const c of L.connectors) expect(c.x1).toBe(c.x2);
    inside(L);
  });
  it('can be forced either way', () => {
    expect(waterfallLayout(profit, 1280, 320, { ...opts, orientation: 'rows' }).orientation).toBe('rows');
    expect(waterfallLayout(profit, 320, 320, { ...opts, orientation: 'columns' }).orientation).toBe('columns');
  });
});

describe('category labels', () => {
  it('wrap at spaces in English and between characters in Chinese, every line fitting its column', () => {
    const steps = wf(100, [
      ['group', 5, 'Service, top tier'],
      ['group', -3, '服务水平（高价值客户）'],
      ['outside', 1, 'Outside events, carry-over and luck'],
    ]);
    const L = waterfallLayout(steps, 560, 320, { format: (v) => fmtNumber(v, 'en') });
    expect(L.orientation).toBe('columns');
    const slot = L.bars[0]!.band[1] - L.bars[0]!.band[0];
    for (const b of L.bars) {
      expect(b.labelLines.length).toBeLessThanOrEqual(4);
      for (const l of b.labelLines) expect(textWidth(l, L.fontSize, b.total)).toBeLessThanOrEqual(slot);
    }
    const zh = L.bars[2]!.labelLines;
    expect(zh.length).toBeGreaterThan(1);
    expect(zh.join('')).toBe('服务水平（高价值客户）');
    expect(L.bars[3]!.labelLines.join(' ')).toBe('Outside events, carry-over and luck');
  });
  it('break Chinese between words where it can, never after an opening bracket or before a closing one', () => {
    for (const w of [40, 60, 82, 120]) {
      const lines = wrapLabel('服务水平（高价值客户）', w, 13, false);
      expect(lines.join('')).toBe('服务水平（高价值客户）');
      for (const l of lines) {
        expect(l).not.toMatch(/（$/);
        expect(l).not.toMatch(/^）/);
      }
      expect(lines.some((l) => l.endsWith('客'))).toBe(false);
    }
    const outside = wrapLabel('外部事件、延续效应与运气', 60, 13, false);
    expect(outside.join('')).toBe('外部事件、延续效应与运气');
    for (const l of outside) expect(l).not.toMatch(/^、/);
  });
  it('are shortened with an ellipsis beyond their lines', () => {
    const lines = labelLines('Outside events, carry-over and luck of the draw', 60, 13, false, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    const zh = labelLines('外部事件、延续效应与运气', 40, 13, false, 2);
    expect(zh).toHaveLength(2);
    expect(zh[1]!.endsWith('…')).toBe(true);
    expect(zh[1]!).not.toContain(' ');
  });
});

describe('highlight', () => {
  it('finds the largest change by size, whatever its sign', () => {
    expect(largestStep(profit)).toBe(3);
    expect(largestStep(wf(0, [['group', 5], ['group', -9], ['interaction', 2]]))).toBe(2);
    expect(largestStep(wf(0, []))).toBe(-1);
  });
  it('marks it only when asked, moving its value clear of the outline', () => {
    expect(waterfallLayout(profit, 1280, 320, opts).bars.some((b) => b.largest)).toBe(false);
    const plain = waterfallLayout(profit, 1280, 320, opts).bars[3]!;
    const marked = waterfallLayout(profit, 1280, 320, { ...opts, highlight: true }).bars[3]!;
    expect(marked.largest).toBe(true);
    expect(marked.valueY).toBeLessThan(plain.valueY);
  });
});
