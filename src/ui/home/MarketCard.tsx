/**
 * Home's entry to the market game (沙盘): set one up, or continue the one saved in this
 * browser (a saved market that cannot be read is listed with its reasons, never dropped unasked).
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';

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
      {saved && !saved.ok && (
        <div className="notice error" role="alert" data-testid="market-damaged">
          <p>{t('home.damaged')}</p>
          <ul>
            {saved.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      )}
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
    </section>
  );
}
