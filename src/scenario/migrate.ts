/**
 * Numbered migrations of the scenario format, run on the parsed JSON before validation
 * (after tldraw's `migrate.ts`): each takes a document of version `from` to `from + 1`.
 * The list checks itself when the module loads, so a gap or a reordering fails every test.
 *
 * History:
 * - 1: the per-tier price lever was `discount` (0..0.5, priceIndex = 1 - discount).
 * - 2: it is `priceIndex` (0.5..1.5), which also allows prices above list.
 */
import { CURRENT_SCHEMA_VERSION } from './schema';
import { foundValue, type PathSegment, type Problem } from './problem';

/** A JSON object. */
export type JsonObject = Record<string, unknown>;

/** One step of the format. `up` must not mutate its input; it reports what it cannot convert. */
export interface Migration {
  readonly from: number;
  readonly to: number;
  readonly name: string;
  readonly up: (doc: JsonObject, problems: Problem[]) => JsonObject;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `obj` with `oldKey` replaced by `newKey` at the same place in the key order. */
function renameKey(obj: JsonObject, oldKey: string, newKey: string, value: unknown): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === oldKey) out[newKey] = value;
    else out[k] = v;
  }
  return out;
}

const discountToPriceIndex: Migration = {
  from: 1,
  to: 2,
  name: 'per-tier discount becomes priceIndex = 1 - discount',
  up(doc, problems) {
    const decisions = doc['initialDecisions'];
    if (!isObject(decisions) || !Array.isArray(decisions['tiers'])) return { ...doc, schemaVersion: 2 };
    const tiers = decisions['tiers'].map((tier: unknown, i) => {
      if (!isObject(tier) || !Object.hasOwn(tier, 'discount')) return tier;
      const discount = tier['discount'];
      if (typeof discount !== 'number' || !(discount >= 0 && discount <= 0.5)) {
        const path: PathSegment[] = ['initialDecisions', 'tiers', i, 'discount'];
        problems.push({
          path,
          anchor: 'value',
          detail: { kind: 'mismatch', expected: { kind: 'number', min: 0, max: 0.5, int: false }, found: foundValue(discount) },
        });
        return tier;
      }
      return renameKey(tier, 'discount', 'priceIndex', 1 - discount);
    });
    return { ...doc, schemaVersion: 2, initialDecisions: { ...decisions, tiers } };
  },
};

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [discountToPriceIndex];

/** Throws (a programming error, at module load) unless `list` steps by one up to `current`. */
export function checkMigrations(list: readonly Migration[], current: number): void {
  list.forEach((m, i) => {
    if (m.to !== m.from + 1) throw new Error(`migration "${m.name}" goes from ${m.from} to ${m.to}; each must step by one`);
    const prev = list[i - 1];
    if (prev && prev.to !== m.from) throw new Error(`migration "${m.name}" starts at ${m.from} but the one before ends at ${prev.to}`);
  });
  const last = list[list.length - 1];
  if (last && last.to !== current) throw new Error(`migrations end at version ${last.to}, but the current version is ${current}`);
}

checkMigrations(MIGRATIONS, CURRENT_SCHEMA_VERSION);

/** The oldest version that can still be read. */
export const OLDEST_SCHEMA_VERSION = MIGRATIONS[0]?.from ?? CURRENT_SCHEMA_VERSION;

/**
 * The outcome of {@link migrateScenarioJson}. With `ok`, `problems` may still hold a missing or
 * malformed `schemaVersion`: the document is then read as the current version so that its
 * other problems are reported too. Without `ok` (a newer version, or a value a migration
 * cannot convert), the document cannot be read further.
 */
export type MigrationResult =
  | { ok: true; doc: JsonObject; from: number; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/** Brings a parsed scenario object to the current version. */
export function migrateScenarioJson(doc: JsonObject, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  const v = doc['schemaVersion'];
  const path = ['schemaVersion'];
  const expected = { kind: 'number', min: OLDEST_SCHEMA_VERSION, max: CURRENT_SCHEMA_VERSION, int: true } as const;
  if (typeof v === 'number' && Number.isInteger(v) && v > CURRENT_SCHEMA_VERSION) {
    return { ok: false, problems: [{ path, anchor: 'value', detail: { kind: 'newerVersion', version: v, max: CURRENT_SCHEMA_VERSION } }] };
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || v < OLDEST_SCHEMA_VERSION) {
    const detail = v === undefined ? { kind: 'missing', expected } as const : { kind: 'mismatch', expected, found: foundValue(v) } as const;
    return { ok: true, doc: { ...doc, schemaVersion: CURRENT_SCHEMA_VERSION }, from: CURRENT_SCHEMA_VERSION, problems: [{ path, anchor: 'value', detail }] };
  }
  let out = doc;
  const problems: Problem[] = [];
  for (const m of migrations) {
    if (m.from >= v) out = m.up(out, problems);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, doc: out, from: v, problems: [] };
}
