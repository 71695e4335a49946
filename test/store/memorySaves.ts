/**
 * The saves module (src/store/saves.ts) over a Map instead of IndexedDB, for the store's Node
 * tests: the same compare-and-set decision (casDecision) and the same record reader, so only
 * the storage differs from the page's.
 */
import { casDecision, entryTime, rawText, readSave, saveEntry, type Expected, type ReadSave, type SaveEntry, type SaveRecord, type WriteResult } from '../../src/store/saveRecord';

export function memorySaves(db: Map<IDBValidKey, unknown>) {
  let n = 0;
  return {
    casDecision,
    writeSave: async (rec: SaveRecord, expected: Expected): Promise<WriteResult> => {
      const d = casDecision(db.get(rec.id), expected);
      if (d.ok) db.set(rec.id, structuredClone({ ...rec, revision: d.revision }));
      return d;
    },
    getSave: async (id: string): Promise<ReadSave | null> => (db.has(id) ? readSave(id, structuredClone(db.get(id))) : null),
    deleteSave: async (key: IDBValidKey) => void db.delete(key),
    rawSave: async (key: IDBValidKey) => (db.has(key) ? rawText(db.get(key)) : null),
    listSaves: async (): Promise<SaveEntry[]> => [...db.entries()].map(([k, v]) => saveEntry(k, v)).sort((a, b) => entryTime(b) - entryTime(a) || 0),
    newGameId: () => `g${++n}-${Math.random().toString(36).slice(2, 8)}`,
  };
}
