/** The debrief's messages as text: values formatted in the learner's language, names from the scenario. */
import type { TFunction } from 'i18next';
import type { GroupId } from '../../sim/attribution';
import type { ScenarioConfig } from '../../sim/config';
import { DECISION_GROUPS, type DecisionGroup } from '../../sim/decisions/catalogue';
import { pickText, type Lang } from '../../sim/text';
import { fmtMoney, fmtNumber, fmtPercent } from '../format';
import { tierOf } from './moves';
import { runsOf, type Msg, type Val } from './msg';

/** What rendering needs: the namespace's `t`, the language and the scenario (currency, tier names, events). */
export interface RenderContext {
  t: TFunction<'lessons'>;
  lang: Lang;
  scenario: ScenarioConfig;
}

const MINUS = '−';
/** The sign of `x` as shown: ± when the text of its size reads as zero ("0", "0.0", "¥0"). */
function signed(x: number, body: string): string {
  const zero = !/[1-9]/.test(body);
  return `${zero ? '±' : x > 0 ? '+' : MINUS}${body}`;
}
/** A negative amount with a true minus sign, as the signed ones. */
const unsigned = (x: number, body: string): string => (x < 0 && /[1-9]/.test(body) ? `${MINUS}${body}` : body);

/**
 * The name of decision group `g` (tier names from the scenario; with one tier in use, "all
 * customers"). `merged`: the quarter changed the number of tiers, so the tiering group holds
 * every per-tier lever, and its name says so.
 */
export function groupLabel(t: TFunction<'lessons'>, group: GroupId, scenario: ScenarioConfig, lang: Lang, tierCount?: number, merged = false): string {
  if (group.startsWith('service:')) return t('group.service', { tier: tierName(t, tierOf(group), scenario, lang, tierCount) });
  if (group === 'tiering' && merged) return t('group.tieringMerged');
  return (DECISION_GROUPS as readonly string[]).includes(group) ? t(`group.${group as Exclude<DecisionGroup, 'service'>}`) : group;
}

/** A tier position's name; "all customers" when only one tier is in use. */
export function tierName(t: TFunction<'lessons'>, tier: number, scenario: ScenarioConfig, lang: Lang, tierCount?: number): string {
  if (tierCount === 1) return t('group.allCustomers');
  const name = pickText(scenario.tiers[tier]?.name, lang);
  return name || t('group.tierN', { n: tier + 1 });
}

/** A value as text. */
export function renderVal(v: Val, ctx: RenderContext): string {
  const { lang, scenario, t } = ctx;
  switch (v.kind) {
    case 'money': {
      const body = fmtMoney(Math.abs(v.value), scenario.currency, lang);
      return v.signed ? signed(v.value, body) : unsigned(v.value, body);
    }
    case 'number': {
      const body = fmtNumber(Math.abs(v.value), lang, v.digits === undefined ? {} : { digits: v.digits });
      return v.signed ? signed(v.value, body) : unsigned(v.value, body);
    }
    case 'percent':
      if (v.signed) return t('pp', { value: signed(v.value, fmtNumber(Math.abs(v.value) * 100, lang, { digits: v.digits ?? 1 })) });
      return unsigned(v.value, fmtPercent(Math.abs(v.value), lang, v.digits ?? 1));
    case 'quarter':
      return t('quarter', { n: v.value });
    case 'quarters':
      return t('quarters', { from: v.from, to: v.to });
    case 'text':
      return pickText(v.text, lang);
    case 'tier':
      return tierName(t, v.tier, scenario, lang, v.tierCount);
    case 'group':
      return groupLabel(t, v.group, scenario, lang, v.tierCount, v.merged);
    case 'tierValues':
      return v.values
        .map((x, i) => t('tierValue', { tier: tierName(t, i, scenario, lang, v.tierCount), value: renderVal(x, ctx) }))
        .join(t('comma'));
    case 'msg':
      return renderMsg(v.msg, ctx);
    case 'quarterList':
      return runsOf(v.quarters)
        .map((r) => (r.from === r.to ? t('quarter', { n: r.from }) : t('quarters', { from: r.from, to: r.to })))
        .join(t('comma'));
    case 'list':
      return v.items.map((m) => renderMsg(m, ctx)).join(v.comma ? t('comma') : t('sep'));
  }
}

/** A message as text, its values formatted in the context's language. A `count` number also picks the plural form. */
export function renderMsg(m: Msg, ctx: RenderContext): string {
  const vars: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m.values ?? {})) vars[k] = k === 'count' && v.kind === 'number' ? v.value : renderVal(v, ctx);
  const t = ctx.t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return t(m.key, vars);
}
