/** What a decision group changed from one quarter to the next, in words (as {@link Msg} data). */
import type { GroupId } from '../../sim/attribution';
import type { Decisions, ScenarioConfig, TierDecision, TieringWeights } from '../../sim/config';
import { money, msg, num, pct, tierVal, type Msg, type Val } from './msg';
import { tierOf } from './moves';

/** A changed decision field, in words: "you raised {what} from {from} to {to}". */
export interface Change {
  verb: 'up' | 'down' | 'set' | 'on' | 'off';
  what: Msg;
  from?: Val;
  to?: Val;
}


export function numberChange(what: Msg, from: number, to: number, fmt: (x: number) => Val): Change | null {
  if (from === to) return null;
  return { verb: to > from ? 'up' : 'down', what, from: fmt(from), to: fmt(to) };
}

function boolChange(what: Msg, from: boolean, to: boolean): Change | null {
  if (from === to) return null;
  return { verb: to ? 'on' : 'off', what };
}

type TierField = keyof TierDecision;
const TIER_FIELD_FMT: Record<TierField, (x: number) => Val> = {
  serviceHours: (x) => num(x, 1),
  relationshipSpend: (x) => money(x),
  priceIndex: (x) => pct(x),
  retentionBudget: (x) => money(x),
  acquisitionSpend: (x) => money(x),
  winBackSpend: (x) => money(x),
};

function tierChanges(b: Decisions, a: Decisions, fields: TierField[]): Change[] {
  const out: Change[] = [];
  const k = a.tiering.tierCount;
  for (let t = 0; t < a.tiers.length; t++) {
    const x = b.tiers[t];
    const y = a.tiers[t]!;
    if (!x) continue;
    for (const f of fields) {
      const c = numberChange(msg(`field.${f}`, { tier: tierVal(t, k) }), x[f], y[f], TIER_FIELD_FMT[f]);
      if (c) out.push(c);
    }
  }
  return out;
}

const DIMS: readonly (keyof TieringWeights)[] = ['revenue', 'margin', 'influence', 'potential', 'tenure'];
const MODULES = ['salesAutomation', 'marketingAutomation', 'serviceDesk', 'dataPlatform'] as const;

/** What changed in group `g` from `b` (the quarter before) to `a` (the quarter's decisions). */
export function describeChanges(g: GroupId, b: Decisions, a: Decisions, scenario: ScenarioConfig): Change[] {
  if (g.startsWith('service:')) {
    const t = tierOf(g);
    const x = b.tiers[t];
    const y = a.tiers[t];
    if (!x || !y) return [];
    const c = numberChange(msg('field.serviceHours', { tier: tierVal(t, a.tiering.tierCount) }), x.serviceHours, y.serviceHours, TIER_FIELD_FMT.serviceHours);
    return c ? [c] : [];
  }
  const out: (Change | null)[] = [];
  switch (g) {
    case 'tiering': {
      if (a.tiering.tierCount !== b.tiering.tierCount) {
        out.push({ verb: a.tiering.tierCount > b.tiering.tierCount ? 'up' : 'down', what: msg('field.tierCount'), from: num(b.tiering.tierCount), to: num(a.tiering.tierCount) });
        break;
      }
      for (const dim of DIMS)
        out.push(numberChange(msg('field.weight', { dim: { kind: 'msg', msg: msg(`dim.${dim}`) } }), b.tiering.weights[dim], a.tiering.weights[dim], (x) => num(x, 2)));
      const rb = b.tiering.topIfRevenueAbove;
      const ra = a.tiering.topIfRevenueAbove;
      if (rb === undefined && ra !== undefined) out.push({ verb: 'on', what: msg('field.topIfRevenueAbove'), to: money(ra) });
      else if (rb !== undefined && ra === undefined) out.push({ verb: 'off', what: msg('field.topIfRevenueAbove') });
      else if (rb !== undefined && ra !== undefined) out.push(numberChange(msg('field.topIfRevenueAbove'), rb, ra, (x) => money(x)));
      if (JSON.stringify(a.tiering.cutoffs) !== JSON.stringify(b.tiering.cutoffs)) out.push({ verb: 'set', what: msg('field.cutoffs') });
      break;
    }
    case 'relationship':
      out.push(...tierChanges(b, a, ['relationshipSpend', 'retentionBudget']));
      break;
    case 'price':
      out.push(...tierChanges(b, a, ['priceIndex']));
      break;
    case 'acquisition':
      out.push(...tierChanges(b, a, ['acquisitionSpend']));
      break;
    case 'winBack':
      out.push(...tierChanges(b, a, ['winBackSpend']));
      break;
    case 'staffing':
      out.push(numberChange(msg('field.hires'), b.people.hires, a.people.hires, (x) => num(x)));
      out.push(numberChange(msg('field.layoffs'), b.people.layoffs, a.people.layoffs, (x) => num(x)));
      break;
    case 'wages':
      out.push(numberChange(msg('field.wageIndex'), b.people.wageIndex, a.people.wageIndex, (x) => pct(x)));
      break;
    case 'training':
      out.push(numberChange(msg('field.trainingSpend'), b.people.trainingSpend, a.people.trainingSpend, (x) => money(x)));
      break;
    case 'systems':
      for (const m of MODULES) out.push(numberChange(msg(`field.${m}`), b.systems[m], a.systems[m], (x) => money(x)));
      break;
    case 'brand':
      out.push(numberChange(msg('field.brandSpend'), b.brandSpend, a.brandSpend, (x) => money(x)));
      break;
    case 'research': {
      const k = a.tiering.tierCount;
      a.research.surveySample.forEach((n, t) => {
        const m = b.research.surveySample[t];
        if (m !== undefined) out.push(numberChange(msg('field.surveySample', { tier: tierVal(t, k) }), m, n, (x) => num(x)));
      });
      out.push(boolChange(msg('field.employeeSurvey'), b.research.employeeSurvey, a.research.employeeSurvey));
      out.push(boolChange(msg('field.nps'), b.research.nps, a.research.nps));
      break;
    }
    case 'recovery':
      out.push(numberChange(msg('field.budgetPerFailure'), b.recovery.budgetPerFailure, a.recovery.budgetPerFailure, (x) => money(x)));
      out.push(numberChange(msg('field.empowerment'), b.recovery.empowerment, a.recovery.empowerment, (x) => pct(x, 0)));
      break;
    case 'choices':
      for (const c of a.choices) {
        const ev = scenario.events.find((e) => e.id === c.event);
        const opt = ev?.options?.find((o) => o.id === c.option);
        if (!ev || !opt) continue;
        out.push({ verb: 'set', what: msg('field.choice', { event: { kind: 'text', text: ev.title } }), to: { kind: 'text', text: opt.label } });
      }
      break;
  }
  return out.filter((c): c is Change => c !== null);
}

/** A change as a phrase. */
export function changeMsg(c: Change): Msg {
  const values: Record<string, Val> = { what: { kind: 'msg', msg: c.what } };
  if (c.from) values.from = c.from;
  if (c.to) values.to = c.to;
  if (c.verb === 'set') return msg(c.to ? 'change.setTo' : 'change.set', values);
  if (c.verb === 'on') return msg(c.to ? 'change.onAt' : 'change.on', values);
  if (c.verb === 'off') return msg('change.off', values);
  return msg(c.verb === 'up' ? 'change.up' : 'change.down', values);
}
