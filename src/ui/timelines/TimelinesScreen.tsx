/**
 * Two timelines side by side: a "what if" branch and the game it branched from. Both are
 * saved games; the original is never changed by the branch. Charts of any KPI with both
 * lines, and a table of the quarters.
 */
import '../debrief/messages'; // registers the 'debrief' messages (they load with this screen)
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index';
import { LineChart } from '../charts/LineChart';
import { fmtMoney, fmtNumber } from '../format';
import { fmtKpi, KPIS, kpiById, type KpiId } from '../shell/kpis';
import type { RoundSummary } from '../../worker/protocol';
import '../debrief/debrief.css';

const COLUMNS = [
  { id: 'score', read: (s: RoundSummary) => s.score, money: false },
  { id: 'operatingProfit', read: (s: RoundSummary) => s.finance.operatingProfit, money: true },
  { id: 'customers', read: (s: RoundSummary) => s.firm.customers, money: false },
  { id: 'customerEquity', read: (s: RoundSummary) => s.firm.customerEquity, money: true },
] as const;

export default function TimelinesScreen() {
  const { t } = useTranslation('debrief');
  const { t: tc } = useTranslation();
  const lang = useStore((s) => s.lang);
  const game = useStore((s) => s.game)!;
  const timeline = useStore((s) => s.timeline);
  const [kpi, setKpi] = useState<KpiId>('score');
  const pick = useId();
  if (!timeline) {
    return (
      <section className="card">
        <h1 tabIndex={-1}>{t('timelines.title')}</h1>
        <p>{t('timelines.none')}</p>
      </section>
    );
  }
  const sc = game.scenario;
  const def = kpiById(kpi);
  const a = timeline.summaries;
  const b = game.summaries;
  const n = Math.max(a.length, b.length);
  const values = (s: readonly RoundSummary[]) => Array.from({ length: n }, (_, i) => (s[i] ? def.read(s[i]) : null));
  const fmt = (id: (typeof COLUMNS)[number], v: number) => (id.money ? fmtMoney(v, sc.currency, lang) : fmtNumber(v, lang, { digits: id.id === 'score' ? 1 : 0 }));
  return (
    <article className="stack timelines">
      <h1 tabIndex={-1}>{t('timelines.title')}</h1>
      <p className="lead">{timeline.fromRound > 1 ? t('timelines.intro', { n: timeline.fromRound + 1, k: timeline.fromRound }) : timeline.fromRound === 1 ? t('timelines.introOne') : t('timelines.introStart')}</p>
      <p data-testid="timelines-score">
        {t('timelines.score', {
          a: fmtNumber(timeline.score, lang, { digits: 1 }),
          q: a.length,
          b: fmtNumber(game.view.score, lang, { digits: 1 }),
          p: b.length,
        })}
      </p>
      <section className="card">
        <div className="row">
          <label htmlFor={pick}>{t('timelines.kpi')}</label>
          <select id={pick} value={kpi} onChange={(e) => setKpi(e.target.value as KpiId)}>
            {KPIS.map((k) => (
              <option key={k.id} value={k.id}>
                {tc(`kpi.name.${k.id}`)}
              </option>
            ))}
          </select>
        </div>
        <LineChart
          title={tc(`kpi.name.${kpi}`)}
          lang={lang}
          firstQuarter={1}
          series={[
            { id: 'branch', name: t('timelines.branch'), values: values(b) },
            { id: 'original', name: t('timelines.original'), values: values(a) },
          ]}
          format={(v) => fmtKpi(def, v, sc.currency, lang)}
          bounds={def.bounds}
        />
      </section>
      <section className="card" aria-labelledby="timelines-table">
        <h2 id="timelines-table">{t('timelines.table')}</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="timelines-table">
          <table className="data" data-testid="timelines-table">
            <colgroup>
              <col />
            </colgroup>
            {COLUMNS.map((c) => (
              <colgroup key={c.id} span={2} />
            ))}
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {t('timelines.quarter')}
                </th>
                {COLUMNS.map((c) => (
                  <th scope="colgroup" colSpan={2} className="group" key={c.id}>
                    {tc(`kpi.name.${c.id}`)}
                  </th>
                ))}
              </tr>
              <tr>
                {COLUMNS.flatMap((c) => [
                  <th scope="col" className="num" key={`a-${c.id}`}>
                    {t('timelines.original')}
                  </th>,
                  <th scope="col" className="num" key={`b-${c.id}`}>
                    {t('timelines.branch')}
                  </th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: n }, (_, i) => (
                <tr key={i}>
                  <th scope="row" className="nowrap">{i < timeline.fromRound ? t('timelines.sameQuarter', { n: i + 1 }) : i + 1}</th>
                  {COLUMNS.flatMap((c) => [
                    <td className="num" key={`a-${c.id}`}>
                      {a[i] ? fmt(c, c.read(a[i])) : '—'}
                    </td>,
                    <td className="num" key={`b-${c.id}`}>
                      {b[i] ? fmt(c, c.read(b[i])) : '—'}
                    </td>,
                  ])}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <div className="row">
        <button type="button" data-testid="to-original" onClick={() => void useStore.getState().resume(timeline.gameId)}>
          {t('timelines.back')}
        </button>
        <span className="muted">{t('timelines.backNote')}</span>
      </div>
    </article>
  );
}
