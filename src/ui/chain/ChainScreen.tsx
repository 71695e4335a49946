/**
 * The service-profit chain, live: each link with its value this quarter and its change, so a
 * learner can see where a change entered and where it went; below, each link over time.
 */
import '../charts/messages'; // registers the 'charts' messages (they load with this screen)
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index';
import { ChainDiagram } from '../charts/ChainDiagram';
import type { ChainKey, ChainLinkView } from '../charts/chain';
import { LineChart } from '../charts/LineChart';
import { fmtMoney } from '../format';
import { LINK_IDS, linkBounds, linkDeltaMode, linkFormat, linkValue } from './links';
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
              LINK_IDS.map((id): [ChainKey, ChainLinkView] => [
                id,
                {
                  value: linkValue(id, now, prev),
                  previous: prev ? linkValue(id, prev, s.at(-3)) : null,
                  format: linkFormat(id, currency, lang),
                  deltaMode: linkDeltaMode(id, currency),
                  // Revenue growth ranks by how much revenue changed (the growth itself), not by how much the growth rate changed.
                  ...(id === 'revenue' ? { relative: linkValue(id, now, prev) } : {}),
                  note:
                    id === 'revenue'
                      ? t(prev ? 'chain.note.revenue' : 'chain.note.revenueFirst', { v: fmtMoney(now.chain.revenue, currency, lang) })
                      : t(`chain.note.${id as Exclude<typeof id, 'revenue'>}`),
                },
              ]),
            ) as Record<ChainKey, ChainLinkView>
          }
        />
      </section>
      <section className="card" aria-labelledby="chain-trends">
        <h2 id="chain-trends">{t('chain.trends')}</h2>
        <div className="grid2">
          {LINK_IDS.map((id) => (
            <LineChart
              key={id}
              title={tc(`chain.links.${id}`)}
              lang={lang}
              firstQuarter={1}
              height={200}
              series={[{ id, name: tc(`chain.links.${id}`), values: s.map((x, i) => linkValue(id, x, s[i - 1])) }]}
              format={linkFormat(id, currency, lang)}
              bounds={linkBounds(id)}
              empty={id === 'employeeSatisfaction' ? t('chain.noEmployeeSurvey') : id === 'customerSatisfaction' ? t('chain.noSurvey') : id === 'revenue' ? t('chain.noGrowth') : undefined}
            />
          ))}
        </div>
      </section>
    </article>
  );
}
