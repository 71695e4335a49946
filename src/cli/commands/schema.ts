/** `schema [--out FILE | -]`: writes the JSON Schema of scenario files, generated from the zod schema. */
import { join, relative } from 'node:path';
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
  return 0;
}
