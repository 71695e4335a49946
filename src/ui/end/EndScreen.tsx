/**
 * End of game: the score, the scorecard against the objectives, every KPI's chart, and the
 * reveal of true satisfaction against what the surveys measured.
 */
import { useTranslation } from 'react-i18next';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import type { RoundSummary } from '../../worker/protocol';
import { LineChart } from '../charts/LineChart';
import { fmtMoney, fmtNumber } from '../format';
import { KpiChart } from '../shell/KpiCharts';
import { KPIS, measuredNps, measuredSatisfaction } from '../shell/kpis';
import { ObjectiveText } from '../shell/ObjectiveText';
import { saveTextFile } from '../shell/files';
import '../quarter/quarter.css';
import './end.css';

/** The value an objective's KPI had when it was checked, as the engine reported it. */
function objectiveValue(id: string, s: readonly RoundSummary[]): number | null {
  for (const x of s) for (const o of x.objectives) if (o.id === id) return o.value;
  return null;
}

export default function EndScreen() {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const game = useStore((s) => s.game)!;
  const go = useStore((s) => s.go);
  const sc = game.scenario;
  const s = game.summaries;
  const last = s.at(-1);
  const met = new Set(game.view.objectivesMet);
  const currency = sc.currency;
  const exportRun = async () => {
    const r = await useStore.getState().exportRun();
    if (r) saveTextFile(r.text, r.fileName);
  };
  if (s.length === 0) {
    return (
      <section className="card">
        <h1 tabIndex={-1}>{t('end.title')}</h1>
        <p>{t('report.none')}</p>
      </section>
    );
  }
  const measured = s.map((x) => measuredSatisfaction(x));
  const nps = s.map((x) => measuredNps(x));
  return (
    <article className="stack end">
      <h1 tabIndex={-1}>{game.view.status === 'bankrupt' ? t('end.bankruptTitle') : t('end.title')}</h1>
      <section className="card score-card" data-testid="end-score">
        <p className="big-score">
          {t('end.score')} <strong>{fmtNumber(game.view.score, lang, { digits: 1, full: true })}</strong>
        </p>
        <p>
          {t('end.summary', {
            n: s.length,
            profit: fmtMoney(s.reduce((a, x) => a + x.finance.operatingProfit, 0), currency, lang),
            customers: fmtNumber(last?.firm.customers ?? 0, lang),
            equity: fmtMoney(last?.firm.customerEquity ?? 0, currency, lang),
          })}
        </p>
        <p className="muted">{t('end.hash', { hash: last?.hash ?? '', seed: game.seed })}</p>
        <div className="row">
          <button type="button" data-testid="end-export" onClick={() => void exportRun()}>
            {t('end.export')}
          </button>
          <button type="button" onClick={() => useStore.getState().quit()}>
            {t('end.newGame')}
          </button>
        </div>
      </section>

      <section className="card" aria-labelledby="objectives-title">
        <h2 id="objectives-title">{t('end.objectives')}</h2>
        <table className="data" data-testid="scorecard">
          <thead>
            <tr>
              <th scope="col">{t('end.objective')}</th>
              <th scope="col" className="num">{t('end.reached')}</th>
              <th scope="col">{t('end.result')}</th>
            </tr>
          </thead>
          <tbody>
            {sc.objectives.map((o) => {
              const v = objectiveValue(o.id, s);
              const ok = met.has(o.id);
              return (
                <tr key={o.id}>
                  <td>
                    <ObjectiveText objective={o} />
                  </td>
                  <td className="num">{v === null ? '—' : Math.abs(v) >= 1000 ? fmtNumber(v, lang) : fmtNumber(v, lang, { digits: 2 })}</td>
                  <td>{ok ? `✔ ${t('end.met', { points: fmtNumber(o.points, lang) })}` : `✘ ${t('end.notMet')}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="reveal-title">
        <h2 id="reveal-title">{t('end.reveal')}</h2>
        <p>{t('end.revealIntro')}</p>
        <div className="grid2">
          <LineChart
            title={t('end.trueSatisfaction')}
            lang={lang}
            firstQuarter={1}
            series={[
              { id: 'true', name: t('end.truth'), values: s.map((x) => x.firm.satisfaction) },
              ...s[0]!.tiers.map((_, i) => ({ id: `t${i}`, name: pickText(sc.tiers[i]?.name, lang), values: s.map((x) => x.tiers[i]?.satisfaction ?? null) })),
            ]}
            format={(v) => fmtNumber(v, lang, { digits: 1 })}
          />
          <LineChart
            title={t('end.measuredSatisfaction')}
            lang={lang}
            firstQuarter={1}
            series={[
              { id: 'mean', name: t('end.measured'), values: measured.map((m) => m?.mean ?? null) },
              { id: 'lo', name: t('end.low'), values: measured.map((m) => (m ? m.mean - m.moe : null)) },
              { id: 'hi', name: t('end.high'), values: measured.map((m) => (m ? m.mean + m.moe : null)) },
            ]}
            format={(v) => fmtNumber(v, lang, { digits: 2 })}
          />
          <LineChart
            title={t('end.npsCompare')}
            lang={lang}
            firstQuarter={1}
            series={[
              { id: 'trueNps', name: t('end.truth'), values: s.map((x) => x.firm.nps) },
              { id: 'measuredNps', name: t('end.measured'), values: nps.map((m) => m?.value ?? null) },
            ]}
            format={(v) => fmtNumber(v, lang, { digits: 0 })}
          />
          <LineChart
            title={t('end.trueLoyalty')}
            lang={lang}
            firstQuarter={1}
            series={[{ id: 'loyalty', name: t('end.truth'), values: s.map((x) => x.firm.loyalty) }]}
            format={(v) => fmtNumber(v, lang, { digits: 2 })}
          />
        </div>
        <p className="muted">{t('end.revealNote', { surveyed: measured.filter(Boolean).length, n: s.length })}</p>
      </section>

      <section className="card" aria-labelledby="all-charts">
        <h2 id="all-charts">{t('end.allCharts')}</h2>
        <div className="grid2">
          {KPIS.map((k) => (
            <KpiChart key={k.id} id={k.id} byTier={Boolean(k.readTier) && k.kind !== 'share' && k.id !== 'measuredSatisfaction' && k.id !== 'measuredNps'} height={220} />
          ))}
        </div>
      </section>
      <div className="row">
        <button type="button" onClick={() => useStore.getState().openReport(s.length)}>
          {t('end.toReports')}
        </button>
        <button type="button" onClick={() => go('database')}>
          {t('report.toDatabase')}
        </button>
      </div>
    </article>
  );
}
