/**
 * The game slice: the game the worker holds, its save, and every way a game is loaded or left
 * (start, resume, import, branch, quit). What a reset clears is one list, {@link noGame}.
 */
import type { Draft } from 'immer';
import type { QuarterAttribution } from '../sim/attribution';
import { errorText } from '../scenario/errorText';
import type { GameSnapshot, GameSource } from '../worker/protocol';
import { draftFrom, unansweredCards } from './draftOps';
import { getSave, newGameId, writeSave } from './saves';
import type { Expected } from './saveRecord';
import type { SaveRecord } from './saveRecord';
import type { BranchOf, Busy, CopyOf, GameSlice, Notice, Slice, StoreState, Timeline } from './state';
import { announceSavesChanged, claimSave, releaseSave } from './tabs';
import { simClient } from './workerClient';

/** Everything that belongs to one game, as it is with no game: the one list a reset clears. */
function noGame(): Pick<StoreState, 'game' | 'gameId' | 'source' | 'saved' | 'branchOf' | 'copyOf' | 'timeline' | 'explanations' | 'explanationsRevealed' | 'explaining' | 'draft' | 'preview' | 'customerId' | 'reportRound'> {
  return {
    game: null,
    gameId: null,
    source: null,
    saved: null,
    branchOf: null,
    copyOf: null,
    timeline: null,
    explanations: [],
    explanationsRevealed: false,
    explaining: null,
    draft: null,
    preview: null,
    customerId: null,
    reportRound: 0,
  };
}

/** Clears the game (keeping the learner's playback speed). */
function resetGame(s: Draft<StoreState>): void {
  Object.assign(s, noGame());
  s.scene = { round: 0, speed: s.scene.speed, watched: 0 };
}

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
    ...(g.classPlay ? { classPlay: g.classPlay } : {}),
    decisions: g.decisions,
    round: g.view.round,
    rounds: g.scenario.rounds,
    score: g.view.score,
    status: g.view.status,
    updatedAt: Date.now(),
    ...(st.branchOf ? { branch: st.branchOf } : {}),
    ...(st.copyOf ? { copyOf: st.copyOf } : {}),
  };
}

/** The original timeline of a branch (replayed without touching the worker's game), or null. */
async function originalOf(branch: BranchOf): Promise<Timeline | null> {
  try {
    const parent = (await getSave(branch.of))?.record;
    if (!parent) return null;
    const r = await simClient().call({ type: 'timeline', source: parent.source, seed: parent.seed, decisions: parent.decisions, lang: 'en', ...(parent.classPlay ? { classPlay: parent.classPlay } : {}) });
    if (!r.ok) return null;
    return { gameId: parent.id, summaries: r.summaries, score: r.score, fromRound: branch.fromRound };
  } catch {
    // The original cannot be shown (deleted, unreadable): the branch plays on by itself.
    return null;
  }
}

/** What a loaded game is, besides its snapshot: its save id, what its save holds, and its links to other saves. */
interface Loaded {
  id: string;
  saved: StoreState['saved'];
  branchOf?: BranchOf | null;
  copyOf?: CopyOf | null;
  timeline?: Timeline | null;
  explanations?: (QuarterAttribution | undefined)[];
}

export const gameSlice: Slice<GameSlice> = (set, get) => {
  const notify = (notice: Notice): void => set((s) => void (s.notice = notice));

  /**
   * Writes the game's save (compare-and-set on its revision). If another tab saved this game
   * since this tab read or wrote it, nothing is overwritten: this tab's game becomes a copy,
   * saved beside it, and the learner is told. Writes run one after another.
   */
  let writing: Promise<void> = Promise.resolve();
  const persist = async (): Promise<void> => {
    const st = get();
    const rec = saveRecord(st);
    if (!rec || !st.saved) return;
    try {
      const r = await writeSave(rec, st.saved.expect);
      if (r.ok) {
        set((s) => {
          if (s.gameId === rec.id) s.saved = { expect: r.revision, round: rec.round };
        });
      } else {
        const copyOf: CopyOf = { of: rec.id, round: st.saved.round };
        const copy: SaveRecord = { ...rec, id: newGameId(), copyOf };
        const w = await writeSave(copy, null);
        if (!w.ok) throw new Error('a new save id is already taken');
        await claimSave(copy.id);
        set((s) => {
          if (s.gameId !== rec.id) return;
          s.gameId = copy.id;
          s.copyOf = copyOf;
          s.saved = { expect: w.revision, round: copy.round };
          s.notice = { kind: 'forked' };
        });
      }
      announceSavesChanged();
      await get().refreshSaves();
    } catch (e) {
      notify({ kind: 'storageFailed', message: errorText(e) });
    }
  };
  const autosave = (): Promise<void> => (writing = writing.then(persist));

  const adopt = (game: GameSnapshot, source: GameSource, l: Loaded): void => {
    set((s) => {
      resetGame(s);
      // A solo game replaces a market in play (the worker has dropped it).
      s.market = null;
      s.game = game;
      s.source = source;
      // Back home, the scenario of this game stays selected.
      if (source.kind === 'builtin') s.homeScenario = source.id;
      s.gameId = l.id;
      s.saved = l.saved;
      s.branchOf = l.branchOf ?? null;
      s.copyOf = l.copyOf ?? null;
      s.timeline = l.timeline ?? null;
      s.explanations = l.explanations ?? [];
      s.draft = draftFrom(game.view.lastDecisions);
      s.reportRound = game.summaries.length;
      // A resumed or imported game does not replay its old quarters by itself.
      s.scene = { round: game.summaries.length, speed: s.scene.speed, watched: game.summaries.length };
    });
    get().edit(() => undefined);
  };

  /**
   * Takes save `id` for this tab. If another tab has it open, this tab plays a copy (a new id,
   * saved at its first write) and says so; the other tab's game is not touched.
   */
  const take = async (id: string, round: number, expect: Expected, why: 'resume' | 'import'): Promise<Pick<Loaded, 'id' | 'saved' | 'copyOf'> & { elsewhere: boolean }> => {
    const claim = await claimSave(id);
    if (claim !== 'elsewhere') return { id, saved: { expect, round }, elsewhere: false };
    const copy = newGameId();
    await claimSave(copy);
    notify({ kind: 'openElsewhere', why });
    // A resumed game is a copy of the save; an imported one is a game of its own, saved beside it.
    return { id: copy, saved: { expect: null, round }, ...(why === 'resume' ? { copyOf: { of: id, round } } : {}), elsewhere: true };
  };

  /** A new save id for this tab (nobody else can have it open). */
  const fresh = async (round = 0): Promise<Pick<Loaded, 'id' | 'saved'>> => {
    const id = newGameId();
    await claimSave(id);
    return { id, saved: { expect: null, round } };
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
      notify({ kind: 'bug', message: errorText(e) });
      return null;
    } finally {
      set((s) => void (s.busy = null));
    }
  };

  /** Adopts the import the worker checked, under `loaded` (or a fresh id), and saves it. */
  const adoptImport = async (token: number, game: GameSnapshot, source: GameSource, fileName: string, loaded: () => Promise<Pick<Loaded, 'id' | 'saved' | 'copyOf'>>): Promise<boolean> => {
    const r = await guard('import', 0, () => simClient().call({ type: 'adoptImport', token }));
    if (!r) return false;
    if (!r.ok) {
      notify({ kind: 'bug', message: 'the checked import is no longer in the worker' });
      return false;
    }
    const l = await loaded();
    const note = get().notice;
    adopt(game, source, l);
    set((s) => {
      s.screen = game.view.status === 'running' ? 'quarter' : 'end';
      s.notice = note?.kind === 'openElsewhere' ? note : { kind: 'imported', title: fileName };
    });
    await autosave();
    return true;
  };

  return {
    ...noGame(),
    pendingImport: null,
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
        notify({ kind: 'bug', message: errorText(e) });
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
      adopt(r.game, source, { ...(await fresh(round)), branchOf: { of: original.gameId, fromRound: round }, timeline: original, explanations: kept });
      set((s) => void (s.screen = r.game.summaries.length > 0 ? 'quarter' : 'briefing'));
      await autosave();
      return true;
    },
    startGame: async (source, seed, classPlay, autoplay) => {
      const r = await guard('start', 0, () =>
        simClient().call({ type: 'start', source, seed, lang: get().lang, ...(classPlay ? { classPlay } : {}), ...(autoplay ? { autoplay } : {}) }, autoplay ? progress('replay') : undefined),
      );
      if (!r) return false;
      if (!r.ok) {
        notify({ kind: 'startFailed', failure: r.failure });
        return false;
      }
      adopt(r.game, source, await fresh());
      set((s) => void (s.screen = autoplay && r.game.summaries.length > 0 ? 'quarter' : 'briefing'));
      await autosave();
      return true;
    },
    advance: async () => {
      const d = get().draft;
      const g = get().game;
      // A card still to be answered: the quarter waits (the advance button says which).
      if (!d || !g || unansweredCards(d, g.view.choices).length > 0) return false;
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
        s.draft = draftFrom(r.view.lastDecisions);
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
      let read;
      try {
        read = await getSave(id);
      } catch (e) {
        notify({ kind: 'storageFailed', message: errorText(e) });
        return false;
      }
      if (!read) {
        notify({ kind: 'saveMissing' });
        return false;
      }
      const saved = read.record;
      if (!saved || read.newer) {
        notify({ kind: 'saveDamaged' });
        return false;
      }
      const repair = read.problems.length > 0;
      const r = await guard('replay', saved.decisions.length, () =>
        simClient().call({ type: 'start', source: saved.source, seed: saved.seed, decisions: saved.decisions, lang: get().lang, ...(saved.classPlay ? { classPlay: saved.classPlay } : {}) }, progress('replay')),
      );
      if (!r) return false;
      if (!r.ok) {
        notify({ kind: 'startFailed', failure: r.failure });
        return false;
      }
      const t = await take(saved.id, saved.decisions.length, saved.revision ?? 0, 'resume');
      adopt(r.game, saved.source, { ...t, branchOf: saved.branch ?? null, copyOf: t.copyOf ?? saved.copyOf ?? null });
      set((s) => void (s.screen = r.game.view.status === 'running' ? (r.game.summaries.length > 0 ? 'quarter' : 'briefing') : 'end'));
      // A save whose summary was damaged is written again at once, rebuilt from its replay.
      if (repair && !t.elsewhere) {
        await autosave();
        if (get().notice?.kind !== 'forked' && get().notice?.kind !== 'storageFailed') notify({ kind: 'repaired' });
      }
      // A branch's original is replayed after the branch is back on screen (Timelines appears when it is in).
      if (saved.branch) {
        const timeline = await originalOf(saved.branch);
        const gameId = get().gameId;
        if (timeline && gameId === t.id) set((s) => void (s.timeline = timeline));
      }
      return true;
    },
    replayGame: async (source, seed, decisions, classPlay) => {
      const r = await guard('replay', decisions.length, () =>
        simClient().call({ type: 'start', source, seed, decisions, lang: get().lang, ...(classPlay ? { classPlay } : {}) }, progress('replay')),
      );
      if (!r) return false;
      if (!r.ok) {
        notify({ kind: 'startFailed', failure: r.failure });
        return false;
      }
      adopt(r.game, source, await fresh(r.game.summaries.length));
      set((s) => void (s.screen = r.game.view.status === 'running' ? (r.game.summaries.length > 0 ? 'quarter' : 'briefing') : 'end'));
      await autosave();
      return true;
    },
    exportRun: async () => {
      if (!get().game) return null;
      return guard('export', 0, () => simClient().call({ type: 'exportRun' }));
    },
    importRun: async (bytes, fileName) => {
      const r = await guard('import', 0, () => simClient().call({ type: 'importRun', bytes, fileName, lang: get().lang }, progress('import')));
      if (!r) return false;
      if (!r.ok) {
        // The worker checked the file without adopting it: the game in play and the saves are as they were.
        notify({ kind: 'importFailed', failure: r.failure, fileName });
        return false;
      }
      const conflict = get()
        .saves.flatMap((e) => (e.kind === 'save' ? [e.meta] : []))
        .find((m) => m.scenarioId === r.game.scenario.id && m.seed === r.game.seed);
      if (conflict) {
        set((s) => void (s.pendingImport = { token: r.token, game: r.game, source: r.source, fileName, conflict }));
        return true;
      }
      return adoptImport(r.token, r.game, r.source, fileName, () => fresh(r.game.summaries.length));
    },
    settleImport: async (choice) => {
      const p = get().pendingImport;
      set((s) => void (s.pendingImport = null));
      if (!p) return;
      if (choice === 'cancel') {
        // The worker never replaced its game: it only forgets the checked import.
        try {
          await simClient().call({ type: 'dropImport' });
        } catch (e) {
          notify({ kind: 'bug', message: errorText(e) });
        }
        return;
      }
      const round = p.game.summaries.length;
      await adoptImport(p.token, p.game, p.source, p.fileName, () => (choice === 'replace' ? take(p.conflict.id, round, 'any', 'import') : fresh(round)));
    },
    quit: () => {
      void releaseSave();
      set((s) => {
        resetGame(s);
        s.screen = 'home';
      });
    },
  };
};
