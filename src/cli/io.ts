/**
 * What the CLI needs from the outside world. `main.ts` builds it from Node's `process` and
 * `fs`; tests hand in their own. Nothing else in src/cli touches `process`.
 */
import { isAbsolute, resolve } from 'node:path';
import { errorText } from '../scenario/errorText';
import type { Lang } from '../sim/text';
import { MESSAGES } from './messages';

/** The CLI's window on the world. */
export interface CliIo {
  /** Writes `s` and a line break to standard output. */
  out(s: string): void;
  /** Writes `s` and a line break to standard error. */
  err(s: string): void;
  /** The bytes of a file (absolute path); throws a Node-style error (`code`) when it cannot. Decoding is the reader's (src/scenario/decode.ts). */
  readFile(p: string): Uint8Array;
  /** Writes a UTF-8 file (absolute path); throws a Node-style error when it cannot. */
  writeFile(p: string, s: string): void;
  /** The directory relative paths are taken from. */
  cwd: string;
  /** Names in a directory, to list the built-in scenarios; without it the list is not shown. */
  listDir?(p: string): string[];
  /** Environment variables read: `LANG`, `CRM_DEBUG`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A problem the user can fix: its lines go to standard error and the CLI exits with `code`. */
export class CliError extends Error {
  constructor(
    readonly lines: readonly string[],
    /** 1: a file or claim is wrong; 64: the command line is wrong. */
    readonly code: 1 | 64,
  ) {
    super(lines.join('\n'));
  }
}

/** A command-line mistake (exit 64; the short usage is shown after it). */
export function usageError(line: string): CliError {
  return new CliError([line], 64);
}

/** `p` as an absolute path, taken from the CLI's working directory. */
export function absolute(io: CliIo, p: string): string {
  return isAbsolute(p) ? p : resolve(io.cwd, p);
}

/** Why a Node file operation failed, in words. */
export function fsReason(e: unknown, lang: Lang): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  const m = MESSAGES[lang].fs;
  if (code === 'ENOENT') return m.ENOENT;
  if (code === 'EISDIR') return m.EISDIR;
  if (code === 'EACCES' || code === 'EPERM') return m.EACCES;
  if (code === 'ENOTDIR') return m.ENOTDIR;
  return errorText(e);
}

/** Reads the bytes of a file given on the command line, or fails with a sentence naming it. */
export function readUserFile(io: CliIo, file: string, lang: Lang): Uint8Array {
  try {
    return io.readFile(absolute(io, file));
  } catch (e) {
    throw new CliError([MESSAGES[lang].cannotRead(file, fsReason(e, lang))], 1);
  }
}

/** Writes a file named on the command line, or fails with a sentence naming it. */
export function writeUserFile(io: CliIo, file: string, text: string, lang: Lang): void {
  try {
    io.writeFile(absolute(io, file), text);
  } catch (e) {
    throw new CliError([MESSAGES[lang].cannotWrite(file, fsReason(e, lang))], 1);
  }
}
