/**
 * The service-profit chain, live: each link with its value this quarter and its change, so a
 * learner can see where a change entered and where it went; below, each link over time.
 */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index';
import { ChainDiagram } from '../charts/ChainDiagram';
import type { ChainKey, ChainLinkView } from '../charts/chain';
import { LineChart } from '../charts/LineChart';
import { LINK_IDS, linkFormat, linkValue } from './links';
import '../quarter/quarter.css';

export default function ChainScreen() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('charts');
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
      <section className="card" aria-labelledby="chain-diagram">
        <h2 id="chain-diagram">{t('chain.diagram', { n: now.round })}</h2>
        <ChainDiagram
          lang={lang}
          links={
            Object.fromEntries(
              LINK_IDS.map((id): [ChainKey, ChainLinkView] => [id, { value: linkValue(id, now), previous: prev ? linkValue(id, prev) : null, format: linkFormat(id, currency, lang), note: t(`chain.note.${id}`) }]),
            ) as Record<ChainKey, ChainLinkView>
          }
        />
      </section>
      <section className="card" aria-labelledby="chain-trends">
        <h2 id="chain-trends">{t('chain.trends')}</h2>
        <div className="grid2">
          {LINK_IDS.map((id) => (
            <LineChart key={id} title={tc(`chain.links.${id}`)} lang={lang} firstQuarter={1} height={200} series={[{ id, name: tc(`chain.links.${id}`), values: s.map((x) => linkValue(id, x)) }]} format={linkFormat(id, currency, lang)} />
          ))}
        </div>
      </section>
    </article>
  );
}
