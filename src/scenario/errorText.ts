/**
 * The message of anything thrown, for a notice, a log line or a worker's failure answer. Here
 * because every layer that reports errors (store, worker, command line, screens) may import
 * src/scenario, and this needs nothing.
 */

/** `e.message` for an Error, else `e` as text. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
