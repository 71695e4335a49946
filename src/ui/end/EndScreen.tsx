/**
 * End of game, the debrief: the score and the ranking among the reference strategies, the
 * three decisions that mattered most and the lessons this run showed or broke (from the
 * attribution of every quarter), tier economics (whale curve, CLV per tier), the scorecard,
 * the reveal of true against measured satisfaction, why each quarter changed, and exports.
 * Prints as an A4 debrief (debrief.css).
 */
import '../debrief/messages'; // registers the 'debrief' messages (they load with this screen)
import { useEffect, useId, useMemo, useState } from 'react';
import type { QuarterAttribution } from '../../sim/attribution';
import { useTranslation } from 'react-i18next';
import { resolveParams } from '../../sim/params';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import type { GameTruth, RoundSummary, RoundTruth } from '../../worker/protocol';
import { LineChart } from '../charts/LineChart';
import { fmtMoney, fmtNumber, fmtPercent } from '../format';
import { KpiChart } from '../shell/KpiCharts';
import { KPIS, measuredNps, measuredSatisfaction } from '../shell/kpis';
import { ObjectiveText } from '../shell/ObjectiveText';
import { fmtObjective } from '../shell/objectiveValue';
import { tierName } from '../shell/tierName';
import { ProfitBridge } from '../shell/ProfitBridge';
import { SurveyScale } from '../shell/SurveyScale';
import { saveTextFile } from '../shell/files';
import { PrintIcon } from '../shell/icons';
import { errorText } from '../../scenario/errorText';
import type { WhaleCurve } from '../../worker/whaleTypes';
import { WhaleChart } from '../charts/WhaleChart';
import { Ranking } from '../compare/Ranking';
import { ExplainPanel, QuarterSummary } from '../debrief/ExplainPanel';
import { ExportCsvButton } from '../debrief/ExportCsvButton';
import { LessonsList, TopDecisions } from '../debrief/Lessons';
import '../quarter/quarter.css';
import '../debrief/debrief.css';
import './end.css';

/** The whale curve of the current state, from the worker (null while it loads). */
function useWhale(stateKey: string): { curve: WhaleCurve | null; error: string | null } {
  const [out, setOut] = useState<{ key: string; curve: WhaleCurve | null; error: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    useStore
      .getState()
      .whaleCurve()
      .then(
        (curve) => live && setOut({ key: stateKey, curve, error: null }),
        (e: unknown) => live && setOut({ key: stateKey, curve: null, error: errorText(e) }),
      );
    return () => {
      live = false;
    };
  }, [stateKey]);
  return out && out.key === stateKey ? out : { curve: null, error: null };
}

/**
 * The value an objective's KPI had when it was checked, as the engine reported it: in the
 * observed summaries, or (for an objective on a true KPI, such as satisfaction) in the truth the
 * game's end revealed.
 */
function objectiveValue(id: string, s: readonly RoundSummary[], truth: GameTruth | null | undefined): number | null {
  for (const x of [...s, ...(truth?.rounds ?? [])]) for (const o of x.objectives) if (o.id === id) return o.value;
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
  const { t: td } = useTranslation('debrief');
  const sparse = useStore((st) => st.explanations);
  const revealed = useStore((st) => st.explanationsRevealed);
  // The debrief reads the whole attributions (with the true KPIs), which come once the game is over.
  const explanations = useMemo(() => (revealed ? sparse.filter((a): a is QuarterAttribution => a !== undefined) : []), [sparse, revealed]);
  const explaining = useStore((st) => st.explaining);
  const whale = useWhale(game.view.hash);
  const [quarter, setQuarter] = useState(s.length);
  const quarterPick = useId();
  useEffect(() => {
    if (s.length > 0) void useStore.getState().explain(s.length, 1);
  }, [s.length]);
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
  const truth = game.truth;
  return (
    <article className="stack end debrief" data-testid="debrief">
      <p className="print-only muted">{td('debrief.printedAt', { scenario: pickText(sc.title, lang), seed: game.seed, hash: last?.hash ?? '' })}</p>
      <h1 tabIndex={-1}>{game.view.status === 'bankrupt' ? t('end.bankruptTitle') : t('end.title')}</h1>
      <p className="lead">{td('debrief.intro')}</p>
      <section className="card score-card" data-testid="end-score">
        <p className="big-score">
          {t('end.score')} <strong>{fmtNumber(game.view.score, lang, { digits: 1, full: true })}</strong>
        </p>
        <p>
          {t('end.summary', {
            n: s.length,
            profit: fmtMoney(s.reduce((a, x) => a + x.finance.operatingProfit, 0), currency, lang),
            count: last?.firm.customers ?? 0,
            customers: fmtNumber(last?.firm.customers ?? 0, lang),
            equity: fmtMoney(last?.firm.customerEquity ?? 0, currency, lang),
          })}
        </p>
        <p className="muted">{t('end.hash', { hash: last?.hash ?? '', seed: game.seed })}</p>
        <div className="row no-print">
          <button type="button" className="icon-button" data-testid="print-debrief" onClick={() => window.print()}>
            <PrintIcon /> {td('debrief.print')}
          </button>
          <button type="button" data-testid="end-export" onClick={() => void exportRun()}>
            {t('end.export')}
          </button>
          <ExportCsvButton />
          <button type="button" onClick={() => useStore.getState().quit()}>
            {t('end.newGame')}
          </button>
        </div>
        <p className="muted small no-print">
          {td('debrief.printHint')} {td('debrief.exportsNote')}
        </p>
      </section>

      <Ranking />

      {explanations.length >= s.length ? (
        <>
          <section className="card" aria-labelledby="top-title" data-testid="top-decisions">
            <h2 id="top-title">{td('debrief.top')}</h2>
            <p className="muted small">{td('debrief.topNote')}</p>
            <TopDecisions attributions={explanations} />
          </section>
          <section className="card allow-break" aria-labelledby="lessons-title" data-testid="lessons">
            <h2 id="lessons-title">{td('debrief.lessons')}</h2>
            <LessonsList attributions={explanations} />
          </section>
        </>
      ) : (
        <section className="card">
          <p role="status" data-testid="debrief-working">
            {explaining && explaining.total > 1 ? td('explain.working', { done: explaining.done, total: explaining.total }) : td('debrief.loading')}
          </p>
        </section>
      )}

      <section className="card allow-break" aria-labelledby="economics-title">
        <h2 id="economics-title">{td('debrief.economics')}</h2>
        <h3>{td('debrief.whale')}</h3>
        <p className="muted small">{td('debrief.whaleNote')}</p>
        {whale.curve ? (
          <div data-testid="whale">
            <WhaleChart curve={whale.curve} lang={lang} currency={currency} />
          </div>
        ) : whale.error ? (
          <p role="alert">{td('debrief.whaleFailed', { message: whale.error })}</p>
        ) : (
          <p role="status">{td('debrief.loading')}</p>
        )}
        <h4>{t('books.titleGame')}</h4>
        <p className="muted small">{t('books.introGame')}</p>
        <ProfitBridge bridges={s.map((x) => x.bridge)} tierProfits={null} caption={td('debrief.bridgeGame', { n: s.length })} testId="bridge-game" />
        <h3>{td('debrief.clv')}</h3>
        {last && <TierEconomics summary={last} />}
        {last && (
          <>
            <h4>{t('books.title')}</h4>
            <p className="muted small">{t('books.intro')}</p>
            <ProfitBridge bridges={[last.bridge]} tierProfits={last.tiers.map((x) => x.profit)} caption={td('debrief.bridgeLast', { n: last.round })} testId="bridge-last" />
          </>
        )}
      </section>

      <section className="card" aria-labelledby="objectives-title">
        <h2 id="objectives-title">{t('end.objectives')}</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="objectives-title">
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
              const v = objectiveValue(o.id, s, game.truth);
              const ok = met.has(o.id);
              return (
                <tr key={o.id}>
                  <td>
                    <ObjectiveText objective={o} />
                  </td>
                  <td className="num objective-reached">
                    <span className="objective-value">{v === null ? '—' : fmtObjective(o.kpi, v, currency, lang)}</span>
                    <span className="muted objective-target">
                      {t(o.op === '>=' ? 'end.targetAtLeast' : 'end.targetAtMost', { target: fmtObjective(o.kpi, o.target, currency, lang) })}
                    </span>
                  </td>
                  <td className="objective-result">{ok ? `✔ ${t('end.met', { points: fmtNumber(o.points, lang) })}` : `✘ ${t('end.notMet')}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
        {game.answerScale.objectives.length > 0 && <SurveyScale />}
      </section>

      <section className="card" aria-labelledby="reveal-title" data-testid="reveal">
        <h2 id="reveal-title">{t('end.reveal')}</h2>
        <p>{t('end.revealIntro')}</p>
        {/* Said once on this screen: under the objectives when one speaks of satisfaction, here otherwise. */}
        {game.answerScale.objectives.length === 0 && <SurveyScale />}
        {truth ? <Reveal summaries={s} truth={truth} /> : <p role="status">{td('debrief.loading')}</p>}
        <p className="muted">{t('end.revealNote', { surveyed: measured.filter(Boolean).length, n: s.length })}</p>
      </section>

      <section className="card allow-break" aria-labelledby="quarters-title">
        <h2 id="quarters-title">{td('debrief.quarters')}</h2>
        {explanations.length >= s.length && (
          <>
            <h3>{td('debrief.summaryTable')}</h3>
            <QuarterSummary attributions={explanations} />
          </>
        )}
        <p className="muted small no-print">{td('debrief.pickNote')}</p>
        <div className="row no-print">
          <label htmlFor={quarterPick}>{td('debrief.quarter')}</label>
          <select id={quarterPick} data-testid="debrief-quarter" value={quarter} onChange={(e) => setQuarter(Number(e.target.value))}>
            {s.map((x) => (
              <option key={x.round} value={x.round}>
                {x.round}
              </option>
            ))}
          </select>
        </div>
        <ExplainPanel round={Math.min(quarter, s.length)} headingLevel={3} />
      </section>

      <section className="card no-print" aria-labelledby="all-charts">
        <h2 id="all-charts">{t('end.allCharts')}</h2>
        <div className="grid2">
          {KPIS.map((k) => (
            <KpiChart key={k.id} id={k.id} byTier={Boolean(k.readTier) && k.kind !== 'share' && k.id !== 'measuredSatisfaction' && k.id !== 'measuredNps'} height={220} references />
          ))}
        </div>
      </section>
      <div className="row no-print">
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

/**
 * The truth the worker sent with the end of the game beside what the learner measured: true
 * satisfaction (firm and tiers) against the survey with its margin of error, NPS, loyalty,
 * share of wallet, and employee satisfaction against the employee survey.
 */
function Reveal({ summaries: s, truth }: { summaries: readonly RoundSummary[]; truth: GameTruth }) {
  const { t } = useTranslation();
  const lang = useStore((st) => st.lang);
  const sc = useStore((st) => st.game)!.scenario;
  const at = (round: number) => truth.rounds.find((x) => x.round === round);
  const tv = (f: (x: RoundTruth) => number | undefined) => s.map((x) => { const v = at(x.round); return v ? (f(v) ?? null) : null; });
  const tierCount = Math.max(1, ...s.map((x) => x.tiers.length));
  const measured = s.map((x) => measuredSatisfaction(x));
  const nps = s.map((x) => measuredNps(x));
  return (
    <div className="grid2">
      <LineChart
        title={t('end.trueSatisfaction')}
        lang={lang}
        firstQuarter={1}
        series={[
          // Beside the tiers' lines the firm's is named as the whole firm (the chart's title says these are true values).
          { id: 'true', name: tierCount > 1 ? t('report.firm') : t('end.truth'), values: tv((x) => x.firm.satisfaction) },
          ...(tierCount > 1 ? Array.from({ length: tierCount }, (_, i) => ({ id: `t${i}`, name: tierName(sc, i, tierCount, lang), values: tv((x) => x.tiers[i]?.satisfaction) })) : []),
        ]}
        format={(v) => fmtNumber(v, lang, { digits: 1 })}
        bounds={[0, 100]}
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
        bounds={[1, 5]}
        empty={t('end.noSurvey')}
      />
      <LineChart
        title={t('end.npsCompare')}
        lang={lang}
        firstQuarter={1}
        series={[
          { id: 'trueNps', name: t('end.truth'), values: tv((x) => x.firm.nps) },
          { id: 'measuredNps', name: t('end.measured'), values: nps.map((m) => m?.value ?? null) },
        ]}
        format={(v) => fmtNumber(v, lang, { digits: 0 })}
        bounds={[-100, 100]}
      />
      <LineChart
        title={t('end.employeeCompare')}
        lang={lang}
        firstQuarter={1}
        series={[
          { id: 'trueEmployees', name: t('end.truth'), values: tv((x) => x.employees.satisfaction) },
          { id: 'measuredEmployees', name: t('end.measured'), values: s.map((x) => x.employeeSurvey?.mean ?? null) },
        ]}
        format={(v) => fmtNumber(v, lang, { digits: 1 })}
        bounds={[0, 100]}
      />
      <LineChart
        title={t('end.trueLoyalty')}
        lang={lang}
        firstQuarter={1}
        series={[{ id: 'loyalty', name: t('end.truth'), values: tv((x) => x.firm.loyalty) }]}
        format={(v) => fmtPercent(v, lang)}
        bounds={[0, 1]}
      />
      <LineChart
        title={t('end.trueShareOfWallet')}
        lang={lang}
        firstQuarter={1}
        series={[{ id: 'shareOfWallet', name: t('end.truth'), values: tv((x) => x.firm.shareOfWallet) }]}
        format={(v) => fmtPercent(v, lang)}
        bounds={[0, 1]}
      />
    </div>
  );
}

/** Customers, CLV, customer equity and profit per tier in the last quarter (the valuation as the firm saw it). */
function TierEconomics({ summary }: { summary: RoundSummary }) {
  const { t } = useTranslation('debrief');
  const lang = useStore((s) => s.lang);
  const game = useStore((s) => s.game)!;
  const sc = game.scenario;
  const money = (v: number) => fmtMoney(v, sc.currency, lang);
  const equity = summary.firm.customerEquity;
  // Shares of a positive total; a tier with negative equity takes its share away, so the others add up to more than 100%.
  const shares = equity > 0;
  const negative = shares && summary.tiers.some((x) => x.customerEquity < 0);
  // The total row sums the tiers: its profit is the customers' profit after cost to serve, not operating profit.
  const rows = [
    ...summary.tiers.map((x, i) => ({ key: `t${i}`, name: tierName(sc, i, summary.tiers.length, lang), k: x })),
    ...(summary.tiers.length > 1 ? [{ key: 'firm', name: t('debrief.allTiers'), k: { ...summary.firm, profit: summary.bridge.customers } }] : []),
  ];
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('debrief.clv')}>
      <table className="data" data-testid="clv-table">
        <thead>
          <tr>
            <th scope="col">{t('debrief.tier')}</th>
            <th scope="col" className="num">{t('debrief.customers')}</th>
            <th scope="col" className="num">{t('debrief.meanClv')}</th>
            <th scope="col" className="num">{t('debrief.equity')}</th>
            <th scope="col" className="num">{t('debrief.equityShare')}</th>
            <th scope="col" className="num">{t('debrief.profit')}</th>
            <th scope="col" className="num">{t('debrief.profitPerCustomer')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td className="num">{fmtNumber(r.k.customers, lang)}</td>
              <td className="num">{money(r.k.clv)}</td>
              <td className="num">{money(r.k.customerEquity)}</td>
              <td className="num">{shares ? fmtPercent(r.k.customerEquity / equity, lang, 1) : '—'}</td>
              <td className="num">{money(r.k.profit)}</td>
              <td className="num">{r.k.customers > 0 ? money(r.k.profit / r.k.customers) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {negative && <p className="muted small">{t('debrief.equityShareNegative')}</p>}
      <p className="muted small">{t('debrief.clvNote')}</p>
      <p className="small" data-testid="equity-how">
        {t('debrief.equityHow', { rate: fmtPercent(resolveParams(sc.model).finance.discountRate, lang, 1) })}
      </p>
    </div>
  );
}
