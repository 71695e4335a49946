// Drives the CLI in-process with a real file system and captured output.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, type CliIo } from '../../src/cli/cli';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The small valid scenario (a 4-round game of 60 customers). */
export const MINIMAL = join(ROOT, 'test/fixtures/minimal-scenario.json');
/** A scenario with a wrong type: `rounds` is "four" (line 10, column 13). */
export const WRONG_TYPE = join(ROOT, 'test/fixtures/bad-scenarios/wrong-type.json');

/** What a command printed and its exit code. */
export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Options of {@link cli}: the working directory, the environment, a way to break output. */
export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  io?: Partial<CliIo>;
}

/** Runs `npm run sim -- ...args` in-process. */
export async function cli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (s) => void out.push(s),
    err: (s) => void err.push(s),
    readFile: (p) => readFileSync(p),
    writeFile: (p, s) => writeFileSync(p, s, 'utf8'),
    listDir: (p) => readdirSync(p),
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? {},
    ...opts.io,
  };
  const code = await main(args, io);
  return { code, out: out.map((s) => `${s}\n`).join(''), err: err.map((s) => `${s}\n`).join('') };
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'crm-cli-'));
}

/** A line of a stack trace, which users must never see. */
export const STACK_LINE = /^\s+at /m;
