import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index';

/** Progress of a long task in the worker. Advancing and exporting take a blink (the advance button says it is playing), so they get no overlay. */
export function BusyOverlay() {
  const { t } = useTranslation();
  const busy = useStore((s) => s.busy);
  if (!busy || busy.what === 'advance' || busy.what === 'export') return null;
  const label = t(`busy.${busy.what}`);
  return (
    <div className="busy-overlay" role="presentation">
      <div className="card" role="status" aria-live="polite">
        <p>{label}</p>
        {busy.total > 0 ? (
          <>
            <progress max={busy.total} value={busy.done} aria-label={label} />
            <p className="muted">{t('busy.progress', { done: busy.done, total: busy.total })}</p>
          </>
        ) : (
          <progress aria-label={label} />
        )}
      </div>
    </div>
  );
}
