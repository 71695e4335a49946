/**
 * The quarter: the decision panel, the budget and staff meters with the advance button, KPI
 * cards with their change, charts of every KPI, and this quarter's news and choice cards.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import { KpiCards } from '../shell/KpiCards';
import { BrandRecoverySection, ChoiceCards, PeopleSection, ResearchSection, SystemsSection, TierLeversSection } from './LeverSections';
import { AdvanceButton, Meters } from './Meters';
import { TieringSection } from './TieringSection';
import './quarter.css';

const KpiCharts = lazy(() => import('../shell/KpiCharts'));

export default function QuarterScreen() {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const game = useStore((s) => s.game)!;
  const draft = useStore((s) => s.draft);
  const resetDraft = useStore((s) => s.resetDraft);
  const next = game.view.round + 1;
  const news = game.scenario.news.filter((n) => n.round === next);
  if (game.view.status !== 'running') {
    return (
      <section className="card">
        <h1 tabIndex={-1}>{t('quarter.over')}</h1>
        <button type="button" className="primary" onClick={() => useStore.getState().go('end')}>
          {t('quarter.toEnd')}
        </button>
      </section>
    );
  }
  return (
    <div>
      <div className="quarter-top">
        <div>
          <h1 tabIndex={-1}>{t('quarter.title', { n: next, total: game.scenario.rounds })}</h1>
          <Meters />
        </div>
        <AdvanceButton />
      </div>
      <KpiCards />
      <div className="quarter">
        <form
          className="decisions"
          aria-label={t('quarter.decisions')}
          onSubmit={(e) => {
            e.preventDefault();
          }}
        >
          <ChoiceCards />
          {draft && (
            <>
              <TieringSection />
              <TierLeversSection />
              <PeopleSection />
              <SystemsSection />
              <ResearchSection />
              <BrandRecoverySection />
            </>
          )}
          <button type="button" onClick={resetDraft}>
            {t('quarter.reset')}
          </button>
        </form>
        <div className="stack">
          <section className="card" aria-labelledby="news-title">
            <h2 id="news-title">{t('quarter.news')}</h2>
            {news.length === 0 ? (
              <p className="muted">{t('quarter.noNews')}</p>
            ) : (
              <ul className="news-list">
                {news.map((n, i) => (
                  <li key={i}>{pickText(n.text, lang)}</li>
                ))}
              </ul>
            )}
          </section>
          <Suspense fallback={<p role="status">{t('shell.loading')}</p>}>
            <KpiCharts />
          </Suspense>
        </div>
      </div>
    </div>
  );
}
