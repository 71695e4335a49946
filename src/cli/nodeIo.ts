/** The command line's I/O on a real process (stdout, stderr, the file system, the user's folder). */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { CliIo } from './io';

export function nodeIo(): CliIo {
  return {
    out: (s) => void process.stdout.write(`${s}\n`),
    err: (s) => void process.stderr.write(`${s}\n`),
    readFile: (p) => readFileSync(p),
    writeFile: (p, s) => writeFileSync(p, s, 'utf8'),
    listDir: (p) => readdirSync(p),
    // npm runs scripts in the package folder; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    env: process.env,
  };
}
