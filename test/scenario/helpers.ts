// Fixtures shared by the scenario tests (src/scenario/*.test.ts and test/scenario/).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The text of a file, by path from the repository root. */
export function readRepoFile(path: string): string {
  return readFileSync(ROOT + path, 'utf8');
}

/** The text of the minimal valid scenario. */
export const MINIMAL_TEXT = readRepoFile('test/fixtures/minimal-scenario.json');

/** A fresh copy of the minimal valid scenario as a plain object. */
export function minimalJson(): Record<string, unknown> {
  return JSON.parse(MINIMAL_TEXT) as Record<string, unknown>;
}

/** Sets `value` at a dot path in a fresh copy of the minimal scenario (test set-up only). */
export function minimalWith(path: string, value: unknown): Record<string, unknown> {
  const doc = minimalJson();
  const segs = path.split('.');
  let at: Record<string, unknown> = doc;
  for (const seg of segs.slice(0, -1)) at = at[seg] as Record<string, unknown>;
  const last = segs[segs.length - 1] as string;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return doc;
}

/** Text that reads like a stack trace or an engine error, which a user must never see. */
export const STACK_TRACE = /\bat Object\.|\n\s+at |\.ts:\d+:\d+\)|TypeError|RangeError|SyntaxError|undefined is not/;
