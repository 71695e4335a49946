/**
 * `npm run sim -- <command>`: with nodeIo.ts, the only files of the CLI that touch `process`.
 * Everything else is in `cli.ts`, which the tests call in-process.
 */
import { errorText } from '../scenario/errorText';
import { main } from './cli';
import { nodeIo } from './nodeIo';
import { internalError } from './messages';

const io = nodeIo();

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
