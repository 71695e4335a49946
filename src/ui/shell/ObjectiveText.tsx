import { useTranslation } from 'react-i18next';
import type { Objective } from '../../sim/config';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import { fmtNumber } from '../format';

/** An objective in words: its text, when it is checked and its points. */
export function ObjectiveText({ objective: o }: { objective: Objective }) {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const rounds = useStore((s) => s.game?.scenario.rounds ?? 0);
  return (
    <>
      {pickText(o.text, lang)}{' '}
      <span className="muted">
        {t('objective.when', { round: o.round ?? rounds, points: fmtNumber(o.points, lang) })}
      </span>
    </>
  );
}
