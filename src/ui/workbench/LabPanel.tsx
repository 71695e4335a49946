/**
 * The balance lab in the browser: the command line's `lab` on the draft, in lab workers (one per
 * core) with a progress bar, then each strategy's distribution over the seeds (a chart per
 * measure, with a table), the lever sweeps, the market games and the flags in words.
 */
import './messages'; // registers the 'workbench' messages (they load with this screen)
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEVER_NAMES } from '../../sim/config';
import { pickText, type Lang } from '../../sim/text';
import { runLab, stopLab, useWorkbench, type LabFlag, type LabPolicyRow } from '../../store/workbench';
import { RowChart } from '../charts/index';
import { fmtMoney, fmtNumber } from '../format';

const MAX_SEEDS = 200;
type Metric = 'score' | 'cumulativeProfit' | 'customerEquity' | 'satisfaction';
const METRICS: readonly Metric[] = ['score', 'cumulativeProfit', 'customerEquity', 'satisfaction'];

export function LabPanel({ lang, currency, canRun }: { lang: Lang; currency: string; canRun: boolean }) {
  const { t } = useTranslation('workbench');
  const id = useId();
  const lab = useWorkbench((s) => s.lab);
  const text = useWorkbench((s) => s.text);
  const [seeds, setSeeds] = useState(String(lab.seeds));
  const [metric, setMetric] = useState<Metric>('score');
  const n = Number(seeds);
  const seedsOk = Number.isInteger(n) && n >= 1 && n <= MAX_SEEDS;
  const running = lab.status === 'running';
  const r = lab.report;
  const points = (x: number) => fmtNumber(x, lang, { digits: 1 });
  const money = (x: number) => fmtMoney(x, currency, lang);
  const format = (m: Metric) => (m === 'score' || m === 'satisfaction' ? points : money);
  const name = (p: string) => t(`policy.${p}` as 'policy.uniform', { defaultValue: p });
  const colName: Record<Metric, string> = { score: t('lab.col.score'), cumulativeProfit: t('lab.col.profit'), customerEquity: t('lab.col.equity'), satisfaction: t('lab.col.satisfaction') };
  const flagText = (f: LabFlag): string => {
    switch (f.kind) {
      case 'dominant':
        return t(f.market ? 'lab.flag.dominantMarket' : 'lab.flag.dominant', { policy: name(f.policy), score: points(f.score), valueBased: points(f.valueBased) });
      case 'bankrupt':
        return t('lab.flag.bankrupt', { policy: name(f.policy), seeds: f.seeds.join(', ') });
      case 'endGameExploit':
        return t('lab.flag.endGame', { policy: name(f.policy), wins: f.seeds.length, games: f.games, gain: points(f.gain) });
      case 'noDiminishingReturns':
        return t('lab.flag.lever', { lever: pickText(LEVER_NAMES[f.lever], lang), scores: f.scores.map(points).join(' / ') });
      case 'lesson':
        return f.lesson === 1 ? t('lab.flag.lesson1', { held: f.held, games: f.games, needed: f.needed }) : t('lab.flag.lesson2', { held: f.held, games: f.games, needed: f.needed, from: f.from ?? 3 });
    }
  };
  const spread = (p: LabPolicyRow, m: Metric) => t('lab.spread', { mean: format(m)(p[m].mean), min: format(m)(p[m].min), max: format(m)(p[m].max) });

  return (
    <section className="card stack wb-lab" aria-labelledby={`${id}-h`} data-testid="wb-lab">
      <h2 id={`${id}-h`}>{t('lab.heading')}</h2>
      <p className="muted">{t('lab.intro')}</p>
      <div className="row">
        <label htmlFor={`${id}-seeds`} className="wb-field wb-narrow">
          <span>{t('lab.seeds')}</span>
          <input id={`${id}-seeds`} type="number" min={1} max={MAX_SEEDS} step={1} value={seeds} data-testid="wb-lab-seeds" onChange={(e) => setSeeds(e.target.value)} />
        </label>
        {running ? (
          <button type="button" data-testid="wb-lab-stop" onClick={stopLab}>
            {t('lab.stop')}
          </button>
        ) : (
          <button type="button" className="primary" data-testid="wb-lab-run" disabled={!canRun || !seedsOk} aria-describedby={!canRun ? `${id}-why` : undefined} onClick={() => void runLab(n)}>
            {t('lab.run')}
          </button>
        )}
      </div>
      {!canRun && (
        <p id={`${id}-why`} className="start-why">
          {t('lab.blocked')}
        </p>
      )}
      {running && (
        <div role="status" data-testid="wb-lab-progress">
          <progress max={Math.max(1, lab.total)} value={lab.done} aria-label={t('lab.progressLabel')} />
          <p>{t('lab.progress', { done: lab.done, total: lab.total, workers: lab.workers })}</p>
        </div>
      )}
      {lab.error && (
        <p className="start-why" role="alert">
          {t('lab.failed', { why: lab.error })}
        </p>
      )}
      {r && (
        <div className="stack" data-testid="wb-lab-report">
          {lab.text !== text && <p className="wb-note">{t('lab.stale')}</p>}
          <p>{t('lab.done', { games: lab.total, seeds: r.seeds })}</p>
          <h3>{t('lab.flags')}</h3>
          {r.flags.length === 0 ? (
            <p data-testid="wb-lab-noflags">{t('lab.noFlags')}</p>
          ) : (
            <ul data-testid="wb-lab-flags">
              {r.flags.map((f, k) => (
                <li key={k}>{flagText(f)}</li>
              ))}
            </ul>
          )}
          <h3>{t('lab.chart')}</h3>
          <div role="radiogroup" aria-label={t('lab.metric')} className="row">
            {METRICS.map((m) => (
              <label key={m} className="wb-radio">
                <input type="radio" name={`${id}-metric`} checked={metric === m} onChange={() => setMetric(m)} />
                {colName[m]}
              </label>
            ))}
          </div>
          <RowChart
            lang={lang}
            rows={r.policies.map((p) => ({ label: name(p.policy), min: p[metric].min, max: p[metric].max, mean: p[metric].mean }))}
            format={format(metric)}
            head={[t('lab.col.strategy'), `${colName[metric]}: ${t('lab.col.mean')}`, t('lab.col.min'), t('lab.col.max')]}
            summary={`${t('lab.chart')}: ${colName[metric]}`}
            emphasis={name('value-based')}
          />
          <div className="table-scroll">
            <table className="data" data-testid="wb-lab-table">
              <caption>{t('lab.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('lab.col.strategy')}</th>
                  {METRICS.map((m) => (
                    <th key={m} scope="col">
                      {colName[m]}
                    </th>
                  ))}
                  <th scope="col">{t('lab.col.bankrupt')}</th>
                </tr>
              </thead>
              <tbody>
                {r.policies.map((p) => (
                  <tr key={p.policy}>
                    <th scope="row">{name(p.policy)}</th>
                    {METRICS.map((m) => (
                      <td key={m}>{spread(p, m)}</td>
                    ))}
                    <td>
                      {p.bankrupt}/{p.games}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-scroll">
            <table className="data">
              <caption>{t('lab.levers')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('lab.lever')}</th>
                  {(r.levers[0]?.factors ?? [1, 2, 4, 8]).map((f) => (
                    <th key={f} scope="col">
                      {`${fmtNumber(f, lang)}×`}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.levers.map((l) => (
                  <tr key={l.lever}>
                    <th scope="row">{pickText(LEVER_NAMES[l.lever], lang)}</th>
                    {l.score.map((s, k) => (
                      <td key={k}>{points(s)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {r.market && (
            <table className="data">
              <caption>{t('lab.market', { firms: r.market.firms })}</caption>
              <tbody>
                {r.market.policies.map((p) => (
                  <tr key={p.policy}>
                    <th scope="row">{name(p.policy)}</th>
                    <td>{t('lab.spread', { mean: points(p.score.mean), min: points(p.score.min), max: points(p.score.max) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
