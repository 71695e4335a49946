/** The draft slice: the decisions being edited and the engine's preview of them. */
import { errorText } from '../scenario/errorText';
import { draftFrom } from './draftOps';
import type { DraftSlice, Slice } from './state';
import { simClient } from './workerClient';

export const draftSlice: Slice<DraftSlice> = (set, get) => {
  // Coalesced previews: one in flight; edits made meanwhile trigger one more, with the latest draft.
  let inFlight = false;
  let dirty = false;
  const request = async (): Promise<void> => {
    if (inFlight) {
      dirty = true;
      return;
    }
    const d = get().draft;
    if (!d || !get().game) return;
    inFlight = true;
    dirty = false;
    try {
      const p = await simClient().call({ type: 'preview', decisions: d, lang: get().lang });
      if (get().draft === d || !dirty) set((s) => void (s.preview = p));
    } catch (e) {
      set((s) => void (s.notice = { kind: 'bug', message: errorText(e) }));
    } finally {
      inFlight = false;
      if (dirty) void request();
    }
  };
  return {
    draft: null,
    preview: null,
    edit: (recipe) => {
      set((s) => {
        if (s.draft) recipe(s.draft);
      });
      void request();
    },
    resetDraft: () => {
      const g = get().game;
      if (!g) return;
      set((s) => void (s.draft = draftFrom(g.view.lastDecisions)));
      void request();
    },
  };
};
