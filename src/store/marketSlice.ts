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
import { marketId, MAX_CODE_LENGTH, type CodeTarget } from '../scenario/planCodeShape';

/** The codes' reader and writer (with the decisions' schema): loaded when a code is first made or read, not with the first screen. */
const planCodes = () => import('../scenario/planCode');
import type { MarketSnapshot } from '../worker/protocol';
import { clearMarketSave, clearTeamSave, readMarketSave, readTeamSave, writeMarketSave, writeTeamSave, type MarketSaveRecord, type TeamSaveRecord } from './marketSave';
import type { MarketPlay, MarketSlice, Slice, StoreState } from './state';
import { foundOf } from './saveRecord';
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

/** The id of the market a snapshot shows (decision codes carry it). */
export const idOf = (m: MarketSnapshot): string => marketId(m.scenarioHash, m.seed, m.seats.map((s) => s.name));

/** What a decision code must fit on this console now: this market, the quarter being decided, a team that still plays. */
function codeTarget(m: MarketSnapshot): CodeTarget {
  const last = m.quarters.at(-1);
  return {
    market: idOf(m),
    round: m.round + 1,
    firms: m.seats.map((s, k) => ({ name: s.name, team: s.policy === null, playing: !last || last.firms[k]!.status === 'running' })),
  };
}

/** A market in play, fresh from the worker: nothing decided for the quarter yet. */
function play(snapshot: MarketSnapshot, source: GameSource, played: (Decisions | null)[][], plans: (Decisions | null)[], role: MarketPlay['role']): MarketPlay {
  return {
    snapshot, source, played, plans, seat: null, calling: null, refused: null, timer: { deadline: null, left: 0 },
    role, own: null, code: null, file: null, byCode: plans.map(() => false), codeErrors: [],
  };
}

export const marketSlice: Slice<MarketSlice> = (set, get) => {
  const notify = (message: string): void => set((s) => void (s.notice = { kind: 'bug', message }));

  /** Runs `work` with the page busy; an unexpected error becomes a notice (and false), and the page is never left busy. */
  const busyWhile = async (work: () => Promise<boolean>): Promise<boolean> => {
    try {
      return await work();
    } catch (e) {
      notify(errorText(e));
      return false;
    } finally {
      set((s) => void (s.busy = null));
    }
  };

  const record = (): MarketSaveRecord | null => {
    const m = get().market;
    if (!m || m.role !== 'console') return null;
    return {
      format: 'crm-sandbox-market-save',
      version: 1,
      title: m.snapshot.scenario.title,
      source: m.source,
      seed: m.snapshot.seed,
      ...(m.snapshot.classCode !== null ? { classCode: m.snapshot.classCode } : {}),
      seats: m.snapshot.seats,
      played: m.played,
      plans: m.plans,
      round: m.snapshot.round,
      rounds: m.snapshot.scenario.rounds,
      over: m.snapshot.over,
      updatedAt: Date.now(),
    };
  };
  const teamRecord = (): TeamSaveRecord | null => {
    const m = get().market;
    if (!m || m.role !== 'team' || !m.file) return null;
    return {
      format: 'crm-sandbox-team-save',
      version: 1,
      title: m.snapshot.scenario.title,
      file: m.file,
      own: m.own,
      firm: m.own === null ? null : m.snapshot.seats[m.own]!.name,
      code: m.code,
      round: m.snapshot.round,
      rounds: m.snapshot.scenario.rounds,
      updatedAt: Date.now(),
    };
  };
  let writing: Promise<void> = Promise.resolve();
  const persist = (): Promise<void> =>
    (writing = writing.then(async () => {
      const rec = record();
      const team = rec ? null : teamRecord();
      if (!rec && !team) return;
      try {
        if (rec) await writeMarketSave(rec);
        else await writeTeamSave(team!);
      } catch (e) {
        set((s) => void (s.notice = { kind: 'storageFailed', message: errorText(e) }));
      }
    }));

  /** The console takes each of `offered` (a decision code's text, and where it came from). */
  const takeCodes = async (offered: readonly { from: string; text: string }[]): Promise<void> => {
    const m = get().market;
    if (!m || m.role !== 'console' || m.snapshot.over) return;
    const target = codeTarget(m.snapshot);
    const lang = get().lang;
    const taken: { seat: number; decisions: Decisions }[] = [];
    const errors: { from: string; reason: string }[] = [];
    for (const o of offered) {
      const r = await (await planCodes()).acceptPlanCode(o.text, target, lang);
      if (r.ok) taken.push({ seat: r.seat, decisions: r.plan.decisions });
      else errors.push({ from: o.from, reason: r.reason });
    }
    set((s) => {
      const mk = s.market;
      if (!mk) return;
      for (const t of taken) {
        mk.plans[t.seat] = t.decisions;
        mk.byCode[t.seat] = true;
      }
      mk.codeErrors = errors;
      mk.refused = null;
    });
    if (taken.length > 0) await persist();
  };

  /** A team's device loads a market file; `keep`: the seat and code to hold on to if it is the same market. */
  const join = async (file: { name: string; text: string }, keep: { own: number | null; code: MarketPlay['code'] } | null): Promise<boolean> => {
    const prev = get().market;
    set((s) => {
      s.busy = { what: 'replay', done: 0, total: 0 };
      s.notice = null;
    });
    let mk: MarketPlay;
    try {
      const bytes = new TextEncoder().encode(file.text);
      const r = await simClient().call({ type: 'marketJoin', bytes: bytes.buffer, fileName: file.name, lang: get().lang });
      if (!r.ok) {
        set((s) => void (s.notice = { kind: 'importFailed', failure: r.failure, fileName: file.name }));
        return false;
      }
      mk = play(r.market, r.source, r.played, r.seats.map(() => null), 'team');
      mk.file = file;
      // The same market as before (a later quarter's file): the team's seat, and its code if still for the quarter being decided.
      const held = keep ?? (prev?.role === 'team' && idOf(prev.snapshot) === idOf(r.market) ? { own: prev.own, code: prev.code } : null);
      if (held && (held.own === null || (held.own < r.seats.length && r.seats[held.own]!.policy === null))) {
        mk.own = held.own;
        if (held.code && held.code.round === r.market.round + 1 && held.own !== null) {
          mk.code = held.code;
          const back = await (await planCodes()).decodePlanCode(held.code.text);
          mk.plans[held.own] = back.ok ? back.plan.decisions : null;
        }
      }
    } catch (e) {
      notify(errorText(e));
      return false;
    } finally {
      set((s) => void (s.busy = null));
    }
    get().quit();
    set((s) => {
      s.market = mk;
      s.screen = 'market';
    });
    await persist();
    // The team's firm opens on its new report; with a code already made for this quarter, the code is what the team came back for.
    if (mk.own !== null && mk.code === null) return get().openTeam(mk.own);
    return true;
  };

  const open = async (source: GameSource, seed: string, seats: MarketSeat[], played: (Decisions | null)[][], plans: (Decisions | null)[], classCode?: string): Promise<boolean> => {
    set((s) => {
      s.busy = { what: played.length > 0 ? 'replay' : 'start', done: 0, total: 0 };
      s.notice = null;
    });
    return busyWhile(async () => {
      const r = await simClient().call({ type: 'marketStart', source, seed, seats, plans: played, lang: get().lang, ...(classCode ? { classCode } : {}) });
      if (!r.ok) {
        set((s) => void (s.notice = { kind: 'startFailed', failure: r.failure }));
        return false;
      }
      get().quit();
      set((s) => {
        s.market = play(r.market, source, played, plans, 'console');
        s.screen = 'market';
      });
      return true;
    });
  };

  return {
    market: null,
    marketSave: null,
    startMarket: async (source, seed, seats, classCode) => {
      const ok = await open(source, seed, seats, [], seats.map(() => null), classCode);
      if (ok) await persist();
      return ok;
    },
    loadMarketSave: async () => {
      try {
        const found = await readMarketSave();
        set((s) => void (s.marketSave = found));
      } catch (e) {
        set((s) => void (s.marketSave = { ok: false, problems: [{ path: '', expected: 'marketSave', found: foundOf(errorText(e)), game: true }] }));
      }
      try {
        const team = await readTeamSave();
        set((s) => void (s.teamSave = team));
      } catch (e) {
        set((s) => void (s.teamSave = { ok: false, problems: [{ path: '', expected: 'teamSave', found: foundOf(errorText(e)), game: true }] }));
      }
    },
    teamSave: null,
    resumeTeam: async () => {
      const saved = get().teamSave;
      if (!saved?.ok) return false;
      const r = saved.record;
      return join(r.file, { own: r.own, code: r.code });
    },
    forgetTeamSave: async () => {
      try {
        await clearTeamSave();
        set((s) => void (s.teamSave = null));
      } catch (e) {
        set((s) => void (s.notice = { kind: 'storageFailed', message: errorText(e) }));
      }
    },
    acceptCodes: async (text) => {
      const pieces = text.split(/(?=CRM\d+\.)/).map((p) => p.trim()).filter((p) => p !== '');
      await takeCodes(pieces.length > 0 ? pieces.map((p) => ({ from: p.length > 18 ? `${p.slice(0, 18)}…` : p, text: p })) : [{ from: '', text: '' }]);
    },
    acceptPlanFiles: async (files) => {
      const offered: { from: string; text: string }[] = [];
      // A plan file holds one code; a bigger file is read only as far as tells that it is not one.
      for (const f of files) offered.push({ from: f.name, text: await f.slice(0, MAX_CODE_LENGTH + 4096).text() });
      await takeCodes(offered);
    },
    joinMarket: (file) => join(file, null),
    claimSeat: async (seat) => {
      const m = get().market;
      if (!m || m.role !== 'team' || m.snapshot.seats[seat]?.policy !== null) return false;
      set((s) => void (s.market!.own = seat));
      await persist();
      return get().openTeam(seat);
    },
    resumeMarket: async () => {
      const saved = get().marketSave;
      if (!saved?.ok) return false;
      const r = saved.record;
      return open(r.source, r.seed, r.seats, r.played, r.plans, r.classCode);
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
    openTeam: async (seat, to) => {
      const m = get().market;
      if (!m) return false;
      set((s) => void (s.busy = { what: 'start', done: 0, total: 0 }));
      return busyWhile(async () => {
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
          const played = r.game.summaries.length;
          s.screen = played > 0 && (to === 'report' || r.game.view.status !== 'running' || plan === null) ? 'report' : played > 0 ? 'quarter' : 'briefing';
        });
        get().edit(() => undefined);
        return true;
      });
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
      const plan = structuredClone(d) as Decisions;
      // On a team's own device the plan leaves as a decision code for the facilitator.
      const code = m.role === 'team' ? { round: m.snapshot.round + 1, text: await (await planCodes()).encodePlanCode({ market: idOf(m.snapshot), firm: m.snapshot.seats[seat]!.name, round: m.snapshot.round + 1, decisions: plan }) } : null;
      set((s) => {
        s.market!.plans[seat] = plan;
        s.market!.byCode[seat] = false;
        if (code) s.market!.code = code;
        hideFirm(s);
        s.screen = 'market';
      });
      await persist();
      return true;
    },
    withdrawPlan: (seat) =>
      set((s) => {
        if (s.market) {
          s.market.plans[seat] = null;
          s.market.byCode[seat] = false;
        }
      }),
    resolveQuarter: async () => {
      const m = get().market;
      if (!m || m.snapshot.over) return false;
      set((s) => {
        hideFirm(s);
        s.busy = { what: 'advance', done: 0, total: 1 };
        s.notice = null;
      });
      return busyWhile(async () => {
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
          mk.byCode = m.plans.map(() => false);
          mk.codeErrors = [];
          mk.refused = null;
          mk.timer = { deadline: null, left: 0 };
        });
        await persist();
        return true;
      });
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
