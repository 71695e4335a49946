/**
 * The competitor benchmark in a market firm's report (MODEL.md section 8, Information): each
 * rival as a research agency observed it at the end of the quarter (its list prices and service
 * hours averaged over its customers, its customers, its customers' satisfaction by survey with
 * its margin of error), beside the firm's own figures as the firm knows them. Only what the firm
 * bought: a quarter without the benchmark says so and where to buy it.
 */
import { useTranslation } from 'react-i18next';
import { serviceAndPrice } from '../../sim/market/levels';
import { resolveParams } from '../../sim/params';
import { useStore } from '../../store/index';
import { fmtNumber } from '../format';

export function BenchmarkCard({ round }: { round: number }) {
  const { t } = useTranslation('market');
  const lang = useStore((s) => s.lang);
  const game = useStore((s) => s.game)!;
  const me = useStore((s) => (s.market && s.market.seat !== null ? s.market.snapshot.seats[s.market.seat]!.name : null));
  const s = game.summaries[round - 1];
  if (!s) return null;
  const P = resolveParams(game.scenario.model);
  const b = s.benchmark;
  const num = (v: number, digits: number) => fmtNumber(v, lang, { digits });
  const range = (mean: number, moe: number) => `${num(mean, 2)} ± ${num(moe, 2)}`;
  const plan = game.decisions[round - 1];
  const own = plan ? serviceAndPrice(s.tiers, plan) : null;
  const pooled = s.surveyFirm;
  return (
    <section className="card span-all" aria-labelledby="benchmark-title" data-testid="benchmark">
      <h2 id="benchmark-title">{t('benchmark.title')}</h2>
      {!b ? (
        <p data-testid="benchmark-none">{t('benchmark.notBought')}</p>
      ) : b.length === 0 ? (
        <p>{t('benchmark.noRival')}</p>
      ) : (
        <>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="benchmark-title">
            <table className="data">
              <caption className="sr-only">{t('benchmark.caption', { n: round })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('benchmark.firm')}</th>
                  <th scope="col" className="num">{t('benchmark.customers')}</th>
                  <th scope="col" className="num">{t('benchmark.price')}</th>
                  <th scope="col" className="num">{t('benchmark.service')}</th>
                  <th scope="col" className="num">{t('benchmark.satisfaction')}</th>
                  <th scope="col" className="num">{t('benchmark.responses')}</th>
                </tr>
              </thead>
              <tbody>
                {b.map((x) => (
                  <tr key={x.seat} data-testid={`benchmark-${x.seat}`}>
                    <th scope="row">{x.name}</th>
                    <td className="num">{fmtNumber(x.customers, lang)}</td>
                    <td className="num">{num(x.priceIndex, 2)}</td>
                    <td className="num">{num(x.serviceHours, 1)}</td>
                    <td className="num">{x.survey ? range(x.survey.mean, x.survey.marginOfError) : '—'}</td>
                    <td className="num">{x.survey ? (x.survey.responses >= x.survey.population ? t('benchmark.census', { n: fmtNumber(x.survey.responses, lang) }) : fmtNumber(x.survey.responses, lang)) : '—'}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-testid="benchmark-own">
                  <th scope="row">{me ? t('benchmark.you', { name: me }) : '—'}</th>
                  <td className="num">{fmtNumber(s.firm.customers, lang)}</td>
                  <td className="num">{own ? num(own.priceIndex, 2) : '—'}</td>
                  <td className="num">{own ? num(own.serviceHours, 1) : '—'}</td>
                  <td className="num">{pooled ? range(pooled.mean, pooled.marginOfError) : t('benchmark.notMeasured')}</td>
                  <td className="num">{pooled ? fmtNumber(pooled.responses, lang) : '—'}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <p className="muted small">{t('benchmark.note', { n: fmtNumber(P.survey.benchmarkSample, lang) })}</p>
        </>
      )}
    </section>
  );
}
