/** `schema [--out FILE | -]`: writes the JSON Schema of scenario files, generated from the zod schema. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GUIDE_FILES, guideMarkdown, guideRows } from '../../scenario/guide';
import { scenarioJsonSchema } from '../../scenario/jsonSchema';
import type { SchemaNode } from '../../scenario/schemaWalk';
import { renderScenarioJsonSchema } from '../../scenario/index';
import type { Lang } from '../../sim/text';
import { writeUserFile, type CliIo } from '../io';
import { MESSAGES } from '../messages';
import { SCENARIO_DIR } from '../scenarios';

/** Writes to `out` (from the working directory), to standard output for `-`, or to the committed file for null. */
export function schemaCommand(out: string | null, io: CliIo, lang: Lang): number {
  const text = renderScenarioJsonSchema();
  if (out === '-') {
    io.out(text.replace(/\n$/, ''));
    return 0;
  }
  const file = out ?? relative(io.cwd, join(SCENARIO_DIR, 'scenario.schema.json'));
  writeUserFile(io, file, text, lang);
  io.out(MESSAGES[lang].wrote(file));
  if (out !== null) return 0;
  // The committed schema comes with the authoring guide made from it.
  for (const [l, md] of Object.entries(authoringGuides())) {
    const guide = relative(io.cwd, join(SCENARIO_DIR, '..', GUIDE_FILES[l as Lang]));
    writeUserFile(io, guide, md, lang);
    io.out(MESSAGES[lang].wrote(guide));
  }
  return 0;
}

/** The authoring guide in both languages, with examples from the built-in scenarios. */
export function authoringGuides(): Record<Lang, string> {
  const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json').sort();
  const scenarios = files.map((f) => JSON.parse(readFileSync(join(SCENARIO_DIR, f), 'utf8')) as unknown);
  const rows = guideRows(scenarioJsonSchema() as SchemaNode, scenarios);
  return { en: guideMarkdown(rows, 'en'), 'zh-CN': guideMarkdown(rows, 'zh-CN') };
}
