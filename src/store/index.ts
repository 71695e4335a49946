/**
 * The page's one store (Zustand + Immer, slices combined once). It holds UI state, the
 * decision draft and the round summaries, and calls the worker for everything the model
 * decides: it never re-implements a rule. Non-React readers use `useStore.subscribe`.
 */
import { create } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import { immer } from 'zustand/middleware/immer';
import { dataSlice } from './dataSlice';
import { draftSlice } from './draftSlice';
import { gameSlice } from './gameSlice';
import { marketSlice } from './marketSlice';
import { savesSlice } from './savesSlice';
import type { Slice, StoreState, UiSlice } from './state';

export type {
  BranchOf, Busy, CopyOf, DataSlice, DraftSlice, GameSlice, MarketPlay, MarketSlice, Notice, PendingImport, RoundTimer, SaveState, SavesSlice, SceneView, Screen, StoreState, Timeline, UiSlice,
} from './state';
export type { MarketSaveFound, MarketSaveRecord, TeamSaveFound, TeamSaveRecord } from './marketSave';
export type { SaveEntry, SaveMeta, SaveProblem, SaveFound, SaveExpectation } from './saveRecord';

const LANG_KEY = 'crm-sandbox.lang';

const uiSlice: Slice<UiSlice> = (set, get) => ({
  lang: 'en',
  screen: 'home',
  reportRound: 0,
  customerId: null,
  scene: { round: 0, speed: 1, watched: 0 },
  busy: null,
  notice: null,
  safeHome: false,
  homeScenario: null,
  pickScenario: (id) => set((s) => void (s.homeScenario = id)),
  setLang: (lang) => {
    set((s) => {
      s.lang = lang;
    });
    // The engine's reasons come as sentences in the learner's language: ask again in the new one.
    if (get().draft) get().edit(() => undefined);
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Private mode: the choice lasts for this visit only.
    }
  },
  go: (screen) => set((s) => void (s.screen = screen)),
  openReport: (round) =>
    set((s) => {
      s.reportRound = round;
      s.screen = 'report';
    }),
  openCustomer: (id) =>
    set((s) => {
      s.customerId = id;
      s.screen = 'database';
    }),
  openFirm: (round) =>
    set((s) => {
      s.scene.round = Math.max(0, Math.min(round, s.game?.summaries.length ?? 0));
      s.screen = 'firm';
    }),
  setSceneSpeed: (speed) => set((s) => void (s.scene.speed = speed)),
  markWatched: (round) => set((s) => void (s.scene.watched = Math.max(s.scene.watched, round))),
  notify: (notice) => set((s) => void (s.notice = notice)),
  dismiss: () => set((s) => void (s.notice = null)),
  setSafeHome: (on) => set((s) => void (s.safeHome = on)),
});

/** The store. */
export const useStore = create<StoreState>()(
  subscribeWithSelector(
    immer((...a) => ({
      ...uiSlice(...a),
      ...gameSlice(...a),
      ...draftSlice(...a),
      ...dataSlice(...a),
      ...savesSlice(...a),
      ...marketSlice(...a),
    })),
  ),
);

/** The saved language choice, if any. */
export function savedLang(): string | null {
  try {
    return localStorage.getItem(LANG_KEY);
  } catch {
    return null;
  }
}
