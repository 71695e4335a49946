/**
 * What a decision group changed from one quarter to the next, in words (as {@link Msg} data),
 * field by field from the decision catalogue: each field's phrase and how its unit reads.
 */
import type { GroupId } from '../../sim/attribution';
import type { Decisions, ScenarioConfig } from '../../sim/config';
import { DECISION_FIELDS, decisionField, fieldValue, type DecisionField, type DecisionGroup, type NumberField } from '../../sim/decisions/catalogue';
import { money, msg, num, pct, tierVal, type LessonsKey, type Msg, type Val } from './msg';
import { tierOf } from './moves';

/** A changed decision field, in words: "you raised {what} from {from} to {to}"; `perTier`: a per-tier lever set anew for a new number of tiers. */
export interface Change {
  verb: 'up' | 'down' | 'set' | 'on' | 'off' | 'perTier';
  what: Msg;
  from?: Val;
  to?: Val;
  /** The field's attribution group (the catalogue's), for the lessons that read what a quarter changed. */
  group?: DecisionGroup;
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

/**
 * The per-tier levers (outside the tiering rule) set anew when the number of tiers changed
 * from `b` to `a`: the tiers cannot be matched one by one, so a lever counts as changed when
 * its amounts in all differ (a tier's total: offers, acquisition, win-back, the survey sample)
 * or its levels do (per customer: service hours, programme spend, the price index). Each with
 * its values tier by tier, before and after.
 */
export function mergedChanges(b: Decisions, a: Decisions): Change[] {
  const out: Change[] = [];
  for (const f of DECISION_FIELDS) {
    if (f.scope !== 'tier' || f.group === 'tiering' || f.kind !== 'number') continue;
    const xs = Array.from({ length: b.tiering.tierCount }, (_, t) => fieldValue(b, f, t)).filter((x): x is number => typeof x === 'number');
    const ys = Array.from({ length: a.tiering.tierCount }, (_, t) => fieldValue(a, f, t)).filter((x): x is number => typeof x === 'number');
    const total = f.budget === 'total' || f.unit === 'count';
    const same = total
      ? xs.reduce((p, q) => p + q, 0) === ys.reduce((p, q) => p + q, 0)
      : JSON.stringify([...new Set(xs)].sort()) === JSON.stringify([...new Set(ys)].sort());
    if (same) continue;
    const fmt = formatOf(f);
    out.push({
      verb: 'perTier',
      what: msg(f.phrase.key as LessonsKey, { tier: { kind: 'msg', msg: msg('group.eachTier') } }),
      from: { kind: 'tierValues', values: xs.map(fmt), tierCount: b.tiering.tierCount },
      to: { kind: 'tierValues', values: ys.map(fmt), tierCount: a.tiering.tierCount },
      group: f.group,
    });
  }
  return out;
}

/**
 * What changed in group `g` from `b` (the quarter before) to `a` (the quarter's decisions).
 * When the number of tiers changed, the tiering group holds every per-tier lever: the count,
 * the rule's other changes, then each per-tier lever set anew ({@link mergedChanges}).
 */
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
  const merged = group === 'tiering' && a.tiering.tierCount !== b.tiering.tierCount;
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
  if (!merged) for (const t of tiers) for (const f of perTier) out.push(changeOf(f, b, a, t));
  const changes = out.filter((c): c is Change => c !== null).map((c) => ({ ...c, group }));
  return merged ? [...changes, ...mergedChanges(b, a)] : changes;
}

/** A change as a phrase. */
export function changeMsg(c: Change): Msg {
  const values: Record<string, Val> = { what: { kind: 'msg', msg: c.what } };
  if (c.from) values.from = c.from;
  if (c.to) values.to = c.to;
  if (c.verb === 'set') return msg(c.to ? 'change.setTo' : 'change.set', values);
  if (c.verb === 'on') return msg(c.to ? 'change.onAt' : 'change.on', values);
  if (c.verb === 'off') return msg('change.off', values);
  if (c.verb === 'perTier') return msg('change.perTier', values);
  return msg(c.verb === 'up' ? 'change.up' : 'change.down', values);
}
