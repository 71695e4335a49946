/**
 * Home's entry to the market game (沙盘): set one up, or continue the one saved in this
 * browser (a saved market that cannot be read is listed with its reasons, never dropped unasked);
 * and for a team on its own device, load the facilitator's market file or continue it.
 */
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import { loadMarketFile } from '../market/loadMarketFile';
import { FilePicker } from './FilePicker';
import type { SaveProblem } from '../../store/saveRecord';
import { Reason } from './SavedGames';


/** A saved market (the console's or a team's) that cannot be read: what it is, and every problem in it. */
function DamagedSave({ testId, title, problems }: { testId: string; title: string; problems: readonly SaveProblem[] }) {
  return (
    <div className="notice error" role="alert" data-testid={testId}>
      <p>{title}</p>
      <ul>
        {problems.map((p, i) => (
          <Reason key={i} p={p} />
        ))}
      </ul>
    </div>
  );
}

export function MarketCard() {
  const { t } = useTranslation('market');
  const lang = useStore((s) => s.lang);
  const saved = useStore((s) => s.marketSave);
  const busy = useStore((s) => s.busy !== null);
  useEffect(() => {
    void useStore.getState().loadMarketSave();
  }, []);
  return (
    <section className="card stack" aria-labelledby="market-title" data-testid="market-card">
      <h2 id="market-title">{t('home.title')}</h2>
      <p className="muted">{t('home.intro')}</p>
      {saved?.ok && (
        <p data-testid="market-saved">
          {saved.record.over
            ? t('home.savedOver', { title: pickText(saved.record.title, lang), firms: saved.record.seats.length })
            : t('home.saved', { title: pickText(saved.record.title, lang), firms: saved.record.seats.length, round: saved.record.round + 1, total: saved.record.rounds })}
        </p>
      )}
      {saved && !saved.ok && <DamagedSave testId="market-damaged" title={t('home.damaged')} problems={saved.problems} />}
      <div className="row">
        {saved?.ok && (
          <button type="button" className="primary" data-testid="market-resume" disabled={busy} onClick={() => void useStore.getState().resumeMarket()}>
            {t('home.resume')}
          </button>
        )}
        <button type="button" className={saved?.ok ? undefined : 'primary'} data-testid="market-setup" onClick={() => useStore.getState().go('marketSetup')}>
          {t('home.setUp')}
        </button>
        {saved && (
          <button
            type="button"
            data-testid="market-forget"
            onClick={() => {
              if (window.confirm(t('home.forget'))) void useStore.getState().forgetMarketSave();
            }}
          >
            {t('home.forget')}
          </button>
        )}
      </div>
      <TeamJoin />
    </section>
  );
}

/** A team on its own device: load the facilitator's market file, or continue the market this device holds. */
function TeamJoin() {
  const { t } = useTranslation('market');
  const lang = useStore((s) => s.lang);
  const saved = useStore((s) => s.teamSave);
  const busy = useStore((s) => s.busy !== null);
  const id = useId();
  return (
    <div className="stack" data-testid="team-join">
      <h3 id={`${id}-h`}>{t('home.joinTitle')}</h3>
      <p className="muted">{t('home.joinIntro')}</p>
      {saved?.ok && (
        <p data-testid="team-saved">
          {saved.record.firm !== null
            ? t('home.teamSaved', { firm: saved.record.firm, title: pickText(saved.record.title, lang), round: Math.min(saved.record.round + 1, saved.record.rounds), total: saved.record.rounds })
            : t('home.teamSavedNoFirm', { title: pickText(saved.record.title, lang), round: Math.min(saved.record.round + 1, saved.record.rounds), total: saved.record.rounds })}
        </p>
      )}
      {saved && !saved.ok && <DamagedSave testId="team-damaged" title={t('home.teamDamaged')} problems={saved.problems} />}
      <div className="row">
        {saved?.ok && (
          <button type="button" className="primary" data-testid="team-resume" disabled={busy} onClick={() => void useStore.getState().resumeTeam()}>
            {t('home.teamResume')}
          </button>
        )}
        <FilePicker id={`${id}-file`} testId="join-market" prompt={t('home.joinLoad')} chosen={null} onPick={loadMarketFile} />
        {saved && (
          <button
            type="button"
            data-testid="team-forget"
            onClick={() => {
              if (window.confirm(t('home.teamForget'))) void useStore.getState().forgetTeamSave();
            }}
          >
            {t('home.teamForget')}
          </button>
        )}
      </div>
    </div>
  );
}
