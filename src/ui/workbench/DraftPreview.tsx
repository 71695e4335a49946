/**
 * The game a draft starts, as the preview beside the editor shows it: the starting firm, the
 * tiers and segments, the value distribution, the Pareto curve and the value grid, drawn from
 * the seed as the game draws them (the draft worker computes it; see src/worker/draft.ts).
 */
import './messages'; // registers the 'workbench' messages (they load with this screen)
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Lang, type LocalText } from '../../sim/text';
import type { DraftPreview as Preview } from '../../store/workbench';
import { ParetoChart, RowChart, ValueGrid } from '../charts/index';
import { fmtMoney, fmtNumber, fmtPercent } from '../format';

type Part = { readonly id: string; readonly name: LocalText; readonly customers: number; readonly revenue: number };

/** Tiers or segments: each one's customers, and its shares of the customers and of revenue. */
function ShareTable({ id, heading, head, rows, total, lang }: { id: string; heading: string; head: string; rows: readonly Part[]; total: { customers: number; revenue: number }; lang: Lang }) {
  const { t } = useTranslation('workbench');
  const share = (x: number, of: number) => fmtPercent(of > 0 ? x / of : 0, lang, 0);
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">{t('preview.col.customers')}</th>
            <th scope="col">{t('preview.col.share')}</th>
            <th scope="col">{t('preview.col.revenue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{pickText(r.name, lang)}</th>
              <td>{fmtNumber(r.customers, lang)}</td>
              <td>{share(r.customers, total.customers)}</td>
              <td>{share(r.revenue, total.revenue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function DraftPreview({ preview: p, lang, stale }: { preview: Preview; lang: Lang; stale: boolean }) {
  const { t } = useTranslation('workbench');
  const id = useId();
  const money = (x: number) => fmtMoney(x, p.currency, lang);
  // The firm's figures as the instructor typed them.
  const exact = (x: number) => fmtMoney(x, p.currency, lang, { full: true });
  const bands = p.bands.edges.map((from, k) => {
    const to = p.bands.edges[k + 1];
    return {
      label: to === undefined ? t('preview.band', { from: money(from) }) : t('preview.bandRange', { from: money(from), to: money(to) }),
      value: p.bands.counts[k]!,
    };
  });
  return (
    <div className={`wb-preview stack${stale ? ' wb-stale' : ''}`} data-testid="wb-preview">
      {stale && <p className="wb-note">{t('preview.stale')}</p>}
      <section aria-labelledby={`${id}-facts`}>
        <h3 id={`${id}-facts`}>
          {t('preview.facts')}: <span lang={lang}>{pickText(p.title, lang)}</span>
        </h3>
        <dl className="wb-facts">
          <dt>{t('preview.quarters')}</dt>
          <dd>{fmtNumber(p.rounds, lang)}</dd>
          <dt>{t('preview.customers')}</dt>
          <dd data-testid="wb-customers">{fmtNumber(p.customers, lang)}</dd>
          <dt>{t('preview.revenue')}</dt>
          <dd>{money(p.revenue)}</dd>
          <dt>{t('preview.cash')}</dt>
          <dd>{exact(p.firm.cash)}</dd>
          <dt>{t('preview.budget')}</dt>
          <dd data-testid="wb-budget">
            {exact(p.firm.budget)}
            {p.firm.reinvest > 0 && <span className="muted"> {t('preview.reinvest', { share: fmtPercent(p.firm.reinvest, lang, 0) })}</span>}
          </dd>
          <dt>{t('preview.staff')}</dt>
          <dd>
            {fmtNumber(p.firm.headcount, lang)} <span className="muted">{t('preview.staffHours', { hours: fmtNumber(p.firm.staffHours, lang) })}</span>
          </dd>
          <dt>{t('preview.wages')}</dt>
          <dd>{exact(p.firm.wagesPerRound)}</dd>
          <dt>{t('preview.fixedCosts')}</dt>
          <dd>{exact(p.firm.fixedCosts)}</dd>
          <dt>{t('preview.content')}</dt>
          <dd>{t('preview.contentValue', { events: p.events, cards: p.choiceCards, objectives: p.objectives })}</dd>
          <dt>{t('preview.variants')}</dt>
          <dd>{fmtNumber(p.variants, lang)}</dd>
        </dl>
      </section>
      <ShareTable id={`${id}-tiers`} heading={t('preview.tiersHeading')} head={t('preview.col.tier')} rows={p.tiers} total={p} lang={lang} />
      <ShareTable id={`${id}-segs`} heading={t('preview.segmentsHeading')} head={t('preview.col.segment')} rows={p.segments} total={p} lang={lang} />
      <section aria-labelledby={`${id}-dist`}>
        <h3 id={`${id}-dist`}>{t('preview.distribution')}</h3>
        <RowChart lang={lang} rows={bands} format={(v) => fmtNumber(v, lang)} head={[t('preview.col.revenue'), t('preview.col.customers')]} summary={t('preview.distribution')} />
      </section>
      <section aria-labelledby={`${id}-pareto`}>
        <h3 id={`${id}-pareto`}>{t('preview.pareto')}</h3>
        <ParetoChart lang={lang} pareto={p.analytics.pareto} shareFor80={p.analytics.shareFor80} />
      </section>
      <section aria-labelledby={`${id}-grid`}>
        <h3 id={`${id}-grid`}>{t('preview.grid')}</h3>
        <ValueGrid lang={lang} grid={p.analytics.grid} formatRevenue={money} />
      </section>
    </div>
  );
}
