import { describe, expect, it } from 'vitest';
import { readRepoFile } from '../../test/scenario/helpers';
import { renderScenarioJsonSchema } from './jsonSchema';

const REGENERATE =
  'run `npm run sim -- schema` (before the CLI has it: ' +
  'npx tsx -e "import(\'./src/scenario/jsonSchema.ts\').then((m) => process.stdout.write(m.renderScenarioJsonSchema()))" > scenarios/scenario.schema.json)';

describe('scenarios/scenario.schema.json', () => {
  it('is what the zod schema generates (regenerate with `npm run sim -- schema`)', () => {
    const committed = readRepoFile('scenarios/scenario.schema.json');
    const generated = renderScenarioJsonSchema();
    // Compare parsed first for a readable diff, then the text for formatting.
    expect(JSON.parse(committed), `scenarios/scenario.schema.json is stale: ${REGENERATE}`).toEqual(JSON.parse(generated));
    expect(committed, `scenarios/scenario.schema.json is formatted differently: ${REGENERATE}`).toBe(generated);
  });

  it('is rendered with 2-space indentation and one trailing newline', () => {
    const text = renderScenarioJsonSchema();
    expect(text.startsWith('{\n  "$schema": ')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });
});
