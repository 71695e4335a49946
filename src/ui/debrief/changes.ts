/**
 * What a decision group changed from one quarter to the next, in words (as {@link Msg} data),
 * field by field from the decision catalogue: each field's phrase and how its unit reads.
 */
import type { GroupId } from '../../sim/attribution';
import type { Decisions, ScenarioConfig } from '../../sim/config';
import { DECISION_FIELDS, decisionField, fieldValue, type DecisionField, type DecisionGroup, type NumberField } from '../../sim/decisions/catalogue';
import { money, msg, num, pct, tierVal, type LessonsKey, type Msg, type Val } from './msg';
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

/** How a number field's value reads in a sentence, by its unit. */
export function formatOf(f: NumberField): (x: number) => Val {
  switch (f.unit) {
    case 'money':
    case 'moneyPerCustomer':
    case 'revenue':
      return (x) => money(x);
    case 'hours':
      return (x) => num(x, 1);
    case 'index':
      return (x) => pct(x);
    case 'share':
      return (x) => pct(x, 0);
    case 'weight':
    case 'score':
      return (x) => num(x, 2);
    case 'count':
      return (x) => num(x);
    default: {
      const never: never = f.unit;
      return never;
    }
  }
}

/** The field's phrase, naming the tier of a per-tier field. */
function phraseOf(f: DecisionField, tier: number, tierCount: number): Msg {
  const values: Record<string, Val> = {};
  if (f.phrase.dim) values.dim = { kind: 'msg', msg: msg(f.phrase.dim as LessonsKey) };
  if (f.scope !== 'firm') values.tier = tierVal(tier, tierCount);
  return msg(f.phrase.key as LessonsKey, Object.keys(values).length ? values : undefined);
}

/** The change of catalogue field `id` (tier `tier` of a per-tier one) from `b` to `a`, or null. */
export function fieldChange(id: string, b: Decisions, a: Decisions, tier = 0): Change | null {
  const f = decisionField(id);
  return f ? changeOf(f, b, a, tier) : null;
}

function changeOf(f: DecisionField, b: Decisions, a: Decisions, tier: number): Change | null {
  const x = fieldValue(b, f, tier);
  const y = fieldValue(a, f, tier);
  const what = phraseOf(f, tier, a.tiering.tierCount);
  if (f.kind === 'boolean') return typeof x === 'boolean' && typeof y === 'boolean' ? boolChange(what, x, y) : null;
  if (f.kind === 'mode') return null;
  const fmt = formatOf(f);
  if (f.optional) {
    if (x === undefined && typeof y === 'number') return { verb: 'on', what, to: fmt(y) };
    if (typeof x === 'number' && y === undefined) return { verb: 'off', what };
  }
  return typeof x === 'number' && typeof y === 'number' ? numberChange(what, x, y, fmt) : null;
}

/** Phrases several fields share (the cut-offs: mode, shares, thresholds) read as one "set" change. */
const phraseId = (f: DecisionField): string => `${f.phrase.key}|${f.phrase.dim ?? ''}`;
const SHARED = new Set(DECISION_FIELDS.map(phraseId).filter((k, i, all) => all.indexOf(k) !== i));

/** A field's values in `d`: the value of a firm-wide field, the whole list of a per-tier one. */
const valuesOf = (d: Decisions, f: DecisionField): unknown => {
  const star = f.path.indexOf('*');
  return star < 0 ? fieldValue(d, f, 0) : f.path.slice(0, star).reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], d);
};

/** What changed in group `g` from `b` (the quarter before) to `a` (the quarter's decisions). */
export function describeChanges(g: GroupId, b: Decisions, a: Decisions, scenario: ScenarioConfig): Change[] {
  if (g === 'choices') {
    const out: Change[] = [];
    for (const c of a.choices) {
      const ev = scenario.events.find((e) => e.id === c.event);
      const opt = ev?.options?.find((o) => o.id === c.option);
      // An option's label is a sentence of its own; inside "you chose … for the card" it loses its full stop.
      const label = Object.fromEntries(Object.entries(opt?.label ?? {}).map(([k, v]) => [k, String(v).replace(/[.。]\s*$/u, '')]));
      if (ev && opt) out.push({ verb: 'set', what: msg('field.choice', { event: { kind: 'text', text: ev.title } }), to: { kind: 'text', text: label } });
    }
    return out;
  }
  const service = g.startsWith('service:');
  const group: DecisionGroup = service ? 'service' : (g as DecisionGroup);
  // Another number of tiers: the tiers cannot be matched one by one, so the count says it all.
  if (group === 'tiering' && a.tiering.tierCount !== b.tiering.tierCount) {
    const count = fieldChange('tiering.tierCount', b, a);
    return count ? [count] : [];
  }
  const fields = DECISION_FIELDS.filter((f) => f.group === group);
  const out: (Change | null)[] = [];
  const done = new Set<string>();
  for (const f of fields) {
    if (SHARED.has(phraseId(f))) {
      if (done.has(phraseId(f))) continue;
      done.add(phraseId(f));
      const together = fields.filter((x) => phraseId(x) === phraseId(f));
      if (JSON.stringify(together.map((x) => valuesOf(a, x))) !== JSON.stringify(together.map((x) => valuesOf(b, x)))) out.push({ verb: 'set', what: msg(f.phrase.key as LessonsKey) });
    } else if (f.scope === 'firm') out.push(changeOf(f, b, a, 0));
  }
  // Per-tier fields, tier by tier (only the tiers both quarters have).
  const perTier = fields.filter((f) => f.scope !== 'firm' && !SHARED.has(phraseId(f)));
  const tiers = service ? [tierOf(g)] : Array.from({ length: a.tiers.length }, (_, t) => t);
  for (const t of tiers) for (const f of perTier) out.push(changeOf(f, b, a, t));
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
