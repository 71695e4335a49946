/**
 * Saved games in IndexedDB (idb-keyval): one record per game (saveRecord.ts), written after
 * every quarter. A save holds the scenario source, seed and decisions; the state is replayed
 * on resume. Every write is a compare-and-set on the record's revision, in one transaction
 * (idb-keyval's `update` reads and writes in the same readwrite transaction; the updater
 * throws to write nothing), so a tab never overwrites quarters another tab saved meanwhile.
 */
import { createStore, del, entries, get, update, type UseStore } from 'idb-keyval';
import { casDecision, entryTime, rawText, readSave, saveEntry, type Expected, type ReadSave, type SaveEntry, type SaveRecord, type WriteResult } from './saveRecord';

export { casDecision, type Expected, type SaveEntry, type SaveMeta, type SaveProblem, type SaveRecord, type WriteResult } from './saveRecord';

let db: UseStore | null = null;
const store = (): UseStore => (db ??= createStore('crm-sandbox', 'saves'));

const CONFLICT = Symbol('save conflict');

/** Writes `rec` if the stored revision is what this tab expects (compare-and-set, one transaction). */
export async function writeSave(rec: SaveRecord, expected: Expected): Promise<WriteResult> {
  let outcome: WriteResult | null = null;
  try {
    await update(
      rec.id,
      (old: unknown) => {
        const d = casDecision(old, expected);
        outcome = d;
        if (!d.ok) throw CONFLICT;
        return { ...rec, revision: d.revision };
      },
      store(),
    );
  } catch (e) {
    if (e !== CONFLICT) throw e;
  }
  if (!outcome) throw new Error('the save was not written');
  return outcome;
}

/** The save stored under `id`, read field by field (null: there is none). */
export async function getSave(id: string): Promise<ReadSave | null> {
  const v: unknown = await get(id, store());
  return v === undefined ? null : readSave(id, v);
}

/** Deletes the record stored under `key` (a damaged one may have any key type). */
export async function deleteSave(key: IDBValidKey): Promise<void> {
  await del(key, store());
}

/** The raw text of the record stored under `key`, for a damaged save's export; null if it is gone. */
export async function rawSave(key: IDBValidKey): Promise<string | null> {
  const v: unknown = await get(key, store());
  return v === undefined ? null : rawText(v);
}

/** Every record, newest first: saves, and damaged ones with their reasons (never skipped, never deleted unasked). */
export async function listSaves(): Promise<SaveEntry[]> {
  const all = await entries(store());
  return all.map(([k, v]) => saveEntry(k, v as unknown)).sort((a, b) => entryTime(b) - entryTime(a) || 0);
}

/** A fresh game id. */
export function newGameId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `g${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}
