/**
 * The JSON Schema (draft-07) of scenario files, generated from the zod schema, for editor
 * autocompletion and tooltips. `scenarios/scenario.schema.json` is this, committed; a test
 * fails when they drift (regenerate with `npm run sim -- schema`).
 */
import { z } from 'zod';
import { scenarioSchema } from './schema';

/** The id of the scenario JSON Schema. */
export const SCENARIO_SCHEMA_ID = 'https://crm-sandbox.example/scenario.schema.json';

/** The JSON Schema object of a scenario file. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, { target: 'draft-7', io: 'input', unrepresentable: 'throw' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCENARIO_SCHEMA_ID,
    title: 'CRM Sandbox scenario (客户关系经营沙盘 情景)',
    ...rest,
  };
}

/** The committed text of `scenarios/scenario.schema.json`: 2-space indent, trailing newline. */
export function renderScenarioJsonSchema(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
