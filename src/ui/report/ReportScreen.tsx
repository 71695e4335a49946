/**
 * A quarter's report: what happened per tier, surveys as measured (with their margin of
 * error, never the hidden truth), movements between tiers, events, money, staff, and the
 * state hash an instructor can compare with the command line.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KIND_NAMES } from '../../sim/report';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import { fmtMoney, fmtNumber, fmtPercent } from '../format';
import { ExplainPanel } from '../debrief/ExplainPanel';
import { BenchmarkCard } from '../market/BenchmarkCard';
import { WhatIf } from '../debrief/WhatIf';
import { KpiCards } from '../shell/KpiCards';
import { tierName } from '../shell/tierName';
import { ProfitBridge } from '../shell/ProfitBridge';
import { SurveyScale } from '../shell/SurveyScale';
import '../quarter/quarter.css';
import './report.css';

const TIER_ROWS = ['customers', 'revenue', 'profit', 'retention', 'acquired', 'referred', 'wonBack', 'churned', 'failures', 'complaints', 'recovered'] as const;
const FINANCE_IN = ['revenue', 'secondaryRevenue'] as const;
const FINANCE_OUT = ['costOfGoods', 'secondaryCostOfGoods', 'secondaryServe', 'wages', 'hiring', 'severance', 'training', 'systems', 'brand', 'relationship', 'retention', 'acquisition', 'winBack', 'research', 'recovery', 'fixedCosts', 'interest'] as const;

export default function ReportScreen() {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const inMarket = useStore((s) => s.market !== null);
  const game = useStore((s) => s.game)!;
  const round = useStore((s) => s.reportRound);
  const openReport = useStore((s) => s.openReport);
  const go = useStore((s) => s.go);
  const played = game.summaries.length;
  const r = Math.max(1, Math.min(round || played, played));
  const s = game.summaries[r - 1];
  const currency = game.scenario.currency;
  if (!s) {
    return (
      <section className="card">
        <h1 tabIndex={-1}>{t('report.none')}</h1>
      </section>
    );
  }
  const money = (v: number) => fmtMoney(v, currency, lang);
  const k = s.tiers.length;
  /** This quarter's tiers; the movements' rows are last quarter's (their count may differ). */
  const tier = (i: number) => tierName(game.scenario, i, k, lang);
  const before = s.migrations.length - 1;
  const tierBefore = (i: number) => tierName(game.scenario, i, before, lang);
  const pooled = s.surveyFirm;
  const noStaff = s.employees.headcount === 0;
  return (
    <article className="stack">
      <div className="row report-head">
        <h1 tabIndex={-1}>{t('report.title', { n: r })}</h1>
        <span className="spacer" />
        <button type="button" disabled={r <= 1} onClick={() => openReport(r - 1)} aria-label={t('report.prevLabel')}>
          ◀ {t('report.prev')}
        </button>
        <button type="button" disabled={r >= played} onClick={() => openReport(r + 1)} aria-label={t('report.nextLabel')}>
          {t('report.next')} ▶
        </button>
      </div>
      <p className="lead" data-testid="report-lead">
        {t('report.lead', { score: fmtNumber(s.roundScore, lang, { digits: 1 }), total: fmtNumber(s.score, lang, { digits: 1 }) })}
        {s.status === 'bankrupt' && <strong> {t('report.bankrupt')}</strong>}
        {s.status === 'finished' && <strong> {t('report.finished')}</strong>}
      </p>
      <p>
        <button type="button" data-testid="watch-quarter" onClick={() => useStore.getState().openFirm(r)}>
          ▶ {t('report.watch', { n: r })}
        </button>
      </p>
      <KpiCards round={r} />
      <ExplainPanel round={r} />

      {(s.fired.length > 0 || s.news.length > 0) && (
        <section className="card" aria-labelledby="events-title">
          <h2 id="events-title">{t('report.events')}</h2>
          <ul className="news-list">
            {s.fired.map((e) => (
              <li key={e.id}>
                <strong>{pickText(e.title, lang)}</strong> — {pickText(e.text, lang)}
                {e.option && <span className="muted"> ({t('report.option', { option: optionLabel(game.scenario.events, e.id, e.option, lang) })})</span>}
              </li>
            ))}
            {s.news.map((n, i) => (
              <li key={`n${i}`}>{pickText(n, lang)}</li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="tiers-title">
        <h2 id="tiers-title">{t('report.perTier')}</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="tiers-title">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('report.measure')}</th>
                {k > 1 &&
                  s.tiers.map((_, i) => (
                    <th scope="col" className="num" key={i}>
                      {tier(i)}
                    </th>
                  ))}
                <th scope="col" className="num">
                  {k > 1 ? t('report.firm') : tier(0)}
                </th>
              </tr>
            </thead>
            <tbody>
              {TIER_ROWS.map((row) => {
                const f = (v: number) => (row === 'revenue' || row === 'profit' ? money(v) : row === 'retention' ? fmtPercent(v, lang) : fmtNumber(v, lang, { digits: 0 }));
                return (
                  <tr key={row}>
                    <th scope="row">{t(`report.row.${row}`)}</th>
                    {k > 1 &&
                      s.tiers.map((x, i) => (
                        <td className="num" key={i}>
                          {f(x[row])}
                        </td>
                      ))}
                    {/* The firm's profit row sums the tiers (operating profit is in the books below). */}
                    <td className="num">{f(row === 'profit' ? s.bridge.customers : s.firm[row])}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="muted">{t('report.perTierNote')}</p>
      </section>

      <section className="card" aria-labelledby="bridge-title" data-testid="report-bridge">
        <h2 id="bridge-title">{t('books.title')}</h2>
        <p className="muted">{t('books.intro')}</p>
        <ProfitBridge bridges={[s.bridge]} tierProfits={s.tiers.map((x) => x.profit)} caption={t('report.bridgeCaption', { n: r })} testId="bridge-table" />
      </section>

      <div className="grid2 report-grid">
        <section className="card span-all" aria-labelledby="survey-title">
          <h2 id="survey-title">{t('report.survey')}</h2>
          {s.survey.every((x) => x.responses === 0) ? (
            <p className="muted">{t('report.noSurvey')}</p>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="survey-title">
              <table className="data" data-testid="survey">
                <thead>
                  <tr>
                    <th scope="col">{t('report.tier')}</th>
                    <th scope="col" className="num">{t('report.responses')}</th>
                    <th scope="col" className="num">{t('report.mean')}</th>
                    <th scope="col" className="num">{t('report.topTwo')}</th>
                    <th scope="col" className="num">{t('report.nps')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.survey.map((x) => (
                    <tr key={x.tier}>
                      <th scope="row" className="nowrap">{tier(x.tier)}</th>
                      <td className="num">{fmtNumber(x.responses, lang)}</td>
                      <td className="num">{x.responses > 0 ? `${fmtNumber(x.mean, lang, { digits: 2 })} ± ${fmtNumber(x.marginOfError, lang, { digits: 2 })}` : '—'}</td>
                      <td className="num">{x.responses > 0 ? fmtPercent(x.topTwoBox, lang) : '—'}</td>
                      <td className="num">{x.nps !== null && x.responses > 0 ? `${fmtNumber(x.nps, lang, { digits: 0 })} ± ${fmtNumber(x.npsMarginOfError ?? 0, lang, { digits: 0 })}` : '—'}</td>
                    </tr>
                  ))}
                </tbody>
                {pooled && pooled.tiers.length > 1 && (
                  <tfoot>
                    <tr data-testid="survey-firm">
                      <th scope="row">{pooled.tiers.length < k ? t('report.firmSurveyed') : t('report.firm')}</th>
                      <td className="num">{fmtNumber(pooled.responses, lang)}</td>
                      <td className="num">{`${fmtNumber(pooled.mean, lang, { digits: 2 })} ± ${fmtNumber(pooled.marginOfError, lang, { digits: 2 })}`}</td>
                      <td className="num">{fmtPercent(pooled.topTwoBox, lang)}</td>
                      <td className="num">{pooled.nps !== null ? `${fmtNumber(pooled.nps, lang, { digits: 0 })} ± ${fmtNumber(pooled.npsMarginOfError ?? 0, lang, { digits: 0 })}` : '—'}</td>
                    </tr>
                  </tfoot>
                )}
              </table>
            </div>
          )}
          <p className="muted">{t('report.surveyNote')}</p>
          <SurveyScale />
          {pooled && pooled.tiers.length > 1 && <p className="muted">{t('report.surveyFirmNote')}</p>}
          <h3>{t('report.employeeSurvey')}</h3>
          <p>
            {s.employeeSurvey
              ? t('report.employeeSurveyResult', { mean: fmtNumber(s.employeeSurvey.mean, lang, { digits: 1 }), moe: fmtNumber(s.employeeSurvey.marginOfError, lang, { digits: 1 }) })
              : t('report.noEmployeeSurvey')}
          </p>
        </section>

        {inMarket && <BenchmarkCard round={r} />}

        <section className="card span-all migrations" aria-labelledby="mig-title">
          <h2 id="mig-title">{t('report.migrations')}</h2>
          <div className="migrations-body">
          <div>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="mig-title">
            <table className="data">
              <caption className="sr-only">{t('report.migrationsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.from')}</th>
                  {Array.from({ length: k }, (_, j) => (
                    <th scope="col" className="num nowrap" key={j}>
                      → {tier(j)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.migrations.map((row, i) => {
                  // Rows are last quarter's tiers (their count may differ from this quarter's), then the customers who had none.
                  if (i === before && row.every((x) => x === 0)) return null;
                  return (
                    <tr key={i}>
                      <th scope="row" className="nowrap">{i < before ? tierBefore(i) : t('report.newCustomers')}</th>
                      {Array.from({ length: k }, (_, j) => (
                        <td className="num" key={j}>
                          {i !== j && i < before && (row[j] ?? 0) > 0 ? (j < i ? '▲ ' : '▼ ') : ''}
                          {fmtNumber(row[j] ?? 0, lang)}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="muted">{t('report.migrationsNote')}</p>
          </div>
          <div>
          <h3>{t('report.customerEvents')}</h3>
          <ul className="event-counts">
            {EVENT_KIND_NAMES.map((name, kind) => (
              <li key={name}>
                {t(`report.ev.${name}`)}: <strong>{fmtNumber(s.eventCounts.firm[kind] ?? 0, lang)}</strong>
              </li>
            ))}
          </ul>
          </div>
          </div>
        </section>

        <section className="card" aria-labelledby="money-title">
          <h2 id="money-title">{t('report.money')}</h2>
          <table className="data">
            <tbody>
              <Line label={t('report.cashBefore')}>{money(s.finance.cashBefore)}</Line>
              {FINANCE_IN.filter((f) => f === 'revenue' || s.finance[f] !== 0).map((f) => (
                <Line key={f} label={`+ ${t(`report.fin.${f}`)}`}>
                  {money(s.finance[f])}
                </Line>
              ))}
              {s.finance.events !== 0 && (
                <Line label={`± ${t('report.fin.events')}`}>{money(s.finance.events)}</Line>
              )}
              {s.finance.loan !== 0 && (
                <Line label={`+ ${t('report.fin.loan')}`}>{money(s.finance.loan)}</Line>
              )}
              {FINANCE_OUT.filter((f) => s.finance[f] !== 0).map((f) => (
                <Line key={f} label={`− ${t(`report.fin.${f}`)}`}>
                  {money(s.finance[f])}
                </Line>
              ))}
              <Line label={t('report.operatingProfit')}><strong>{money(s.finance.operatingProfit)}</strong></Line>
              <Line label={t('report.cashAfter')}>{money(s.finance.cashAfter)}</Line>
              {s.finance.debt > 0 && (
                <Line label={t('report.debt')}>{money(s.finance.debt)}</Line>
              )}
              <Line label={t('report.budgetNext')}>{money(s.finance.budgetNext)}</Line>
            </tbody>
          </table>
        </section>

        <section className="card" aria-labelledby="staff-title">
          <h2 id="staff-title">{t('report.staff')}</h2>
          <table className="data">
            <tbody>
              <Line label={t('report.headcount')}>{fmtNumber(s.employees.headcount, lang)}</Line>
              <Line label={t('report.hiresLeavers')}>{[signed(s.employees.hires, '+', lang), signed(s.employees.leavers, '−', lang), signed(s.employees.layoffs, '−', lang)].join(' / ')}</Line>
              {s.employees.hiresAsked > s.employees.hires && (
                <Line label={t('report.hiresShort')}>{t('report.hiresShortValue', { hires: fmtNumber(s.employees.hires, lang), asked: fmtNumber(s.employees.hiresAsked, lang) })}</Line>
              )}
              {/* With no staff at the start there is no one to leave, and with none at the end no workload or productivity to speak of. */}
              <Line label={t('report.turnover')}>{noStaff && s.employees.leavers === 0 ? '—' : fmtPercent(s.employees.turnover, lang)}</Line>
              <Line label={t('report.workload')}>{noStaff ? '—' : `${fmtPercent(s.employees.workload, lang, 0)}${s.employees.workload > 1 ? ` ⚠ ${t('report.overloaded')}` : ''}`}</Line>
              <Line label={t('report.productivity')}>{noStaff ? '—' : fmtNumber(s.employees.productivity, lang, { digits: 2 })}</Line>
            </tbody>
          </table>
          {noStaff && (
            <p role="alert" data-testid="no-staff">
              {t('report.noStaff')}
            </p>
          )}
        </section>
      </div>

      <WhatIf round={r} />

      <section className="card" aria-labelledby="hash-title">
        <h2 id="hash-title">{t('report.verify')}</h2>
        <p>
          {t('report.hashIs')} <code data-testid="state-hash">{s.hash}</code>
        </p>
        <p className="muted">{t('report.hashNote', { seed: game.seed })}</p>
      </section>

      <div className="row">
        <button type="button" data-testid="open-database" onClick={() => go('database')}>
          {t('report.toDatabase')}
        </button>
        <button type="button" onClick={() => go('chain')}>
          {t('report.toChain')}
        </button>
        <span className="spacer" />
        <button type="button" className="primary big" data-testid="continue" onClick={() => (inMarket && game.view.status !== 'running' ? useStore.getState().toConsole() : go(game.view.status !== 'running' ? 'end' : 'quarter'))}>
          {game.view.status !== 'running' ? (inMarket ? t('team.back', { ns: 'market' }) : t('report.toEnd')) : t('report.continue', { n: game.view.round + 1 })}
        </button>
      </div>
    </article>
  );
}

/** A count with the sign of its direction; no sign on zero. */
function signed(n: number, sign: '+' | '−', lang: 'en' | 'zh-CN'): string {
  const body = fmtNumber(n, lang);
  return n === 0 ? body : `${sign}${body}`;
}

/** A row of a two-column table: a label and a number. */
function Line({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{children}</td>
    </tr>
  );
}

function optionLabel(events: readonly { id: string; options?: { id: string; label: { en?: string; 'zh-CN'?: string } }[] }[], id: string, option: string, lang: 'en' | 'zh-CN'): string {
  const o = events.find((e) => e.id === id)?.options?.find((x) => x.id === option);
  return o ? pickText(o.label, lang) : option;
}
