/**
 * The market slice (MODEL.md section 8): the market game the facilitator runs on this screen.
 * The console holds only the standings (`market.snapshot`); a team's own firm is `game` only
 * while that team is at the screen (`market.seat`), behind the privacy screen (`market.calling`)
 * before it. A team's plan, once submitted, leaves the screen with the team: the console shows
 * only that it is in. Resolving the quarter sends the plans to the worker, where the computer
 * firms decide and a team that sent none plays its last plan again (the standings say so).
 * The market is saved after every submission and every quarter (marketSave.ts).
 */
import type { Draft } from 'immer';
import { errorText } from '../scenario/errorText';
import type { Decisions } from '../sim/config';
import type { GameSource, MarketSeat } from '../worker/protocol';
import { draftFrom, unansweredCards } from './draftOps';
import { clearMarketSave, readMarketSave, writeMarketSave, type MarketSaveRecord } from './marketSave';
import type { MarketSlice, Slice, StoreState } from './state';
import { simClient } from './workerClient';

/** Leaves a team's firm: nothing of it stays on the page. */
function hideFirm(s: Draft<StoreState>): void {
  s.game = null;
  s.draft = null;
  s.preview = null;
  s.customerId = null;
  s.reportRound = 0;
  s.scene = { round: 0, speed: s.scene.speed, watched: 0 };
  if (s.market) {
    s.market.seat = null;
    s.market.calling = null;
  }
}

export const marketSlice: Slice<MarketSlice> = (set, get) => {
  const notify = (message: string): void => set((s) => void (s.notice = { kind: 'bug', message }));

  const record = (): MarketSaveRecord | null => {
    const m = get().market;
    if (!m) return null;
    return {
      format: 'crm-sandbox-market-save',
      version: 1,
      title: m.snapshot.scenario.title,
      source: m.source,
      seed: m.snapshot.seed,
      seats: m.snapshot.seats,
      played: m.played,
      plans: m.plans,
      round: m.snapshot.round,
      rounds: m.snapshot.scenario.rounds,
      over: m.snapshot.over,
      updatedAt: Date.now(),
    };
  };
  let writing: Promise<void> = Promise.resolve();
  const persist = (): Promise<void> =>
    (writing = writing.then(async () => {
      const rec = record();
      if (!rec) return;
      try {
        await writeMarketSave(rec);
      } catch (e) {
        set((s) => void (s.notice = { kind: 'storageFailed', message: errorText(e) }));
      }
    }));

  const open = async (source: GameSource, seed: string, seats: MarketSeat[], played: (Decisions | null)[][], plans: (Decisions | null)[]): Promise<boolean> => {
    set((s) => {
      s.busy = { what: played.length > 0 ? 'replay' : 'start', done: 0, total: 0 };
      s.notice = null;
    });
    try {
      const r = await simClient().call({ type: 'marketStart', source, seed, seats, plans: played, lang: get().lang });
      if (!r.ok) {
        set((s) => void (s.notice = { kind: 'startFailed', failure: r.failure }));
        return false;
      }
      get().quit();
      set((s) => {
        s.market = { snapshot: r.market, source, played, plans, seat: null, calling: null, refused: null, timer: { deadline: null, left: 0 } };
        s.screen = 'market';
      });
      return true;
    } catch (e) {
      notify(errorText(e));
      return false;
    } finally {
      set((s) => void (s.busy = null));
    }
  };

  return {
    market: null,
    marketSave: null,
    startMarket: async (source, seed, seats) => {
      const ok = await open(source, seed, seats, [], seats.map(() => null));
      if (ok) await persist();
      return ok;
    },
    loadMarketSave: async () => {
      try {
        const found = await readMarketSave();
        set((s) => void (s.marketSave = found));
      } catch (e) {
        set((s) => void (s.marketSave = { ok: false, reasons: [errorText(e)] }));
      }
    },
    resumeMarket: async () => {
      const saved = get().marketSave;
      if (!saved?.ok) return false;
      const r = saved.record;
      return open(r.source, r.seed, r.seats, r.played, r.plans);
    },
    forgetMarketSave: async () => {
      try {
        await clearMarketSave();
        set((s) => void (s.marketSave = null));
      } catch (e) {
        set((s) => void (s.notice = { kind: 'storageFailed', message: errorText(e) }));
      }
    },
    callTeam: (seat) =>
      set((s) => {
        if (!s.market) return;
        hideFirm(s);
        s.market.calling = seat;
        s.screen = 'market';
      }),
    openTeam: async (seat) => {
      const m = get().market;
      if (!m) return false;
      set((s) => void (s.busy = { what: 'start', done: 0, total: 0 }));
      try {
        const r = await simClient().call({ type: 'marketSeat', seat });
        const plan = m.plans[seat] ?? null;
        set((s) => {
          hideFirm(s);
          s.game = r.game;
          s.market!.seat = seat;
          // A plan the team submitted is its draft again (it may change it until the quarter is resolved).
          s.draft = draftFrom(plan ?? r.game.view.lastDecisions);
          s.reportRound = r.game.summaries.length;
          s.scene = { round: r.game.summaries.length, speed: s.scene.speed, watched: r.game.summaries.length };
          s.screen = r.game.view.status !== 'running' ? 'report' : r.game.summaries.length > 0 && plan === null ? 'report' : r.game.summaries.length > 0 ? 'quarter' : 'briefing';
        });
        get().edit(() => undefined);
        return true;
      } catch (e) {
        notify(errorText(e));
        return false;
      } finally {
        set((s) => void (s.busy = null));
      }
    },
    submitPlan: async () => {
      const st = get();
      const m = st.market;
      const d = st.draft;
      const g = st.game;
      if (!m || m.seat === null || !d || !g || unansweredCards(d, g.view.choices).length > 0) return false;
      // The engine's own check of this very draft (the preview shown may be of an older one).
      const p = await simClient().call({ type: 'preview', decisions: d, lang: st.lang });
      if (p.problems.length > 0) {
        set((s) => void (s.preview = p));
        return false;
      }
      const seat = m.seat;
      set((s) => {
        s.market!.plans[seat] = structuredClone(d) as Decisions;
        hideFirm(s);
        s.screen = 'market';
      });
      await persist();
      return true;
    },
    withdrawPlan: (seat) =>
      set((s) => {
        if (s.market) s.market.plans[seat] = null;
      }),
    resolveQuarter: async () => {
      const m = get().market;
      if (!m || m.snapshot.over) return false;
      set((s) => {
        hideFirm(s);
        s.busy = { what: 'advance', done: 0, total: 1 };
        s.notice = null;
      });
      try {
        const r = await simClient().call({ type: 'marketResolve', plans: m.plans, lang: get().lang });
        if (!r.ok) {
          set((s) => void (s.market!.refused = r.refused));
          return false;
        }
        set((s) => {
          const mk = s.market!;
          mk.snapshot = r.market;
          mk.played.push(r.played);
          mk.plans = m.plans.map(() => null);
          mk.refused = null;
          mk.timer = { deadline: null, left: 0 };
        });
        await persist();
        return true;
      } catch (e) {
        notify(errorText(e));
        return false;
      } finally {
        set((s) => void (s.busy = null));
      }
    },
    toConsole: () =>
      set((s) => {
        hideFirm(s);
        s.screen = 'market';
      }),
    exportMarket: async () => {
      if (!get().market) return null;
      try {
        return await simClient().call({ type: 'marketExport' });
      } catch (e) {
        notify(errorText(e));
        return null;
      }
    },
    setTimer: (timer) => set((s) => void (s.market && (s.market.timer = timer))),
    leaveMarket: () =>
      set((s) => {
        hideFirm(s);
        s.market = null;
        s.screen = 'home';
      }),
  };
};
