// The comparison with the reference strategies: the ghost lines never show the future of the
// game during play, and the ranking orders the games by score with ties sharing a rank.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../src/ui/i18n/index';
import { referenceSeries } from '../../src/ui/shell/KpiCharts';
import { gameEntry, placement, rankRuns, RankingView, runEntry, scoreKey, type RankEntry } from '../../src/ui/compare/Ranking';
import type { GameSnapshot, RoundSummary } from '../../src/worker/protocol';
import type { ReferenceRun } from '../../src/worker/referenceProtocol';

/** A round summary with just what these tests read. */
const summary = (round: number, profit: number, equity = 0, score = 0): RoundSummary =>
  ({ round, score, finance: { operatingProfit: profit, cashAfter: 0 }, firm: { customerEquity: equity, customers: 10 * round } }) as unknown as RoundSummary;

const runOf = (policy: ReferenceRun['policy'], profits: number[], score = 0, status: ReferenceRun['status'] = 'finished'): ReferenceRun => ({
  policy,
  summaries: profits.map((p, i) => summary(i + 1, p, 100 * (i + 1))),
  score,
  status,
  finalHash: 'x',
});

describe('referenceSeries (ghost lines of the KPI charts)', () => {
  const runs = [runOf('uniform', [1, 2, 3, 4, 5]), runOf('discounter', [10, 20, 30])];
  const names = (p: string) => `name:${p}`;

  it('shows only the quarters the learner has played while the game is on', () => {
    const s = referenceSeries(runs, 'operatingProfit', 2, false, names);
    expect(s).toEqual([
      { id: 'uniform', name: 'name:uniform', values: [1, 2] },
      { id: 'discounter', name: 'name:discounter', values: [10, 20] },
    ]);
    expect(referenceSeries(runs, 'operatingProfit', 0, false, names).map((x) => x.values)).toEqual([[], []]);
    // A run that ended (bankrupt) before the learner's quarter shows what it played.
    expect(referenceSeries(runs, 'operatingProfit', 4, false, names).map((x) => x.values)).toEqual([[1, 2, 3, 4], [10, 20, 30]]);
  });

  it('shows every quarter once the game is over, whatever the learner played', () => {
    expect(referenceSeries(runs, 'operatingProfit', 2, true, names).map((x) => x.values)).toEqual([[1, 2, 3, 4, 5], [10, 20, 30]]);
  });

  it('reads the chosen KPI', () => {
    expect(referenceSeries(runs, 'customerEquity', 3, false, names)[0]!.values).toEqual([100, 200, 300]);
    expect(referenceSeries(runs, 'customers', 1, false, names)[1]!.values).toEqual([10]);
  });
});

const entry = (id: RankEntry['id'], score: number): RankEntry => ({ id, score, profit: 0, equity: 0, status: 'finished' });

describe('rankRuns', () => {
  it('orders by score, best first', () => {
    const r = rankRuns([entry('you', 5), entry('uniform', 7), entry('value-based', 9), entry('cost-cutter', -3), entry('discounter', 6)]);
    expect(r.map((e) => [e.id, e.rank])).toEqual([
      ['value-based', 1],
      ['uniform', 2],
      ['discounter', 3],
      ['you', 4],
      ['cost-cutter', 5],
    ]);
  });

  it('gives tied scores one rank and skips the places they take (1, 2, 2, 4); the learner first within a tie', () => {
    const r = rankRuns([entry('uniform', 4), entry('value-based', 8), entry('you', 4), entry('cost-cutter', 1), entry('discounter', 4)]);
    expect(r.map((e) => [e.id, e.rank])).toEqual([
      ['value-based', 1],
      ['you', 2],
      ['uniform', 2],
      ['discounter', 2],
      ['cost-cutter', 5],
    ]);
  });

  it('ties scores that are equal at the precision shown (one decimal), not ones that differ there', () => {
    expect(scoreKey(1.04)).toBe(scoreKey(0.96));
    expect(scoreKey(-1.25)).toBe(-1.3);
    expect(rankRuns([entry('uniform', 1.04), entry('you', 0.96)]).map((e) => [e.id, e.rank])).toEqual([['you', 1], ['uniform', 1]]);
    expect(rankRuns([entry('you', 1.04), entry('uniform', 1.06)]).map((e) => [e.id, e.rank])).toEqual([['uniform', 1], ['you', 2]]);
  });

  it('placement says who is above, level and below', () => {
    const p = placement(rankRuns([entry('you', 4), entry('uniform', 4), entry('value-based', 8), entry('cost-cutter', 1), entry('discounter', 0)]));
    expect(p).toEqual({ rank: 2, total: 5, tied: true, above: ['cost-cutter', 'discounter'], level: ['uniform'], below: ['value-based'] });
    expect(placement(rankRuns([entry('uniform', 1)]))).toBeNull();
  });

  it('entries sum the operating profit and take the last customer equity', () => {
    const g = { summaries: [summary(1, 5, 10), summary(2, -2, 30)], view: { score: 3, status: 'finished' } } as unknown as GameSnapshot;
    expect(gameEntry(g)).toEqual({ id: 'you', score: 3, profit: 3, equity: 30, status: 'finished' });
    expect(runEntry(runOf('discounter', [1, 2, 4], 7, 'bankrupt'))).toEqual({ id: 'discounter', score: 7, profit: 7, equity: 300, status: 'bankrupt' });
  });
});

describe('Ranking', () => {
  const game = (score: number) =>
    ({ scenario: { currency: 'CNY' }, summaries: [summary(1, 100, 1000)], view: { score, status: 'finished' }, scenarioHash: 'A', seed: 's' }) as unknown as GameSnapshot;
  const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  afterEach(() => void initI18n('en'));
  const runs = [runOf('uniform', [1], 5), runOf('value-based', [1], 9), runOf('cost-cutter', [1], 1, 'bankrupt'), runOf('discounter', [1], 2)];

  it('says the strategies are being played while they are', () => {
    initI18n('en');
    const html = text(renderToStaticMarkup(h(RankingView, { lang: 'en', game: game(4), runs: runs.slice(0, 1), status: 'running' })));
    expect(html).toContain('Playing the reference strategies on your scenario and seed (1 of 4 done)');
    expect(html).not.toContain('You placed');
  });

  it('ranks the learner with a table and one sentence, in English and Chinese', () => {
    initI18n('en');
    const en = text(renderToStaticMarkup(h(RankingView, { lang: 'en', game: game(4), runs, status: 'done' })));
    expect(en).toContain('You placed 3rd of 5: above discounter and cost cutter; below value-based tiering and uniform service.');
    expect(en).toContain('3rd You (this game) 4 ¥100 ¥1,000 4th Discounter');
    expect(en).toContain('Cost cutter (bankrupt)');
    initI18n('zh-CN');
    const zh = text(renderToStaticMarkup(h(RankingView, { lang: 'zh-CN', game: game(4), runs, status: 'done' })));
    expect(zh).toContain('你在 5 局中排第3名：高于“打折促销”和“削减成本”；低于“基于价值的分级”和“统一服务”。');
    expect(zh).toContain('削减成本（破产）');
  });

  it('says when the strategies could not be played', () => {
    const html = text(renderToStaticMarkup(h(RankingView, { lang: 'en', game: game(5), runs: [], status: 'failed' })));
    expect(html).toContain('could not be played');
    expect(html).not.toContain('You placed');
  });

  it('says when the learner tied', () => {
    initI18n('en');
    expect(text(renderToStaticMarkup(h(RankingView, { lang: 'en', game: game(5), runs, status: 'done' })))).toContain('You tied for 2nd of 5: above discounter and cost cutter; level with uniform service; below value-based tiering.');
  });
});
