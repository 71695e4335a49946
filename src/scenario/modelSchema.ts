/**
 * The `model` block of a scenario, generated from {@link PARAM_SPEC}: every group and every
 * coefficient is optional, each a number within the coefficient's range, documented with
 * its own doc string. Unknown groups and keys are errors (a typo would otherwise be ignored).
 */
import { z } from 'zod';
import { PARAM_GROUPS, PARAM_SPEC, type ParamGroup, type ParamSpec } from '../sim/params';
import { num } from './fields';

type GroupShape<G extends ParamGroup> = { [K in keyof (typeof PARAM_SPEC)[G]]: z.ZodOptional<z.ZodNumber> };
type ModelShape = { [G in ParamGroup]: z.ZodOptional<z.ZodObject<GroupShape<G>, z.core.$strict>> };

function groupSchema(group: ParamGroup) {
  const spec = PARAM_SPEC[group] as Record<string, ParamSpec>;
  const shape: Record<string, z.ZodOptional<z.ZodNumber>> = {};
  for (const [key, p] of Object.entries(spec)) {
    // The doc only: a default in the text would make every calibration of PARAM_SPEC a
    // change of the committed JSON Schema.
    shape[key] = num(p.min, p.max, p.doc).optional();
  }
  return z.strictObject(shape).describe(`Coefficients of the ${group} system.`).optional();
}

function buildModelSchema() {
  const shape: Record<string, ReturnType<typeof groupSchema>> = {};
  for (const g of PARAM_GROUPS) shape[g] = groupSchema(g);
  // The loops above lose the key types; ModelShape restores them (checked against
  // ModelOverrides in schema.ts).
  return z
    .strictObject(shape as unknown as ModelShape)
    .describe('Overrides of model coefficients; everything not given takes the default of src/sim/params.ts.');
}

/** The schema of a scenario's `model` block. */
export const modelSchema = buildModelSchema();
