/**
 * The page's one store (Zustand + Immer, slices combined once). It holds UI state, the
 * decision draft and the round summaries, and calls the worker for everything the model
 * decides: it never re-implements a rule. Non-React readers use `useStore.subscribe`.
 */
import { create, type StateCreator } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import { immer } from 'zustand/middleware/immer';
import type { QuarterAttribution } from '../sim/attribution';
import type { Decisions } from '../sim/config';
import type { Lang } from '../sim/text';
import type { PlanUse } from '../sim/validate';
import type { ShownProblem } from '../scenario/decisionMessages';
import type { GameSnapshot, GameSource, RoundSummary, StartFailure } from '../worker/protocol';
import { draftFrom } from './draftOps';
import { deleteSave, getSave, listSaves, newGameId, putSave, type SaveMeta, type SaveRecord } from './saves';
import { simClient } from './workerClient';

export type Screen = 'home' | 'briefing' | 'quarter' | 'report' | 'firm' | 'database' | 'chain' | 'timelines' | 'end';

/** What the firm view (the Phaser scenes) shows. */
export interface SceneView {
  /** The quarter whose transition it shows (0: the firm before the first quarter). */
  round: number;
  /** Playback speed (0.5, 1, 2 or 4). */
  speed: number;
  /** The latest quarter whose transition the learner has seen: it opens at its end, not playing again. */
  watched: number;
}

/** Something to tell the learner in a banner or dialog. */
export type Notice =
  | { kind: 'startFailed'; failure: StartFailure }
  | { kind: 'importFailed'; failure: StartFailure; fileName: string }
  | { kind: 'fileUnreadable'; fileName: string }
  | { kind: 'saveMissing' }
  | { kind: 'storageFailed'; message: string }
  | { kind: 'bug'; message: string }
  | { kind: 'imported'; title: string };

/** The game a "what if" branch came from, kept beside it (the original is never lost: it stays saved). */
export interface Timeline {
  /** Its save. */
  gameId: string;
  summaries: RoundSummary[];
  score: number;
  /** Quarters the branch shares with it; the branch differs from quarter fromRound + 1 on. */
  fromRound: number;
}

/** Which save a "what if" branch came from, and the quarters it kept (as its save record says). */
export type BranchOf = NonNullable<SaveRecord['branch']>;

/** A long task in the worker, with its progress. */
export interface Busy {
  what: 'start' | 'advance' | 'replay' | 'import' | 'export' | 'branch';
  done: number;
  total: number;
}

/** An import waiting for the learner to say whether it may replace a save. */
export interface PendingImport {
  game: GameSnapshot;
  source: GameSource;
  fileName: string;
  /** The save it would replace (same scenario and seed). */
  conflict: SaveMeta;
}

interface UiSlice {
  lang: Lang;
  screen: Screen;
  /** The round the report screen shows (1-based). */
  reportRound: number;
  /** The customer the database shows, or null. */
  customerId: number | null;
  scene: SceneView;
  busy: Busy | null;
  notice: Notice | null;
  setLang(lang: Lang): void;
  go(screen: Screen): void;
  openReport(round: number): void;
  openCustomer(id: number | null): void;
  /** Opens the firm view on quarter `round`. */
  openFirm(round: number): void;
  setSceneSpeed(speed: number): void;
  markWatched(round: number): void;
  dismiss(): void;
}

interface GameSlice {
  gameId: string | null;
  source: GameSource | null;
  game: GameSnapshot | null;
  startGame(source: GameSource, seed: string): Promise<boolean>;
  advance(): Promise<boolean>;
  resume(id: string): Promise<boolean>;
  exportRun(): Promise<{ text: string; fileName: string } | null>;
  importRun(text: string, fileName: string): Promise<boolean>;
  /** Settles a pending import: replace the conflicting save, keep both, or drop the import. */
  settleImport(choice: 'replace' | 'both' | 'cancel'): Promise<void>;
  pendingImport: PendingImport | null;
  quit(): void;
  /**
   * Attributions of the quarters explained so far (index 0 = quarter 1; holes: not asked for yet);
   * recomputed by the worker, not saved. While the game runs they lack the true KPIs; once it is
   * over the worker sends them whole (`explanationsRevealed`), and the observed ones are replaced.
   */
  explanations: (QuarterAttribution | undefined)[];
  /** Whether `explanations` are the whole attributions of a game that is over. */
  explanationsRevealed: boolean;
  /** Quarters being explained (progress), or null. */
  explaining: { from: number; upTo: number; done: number; total: number } | null;
  /** Asks the worker for the attributions of quarters from..upTo (default: all of them up to upTo), in the background: nothing waits for it. */
  explain(upTo: number, from?: number): Promise<void>;
  /** The save this game branched from (null: an original game); kept in its save record. */
  branchOf: BranchOf | null;
  /** The timeline this game branched from, once replayed (null: not a branch, not replayed yet, or its save is gone). */
  timeline: Timeline | null;
  /**
   * "What if": a new game that keeps quarters 1..round of this one and is played on from
   * there. The current game stays saved as it is and is shown beside the branch.
   */
  branch(round: number): Promise<boolean>;
}

interface DraftSlice {
  draft: Decisions | null;
  preview: { use: PlanUse | null; problems: ShownProblem[] } | null;
  /** Applies an Immer recipe to the draft and asks the engine for a new preview. */
  edit(recipe: (d: Decisions) => void): void;
  resetDraft(): void;
}

interface SavesSlice {
  saves: SaveMeta[];
  refreshSaves(): Promise<void>;
  removeSave(id: string): Promise<void>;
}

export type StoreState = UiSlice & GameSlice & DraftSlice & SavesSlice;
type Slice<T> = StateCreator<StoreState, [['zustand/subscribeWithSelector', never], ['zustand/immer', never]], [], T>;

const LANG_KEY = 'crm-sandbox.lang';

const uiSlice: Slice<UiSlice> = (set, get) => ({
  lang: 'en',
  screen: 'home',
  reportRound: 0,
  customerId: null,
  scene: { round: 0, speed: 1, watched: 0 },
  busy: null,
  notice: null,
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
  dismiss: () => set((s) => void (s.notice = null)),
});

/** The record to save for the current game. */
function saveRecord(st: StoreState): SaveRecord | null {
  const g = st.game;
  if (!g || !st.gameId || !st.source) return null;
  return {
    id: st.gameId,
    format: 'crm-sandbox-save',
    version: 1,
    title: g.scenario.title,
    scenarioId: g.scenario.id,
    source: st.source,
    seed: g.seed,
    decisions: g.decisions,
    round: g.view.round,
    rounds: g.scenario.rounds,
    score: g.view.score,
    status: g.view.status,
    updatedAt: Date.now(),
    ...(st.branchOf ? { branch: st.branchOf } : {}),
  };
}

/** The original timeline of a branch (replayed without touching the worker's game), or null. */
async function originalOf(branch: BranchOf): Promise<Timeline | null> {
  try {
    const parent = await getSave(branch.of);
    if (!parent) return null;
    const r = await simClient().call({ type: 'timeline', source: parent.source, seed: parent.seed, decisions: parent.decisions, lang: 'en' });
    if (!r.ok) return null;
    return { gameId: parent.id, summaries: r.summaries, score: r.score, fromRound: branch.fromRound };
  } catch {
    // The original cannot be shown (deleted, unreadable): the branch plays on by itself.
    return null;
  }
}

const gameSlice: Slice<GameSlice> = (set, get) => {
  const autosave = async (): Promise<void> => {
    const rec = saveRecord(get());
    if (!rec) return;
    try {
      await putSave(rec);
      await get().refreshSaves();
    } catch (e) {
      set((s) => void (s.notice = { kind: 'storageFailed', message: e instanceof Error ? e.message : String(e) }));
    }
  };
  const adopt = (
    game: GameSnapshot,
    source: GameSource,
    id: string,
    branch: { of: BranchOf; timeline: Timeline | null } | null = null,
    explanations: (QuarterAttribution | undefined)[] = [],
  ): void => {
    set((s) => {
      s.game = game;
      s.branchOf = branch?.of ?? null;
      s.timeline = branch?.timeline ?? null;
      s.explanations = explanations;
      s.explanationsRevealed = false;
      s.explaining = null;
      s.source = source;
      s.gameId = id;
      s.draft = draftFrom(game.view.lastDecisions, game.view.choices);
      s.preview = null;
      s.customerId = null;
      s.reportRound = game.summaries.length;
      // A resumed or imported game does not replay its old quarters by itself.
      s.scene = { round: game.summaries.length, speed: s.scene.speed, watched: game.summaries.length };
    });
    get().edit(() => undefined);
  };
  const progress = (what: Busy['what']) => (done: number, total: number) => set((s) => void (s.busy = { what, done, total }));
  const guard = async <T>(what: Busy['what'], total: number, task: () => Promise<T>): Promise<T | null> => {
    set((s) => {
      s.busy = { what, done: 0, total };
      s.notice = null;
    });
    try {
      return await task();
    } catch (e) {
      set((s) => void (s.notice = { kind: 'bug', message: e instanceof Error ? e.message : String(e) }));
      return null;
    } finally {
      set((s) => void (s.busy = null));
    }
  };
  return {
    gameId: null,
    source: null,
    game: null,
    pendingImport: null,
    explanations: [],
    explanationsRevealed: false,
    explaining: null,
    branchOf: null,
    timeline: null,
    explain: async (upTo, from = 1) => {
      const st = get();
      const g = st.game;
      if (!g) return;
      const n = Math.min(upTo, g.summaries.length);
      const lo = Math.max(1, from);
      // Over, the observed attributions of the game in play give way to the whole ones.
      let missing = g.view.status !== 'running' && !st.explanationsRevealed;
      for (let r = lo; r <= n; r++) if (!st.explanations[r - 1]) missing = true;
      const busy = st.explaining;
      if (!missing || (busy && busy.from <= lo && busy.upTo >= n)) return;
      const gameId = st.gameId;
      set((s) => void (s.explaining = { from: lo, upTo: n, done: 0, total: n - lo + 1 }));
      try {
        const r = await simClient().call({ type: 'explain', upTo: n, from: lo }, (done, total) =>
          set((s) => {
            if (s.explaining && s.gameId === gameId) s.explaining = { from: lo, upTo: n, done, total };
          }),
        );
        // A game loaded meanwhile has its own explanations.
        if (get().gameId !== gameId) return;
        set((s) => {
          // Late observed answers do not mix with the whole ones; the first whole answer replaces the observed ones.
          if (!r.revealed && s.explanationsRevealed) return;
          if (r.revealed && !s.explanationsRevealed) {
            s.explanations = [];
            s.explanationsRevealed = true;
          }
          r.attributions.forEach((a, i) => {
            s.explanations[r.from + i - 1] ??= a;
          });
        });
      } catch (e) {
        set((s) => void (s.notice = { kind: 'bug', message: e instanceof Error ? e.message : String(e) }));
      } finally {
        set((s) => {
          if (s.gameId === gameId && s.explaining?.from === lo && s.explaining.upTo === n) s.explaining = null;
        });
      }
    },
    branch: async (round) => {
      const st = get();
      const g = st.game;
      if (!g || !st.gameId || !st.source || round < 0 || round >= g.summaries.length) return false;
      const original: Timeline = { gameId: st.gameId, summaries: g.summaries, score: g.view.score, fromRound: round };
      const source = st.source;
      // A branch is a game in play again: the whole attributions of a game that was over stay behind (the worker sends observed ones).
      const kept = st.explanationsRevealed ? [] : st.explanations.slice(0, round);
      const r = await guard('branch', 0, () => simClient().call({ type: 'rewind', round }));
      if (!r) return false;
      adopt(r.game, source, newGameId(), { of: { of: original.gameId, fromRound: round }, timeline: original }, kept);
      set((s) => void (s.screen = r.game.summaries.length > 0 ? 'quarter' : 'briefing'));
      await autosave();
      return true;
    },
    startGame: async (source, seed) => {
      const r = await guard('start', 0, () => simClient().call({ type: 'start', source, seed, lang: get().lang }));
      if (!r) return false;
      if (!r.ok) {
        set((s) => void (s.notice = { kind: 'startFailed', failure: r.failure }));
        return false;
      }
      adopt(r.game, source, newGameId());
      set((s) => void (s.screen = 'briefing'));
      await autosave();
      return true;
    },
    advance: async () => {
      const d = get().draft;
      if (!d || !get().game) return false;
      const r = await guard('advance', 1, () => simClient().call({ type: 'advance', decisions: d, lang: get().lang }));
      if (!r) return false;
      if (!r.ok) {
        set((s) => void (s.preview = s.preview ? { ...s.preview, problems: r.problems } : null));
        return false;
      }
      set((s) => {
        const g = s.game!;
        g.summaries.push(r.summary);
        g.decisions.push(d);
        g.view = r.view;
        g.truth = r.truth;
        s.draft = draftFrom(r.view.lastDecisions, r.view.choices);
        s.preview = null;
        s.reportRound = r.summary.round;
        s.scene.round = r.summary.round;
        s.screen = 'report';
      });
      get().edit(() => undefined);
      await autosave();
      void get().explain(r.summary.round, r.summary.round);
      return true;
    },
    resume: async (id) => {
      let rec: SaveRecord | null = null;
      try {
        rec = await getSave(id);
      } catch (e) {
        set((s) => void (s.notice = { kind: 'storageFailed', message: e instanceof Error ? e.message : String(e) }));
        return false;
      }
      if (!rec) {
        set((s) => void (s.notice = { kind: 'saveMissing' }));
        return false;
      }
      const saved = rec;
      const r = await guard('replay', saved.decisions.length, () =>
        simClient().call({ type: 'start', source: saved.source, seed: saved.seed, decisions: saved.decisions, lang: get().lang }, progress('replay')),
      );
      if (!r) return false;
      if (!r.ok) {
        set((s) => void (s.notice = { kind: 'startFailed', failure: r.failure }));
        return false;
      }
      adopt(r.game, saved.source, saved.id, saved.branch ? { of: saved.branch, timeline: null } : null);
      set((s) => void (s.screen = r.game.view.status === 'running' ? (r.game.summaries.length > 0 ? 'quarter' : 'briefing') : 'end'));
      // A branch's original is replayed after the branch is back on screen (Timelines appears when it is in).
      if (saved.branch) {
        const timeline = await originalOf(saved.branch);
        if (timeline && get().gameId === saved.id) set((s) => void (s.timeline = timeline));
      }
      return true;
    },
    exportRun: async () => {
      if (!get().game) return null;
      return guard('export', 0, () => simClient().call({ type: 'exportRun' }));
    },
    importRun: async (text, fileName) => {
      const r = await guard('import', 0, () => simClient().call({ type: 'importRun', text, fileName, lang: get().lang }, progress('import')));
      if (!r) return false;
      if (!r.ok) {
        set((s) => void (s.notice = { kind: 'importFailed', failure: r.failure, fileName }));
        // The worker's game was not replaced on failure; nothing saved changed.
        return false;
      }
      const conflict = get().saves.find((m) => m.scenarioId === r.game.scenario.id && m.seed === r.game.seed);
      if (conflict) {
        set((s) => void (s.pendingImport = { game: r.game, source: r.source, fileName, conflict }));
        return true;
      }
      adopt(r.game, r.source, newGameId());
      set((s) => {
        s.screen = r.game.view.status === 'running' ? 'quarter' : 'end';
        s.notice = { kind: 'imported', title: fileName };
      });
      await autosave();
      return true;
    },
    settleImport: async (choice) => {
      const p = get().pendingImport;
      set((s) => void (s.pendingImport = null));
      if (!p || choice === 'cancel') {
        // The worker holds the imported game; the page still shows the previous one. Restore the worker to it.
        const st = get();
        if (st.game && st.source)
          await simClient().call({ type: 'start', source: st.source, seed: st.game.seed, decisions: st.game.decisions, lang: st.lang });
        return;
      }
      adopt(p.game, p.source, choice === 'replace' ? p.conflict.id : newGameId());
      set((s) => {
        s.screen = p.game.view.status === 'running' ? 'quarter' : 'end';
        s.notice = { kind: 'imported', title: p.fileName };
      });
      await autosave();
    },
    quit: () =>
      set((s) => {
        s.game = null;
        s.branchOf = null;
        s.timeline = null;
        s.explanations = [];
        s.explanationsRevealed = false;
        s.explaining = null;
        s.gameId = null;
        s.source = null;
        s.draft = null;
        s.preview = null;
        s.screen = 'home';
      }),
  };
};

const draftSlice: Slice<DraftSlice> = (set, get) => {
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
      set((s) => void (s.notice = { kind: 'bug', message: e instanceof Error ? e.message : String(e) }));
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
      set((s) => void (s.draft = draftFrom(g.view.lastDecisions, g.view.choices)));
      void request();
    },
  };
};

const savesSlice: Slice<SavesSlice> = (set, get) => ({
  saves: [],
  refreshSaves: async () => {
    try {
      const saves = await listSaves();
      set((s) => void (s.saves = saves));
    } catch (e) {
      set((s) => void (s.notice = { kind: 'storageFailed', message: e instanceof Error ? e.message : String(e) }));
    }
  },
  removeSave: async (id) => {
    await deleteSave(id);
    await get().refreshSaves();
  },
});

/** The store. */
export const useStore = create<StoreState>()(
  subscribeWithSelector(
    immer((...a) => ({
      ...uiSlice(...a),
      ...gameSlice(...a),
      ...draftSlice(...a),
      ...savesSlice(...a),
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
