/**
 * "Why did it change?" for one quarter: a waterfall per KPI from last quarter's value (or the
 * status quo in the first quarter) through late effects, outside events, each decision group
 * and their interaction to the value now, and one sentence on what mattered most. The
 * attribution comes from the worker (counterfactual replays); the panel asks for it if the
 * store does not have it yet, and the report never waits for it.
 */
import './lessonsMessages'; // registers the 'lessons' messages (they load with this screen)
import './messages'; // registers the 'debrief' messages (they load with this screen)
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributedKpi, FirmKpi, GroupId, QuarterAttribution } from '../../sim/attribution';
import type { ScenarioConfig } from '../../sim/config';
import type { Lang } from '../../sim/text';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import { TRUTH_KPIS } from '../../worker/protocol';
import { Waterfall } from '../charts/Waterfall';
import { fmtMoney, fmtNumber, fmtPercent } from '../format';
import { explainSteps, interactionShare, largestStep, rivalTier, type StepLabels, type StepSource } from './explainSteps';
import { groupLabel } from './render';
import './debrief.css';

/** KPIs the learner cannot see before the end of the game (MODEL.md: the truth is for the debrief); the worker leaves them out until then. */
const HIDDEN_KPIS: readonly FirmKpi[] = TRUTH_KPIS;

/** KPIs in the order of the picker. */
const ORDER: readonly FirmKpi[] = ['profit', 'revenue', 'customers', 'customerEquity', 'score', 'satisfaction', 'loyalty', 'employeeSatisfaction'];

/** A formatter for a KPI's values and one for its changes (signed). */
export function kpiFormat(kpi: AttributedKpi, currency: string, lang: Lang): { level: (v: number) => string; delta: (v: number) => string } {
  const base = kpi.startsWith('customers') ? 'customers' : (kpi as FirmKpi);
  const level = (v: number): string => {
    switch (base) {
      case 'profit':
      case 'revenue':
      case 'customerEquity':
        return fmtMoney(v, currency, lang);
      case 'customers':
        return fmtNumber(v, lang, { digits: Math.abs(v) < 10 && v !== Math.round(v) ? 1 : 0 });
      case 'loyalty':
        return fmtPercent(v, lang, 1);
      default:
        return fmtNumber(v, lang, { digits: Math.abs(v) < 10 ? 2 : 1 });
    }
  };
  // Loyalty is a share: its changes are percentage points.
  const size = (v: number): string => (base === 'loyalty' ? `${fmtNumber(v * 100, lang, { digits: 1 })} ${lang === 'zh-CN' ? '个百分点' : 'pp'}` : level(v));
  const delta = (v: number): string => (v > 0 ? `+${size(v)}` : v < 0 ? `−${size(-v)}` : size(0));
  return { level, delta };
}

/**
 * The panel of quarter `round`. The true KPIs can be picked once the worker sent the whole
 * attributions (the game is over); before, they are listed as hidden.
 */
export function ExplainPanel({ round, headingLevel = 2 }: { round: number; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('debrief');
  const { t: tl } = useTranslation('lessons');
  const lang = useStore((s) => s.lang);
  const game = useStore((s) => s.game)!;
  const a = useStore((s) => s.explanations[round - 1]) as QuarterAttribution | undefined;
  const explaining = useStore((s) => s.explaining);
  const reveal = useStore((s) => s.explanationsRevealed);
  const over = game.view.status !== 'running';
  const inMarket = useStore((s) => s.market !== null);
  const [kpi, setKpi] = useState<AttributedKpi>('profit');
  const pickId = useId();
  const headId = useId();
  useEffect(() => {
    // A game that is over gets the whole attributions, even where observed ones are kept from its play.
    if (!a || (over && !reveal)) void useStore.getState().explain(round, round);
  }, [a, round, over, reveal]);
  const sc = game.scenario;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const tierCount = game.summaries[round - 1]?.tiers.length ?? sc.tiers.length;
  const group = groupNamer(tl, game, lang);
  const choices = kpiChoices(sc, tierCount);
  const chosen = !reveal && HIDDEN_KPIS.includes(kpi as FirmKpi) ? 'profit' : kpi;
  return (
    <section className="card explain" aria-labelledby={headId} data-testid={`explain-${round}`}>
      <H id={headId}>{t('explain.title')}</H>
      <p className="muted">{t(inMarket ? 'explain.introMarket' : 'explain.intro')}</p>
      <div className="row">
        <label htmlFor={pickId}>{t('explain.kpi')}</label>
        <select id={pickId} data-testid="explain-kpi" value={chosen} onChange={(e) => setKpi(e.target.value as AttributedKpi)}>
          {choices.map((c) => {
            const hidden = !reveal && HIDDEN_KPIS.includes(c.id as FirmKpi);
            const name = kpiName(t, c.id, sc, lang);
            return (
              <option key={c.id} value={c.id} disabled={hidden}>
                {hidden ? t('explain.hidden', { name }) : name}
              </option>
            );
          })}
        </select>
      </div>
      {!reveal && <p className="muted small">{t('explain.hiddenNote')}</p>}
      {a ? (
        <Explained a={a} kpi={chosen} group={group} />
      ) : explaining ? (
        <p role="status" data-testid="explain-working">
          {explaining.total > 1 ? t('explain.working', { done: explaining.done, total: explaining.total }) : t('explain.workingOne')}
        </p>
      ) : (
        // Not asked yet, or the worker could not answer (the notice says why): the learner can ask again.
        <p>
          <button type="button" data-testid="explain-retry" onClick={() => void useStore.getState().explain(round, round)}>
            {t('explain.retry')}
          </button>
        </p>
      )}
    </section>
  );
}

function Explained({ a, kpi, group }: { a: QuarterAttribution; kpi: AttributedKpi; group: (g: GroupId, round: number) => string }) {
  const { t } = useTranslation('debrief');
  const lang = useStore((s) => s.lang);
  const game = useStore((s) => s.game)!;
  const sc = game.scenario;
  const fmt = kpiFormat(kpi, sc.currency, lang);
  const ex = explainSteps(a, kpi, stepLabels(t, group));
  if (!ex) return null;
  const name = kpiName(t, kpi, sc, lang);
  const first = ex.steps[0]!.value;
  const last = ex.steps.at(-1)!.value;
  const change = last - first;
  const top = largestStep(ex);
  const share = interactionShare(a, kpi);
  const sep = t('explain.listSep');
  // When outside the learner's decisions mattered most, name the quarter's events.
  const fired = game.summaries[a.round - 1]?.fired ?? [];
  const events = top?.source.kind === 'outside' && fired.length > 0 ? t('explain.sentence.events', { events: fired.map((e) => pickText(e.title, lang)).join(sep) }) : '';
  const opening =
    a.previous === null
      ? change !== 0
        ? t('explain.sentence.first', { kpi: name, change: fmt.delta(change) })
        : t('explain.sentence.firstSame', { kpi: name })
      : change > 0
        ? t('explain.sentence.up', { kpi: name, change: fmt.level(change) })
        : change < 0
          ? t('explain.sentence.down', { kpi: name, change: fmt.level(-change) })
          : t('explain.sentence.same', { kpi: name });
  return (
    <>
      <p className="explain-sentence" data-testid="explain-sentence">
        {opening}
        {lang === 'zh-CN' ? '' : ' '}
        {top ? causeSentence(t, top.source, fmt.delta(top.step.value), group, a.round) : t('explain.sentence.nothing')}
        {top?.source.kind === 'rival' && kpi === 'customers' && rivalTierSentence(t, a, top.source, sc, lang)}
        {events && (lang === 'zh-CN' ? '' : ' ')}
        {events}
      </p>
      <Waterfall title={`${name} · ${t('explain.now', { n: a.round })}`} lang={lang} steps={ex.steps} format={fmt.level} formatDelta={fmt.delta} highlight height={320} />
      {a.groups.length === 0 && <p className="muted">{t(a.rivals ? 'explain.noChangeMarket' : 'explain.noChange')}</p>}
      {share !== null && share > 0 && <p className="muted small" data-testid="interaction-share">{t('explain.interactionShare', { share: fmtPercent(share, lang, 1) })}</p>}
      {ex.noEffect.length > 0 && <p className="muted small">{t('explain.noEffect', { groups: ex.noEffect.map((g) => group(g, a.round)).join(sep) })}</p>}
      {a.untraced.length > 0 && <p className="muted small">{t('explain.untraced', { groups: a.untraced.map((g) => group(g, a.round)).join(sep) })}</p>}
      <details className="explain-legend">
        <summary>{t('explain.legend.title')}</summary>
        <ul>
          {a.rivals ? (
            <>
              <li>{t('explain.legend.lateMarket')}</li>
              <li>{t('explain.legend.outsideMarket')}</li>
              <li>{t('explain.legend.valuation')}</li>
              <li>{t('explain.legend.rival')}</li>
            </>
          ) : (
            <>
              <li>{t('explain.legend.late')}</li>
              <li>{t('explain.legend.outside')}</li>
              <li>{t('explain.legend.valuation')}</li>
            </>
          )}
          <li>{t('explain.legend.group')}</li>
          <li>{t('explain.legend.interaction')}</li>
        </ul>
      </details>
    </>
  );
}

type DebriefT = ReturnType<typeof useTranslation<'debrief'>>['t'];

type GameOf = NonNullable<ReturnType<typeof useStore.getState>['game']>;

/**
 * The name of a decision group changed in quarter `round`: tier names of that quarter's tiers;
 * in a quarter that changed the number of tiers, the tiering group says it holds every per-tier lever.
 */
export function groupNamer(tl: ReturnType<typeof useTranslation<'lessons'>>['t'], game: GameOf, lang: Lang): (g: GroupId, round: number) => string {
  return (g, round) => {
    const d = game.decisions[round - 1];
    const prev = round >= 2 ? game.decisions[round - 2] : game.scenario.initialDecisions;
    const tierCount = d?.tiering.tierCount ?? game.summaries[round - 1]?.tiers.length ?? game.scenario.tiers.length;
    const merged = d !== undefined && prev !== undefined && d.tiering.tierCount !== prev.tiering.tierCount;
    return groupLabel(tl, g, game.scenario, lang, tierCount, merged);
  };
}

/** The words of the waterfall's bars (shared by the panel and the debrief's quarter table). */
export function stepLabels(t: DebriefT, group: (g: GroupId, round: number) => string): StepLabels {
  return {
    previous: (n) => t('explain.previous', { n }),
    statusQuo: t('explain.statusQuo'),
    now: (n) => t('explain.now', { n }),
    outside: t('explain.outside'),
    valuation: t('explain.valuation'),
    interaction: t('explain.interaction'),
    rival: (name) => t('explain.rival', { name }),
    rivalLate: (name, n) => t('explain.rivalLate', { name, n }),
    group,
    late: (g, n) => t('explain.late', { group: group(g, n), n }),
    otherLate: (n) => t('explain.otherLate', { n }),
  };
}

/** The sentence of {@link rivalTier}: the tier a rival's part of the change in customers fell on most; '' when none stands out. */
function rivalTierSentence(t: DebriefT, a: QuarterAttribution, src: Extract<StepSource, { kind: 'rival' }>, sc: ScenarioConfig, lang: Lang): string {
  const hit = rivalTier(a, src.seat, src.fromRound);
  if (!hit) return '';
  const tier = pickText(sc.tiers[hit.tier]?.name, lang);
  return (lang === 'zh-CN' ? '' : ' ') + t(`explain.sentence.rivalTier.${hit.all ? 'allIn' : 'mostIn'}`, { tier, count: hit.customers, n: hit.customers });
}

function causeSentence(t: DebriefT, src: StepSource, change: string, group: (g: GroupId, round: number) => string, round: number): string {
  switch (src.kind) {
    case 'group':
      return t('explain.sentence.group', { group: group(src.group, round), change });
    case 'late':
      return t('explain.sentence.late', { group: group(src.group, src.fromRound), n: src.fromRound, change });
    case 'otherLate':
      return t('explain.sentence.otherLate', { change });
    case 'outside':
      return t('explain.sentence.outside', { change });
    case 'valuation':
      return t('explain.sentence.valuation', { change });
    case 'rival':
      return src.fromRound !== undefined ? t('explain.sentence.rivalLate', { name: src.name, n: src.fromRound, change }) : t('explain.sentence.rival', { name: src.name, change });
    case 'interaction':
      return t('explain.sentence.interaction', { change });
    default: {
      const never: never = src;
      return never;
    }
  }
}

/** The KPIs of the picker: the firm's, then customers per tier in use. */
function kpiChoices(sc: ScenarioConfig, tierCount: number): { id: AttributedKpi }[] {
  const out: { id: AttributedKpi }[] = ORDER.map((id) => ({ id }));
  if (tierCount > 1) for (let i = 0; i < Math.min(tierCount, sc.tiers.length); i++) out.splice(3 + i, 0, { id: `customers:${i}` });
  return out;
}

/** A KPI's name in the learner's language. */
export function kpiName(t: DebriefT, kpi: AttributedKpi, sc: ScenarioConfig, lang: Lang): string {
  if (kpi.startsWith('customers:')) return t('explain.kpis.customersTier', { tier: pickText(sc.tiers[Number(kpi.split(':')[1])]?.name, lang) });
  return t(`explain.kpis.${kpi as FirmKpi}`);
}

/** Quarter by quarter: the change of operating profit and of the score, and the bar that moved each most (the debrief; prints on paper). */
export function QuarterSummary({ attributions }: { attributions: readonly QuarterAttribution[] }) {
  const { t } = useTranslation('debrief');
  const { t: tl } = useTranslation('lessons');
  const lang = useStore((s) => s.lang);
  const game = useStore((s) => s.game)!;
  const sc = game.scenario;
  const paren = (v: string): string => (lang === 'zh-CN' ? `（${v}）` : `(${v})`);
  const group = groupNamer(tl, game, lang);
  const cell = (a: QuarterAttribution, kpi: 'profit' | 'score') => {
    const ex = explainSteps(a, kpi, stepLabels(t, group))!;
    const fmt = kpiFormat(kpi, sc.currency, lang);
    const change = ex.steps.at(-1)!.value - ex.steps[0]!.value;
    const top = largestStep(ex);
    return { change: fmt.delta(change), top: top ? top.step.label : '—', value: top ? fmt.delta(top.step.value) : '' };
  };
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('debrief.summaryTable')}>
      <table className="data" data-testid="quarter-summary">
        <caption className="muted small">{t('debrief.summaryCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('debrief.quarter')}</th>
            <th scope="col" className="num">{t('debrief.profitChange')}</th>
            <th scope="col">{t('debrief.mattered')}</th>
            <th scope="col" className="num">{t('debrief.scoreChange')}</th>
            <th scope="col">{t('debrief.mattered')}</th>
          </tr>
        </thead>
        <tbody>
          {attributions.map((a) => {
            const p = cell(a, 'profit');
            const sc2 = cell(a, 'score');
            return (
              <tr key={a.round}>
                <th scope="row">{a.round}</th>
                <td className="num">{p.change}</td>
                <td>
                  {p.top} {p.value && <span className="nowrap">{paren(p.value)}</span>}
                </td>
                <td className="num">{sc2.change}</td>
                <td>
                  {sc2.top} {sc2.value && <span className="nowrap">{paren(sc2.value)}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
