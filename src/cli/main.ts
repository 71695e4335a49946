/**
 * `npm run sim -- <command>`: the only file of the CLI that touches `process`. Everything
 * else is in `cli.ts`, which the tests call in-process.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { errorText } from '../scenario/errorText';
import { main, type CliIo } from './cli';
import { internalError } from './messages';

const io: CliIo = {
  out: (s) => void process.stdout.write(`${s}\n`),
  err: (s) => void process.stderr.write(`${s}\n`),
  readFile: (p) => readFileSync(p),
  writeFile: (p, s) => writeFileSync(p, s, 'utf8'),
  listDir: (p) => readdirSync(p),
  // npm runs scripts in the package folder; INIT_CWD is where the user typed the command.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  env: process.env,
};

// A closed pipe (`… | head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${internalError(errorText(e))}\n`);
    process.exitCode = 2;
  },
);
