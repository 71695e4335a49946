import { describe, expect, it } from 'vitest';
import { cellText, COLUMNS, columnTexts, fitColumns, fmtInfluence, fmtPotential, DEFAULT_SORT, gridTemplate, makeCellContext, minRowWidth, nextSort, rowTexts } from './columns';
import { labelWords, textWidth } from '../charts/text';
import { fmtMoney } from '../format';
import { makeTable, tFor } from './testFixtures';

const scenario = {
  currency: 'CNY',
  tiers: [{ name: { en: 'Key accounts', 'zh-CN': '关键客户' } }, { name: { en: 'Major accounts', 'zh-CN': '主要客户' } }],
};
const en = makeCellContext(tFor('en'), 'en', scenario);
const zh = makeCellContext(tFor('zh-CN'), 'zh-CN', scenario);

const t = makeTable([
  { tier: 1, stage: 1, revenue: 12_345, lastRevenue: 3_000, profit: -250, cumRevenue: 40_000, influence: 0.4567, potential: 0.12, tenure: 6, joined: 0, source: 0 },
  { tier: 0, status: 1, stage: 4, revenue: 0, potential: -0.05, joined: 3, source: 2, failures: 2, complaints: 1 },
  { tier: 7, stage: 3, source: 1, joined: 2 },
]);

describe('cellText', () => {
  it('shows the scenario’s tier names, and "lapsed" for a lapsed customer whatever tier it kept', () => {
    expect(cellText('tier', t, 0, en)).toBe('Major accounts');
    expect(cellText('tier', t, 1, en)).toBe('Lapsed');
    expect(cellText('tier', t, 1, zh)).toBe('流失');
    expect(cellText('tier', t, 2, en)).toBe('Tier 8');
  });

  it('uses the glossary’s lifecycle stages and sources', () => {
    expect(cellText('stage', t, 0, zh)).toBe('形成期');
    expect(cellText('stage', t, 2, zh)).toBe('退化期');
    expect(cellText('stage', t, 0, en)).toBe('Growing');
    expect(cellText('source', t, 1, zh)).toBe('口碑推荐');
    expect(cellText('source', t, 2, en)).toBe('Acquired');
    expect(cellText('status', t, 0, en)).toBe('Active');
  });

  it('formats money in the scenario’s currency, compact from 10,000 up', () => {
    expect(cellText('revenue', t, 0, en)).toBe(fmtMoney(12_345, 'CNY', 'en'));
    expect(cellText('revenue', t, 0, en)).toMatch(/12\.3K$/);
    expect(cellText('revenue', t, 0, zh)).toBe('¥1.2万');
    expect(cellText('lastRevenue', t, 0, en)).toMatch(/¥3,000$/);
    expect(cellText('profit', t, 0, en)).toMatch(/^-.*¥250$/);
  });

  it('shows estimates as a 0–1 influence and a signed yearly growth', () => {
    expect(cellText('influence', t, 0, en)).toBe('0.46');
    expect(fmtInfluence(0.7, 'en')).toBe('0.70');
    expect(fmtInfluence(1, 'zh-CN')).toBe('1.00');
    expect(fmtInfluence(0, 'en')).toBe('0.00');
    expect(cellText('potential', t, 0, en)).toBe('+12%');
    expect(cellText('potential', t, 1, en)).toBe('-5%');
    expect(fmtPotential(-0.004, 'en')).toBe('0%');
    expect(fmtPotential(0.004, 'en')).toBe('0%');
  });

  it('shows the quarter a customer joined, initial customers as such', () => {
    expect(cellText('joined', t, 0, en)).toBe('Initial');
    expect(cellText('joined', t, 1, en)).toBe('Q3');
    expect(cellText('joined', t, 1, zh)).toBe('第3季度');
  });

  it('gives one text per column, the id first', () => {
    const row = rowTexts(t, 1, en);
    expect(row).toHaveLength(COLUMNS.length);
    expect(row[0]).toBe('1');
    expect(row.at(-2)).toBe('2');
    expect(row.at(-1)).toBe('1');
  });
});

describe('nextSort', () => {
  it('reverses on a second click of the same header', () => {
    expect(nextSort({ column: 'id', descending: false }, 'id')).toEqual({ column: 'id', descending: true });
    expect(nextSort(DEFAULT_SORT, 'revenue')).toEqual({ column: 'revenue', descending: false });
  });

  it('sorts money largest first and ids and tiers from the top on a first click', () => {
    expect(nextSort(DEFAULT_SORT, 'profit').descending).toBe(true);
    expect(nextSort(DEFAULT_SORT, 'id').descending).toBe(false);
    expect(nextSort(DEFAULT_SORT, 'tier').descending).toBe(false);
  });
});

describe('layout', () => {
  it('fits a 1366 px projector without horizontal scrolling (minimum widths)', () => {
    expect(minRowWidth()).toBeLessThanOrEqual(1280);
    expect(gridTemplate().split(' minmax').length).toBe(COLUMNS.length);
  });
});

describe('fitColumns', () => {
  const long = { currency: 'CNY', tiers: [{ name: { en: 'Platinum guests', 'zh-CN': '铂金客户' } }, { name: { en: 'Private banking (high-net-worth)', 'zh-CN': '私人银行客户（高净值）' } }] };

  it('widens the tier column to its longest tier name, so none is cut short', () => {
    const ctx = makeCellContext(tFor('en'), 'en', long);
    const cols = fitColumns(COLUMNS, (k) => tFor('en')(`columns.${k}`), columnTexts(ctx, 16));
    const tier = cols.find((c) => c.key === 'tier')!;
    expect(tier.width).toBeGreaterThan(COLUMNS.find((c) => c.key === 'tier')!.width);
    expect(tier.width).toBeGreaterThanOrEqual(Math.ceil(textWidth('Private banking (high-net-worth)', 14)));
    // A figure's column keeps its width.
    expect(cols.find((c) => c.key === 'failures')!.width).toBeGreaterThanOrEqual(COLUMNS.find((c) => c.key === 'failures')!.width);
  });

  it('is at least as wide as a heading\'s longest word, a Chinese word included (利润|贡献 is not broken inside)', () => {
    const t = tFor('zh-CN');
    const ctx = makeCellContext(t, 'zh-CN', long);
    const cols = fitColumns(COLUMNS, (k) => t(`columns.${k}`), columnTexts(ctx, 16));
    for (const c of cols) {
      const words = labelWords(t(`columns.${c.key}`));
      for (const w of words) expect(c.width, `${c.key}: ${w.word}`).toBeGreaterThan(textWidth(w.word, 12.8, true));
    }
    const words = labelWords(t('columns.profit')).map((w) => w.word);
    expect(words).toContain('利润');
    expect(words).toContain('贡献');
  });
});
