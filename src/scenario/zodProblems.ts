/**
 * Turns zod's issues into {@link Problem}s that say what the field expects in full ("a number
 * from 0 to 500", not just "too small"): for each issue it finds the schema at the issue's
 * path and asks it. Unknown keys get a "did you mean" from the known ones.
 */
import type { z } from 'zod';
import { taggedExpectation } from './fields';
import type { Expectation, PathSegment, Primitive, Problem } from './problem';
import { foundValue } from './problem';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

// The walker reads zod's public `def` objects: the few shapes below are all the schema uses.
interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  innerType?: AnySchema;
  options?: readonly AnySchema[];
  discriminator?: string;
  values?: readonly Primitive[];
  entries?: Record<string, Primitive>;
}

const defOf = (s: AnySchema): Def => s._zod.def as unknown as Def;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function childValue(data: unknown, seg: PathSegment): unknown {
  if (Array.isArray(data) && typeof seg === 'number') return data[seg];
  if (isRecord(data) && typeof seg === 'string' && Object.hasOwn(data, seg)) return data[seg];
  return undefined;
}

/** The value at `path`, or `undefined`. */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let d = data;
  for (const seg of path) d = childValue(d, seg);
  return d;
}

/** Unwraps optionals (and nullables holding something other than null), and picks the union member that fits `data` for a step by `seg`. */
function resolve(schema: AnySchema, data: unknown, seg?: PathSegment): AnySchema {
  let s = schema;
  for (let guard = 0; guard < 16; guard++) {
    const def = defOf(s);
    if ((def.type === 'optional' || (def.type === 'nullable' && data !== null)) && def.innerType) {
      s = def.innerType;
    } else if (def.type === 'union' && def.options && seg !== undefined) {
      const disc = def.discriminator;
      const pick = def.options.find((o) => {
        const shape = defOf(o).shape;
        if (!shape) return false;
        if (disc !== undefined) {
          const lit = shape[disc];
          return lit !== undefined && (defOf(lit).values ?? []).includes(childValue(data, disc) as Primitive);
        }
        return typeof seg === 'string' && seg in shape;
      });
      if (!pick) return s;
      s = pick;
    } else {
      return s;
    }
  }
  return s;
}

/** The schema at `path` within `root`, following `data` through unions; `undefined` if none. */
export function schemaAt(root: AnySchema, path: readonly PathSegment[], data: unknown): AnySchema | undefined {
  let s = root;
  let d = data;
  for (const seg of path) {
    s = resolve(s, d, seg);
    const def = defOf(s);
    let next: AnySchema | undefined;
    if (def.type === 'object' && typeof seg === 'string') next = def.shape?.[seg];
    else if (def.type === 'array' && typeof seg === 'number') next = def.element;
    if (!next) return undefined;
    s = next;
    d = childValue(d, seg);
  }
  return resolve(s, d);
}

/** What a schema expects, in the terms of `messages.ts`. */
export function expectationOf(schema: AnySchema | undefined): Expectation {
  if (!schema) return { kind: 'jsonValue' };
  const tagged = taggedExpectation(schema);
  if (tagged) return tagged;
  const def = defOf(schema);
  switch (def.type) {
    case 'literal':
      return { kind: 'oneOf', values: def.values ?? [] };
    case 'enum':
      return { kind: 'oneOf', values: Object.values(def.entries ?? {}) };
    case 'object':
      return { kind: 'object' };
    case 'array':
      return { kind: 'list', min: null, max: null };
    case 'number':
      return { kind: 'number', min: null, max: null, int: false };
    case 'string':
      return { kind: 'text', maxLength: null };
    case 'boolean':
      return { kind: 'boolean' };
    case 'union':
      if (def.discriminator !== undefined) return { kind: 'object' };
      return { kind: 'jsonValue' };
    default:
      return { kind: 'jsonValue' };
  }
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The known key closest to `key`, if it is close enough to be a typo. */
export function suggest(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : null;
}

/** A union failed: take the member whose issues are fewest, if one stands out. */
function bestUnionMember(errors: readonly (readonly Issue[])[]): readonly Issue[] | null {
  let best: readonly Issue[] | null = null;
  let tie = false;
  for (const e of errors) {
    if (best === null || e.length < best.length) {
      best = e;
      tie = false;
    } else if (e.length === best.length) {
      tie = true;
    }
  }
  return tie ? null : best;
}

/** Unknown keys that get a "did you mean": beyond this many, a hostile file would cost seconds. */
const SUGGESTION_BUDGET = 1000;

/** The problems of one zod issue (unions and unknown keys may give several). */
function issueProblems(issue: Issue, base: readonly PathSegment[], root: AnySchema, data: unknown, budget: { left: number }): Problem[] {
  const path = [...base, ...issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s))];
  const schema = (): AnySchema | undefined => schemaAt(root, path, data);
  if (issue.code === 'unrecognized_keys') {
    const shape = defOf(schema() ?? root).shape ?? {};
    const known = Object.keys(shape).filter((k) => !issue.keys.includes(k));
    return issue.keys.map((key) => ({
      path: [...path, key],
      anchor: 'key',
      detail: { kind: 'unknownKey', key, suggestion: budget.left-- > 0 ? suggest(key, known) : null, known },
    }));
  }
  if (issue.code === 'invalid_union') {
    if (issue.errors.length === 0 && issue.discriminator !== undefined) {
      // No member has this discriminator value; zod's path ends at the discriminator.
      const options = 'options' in issue ? (issue.options ?? []) : [];
      const values = options.filter((o): o is Primitive => o !== undefined);
      const found = valueAt(data, path);
      if (found === undefined) return [{ path, anchor: 'value', detail: { kind: 'missing', expected: { kind: 'oneOf', values } } }];
      return [{ path, anchor: 'value', detail: { kind: 'mismatch', expected: { kind: 'oneOf', values }, found: foundValue(found) } }];
    }
    const best = bestUnionMember(issue.errors);
    if (best) return best.flatMap((i) => issueProblems(i, path, root, data, budget));
  }
  const value = valueAt(data, path);
  const expected = expectationOf(schema());
  if (value === undefined) return [{ path, anchor: 'value', detail: { kind: 'missing', expected } }];
  return [{ path, anchor: 'value', detail: { kind: 'mismatch', expected, found: foundValue(value) } }];
}

/**
 * The problems of a failed parse of `data` by `root`. A typo such as `serviceHour` is one
 * problem ("did you mean …"), not also a missing `serviceHours`.
 */
export function zodProblems(issues: readonly Issue[], root: AnySchema, data: unknown): Problem[] {
  const budget = { left: SUGGESTION_BUDGET };
  const all = issues.flatMap((i) => issueProblems(i, [], root, data, budget));
  const meant = new Set<string>();
  for (const p of all) {
    if (p.detail.kind === 'unknownKey' && p.detail.suggestion !== null) {
      meant.add(JSON.stringify([...p.path.slice(0, -1), p.detail.suggestion]));
    }
  }
  return all.filter((p) => p.detail.kind !== 'missing' || !meant.has(JSON.stringify(p.path)));
}
