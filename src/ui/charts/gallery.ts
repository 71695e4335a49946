/** A page to look at the charts with sample data, in both languages and both themes (not part of the build). */
import { createElement as h, useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { Lang } from '../../sim/text';
import { fmtMoney, fmtNumber, fmtPercent } from '../format';
import { initI18n } from '../i18n';
import { ChainDiagram, LineChart, ParetoChart, Sparkline, ValueGrid, type ChainKey, type ChainLinkView } from './index';

initI18n('en');

const revenue = [1_200_000, 1_180_000, 1_150_000, 1_230_000, 1_310_000, 1_290_000, 1_420_000, 1_500_000, 1_480_000, 1_560_000, 1_640_000, 1_700_000];
const profit = [40_000, -25_000, -80_000, -30_000, 20_000, 55_000, 90_000, 60_000, 120_000, 150_000, 170_000, 210_000];
const satisfaction = [null, null, 0.68, 0.7, null, 0.73, 0.75, 0.74, null, 0.79, 0.81, 0.8];
const retention = [0.86, 0.85, 0.84, 0.86, 0.87, 0.88, 0.9, 0.89, 0.9, 0.91, 0.92, 0.92];
const uniform = [1_200_000, 1_190_000, 1_170_000, 1_160_000, 1_170_000, 1_180_000, 1_190_000, 1_200_000, 1_210_000, 1_220_000, 1_230_000, 1_240_000];
const valueBased = [1_200_000, 1_210_000, 1_260_000, 1_330_000, 1_390_000, 1_450_000, 1_520_000, 1_580_000, 1_650_000, 1_700_000, 1_760_000, 1_820_000];

// A long-tailed customer base: cumulative revenue share of the top k%.
const revs = Array.from({ length: 300 }, (_, i) => 1 / (i + 1) ** 0.9).sort((a, b) => b - a);
const total = revs.reduce((a, b) => a + b, 0);
const pareto = Array.from({ length: 101 }, (_, k) => revs.slice(0, Math.round((revs.length * k) / 100)).reduce((a, b) => a + b, 0) / total);
const shareFor80 = (revs.findIndex((_, i) => revs.slice(0, i + 1).reduce((a, b) => a + b, 0) >= 0.8 * total) + 1) / revs.length;

const grid = {
  rows: 5,
  cols: 5,
  count: [2, 3, 5, 9, 14, 4, 6, 10, 12, 8, 8, 12, 14, 10, 6, 14, 16, 12, 8, 4, 32, 23, 19, 21, 8],
  revenue: [600, 2_400, 9_000, 27_000, 98_000, 1_200, 4_800, 18_000, 36_000, 56_000, 2_400, 9_600, 25_200, 30_000, 42_000, 4_200, 12_800, 21_600, 24_000, 28_000, 9_600, 18_400, 34_200, 63_000, 56_000],
  revenueEdges: [1_000, 1_800, 3_000, 7_000],
  influenceEdges: [0.18, 0.31, 0.45, 0.62],
};

function chainLinks(lang: Lang): Record<ChainKey, ChainLinkView> {
  const pts = (v: number): string => fmtNumber(v, lang, { digits: 1 });
  const pct = (v: number): string => fmtPercent(v, lang, 1);
  const money = (v: number): string => fmtMoney(v, 'CNY', lang);
  return {
    internalServiceQuality: { value: 62, previous: 55, format: pts, deltaMode: { kind: 'points' } },
    employeeSatisfaction: { value: 0.71, previous: 0.66, format: pct, deltaMode: { kind: 'shareOfOne' } },
    employeeRetention: { value: 0.9, previous: 0.88, format: pct, deltaMode: { kind: 'shareOfOne' } },
    productivity: { value: 41.5, previous: 40.2, format: pts },
    serviceValue: { value: 6.8, previous: 6.6, format: pts, deltaMode: { kind: 'points' } },
    customerSatisfaction: { value: null, previous: null, format: pct, note: lang === 'en' ? 'buy a survey to measure' : '购买满意度调查后可见' },
    customerLoyalty: { value: 0.92, previous: 0.92, format: pct, deltaMode: { kind: 'shareOfOne' } },
    revenue: { value: 1_700_000, previous: 1_640_000, format: money },
    profit: { value: 210_000, previous: 170_000, format: money },
  };
}

function Section({ lang }: { lang: Lang }): ReactElement {
  const money = (v: number): string => fmtMoney(v, 'CNY', lang);
  const pct = (v: number): string => fmtPercent(v, lang, 0);
  const en = lang === 'en';
  const [sel, setSel] = useState<{ row: number; col: number } | null>(null);
  return h(
    'div',
    { lang },
    h(
      'div',
      { className: 'kpi' },
      [
        [en ? 'Revenue' : '收入', money(1_700_000), revenue],
        [en ? 'Profit' : '利润', money(210_000), profit],
        [en ? 'Customer satisfaction' : '客户满意度', pct(0.8), satisfaction],
        [en ? 'Customer retention rate' : '客户保持率', pct(0.92), retention],
      ].map(([label, value, values]) =>
        h('div', { key: String(label), className: 'card' }, String(label), h('b', null, String(value)), h(Sparkline, { values: values as (number | null)[] })),
      ),
    ),
    h(
      'div',
      { className: 'row', style: { marginTop: '1rem' } },
      h(
        'div',
        { className: 'card' },
        h(LineChart, {
          lang,
          title: en ? 'Revenue and profit' : '收入与利润',
          format: money,
          series: [
            { id: 'rev', name: en ? 'Revenue' : '收入', values: revenue },
            { id: 'profit', name: en ? 'Profit' : '利润', values: profit },
          ],
          references: [
            { id: 'uniform', name: en ? 'Uniform service' : '一视同仁', values: uniform },
            { id: 'vb', name: en ? 'Value-based' : '按价值分级', values: valueBased },
          ],
          target: { value: 1_600_000, label: en ? 'Objective' : '目标' },
          firstQuarter: 1,
        }),
      ),
      h(
        'div',
        { className: 'card' },
        h(LineChart, {
          lang,
          title: en ? 'Customer satisfaction and retention' : '客户满意度与客户保持率',
          format: pct,
          series: [
            { id: 'ret', name: en ? 'Customer retention rate' : '客户保持率', values: retention },
            { id: 'sat', name: en ? 'Customer satisfaction (survey)' : '客户满意度（调查）', values: satisfaction },
            { id: 'late', name: en ? 'Loyalty programme members' : '会员占比', values: [null, null, null, null, null, null, 0.2, 0.31, 0.4, 0.46, 0.5, 0.55] },
          ],
          target: { value: 0.9, label: en ? 'Retention objective' : '保持率目标' },
          firstQuarter: 1,
        }),
      ),
    ),
    h(
      'div',
      { className: 'row', style: { marginTop: '1rem' } },
      h('div', { className: 'card' }, h(LineChart, { lang, title: en ? 'One quarter played' : '仅一个季度', format: money, series: [{ id: 'a', name: en ? 'Revenue' : '收入', values: [1_200_000] }] })),
      h('div', { className: 'card' }, h(LineChart, { lang, title: en ? 'All equal' : '数值不变', format: (v) => fmtNumber(v, lang), series: [{ id: 'a', name: en ? 'Headcount' : '员工人数', values: [40, 40, 40, 40, 40] }], height: 220 })),
      h('div', { className: 'card', style: { maxWidth: 420 } }, h(LineChart, { lang, title: en ? 'Narrow: legend' : '窄屏：图例', format: money, series: [{ id: 'r', name: en ? 'Revenue' : '收入', values: revenue }, { id: 'p', name: en ? 'Profit' : '利润', values: profit }], height: 240 })),
      h('div', { className: 'card' }, h(LineChart, { lang, title: en ? 'No data' : '无数据', format: money, series: [], height: 180 })),
    ),
    h(
      'div',
      { className: 'row', style: { marginTop: '1rem' } },
      h('div', { className: 'card' }, h(ParetoChart, { lang, pareto, shareFor80, title: en ? 'Pareto curve' : '帕累托曲线' })),
      h(
        'div',
        { className: 'card' },
        h(ValueGrid, { lang, grid, formatRevenue: (v) => fmtMoney(v, 'CNY', lang), onSelect: (row, col) => setSel({ row, col }), selected: sel, title: en ? 'Value grid' : '客户价值网格' }),
      ),
    ),
    h('div', { className: 'card', style: { marginTop: '1rem' } }, h(ChainDiagram, { lang, links: chainLinks(lang), title: en ? 'Service-profit chain' : '服务利润链' })),
    // Exactly 1000 px of content (card padding 2 x 20 px, border 2 x 1 px): still one row.
    h('div', { className: 'card', style: { marginTop: '1rem', width: 1042 } }, h(ChainDiagram, { lang, links: chainLinks(lang) })),
    h('div', { className: 'card', style: { marginTop: '1rem', maxWidth: 760 } }, h(ChainDiagram, { lang, links: chainLinks(lang) })),
    h('div', { className: 'card', style: { marginTop: '1rem', maxWidth: 420 } }, h(ChainDiagram, { lang, links: chainLinks(lang) })),
  );
}

function Gallery(): ReactElement {
  return h(
    'main',
    null,
    h('h1', null, 'Charts gallery · 图表样例'),
    h('div', { className: 'theme' }, h(Section, { lang: 'en' })),
    h('div', { className: 'theme' }, h(Section, { lang: 'zh-CN' })),
    h('div', { className: 'theme', 'data-theme': 'dark' }, h(Section, { lang: 'zh-CN' })),
    h('div', { className: 'theme', 'data-theme': 'dark' }, h(Section, { lang: 'en' })),
  );
}

const el = document.getElementById('root');
if (el) createRoot(el).render(h(Gallery));
