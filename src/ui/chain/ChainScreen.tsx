/**
 * The service-profit chain, live: each link with its value this quarter and its change, so a
 * learner can see where a change entered and where it went; below, each link over time.
 */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index';
import { LineChart } from '../charts/LineChart';
import { fmtDelta } from '../format';
import { LINK_IDS, linkFormat, linkValue } from './links';
import '../quarter/quarter.css';

export default function ChainScreen() {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const game = useStore((s) => s.game)!;
  const s = game.summaries;
  const now = s.at(-1);
  const prev = s.at(-2);
  const currency = game.scenario.currency;
  if (!now) {
    return (
      <section className="card">
        <h1 tabIndex={-1}>{t('chain.title')}</h1>
        <p>{t('kpi.none')}</p>
      </section>
    );
  }
  return (
    <article className="stack">
      <h1 tabIndex={-1}>{t('chain.title')}</h1>
      <p>{t('chain.intro', { n: now.round })}</p>
      <section className="card" aria-labelledby="chain-table">
        <h2 id="chain-table">{t('chain.links')}</h2>
        <table className="data" data-testid="chain-table">
          <thead>
            <tr>
              <th scope="col">{t('chain.link')}</th>
              <th scope="col" className="num">{t('chain.now', { n: now.round })}</th>
              <th scope="col" className="num">{t('chain.change')}</th>
              <th scope="col">{t('chain.how')}</th>
            </tr>
          </thead>
          <tbody>
            {LINK_IDS.map((id) => {
              const v = linkValue(id, now);
              const p = prev ? linkValue(id, prev) : null;
              const fmt = linkFormat(id, currency, lang);
              const d = v !== null && p !== null ? fmtDelta(v, p, { kind: 'relative' }, lang) : null;
              return (
                <tr key={id}>
                  <th scope="row">{t(`chain.name.${id}`)}</th>
                  <td className="num">{v === null ? t('chain.notMeasured') : fmt(v)}</td>
                  <td className="num">{d ? `${d.arrow} ${d.text}` : '—'}</td>
                  <td className="muted">{t(`chain.note.${id}`)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="chain-trends">
        <h2 id="chain-trends">{t('chain.trends')}</h2>
        <div className="grid2">
          {LINK_IDS.map((id) => (
            <LineChart key={id} title={t(`chain.name.${id}`)} lang={lang} firstQuarter={1} height={200} series={[{ id, name: t(`chain.name.${id}`), values: s.map((x) => linkValue(id, x)) }]} format={linkFormat(id, currency, lang)} />
          ))}
        </div>
      </section>
    </article>
  );
}
