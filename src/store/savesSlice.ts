/** The saves slice: every record of the saves store as the home screen lists it, damaged ones included. */
import { errorText } from '../scenario/errorText';
import { deleteSave, listSaves, rawSave } from './saves';
import type { SavesSlice, Slice } from './state';
import { announceSavesChanged, onSavesChanged } from './tabs';

/** A file name for the raw text of the record stored under `key`. */
function rawFileName(key: IDBValidKey): string {
  const safe = String(key).replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40) || 'record';
  return `crm-sandbox-damaged-save-${safe}.json`;
}

export const savesSlice: Slice<SavesSlice> = (set, get) => ({
  saves: [],
  refreshSaves: async () => {
    try {
      const saves = await listSaves();
      set((s) => void (s.saves = saves));
    } catch (e) {
      set((s) => void (s.notice = { kind: 'storageFailed', message: errorText(e) }));
    }
  },
  removeSave: async (key) => {
    try {
      await deleteSave(key);
      announceSavesChanged();
    } catch (e) {
      set((s) => void (s.notice = { kind: 'storageFailed', message: errorText(e) }));
    }
    await get().refreshSaves();
  },
  rawSave: async (key) => {
    try {
      const text = await rawSave(key);
      return text === null ? null : { text, fileName: rawFileName(key) };
    } catch (e) {
      set((s) => void (s.notice = { kind: 'storageFailed', message: errorText(e) }));
      return null;
    }
  },
  watchOtherTabs: () => onSavesChanged(() => void get().refreshSaves()),
});
