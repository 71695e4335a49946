import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';

/** Asks before an imported game replaces a save of the same scenario and seed. */
export function ImportDialog() {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const pending = useStore((s) => s.pendingImport);
  const settle = useStore((s) => s.settleImport);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) first.current?.focus();
  }, [pending]);
  if (!pending) return null;
  const c = pending.conflict;
  return (
    <div className="dialog-backdrop">
      <div
        className="card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="import-dialog-title"
        aria-describedby="import-dialog-body"
        data-testid="import-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') void settle('cancel');
          // Keep focus inside the dialog while it is open (it is modal).
          if (e.key === 'Tab') {
            const buttons = Array.from(e.currentTarget.querySelectorAll('button'));
            const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
            const next = buttons[(i + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length];
            if (next) {
              e.preventDefault();
              next.focus();
            }
          }
        }}
      >
        <h2 id="import-dialog-title">{t('importDialog.title')}</h2>
        <p id="import-dialog-body">{t('importDialog.body', { title: pickText(c.title, lang), seed: c.seed, round: c.round })}</p>
        <div className="row">
          <button ref={first} type="button" data-testid="import-both" onClick={() => void settle('both')}>
            {t('importDialog.both')}
          </button>
          <button type="button" data-testid="import-replace" onClick={() => void settle('replace')}>
            {t('importDialog.replace')}
          </button>
          <button type="button" data-testid="import-cancel" onClick={() => void settle('cancel')}>
            {t('importDialog.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
