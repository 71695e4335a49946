/**
 * The form of a plan, checked against the catalogue: every object and list where it belongs
 * and no key it lacks, every number in its range (and whole where it must be), the limits the
 * game's state sets, the per-tier lists one per tier in use, and the rules across fields
 * (some tiering weight above 0, shares summing to 1, thresholds falling). Never throws,
 * whatever the plan holds. The scenario's semantic check uses the same rules for its status
 * quo, so a scenario file and a quarter's plan agree.
 */
import {
  ID_MAX_LENGTH, ID_PATTERN, MAX_CHOICES, SHARE_SUM_TOLERANCE, type CutoffMode, type DecisionBound, type DecisionField, type NumberField,
} from './catalogue';
import { foundOf, type DecisionProblem } from './problems';
import { DECISION_TREE, childrenFor, modeChild, ruleOf, type DecisionNode, type ObjectNode } from './tree';

/** What the game's state allows beyond the static ranges. */
export interface PlanLimits {
  /** Tiers the scenario defines. */
  scenarioTiers: number;
  /** Employees now (before this quarter's hires and layoffs). */
  headcount: number;
}

/** The limit a bound sets now. */
export function boundLimit(bound: DecisionBound, lim: PlanLimits): number {
  switch (bound) {
    case 'scenarioTiers': return lim.scenarioTiers;
    case 'hiring': return Math.max(50, lim.headcount * 2);
    case 'headcount': return lim.headcount;
    default: {
      const never: never = bound;
      return never;
    }
  }
}

/** The most a number field may hold now: its static maximum, or its bound when lower. */
export function fieldMax(f: NumberField, lim: PlanLimits): number {
  return f.bound ? Math.min(f.max, boundLimit(f.bound, lim)) : f.max;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Whether `x` is a valid value of number field `f` (its static range only). */
export function inRange(f: NumberField, x: unknown): x is number {
  return isNum(x) && x >= f.min && x <= f.max && (!f.integer || Math.floor(x) === x);
}

/**
 * Every problem of the plan's form. `lim` adds the limits of the game's state (null: the
 * static ranges only, as in a scenario file, whose status quo has its own tier check).
 */
export function checkPlanForm(d: unknown, lim: PlanLimits | null): DecisionProblem[] {
  const out: DecisionProblem[] = [];
  if (!isObj(d)) {
    out.push({ code: 'notObject', path: '', found: foundOf(d) });
    return out;
  }
  const tiering = isObj(d.tiering) ? d.tiering : null;
  const k = tiering && isNum(tiering.tierCount) && Number.isInteger(tiering.tierCount) && tiering.tierCount >= 1 ? tiering.tierCount : null;
  walk(DECISION_TREE, d, '', k, lim, out);
  crossField(d, k, out);
  return out;
}

const join = (path: string, key: string | number): string => (path === '' ? String(key) : `${path}.${key}`);

function walk(node: DecisionNode, x: unknown, path: string, k: number | null, lim: PlanLimits | null, out: DecisionProblem[]): void {
  switch (node.kind) {
    case 'object': {
      if (!isObj(x)) return void out.push({ code: 'notObject', path, found: foundOf(x) });
      walkObject(node, x, path, k, lim, out);
      return;
    }
    case 'list': {
      if (!Array.isArray(x)) return void out.push({ code: 'notList', path, found: foundOf(x) });
      if (k !== null) {
        const expected = node.scope === 'tier' ? k : k - 1;
        if (x.length !== expected) out.push({ code: 'count', path, per: node.scope, value: x.length, expected });
      }
      x.forEach((item, i) => walk(node.item, item, join(path, i), k, lim, out));
      return;
    }
    case 'leaf':
      leaf(node.field, x, path, lim, out);
      return;
    case 'choices':
      choices(x, path, out);
      return;
    default: {
      const never: never = node;
      return never;
    }
  }
}

function walkObject(node: ObjectNode, x: Obj, path: string, k: number | null, lim: PlanLimits | null, out: DecisionProblem[]): void {
  const m = modeChild(node);
  const modeValue = m ? x[m.key] : undefined;
  const mode = m && typeof modeValue === 'string' && (m.values as readonly string[]).includes(modeValue) ? (modeValue as CutoffMode) : null;
  // Under an unknown mode only the mode itself is judged (its problem names the values).
  const allowed = m && mode === null ? node.children.filter((c) => c.key === m.key) : childrenFor(node, mode);
  for (const key of Object.keys(x)) {
    if (m && mode === null && key !== m.key) continue;
    if (!allowed.some((c) => c.key === key)) out.push({ code: 'unknownField', path: join(path, key), key });
  }
  for (const c of allowed) {
    const v = x[c.key];
    if (v === undefined && ruleOf(c.node).optional) continue;
    walk(c.node, v, join(path, c.key), k, lim, out);
  }
}

function leaf(f: DecisionField, x: unknown, path: string, lim: PlanLimits | null, out: DecisionProblem[]): void {
  if (f.kind === 'boolean') {
    if (typeof x !== 'boolean') out.push({ code: 'notBoolean', path, found: foundOf(x) });
    return;
  }
  if (f.kind === 'mode') {
    if (typeof x !== 'string' || !(f.values as readonly string[]).includes(x)) out.push({ code: 'notMode', path, values: [...f.values], found: foundOf(x) });
    return;
  }
  if (!inRange(f, x)) {
    // The range says this quarter's limit where it is lower than the field's own (a learner's hires: 0 to 320, not to 100,000).
    out.push({ code: 'outOfRange', path, field: f.id, min: f.min, max: lim ? fieldMax(f, lim) : f.max, integer: f.integer, found: foundOf(x) });
    return;
  }
  if (f.bound && lim) {
    const limit = boundLimit(f.bound, lim);
    if (x > limit) out.push({ code: 'overLimit', path, field: f.id, bound: f.bound, value: x, limit });
  }
}

const isId = (x: unknown): x is string => typeof x === 'string' && x.length <= ID_MAX_LENGTH && ID_PATTERN.test(x);

/** The answers' form (whether each card is open this quarter is the engine's call). */
function choices(x: unknown, path: string, out: DecisionProblem[]): void {
  if (!Array.isArray(x)) return void out.push({ code: 'notList', path, found: foundOf(x) });
  if (x.length > MAX_CHOICES) out.push({ code: 'tooManyChoices', path, value: x.length, limit: MAX_CHOICES });
  x.forEach((c, i) => {
    const at = join(path, i);
    if (!isObj(c)) return void out.push({ code: 'notObject', path: at, found: foundOf(c) });
    for (const key of Object.keys(c)) if (key !== 'event' && key !== 'option') out.push({ code: 'unknownField', path: join(at, key), key });
    if (!isId(c.event)) out.push({ code: 'choiceUnknown', path: join(at, 'event'), event: String(c.event) });
    else if (!isId(c.option)) out.push({ code: 'optionUnknown', path: join(at, 'option'), event: c.event, option: String(c.option) });
  });
}

/** The rules across fields, on the values that passed their own checks. */
function crossField(d: Obj, k: number | null, out: DecisionProblem[]): void {
  const tiering = isObj(d.tiering) ? d.tiering : null;
  if (!tiering || k === null) return;
  const w = isObj(tiering.weights) ? tiering.weights : null;
  if (k > 1 && w) {
    const values = Object.values(w);
    if (values.every(isNum) && values.every((v) => v <= 0)) out.push({ code: 'noWeight', path: 'tiering.weights' });
  }
  const cut = isObj(tiering.cutoffs) ? tiering.cutoffs : null;
  if (!cut) return;
  if (cut.mode === 'share' && Array.isArray(cut.shares) && cut.shares.length === k && cut.shares.every(isNum)) {
    const sum = (cut.shares as number[]).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) out.push({ code: 'sharesSum', path: 'tiering.cutoffs.shares', value: sum });
  }
  if (cut.mode === 'score' && Array.isArray(cut.thresholds)) {
    const t = cut.thresholds;
    for (let i = 1; i < t.length; i++) {
      const prev = t[i - 1];
      const cur = t[i];
      if (isNum(prev) && isNum(cur) && cur > prev) out.push({ code: 'thresholdOrder', path: `tiering.cutoffs.thresholds.${i}`, value: cur, limit: prev });
    }
  }
}
