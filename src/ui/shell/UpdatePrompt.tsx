/** The installable app's update prompt and its one-time "works offline" note (src/store/pwa.ts); nothing until the service worker speaks. */
import { useTranslation } from 'react-i18next';
import { usePwa } from '../../store/pwa';

export function UpdatePrompt() {
  const { t } = useTranslation();
  const { needRefresh, offlineReady, update, later } = usePwa();
  if (!needRefresh && !offlineReady) return null;
  return (
    <section className="card update-prompt" role="status" aria-label={t('shell.update.label')} data-testid={needRefresh ? 'update-prompt' : 'offline-ready'}>
      {needRefresh ? (
        <>
          <p>
            <strong>{t('shell.update.ready')}</strong> {t('shell.update.game')}
          </p>
          <div className="row">
            <button type="button" className="primary" data-testid="update-now" onClick={update}>
              {t('shell.update.now')}
            </button>
            <button type="button" data-testid="update-later" onClick={later}>
              {t('shell.update.later')}
            </button>
          </div>
        </>
      ) : (
        <div className="row">
          <p>{t('shell.update.offline')}</p>
          <button type="button" onClick={later}>
            {t('shell.dismiss')}
          </button>
        </div>
      )}
    </section>
  );
}
