/** The scenario's story, its objectives and how the score works, before the first quarter. */
import { useTranslation } from 'react-i18next';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import { fmtMoney, fmtNumber } from '../format';
import { ObjectiveText } from '../shell/ObjectiveText';
import { SurveyScale } from '../shell/SurveyScale';

export default function BriefingScreen() {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const game = useStore((s) => s.game)!;
  const go = useStore((s) => s.go);
  const sc = game.scenario;
  const started = game.summaries.length > 0;
  return (
    <article className="stack" style={{ maxWidth: '60rem' }}>
      <h1 tabIndex={-1}>{pickText(sc.title, lang)}</h1>
      <p className="muted">
        {t('briefing.facts', { rounds: sc.rounds, customers: fmtNumber(game.initialCustomers, lang), tiers: sc.tiers.length, seed: game.seed })}
      </p>
      <section className="card">
        <h2>{t('briefing.story')}</h2>
        {pickText(sc.briefing, lang)
          .split(/\n+/)
          .map((p, i) => (
            <p key={i}>{p}</p>
          ))}
      </section>
      <section className="card">
        <h2>{t('briefing.objectives')}</h2>
        <ul>
          {sc.objectives.map((o) => (
            <li key={o.id}>
              <ObjectiveText objective={o} />
            </li>
          ))}
        </ul>
        {game.answerScale.objectives.length > 0 && <SurveyScale />}
      </section>
      <section className="card">
        <h2>{t('briefing.scoring')}</h2>
        <p>{t('briefing.scoringIntro', { money: fmtMoney(sc.scoring.moneyPerPoint, sc.currency, lang) })}</p>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('briefing.phases')}>
        <table className="data">
          <caption className="sr-only">{t('briefing.phases')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('briefing.phase')}</th>
              <th scope="col">{t('briefing.fromQuarter')}</th>
              <th scope="col" className="num">{t('briefing.wProfit')}</th>
              <th scope="col" className="num">{t('briefing.wRevenue')}</th>
              <th scope="col" className="num">{t('briefing.wAcquired')}</th>
              <th scope="col" className="num">{t('briefing.wSatisfaction')}</th>
            </tr>
          </thead>
          <tbody>
            {sc.scoring.phases.map((p) => (
              <tr key={p.fromRound}>
                <th scope="row">{pickText(p.name, lang)}</th>
                <td>{p.fromRound}</td>
                <td className="num">{fmtNumber(p.profit, lang, { digits: 2 })}</td>
                <td className="num">{fmtNumber(p.revenue, lang, { digits: 2 })}</td>
                <td className="num">{fmtNumber(p.acquired, lang, { digits: 2 })}</td>
                <td className="num">{fmtNumber(p.satisfaction, lang, { digits: 2 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
        <p>{t('briefing.equity', { w: fmtNumber(sc.scoring.equityWeight, lang, { digits: 2 }) })}</p>
        <p className="muted">{t('briefing.hidden')}</p>
      </section>
      <section className="card">
        <h2>{t('briefing.tiers')}</h2>
        <ol>
          {sc.tiers.map((tier) => (
            <li key={tier.id}>{pickText(tier.name, lang)}</li>
          ))}
        </ol>
      </section>
      <button type="button" className="primary big" data-testid="begin" onClick={() => go('quarter')}>
        {started ? t('briefing.back') : t('briefing.begin')}
      </button>
    </article>
  );
}
