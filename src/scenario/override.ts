/**
 * `--set path=value` overrides of the CLI, applied to a parsed scenario document before it is
 * validated (by `validateScenarioJson`, so a bad value gets the usual path and sentence).
 */
import type { Lang } from '../sim/text';
import { OVERRIDE_MESSAGES, valueText } from './messages';

/** The outcome of {@link applyOverrides}. */
export type OverrideResult = { ok: true; json: unknown } | { ok: false; errors: string[] };

const INDEX = /^(?:0|[1-9][0-9]*)$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

type Step = { ok: true; value: unknown } | { ok: false; error: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value of an override: JSON when it parses (`12`, `true`, `"12"`, `[1,2]`), else the text itself. */
export function parseOverrideValue(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/**
 * Returns `json` with every `path=value` of `sets` applied, in order, without changing the
 * input. A path is dot-separated with numeric list indices (`initialDecisions.tiers.1.serviceHours`).
 * Missing object keys are created (`model.churn.base` works without a `model` block); a list
 * index beyond the end is an error. All errors are reported, as sentences in `lang`.
 */
export function applyOverrides(json: unknown, sets: readonly string[], lang: Lang = 'en'): OverrideResult {
  const m = OVERRIDE_MESSAGES[lang === 'zh-CN' ? 'zh-CN' : 'en'];
  const top = lang === 'zh-CN' ? '顶层' : 'the top level';
  const errors: string[] = [];
  let doc = json;
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq < 0) {
      errors.push(m.noEquals(set));
      continue;
    }
    const segs = set.slice(0, eq).trim().split('.');
    if (segs.some((s) => s === '')) {
      errors.push(m.emptyPath(set));
      continue;
    }
    const bad = segs.find((s) => FORBIDDEN.has(s));
    if (bad !== undefined) {
      errors.push(m.forbidden(set, bad));
      continue;
    }
    const value = parseOverrideValue(set.slice(eq + 1));
    const at = (n: number): string => (n === 0 ? top : segs.slice(0, n).join('.'));

    const setIn = (container: unknown, depth: number): Step => {
      const seg = segs[depth] ?? '';
      const last = depth === segs.length - 1;
      if (Array.isArray(container)) {
        if (!INDEX.test(seg)) return { ok: false, error: m.notIndex(set, at(depth), seg) };
        const i = Number(seg);
        if (i >= container.length) return { ok: false, error: m.beyondEnd(set, at(depth), i, container.length) };
        const inner = last ? ({ ok: true, value } as const) : setIn(container[i], depth + 1);
        if (!inner.ok) return inner;
        const copy = [...container];
        copy[i] = inner.value;
        return { ok: true, value: copy };
      }
      if (isObject(container) || container === undefined) {
        const obj = container ?? {};
        const child = Object.hasOwn(obj, seg) ? obj[seg] : undefined;
        if (!last && child === undefined && INDEX.test(segs[depth + 1] ?? '')) {
          return { ok: false, error: m.missingList(set, at(depth + 1)) };
        }
        const inner = last ? ({ ok: true, value } as const) : setIn(child, depth + 1);
        if (!inner.ok) return inner;
        return { ok: true, value: { ...obj, [seg]: inner.value } };
      }
      return { ok: false, error: m.notContainer(set, at(depth), valueText(container, lang)) };
    };

    const r = setIn(doc, 0);
    if (r.ok) doc = r.value;
    else errors.push(r.error);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, json: doc };
}
