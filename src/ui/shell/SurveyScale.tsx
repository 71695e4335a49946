/**
 * How the survey's 1-5 answers relate to satisfaction in points, beside a survey figure or a
 * satisfaction objective: the cut points of the engine's answer model (the worker's
 * `answerScale`), and the answer a customer exactly at each satisfaction objective's target
 * gives. A mean rating does not convert to points one to one, and the note says so.
 */
import { useTranslation } from 'react-i18next';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import { fmtNumber } from '../format';

export function SurveyScale({ objectives = true }: { objectives?: boolean }) {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const game = useStore((s) => s.game);
  if (!game) return null;
  const { cuts, noise } = game.answerScale;
  const sc = game.scenario;
  const n = (x: number) => fmtNumber(x, lang, { digits: 1 });
  const items = objectives
    ? game.answerScale.objectives.flatMap((a) => {
        const o = sc.objectives.find((x) => x.id === a.id);
        if (!o) return [];
        const who = o.tier === undefined ? t('scale.firm') : pickText(sc.tiers.find((x) => x.id === o.tier)?.name, lang);
        return [t('scale.objectiveItem', { target: n(o.target), who, answer: a.answer })];
      })
    : [];
  return (
    <p className="muted small" data-testid="survey-scale">
      {t('scale.bands', { cut5: n(cuts[5]), cut4: n(cuts[4]), cut3: n(cuts[3]), cut2: n(cuts[2]), noise: n(noise) })}
      {items.length > 0 && (lang === 'zh-CN' ? '' : ' ')}
      {items.length > 0 && t('scale.objective', { list: items.join(t('scale.sep')) })}
      {lang === 'zh-CN' ? '' : ' '}
      {t('scale.noMean')}
    </p>
  );
}
