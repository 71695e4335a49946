/** `validate <file...>`: loads each scenario and lists every problem, with file, path, line and column. */
import { playableIssues, readScenarioFile } from '../../scenario/index';
import { newGame } from '../../sim/index';
import type { Lang } from '../../sim/text';
import { CliError, type CliIo } from '../io';
import { MESSAGES } from '../messages';
import { resolveScenario } from '../scenarios';

/** Checks every file (a missing one does not stop the others); 1 if any has a problem. */
export function validateCommand(files: readonly string[], io: CliIo, lang: Lang): number {
  const m = MESSAGES[lang];
  let failed = 0;
  for (const file of files) {
    try {
      const src = resolveScenario(io, file, lang);
      const r = readScenarioFile(src.bytes, src.label, lang);
      if (!r.ok) {
        failed++;
        for (const e of r.errors) io.err(e.message);
        continue;
      }
      // Loaded, but is quarter 1 playable? (It needs the first quarter's tiers: a new game.)
      const unplayable = playableIssues(r.scenario, newGame(r.scenario, '1'), src.label, lang, r.text);
      if (unplayable.length > 0) {
        failed++;
        for (const e of unplayable) io.err(e.message);
        continue;
      }
      for (const w of r.warnings) io.err(m.warning(w.message));
      io.out(m.ok(src.label));
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      failed++;
      for (const line of e.lines) io.err(line);
    }
  }
  return failed > 0 ? 1 : 0;
}
