/**
 * Class codes and class variants (issue 15). A class code (e.g. `CRM-2026-A`) fixes the world
 * for a whole class: it is the seed every student of the class plays, and it picks the class's
 * value of each parameter the scenario declares in `variants`, within its range, so that two
 * classes play different versions and last year's answer guide does not transfer. The values
 * are `--set` overrides (`path=value`): recorded in the run file like any other, so a replay
 * needs nothing of this module; the grading checks that a file's overrides are its class's.
 * Pure and exact: the pick is an integer hash of the code, the same in every engine.
 */
import { hashJson } from '../sim/hash';
import { PARAM_SPEC } from '../sim/params';
import { checkScenarioSemantics } from './semantics';
import { applyOverrides } from './override';
import { mismatch, type Problem } from './problem';
import type { ScenarioFile } from './schema';

/** One parameter a class code perturbs (a scenario's `variants` item). */
export interface ScenarioVariant {
  path: string;
  min: number;
  max: number;
  step?: number;
}

export { CLASS_CODE, normalizeClassCode } from './classCodeShape';

/** Picks in [0, PICKS] per parameter: fine enough for any range, coarse enough to print short. */
const PICKS = 1000;

/** The overrides (`path=value`) that class `code` (normalized) gives the parameters of `variants`, in their order. */
export function classVariant(variants: readonly ScenarioVariant[], code: string): string[] {
  return variants.map((v) => {
    const k = parseInt(hashJson(['class-variant', code, v.path]).slice(0, 8), 16) % (PICKS + 1);
    let x = v.min + ((v.max - v.min) * k) / PICKS;
    if (v.step !== undefined) x = Math.min(v.max, v.min + Math.round((x - v.min) / v.step) * v.step);
    // Twelve significant digits: no float noise in the recorded text (toPrecision is exact in every engine).
    return `${v.path}=${Number(x.toPrecision(12))}`;
  });
}

/** The class variants of a scenario document the loader accepted (none when it has none). */
export function variantsOf(doc: Record<string, unknown>): ScenarioVariant[] {
  return Array.isArray(doc.variants) ? (doc.variants as ScenarioVariant[]) : [];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a dot path of a document (undefined if there is none). */
function at(doc: unknown, path: string): unknown {
  let o = doc;
  for (const seg of path.split('.')) {
    if (Array.isArray(o) && /^[0-9]+$/.test(seg)) o = o[Number(seg)];
    else if (isObject(o) && Object.hasOwn(o, seg)) o = o[seg];
    else return undefined;
  }
  return o;
}

/** Whether `path` names a model coefficient (`model.<group>.<name>`), which a scenario may leave at its default. */
function isCoefficient(path: string): boolean {
  const [m, group, key, ...rest] = path.split('.');
  if (m !== 'model' || rest.length > 0 || group === undefined || key === undefined || !Object.hasOwn(PARAM_SPEC, group)) return false;
  return Object.hasOwn(PARAM_SPEC[group as keyof typeof PARAM_SPEC], key);
}

/**
 * Problems with a scenario's variants: a path that names no number of the scenario, a min above
 * its max, a min or max the field itself does not accept (with that field's expectation).
 * `doc` is the scenario document without its variants; `validate` checks a whole document
 * (the loader's schema), so that each end of a range is checked as the file would be with it.
 */
export function variantProblems(doc: Record<string, unknown>, variants: readonly ScenarioVariant[], validate: (doc: unknown) => { ok: true; scenario: ScenarioFile } | { ok: false; problems: Problem[] }): Problem[] {
  const out: Problem[] = [];
  variants.forEach((v, i) => {
    if (typeof at(doc, v.path) !== 'number' && !isCoefficient(v.path)) {
      out.push(mismatch(['variants', i, 'path'], { kind: 'numberPath' }, { kind: 'value', value: v.path }));
      return;
    }
    if (v.min > v.max) {
      out.push(mismatch(['variants', i, 'min'], { kind: 'notAbove', value: v.max, of: `variants.${i}.max` }, { kind: 'value', value: v.min }));
      return;
    }
    for (const end of ['min', 'max'] as const) {
      const applied = applyOverrides(doc, [`${v.path}=${v[end]}`]);
      if (!applied.ok) continue;
      const r = validate(applied.json);
      const first = r.ok ? checkScenarioSemantics(r.scenario)[0] : r.problems[0];
      if (!first) continue;
      const expected = first.detail.kind === 'mismatch' || first.detail.kind === 'missing' ? first.detail.expected : { kind: 'numberPath' as const };
      out.push(mismatch(['variants', i, end], expected, { kind: 'value', value: v[end] }));
    }
  });
  return out;
}
