/**
 * Plans as data, through the catalogue: a copy of a plan, a blank tier, the values a lever
 * holds (for locks), the values of an attribution group (for reverting it), and a plan
 * clamped into every range and limit (the reference strategies end with it).
 */
import type { Decisions, Lever, TierDecision } from '../config';
import { DECISION_FIELDS, NUMBER_FIELDS, type DecisionField, type DecisionGroup } from './catalogue';
import { fieldMax, type PlanLimits } from './check';

type Tree = Record<string | number, unknown>;

/** A deep copy of plain data (objects, lists, primitives), without the host's `structuredClone`. */
export function clonePlain<T>(x: T): T {
  if (Array.isArray(x)) return x.map(clonePlain) as T;
  if (x !== null && typeof x === 'object') {
    const out: Tree = {};
    for (const k of Object.keys(x)) out[k] = clonePlain((x as Tree)[k]);
    return out as T;
  }
  return x;
}

/** A copy of a plan. */
export const cloneDecisions = (d: Decisions): Decisions => clonePlain(d);

/**
 * What stands of a quarter's plan in the next: a copy with every one-off field (hires,
 * layoffs) back at its default. It is the next quarter's status quo: the draft a learner starts
 * from and the attribution's "had nothing changed".
 */
export function standingDecisions(d: Decisions): Decisions {
  const out = clonePlain(d);
  for (const f of DECISION_FIELDS) {
    if (!f.oneOff || !('default' in f)) continue;
    for (const p of pathsOf(f, out)) setAt(out, p, f.default);
  }
  return out;
}

/** A concrete path of a field in a plan: `*` replaced by an index. */
export type ConcretePath = readonly (string | number)[];

/** The value at `path` in `x`, or undefined. */
export function getAt(x: unknown, path: ConcretePath): unknown {
  let o = x;
  for (const k of path) {
    if (o === null || typeof o !== 'object') return undefined;
    o = (o as Tree)[k];
  }
  return o;
}

/** Sets the value at `path` (its parents must exist); `undefined` deletes the key. */
export function setAt(x: unknown, path: ConcretePath, v: unknown): void {
  let o = x as Tree;
  for (const k of path.slice(0, -1)) o = o[k] as Tree;
  const last = path[path.length - 1]!;
  if (v === undefined) delete o[last];
  else o[last] = clonePlain(v);
}

/** Every concrete path of field `f` in plan `d` (one per list item for per-tier fields; none where the list is missing). */
export function pathsOf(f: DecisionField, d: unknown): ConcretePath[] {
  const star = f.path.indexOf('*');
  if (star < 0) return [f.path];
  const list = getAt(d, f.path.slice(0, star));
  if (!Array.isArray(list)) return [];
  return list.map((_, i) => [...f.path.slice(0, star), i, ...f.path.slice(star + 1)]);
}

/** The tier (or boundary) index in a concrete path of a per-tier field; 0 for a firm-wide one. */
export function tierOfPath(p: ConcretePath): number {
  for (const x of p) if (typeof x === 'number') return x;
  return 0;
}

/** The values of `fields` in `d`, as one comparable list (id and value per concrete path; an optional yes/no left out is its default). */
function valuesOf(fields: readonly DecisionField[], d: unknown): unknown[] {
  const out: unknown[] = [];
  for (const f of fields) for (const p of pathsOf(f, d)) out.push(p.join('.'), getAt(d, p) ?? (f.kind === 'boolean' && f.optional ? f.default : undefined));
  return out;
}

/** What lever `lever` holds in `d` (two plans with the same values leave the lever as it was). */
export function leverValues(d: Decisions, lever: Lever): unknown[] {
  return valuesOf(DECISION_FIELDS.filter((f) => f.lever === lever), d);
}

/** The concrete paths of attribution group `g` in `d`; `tier` restricts per-tier fields to one tier (the service groups). */
export function groupPaths(g: DecisionGroup, d: Decisions, tier?: number): ConcretePath[] {
  const out: ConcretePath[] = [];
  for (const f of DECISION_FIELDS) {
    if (f.group !== g) continue;
    for (const p of pathsOf(f, d)) if (tier === undefined || f.scope === 'firm' || p.includes(tier)) out.push(p);
  }
  return out;
}

/** A list of a plan with one item per tier in use (or per boundary between tiers). */
export interface TierList {
  path: readonly string[];
  scope: 'tier' | 'boundary';
}

/** Every per-tier list of a plan (`tiers`, `research.surveySample`, the cut-offs' shares and thresholds). */
export const TIER_LISTS: readonly TierList[] = DECISION_FIELDS.filter((f) => f.scope !== 'firm')
  .map((f) => ({ path: f.path.slice(0, f.path.indexOf('*')), scope: f.scope === 'boundary' ? 'boundary' : 'tier' }) as TierList)
  .filter((l, i, all) => all.findIndex((m) => m.path.join('.') === l.path.join('.')) === i);

/** Whether every per-tier list of `d` that is there has one item per tier in use (or per boundary). */
export function listsFit(d: Decisions): boolean {
  const k = d.tiering.tierCount;
  return TIER_LISTS.every((l) => {
    const list = getAt(d, l.path);
    return list === undefined || (Array.isArray(list) && list.length === (l.scope === 'tier' ? k : k - 1));
  });
}

/** The levers of one tier in a blank plan (the catalogue's defaults: no spend, list price). */
export function blankTier(): TierDecision {
  const t: Record<string, number> = {};
  for (const f of NUMBER_FIELDS) if (f.path[0] === 'tiers') t[f.path[2]!] = f.default;
  return t as unknown as TierDecision;
}

/**
 * `d` with every number moved into its range and under its limit now, whole numbers rounded
 * down (NaN becomes the field's minimum). The reference strategies end with this, so their
 * plans are always ones the engine and the run-file schema accept.
 */
export function clampPlan(d: Decisions, lim: PlanLimits): Decisions {
  const out = cloneDecisions(d);
  for (const f of NUMBER_FIELDS) {
    for (const p of pathsOf(f, out)) {
      const v = getAt(out, p);
      if (typeof v !== 'number') continue;
      const hi = Math.max(f.min, fieldMax(f, lim));
      let x = Number.isNaN(v) ? f.min : Math.min(hi, Math.max(f.min, v));
      if (f.integer) x = Math.floor(x);
      if (x !== v) setAt(out, p, x);
    }
  }
  return out;
}
