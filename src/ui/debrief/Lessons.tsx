/**
 * The debrief's explanations: the decisions that mattered most and the lessons of the game
 * with this run's verdicts. Plain markup (lists, headings, paragraphs) so it prints well; the
 * verdict is a word and a symbol, never a colour alone. The numbers come from `lessons.ts`.
 */
import './lessonsMessages'; // registers the 'lessons' messages (they load with this screen)
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarterAttribution } from '../../sim/attribution';
import { useStore } from '../../store/index';
import { useReferences } from '../../store/references';
import { detectLessons, type Verdict } from './lessons';
import type { DebriefInput } from './moves';
import { fmtNumber } from '../format';
import { renderMsg, type RenderContext } from './render';
import { topDecisions } from './topDecisions';

/** The symbol beside each verdict's word. */
const SYMBOL: Record<Verdict, string> = { shown: '✔', partly: '◐', broken: '✘', notTested: '–' };

function useDebrief(attributions: QuarterAttribution[]): { input: DebriefInput | null; ctx: RenderContext | null } {
  const game = useStore((s) => s.game);
  const lang = useStore((s) => s.lang);
  const { t } = useTranslation('lessons');
  const runs = useReferences((s) => (s.status === 'done' ? s.runs : null));
  const input = useMemo<DebriefInput | null>(() => {
    if (!game) return null;
    const whole = (id: string): number | null => {
      const r = runs?.find((x) => x.policy === id);
      return r ? r.summaries.reduce((a, x) => a + x.finance.operatingProfit, 0) + (r.summaries.at(-1)?.firm.customerEquity ?? 0) : null;
    };
    const vb = whole('value-based');
    const un = whole('uniform');
    return {
      scenario: game.scenario,
      summaries: game.summaries,
      decisions: game.decisions,
      attributions,
      finalDataQuality: game.view.dataQuality,
      ...(vb !== null && un !== null ? { references: { valueBased: vb, uniform: un } } : {}),
    };
  }, [game, attributions, runs]);
  const ctx = useMemo<RenderContext | null>(() => (game ? { t, lang, scenario: game.scenario } : null), [game, t, lang]);
  return { input, ctx };
}

/**
 * The `k` decisions with the largest effect on the outcome (profit plus customer equity), as an
 * ordered list, and the objectives apart (their points arrive all at once at a threshold).
 */
export function TopDecisions({ attributions, k = 3 }: { attributions: QuarterAttribution[]; k?: number }) {
  const { t } = useTranslation('lessons');
  const lang = useStore((s) => s.lang);
  const { input, ctx } = useDebrief(attributions);
  const truth = useStore((s) => s.game?.truth ?? null);
  const met = useStore((s) => s.game?.view.objectivesMet ?? []);
  const top = useMemo(() => (input ? topDecisions({ ...input, ...(truth ? { truth } : {}) }, k) : []), [input, truth, k]);
  if (!input || !ctx) return null;
  const objectives = input.scenario.objectives;
  const points = objectives.filter((o) => met.includes(o.id)).reduce((a, o) => a + o.points, 0);
  const apart = objectives.length > 0 && (
    <p className="muted small" data-testid="top-objectives">
      {t('top.objectives', { met: fmtNumber(met.length, lang), total: fmtNumber(objectives.length, lang), points: fmtNumber(points, lang) })}
    </p>
  );
  if (top.length === 0) return <><p data-testid="top-decisions-none">{t('top.none')}</p>{apart}</>;
  return (
    <>
      <ol className="top-decisions" data-testid="top-decisions-list">
        {top.map((d) => (
          <li key={`${d.round}|${d.group}`} data-group={d.group} data-round={d.round}>
            {renderMsg(d.message, ctx)}
          </li>
        ))}
      </ol>
      {apart}
    </>
  );
}

/**
 * The eight lessons, each with its verdict (word and symbol), its statement and the evidence of
 * this run. They read the game's truth, which only a game that is over has: nothing before.
 */
export function LessonsList({ attributions }: { attributions: QuarterAttribution[] }) {
  const { t } = useTranslation('lessons');
  const { input, ctx } = useDebrief(attributions);
  const truth = useStore((s) => s.game?.truth ?? null);
  const lessons = useMemo(() => (input && truth ? detectLessons({ ...input, truth }) : []), [input, truth]);
  if (!input || !ctx || !truth) return null;
  return (
    <>
      <p className="muted small">{t('lessonsIntro')}</p>
      <ol className="lessons" data-testid="lessons-list">
        {lessons.map((l) => (
          <li key={l.lesson} data-lesson={l.lesson} data-verdict={l.verdict}>
            <h3>{t('lessonHeading', { n: l.lesson, title: renderMsg(l.title, ctx) })}</h3>
            <p className={`verdict verdict-${l.verdict}`}>
              <span aria-hidden="true">{SYMBOL[l.verdict]}</span> <strong>{t(`verdict.${l.verdict}`)}</strong>
            </p>
            <p>{l.evidence.map((m) => renderMsg(m, ctx)).join(ctx.lang === 'zh-CN' ? '' : ' ')}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
