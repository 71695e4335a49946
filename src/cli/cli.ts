/**
 * The command line's entry: parses the arguments, runs the command and turns every failure
 * into a sentence and an exit code. Called by `main.ts` with the real process, and by the
 * tests with a fake {@link CliIo}.
 */
import { errorText } from '../scenario/errorText';
import type { Lang } from '../sim/text';
import { SHORT_USAGE, USAGE, detectLang, parseCommand, type Command } from './args';
import { classCommand } from './commands/class';
import { labCommand } from './commands/lab';
import { marketCommand } from './commands/market';
import { runCommand } from './commands/run';
import { replayCommand, verifyCommand } from './commands/runFiles';
import { schemaCommand } from './commands/schema';
import { validateCommand } from './commands/validate';
import { CliError, type CliIo } from './io';
import { internalError } from './messages';

export type { CliIo } from './io';

function dispatch(cmd: Command, io: CliIo, lang: Lang): number | Promise<number> {
  switch (cmd.name) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'validate':
      return validateCommand(cmd.files, io, lang);
    case 'run':
      return runCommand(cmd, io, lang);
    case 'market':
      return marketCommand(cmd, io, lang);
    case 'lab':
      return labCommand(cmd, io, lang);
    case 'class':
      return classCommand(cmd, io, lang);
    case 'replay':
      return replayCommand(cmd.file, cmd.json, io, lang);
    case 'verify':
      return verifyCommand(cmd.files, io, lang);
    case 'schema':
      return schemaCommand(cmd.out, io, lang);
    default: {
      const never: never = cmd;
      return never;
    }
  }
}

/**
 * Runs the command line `argv` (without `node` and the script) and returns the exit code:
 * 0 done, 1 a file or a claim is wrong, 2 internal error (one line, no stack unless
 * `CRM_DEBUG=1`), 64 usage error. Never throws.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const lang = detectLang(argv, io.env);
    // Awaited here, so a failure in an async command is caught below.
    return await dispatch(parseCommand(argv, lang), io, lang);
  } catch (e) {
    if (e instanceof CliError) {
      for (const line of e.lines) io.err(line);
      if (e.code === 64) io.err(SHORT_USAGE);
      return e.code;
    }
    io.err(internalError(errorText(e)));
    if (io.env?.CRM_DEBUG === '1' && e instanceof Error && e.stack) io.err(e.stack);
    return 2;
  }
}
