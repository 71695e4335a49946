/**
 * The built-in scenarios' texts, loaded on demand (each is its own chunk, so the page and
 * the worker fetch only the scenario being played).
 */
const TEXTS = import.meta.glob<string>(['../../scenarios/*.json', '!../../scenarios/scenario.schema.json'], {
  query: '?raw',
  import: 'default',
});

/** Ids of the built-in scenarios, sorted. */
export const BUILTIN_IDS: readonly string[] = Object.keys(TEXTS)
  .map((p) => p.replace(/^.*\//, '').replace(/\.json$/, ''))
  .sort();

/** The text of built-in scenario `id`, or null if there is none. */
export async function builtinText(id: string): Promise<string | null> {
  const load = TEXTS[`../../scenarios/${id}.json`];
  return load ? load() : null;
}
