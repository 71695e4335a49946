/**
 * "What if?" on a quarter report: go back to the start of that quarter, decide it again and
 * play on. The game as it is stays saved and is shown beside the branch (Timelines).
 */
import './messages'; // registers the 'debrief' messages (they load with this screen)
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index';

export function WhatIf({ round }: { round: number }) {
  const { t } = useTranslation('debrief');
  const busy = useStore((s) => s.busy !== null);
  const head = useId();
  return (
    <section className="card what-if no-print" aria-labelledby={head}>
      <h2 id={head}>{t('whatIf.title')}</h2>
      <p>{t('whatIf.text', { n: round })}</p>
      <button type="button" data-testid="what-if" disabled={busy} onClick={() => void useStore.getState().branch(round - 1)}>
        ↺ {t('whatIf.button', { n: round })}
      </button>
    </section>
  );
}
