import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authoringGuides } from '../../src/cli/commands/schema';
import { GUIDE_FILES, guideRows } from '../../src/scenario/guide';
import { COOKBOOK } from '../../src/scenario/guideText';
import { appendJsonItem, setJsonText } from '../../src/scenario/jsonEdit';
import { scenarioJsonSchema } from '../../src/scenario/jsonSchema';
import { loadScenario } from '../../src/scenario/load';
import { SCHEMA_ZH } from '../../src/scenario/schemaZh';
import type { SchemaNode } from '../../src/scenario/schemaWalk';
import { PARAM_SPEC } from '../../src/sim/params';
import { readRepoFile } from './helpers';

const schema = scenarioJsonSchema() as SchemaNode;

function descriptions(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => descriptions(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.description === 'string') out.add(o.description);
    for (const v of Object.values(o)) descriptions(v, out);
  }
  return out;
}

describe('the authoring guide', () => {
  it('docs/authoring.*.md are what the schema and the parameter table generate (regenerate with `npm run sim -- schema`)', () => {
    const guides = authoringGuides();
    for (const [lang, file] of Object.entries(GUIDE_FILES)) expect(readRepoFile(file), `${file} is stale: run npm run sim -- schema`).toBe(guides[lang as 'en']);
  });

  it('every description of the schema has its Chinese, and no translation is of a description that is gone', () => {
    const all = descriptions(schema);
    const missing = [...all].filter((d) => !SCHEMA_ZH[d]);
    expect(missing, 'add these to src/scenario/schemaZh.ts').toEqual([]);
    const stale = Object.keys(SCHEMA_ZH).filter((d) => !all.has(d));
    expect(stale, 'remove these from src/scenario/schemaZh.ts').toEqual([]);
  });

  it('lists every field a built-in scenario uses, and every model coefficient with its default', () => {
    const rows = guideRows(schema, []);
    const paths = new Set(rows.map((r) => r.path));
    for (const [group, specs] of Object.entries(PARAM_SPEC)) {
      for (const [name, spec] of Object.entries(specs)) {
        const row = rows.find((r) => r.path === `model.${group}.${name}`);
        expect(row?.default, `model.${group}.${name}`).toBe(spec.d);
      }
    }
    // A field the hotel sets, at every depth: the guide names its path.
    for (const p of ['firm.budget.base', 'tiers[].name', 'events[].options[].label', 'objectives[].target', 'variants[].path', 'population.segments[].wallet (kind "lognormal").median']) {
      expect(paths.has(p), p).toBe(true);
    }
  });

  it('every cookbook recipe, added to a built-in scenario, loads', () => {
    for (const file of readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')) {
      const text = readFileSync(`scenarios/${file}`, 'utf8');
      for (const r of COOKBOOK) {
        // The price war and the crisis need a round the scenario has; the phases, 5 quarters.
        const next = r.mode === 'append' ? appendJsonItem(text, r.path, r.value) : setJsonText(text, r.path, r.value);
        expect(next, `${r.id} into ${file}`).not.toBeNull();
        const loaded = loadScenario(next!, file);
        expect(loaded.ok ? [] : loaded.errors.map((e) => e.message), `${r.id} into ${file}`).toEqual([]);
      }
    }
  });
});
