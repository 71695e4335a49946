// Built-in scenarios scaled up and down, the way an instructor's `--set` makes them: the
// staff times 40 or 0.3, the budget (and the cash it comes from) times 10.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyOverrides, validateScenarioJson } from '../../src/scenario/index';
import type { ScenarioConfig } from '../../src/sim/config';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));

interface ScenarioJson {
  firm: { headcount: number; cash: number; budget: { base: number } };
}

/** A scale of a scenario: its name and the `--set` overrides that make it. */
export interface Scale {
  name: string;
  sets: (json: ScenarioJson) => string[];
}

export const SCALES: readonly Scale[] = [
  { name: 'as built', sets: () => [] },
  { name: 'staff x40', sets: (j) => [`firm.headcount=${j.firm.headcount * 40}`] },
  { name: 'staff x0.3', sets: (j) => [`firm.headcount=${Math.max(1, Math.round(j.firm.headcount * 0.3))}`] },
  { name: 'budget x10', sets: (j) => [`firm.budget.base=${j.firm.budget.base * 10}`, `firm.cash=${j.firm.cash * 10}`] },
];

/** The built-in scenarios. */
export const BUILTINS = ['tutorial', 'ad-agency', 'hotel', 'hotel-district', 'retail-bank'] as const;

/** The `--set` overrides of `scale` for built-in `id`. */
export function setsFor(id: string, scale: Scale): string[] {
  return scale.sets(JSON.parse(readFileSync(`${dir}${id}.json`, 'utf8')) as ScenarioJson);
}

/** Built-in `id` at `scale`, through the same overrides and loader as the command line. */
export function scaled(id: string, scale: Scale): ScenarioConfig {
  const json: unknown = JSON.parse(readFileSync(`${dir}${id}.json`, 'utf8'));
  const o = applyOverrides(json, setsFor(id, scale));
  if (!o.ok) throw new Error(o.errors.join('\n'));
  const r = validateScenarioJson(o.json, `${id}.json`);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.scenario;
}
