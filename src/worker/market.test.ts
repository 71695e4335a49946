// The worker's market: the game the facilitator's console and the teams' screens play. A market
// of computer firms plays exactly the engine's market of the same strategies; a team that sends
// no plan plays its last one again and the standings say so; the console sees no flows or values
// until the market is over; every seat is a session whose snapshot is that firm's own game; the
// market's run file verifies as the command line's `verify` does; a replay gives the same hashes.
import { describe, expect, it } from 'vitest';
import { builtin } from '../../test/helpers';
import { policyById, type PolicyId } from '../policies/index';
import { playMarketGame } from '../policies/market';
import type { Decisions } from '../sim/index';
import { verifyMarketRunFile } from '../scenario/marketRun';
import { gradeFile } from '../scenario/grade';
import { BUILTIN_IDS, builtinText } from './builtins';
import { explainMarketUnit, marketExport, marketOver, openMarket, prepareMarket, resolveMarket, type MarketSession } from './market';
import type { MarketSeat } from './protocol';
import { explainAnswer, openSession, preview, snapshot } from './session';

const SEATS: MarketSeat[] = [
  { name: 'Alpha', policy: null },
  { name: 'Beta', policy: 'cost-cutter' },
  { name: 'Gamma', policy: null },
  { name: 'Delta', policy: 'discounter' },
];

async function open(id: string, seats: MarketSeat[], seed = '3'): Promise<MarketSession> {
  const r = await openMarket({ kind: 'builtin', id }, seed, seats, [], 'en');
  if (!r.ok) throw new Error(JSON.stringify(r.failure));
  return r.market;
}

describe('the worker market', () => {
  it('a market of computer firms, and of teams sending those same plans, plays exactly the engine market', async () => {
    const policies: PolicyId[] = ['value-based', 'cost-cutter', 'uniform', 'discounter'];
    const seats = policies.map((p, i) => ({ name: `F${i}`, policy: p }));
    const engine = playMarketGame(builtin('tutorial'), '5', seats.map((s) => ({ name: s.name, policy: policyById(s.policy)! })));
    const ms = await open('tutorial', seats, '5');
    // Teams in seats 0 and 2 send, each quarter, the plan the engine's strategy played.
    const teams = await open('tutorial', seats.map((s, i) => (i % 2 === 0 ? { name: s.name, policy: null } : s)), '5');
    for (const [r, q] of engine.rounds.entries()) {
      const a = resolveMarket(ms, [null, null, null, null], 'en');
      const b = resolveMarket(teams, q.decisions.map((d, i) => (i % 2 === 0 ? d : null)), 'en');
      if (!a.ok || !b.ok) throw new Error('refused');
      expect(a.market.quarters[r]!.hash).toBe(q.market.hash);
      expect(b.market.quarters[r]!.hash).toBe(q.market.hash);
      expect(b.market.quarters[r]!.firms.every((f) => !f.keptPlan)).toBe(true);
      expect(a.market.quarters[r]!.firms.reduce((s, f) => s + f.marketShare, 0)).toBeCloseTo(1, 12);
    }
    expect(ms.market.firms.map((f) => f.state.score)).toEqual(engine.market.firms.map((f) => f.state.score));
  });

  it("a team that sends no plan plays its last plan again, said in the standings; the flows stay hidden until the end", async () => {
    const ms = await open('tutorial', SEATS);
    const alpha = snapshot(ms.firms[0]!).view.lastDecisions;
    const r1 = resolveMarket(ms, [alpha, null, null, null], 'en');
    if (!r1.ok) throw new Error('refused');
    expect(r1.market.quarters[0]!.firms.map((f) => f.keptPlan)).toEqual([false, false, true, false]);
    expect(ms.plans[0]![2]).toEqual(ms.firms[2]!.state.lastDecisions);
    expect(r1.market.reveal).toBeNull();
    let last = r1;
    while (!last.market.over) {
      const r = resolveMarket(ms, [null, null, null, null], 'en');
      if (!r.ok) throw new Error('refused');
      last = r;
    }
    expect(last.market.round).toBe(builtin('tutorial').rounds);
    const reveal = last.market.reveal!;
    expect(reveal.decisions).toHaveLength(last.market.round);
    for (const q of reveal.rounds) for (const f of q.firms) for (const g of q.firms) expect(f.wonFrom[g.seat]).toBe(g.lostTo[f.seat]);
    expect(() => resolveMarket(ms, [null, null, null, null], 'en')).toThrow(/over/);
  });

  it("each seat is its own firm's game: its summaries, its plans, its preview; the truth only once the market is over", async () => {
    const ms = await open('ad-agency', SEATS);
    const plan: Decisions = structuredClone(ms.firms[0]!.state.lastDecisions);
    plan.brandSpend += 1000;
    expect(preview(ms.firms[0]!, plan).problems).toEqual([]);
    const r = resolveMarket(ms, [plan, null, null, null], 'en');
    if (!r.ok) throw new Error('refused');
    const a = snapshot(ms.firms[0]!);
    expect(a.decisions).toEqual([plan]);
    expect(a.summaries).toHaveLength(1);
    expect(a.summaries[0]!.firm.customers).toBe(r.market.quarters[0]!.firms[0]!.customers);
    expect(a.truth).toBeNull();
    expect(snapshot(ms.firms[1]!).summaries[0]!.hash).not.toBe(a.summaries[0]!.hash);
  });

  it('a team that sends no plan after hiring keeps its plan, not the hiring: a one-off is not made again', async () => {
    const ms = await open('ad-agency', SEATS);
    const plan = structuredClone(snapshot(ms.firms[0]!).view.lastDecisions);
    plan.people.hires = 2;
    plan.tiers[0]!.acquisitionSpend -= 30_000;
    const r1 = resolveMarket(ms, [plan, null, null, null], 'en');
    if (!r1.ok) throw new Error(JSON.stringify(r1.refused));
    const r2 = resolveMarket(ms, [null, null, null, null], 'en');
    if (!r2.ok) throw new Error(JSON.stringify(r2.refused));
    expect(r2.market.quarters[1]!.firms[0]!.keptPlan).toBe(true);
    expect(ms.plans[1]![0]).toEqual({ ...plan, people: { ...plan.people, hires: 0 } });
  });

  it("a market firm's preview takes the competitor benchmark; the solo game's names why it cannot", async () => {
    const ms = await open('ad-agency', SEATS);
    const plan = structuredClone(snapshot(ms.firms[0]!).view.lastDecisions);
    plan.tiers[0]!.acquisitionSpend -= 30_000;
    plan.research.benchmark = true;
    expect(preview(ms.firms[0]!, plan, 'en').problems).toEqual([]);
    const solo = await openSession({ kind: 'builtin', id: 'ad-agency' }, '3', [], 'en');
    if (!solo.ok) throw new Error('no game');
    const p = preview(solo.session, plan, 'en').problems;
    expect(p.map((x) => x.path)).toEqual(['research.benchmark']);
    expect(p[0]!.text).toMatch(/only in a market/);
  });

  it("the computer firms' plans made ahead in idle time are the plans the resolve makes: the same market", async () => {
    const a = await open('tutorial', SEATS);
    const b = await open('tutorial', SEATS);
    for (let q = 0; q < 3; q++) {
      let pieces = 0;
      while (prepareMarket(b)) pieces++;
      expect(pieces).toBe(2);
      expect(b.ahead!.plans.filter((p) => p !== null)).toHaveLength(2);
      const ra = resolveMarket(a, [null, null, null, null], 'en');
      const rb = resolveMarket(b, [null, null, null, null], 'en');
      if (!ra.ok || !rb.ok) throw new Error(JSON.stringify([ra, rb].map((r) => (r.ok ? 'ok' : r.refused))));
      expect(rb.market.quarters.at(-1)!.hash).toBe(ra.market.quarters.at(-1)!.hash);
    }
    // The resolve takes the plan made ahead (not one made again), and only for the quarter it was made for.
    while (prepareMarket(b));
    const marked = structuredClone(b.ahead!.plans[3]!);
    // The discounter's acquisition (open since quarter 3), a little less than its strategy's.
    marked.tiers[0]!.acquisitionSpend = Math.max(0, marked.tiers[0]!.acquisitionSpend - 1000);
    expect(marked).not.toEqual(b.ahead!.plans[3]);
    b.ahead!.plans[3] = marked;
    if (!resolveMarket(b, [null, null, null, null], 'en').ok) throw new Error('refused');
    expect(b.plans.at(-1)![3]).toEqual(marked);
    expect(b.ahead!.round).toBe(b.market.round - 1);
  });

  it("an absent team never holds the class up: its kept plan is fitted to each quarter's budget, staff and choice cards, to the end", async () => {
    for (const id of ['ad-agency', 'hotel-district']) {
      const ms = await open(id, SEATS);
      const sc = builtin(id);
      while (!marketOver(ms)) {
        const r = resolveMarket(ms, [null, null, null, null], 'en');
        if (!r.ok) throw new Error(`${id} quarter ${ms.market.round + 1}: ${JSON.stringify(r.refused)}`);
        const q = ms.market.round;
        const cards = sc.events.filter((e) => e.round === q && e.options && e.options.length > 0).map((e) => e.id);
        for (const seat of [0, 2]) expect(ms.plans[q - 1]![seat]!.choices.map((c) => c.event)).toEqual(cards);
      }
      expect(ms.market.round).toBe(sc.rounds);
    }
  });

  it('a refused plan changes nothing and names the firm with the engine reasons', async () => {
    const ms = await open('ad-agency', SEATS);
    const bad: Decisions = structuredClone(ms.firms[0]!.state.lastDecisions);
    bad.brandSpend = 1e12;
    const r = resolveMarket(ms, [bad, null, null, null], 'en');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refused.map((x) => x.name)).toEqual(['Alpha']);
    expect(r.refused[0]!.problems[0]!.text).toMatch(/budget/i);
    expect(ms.market.round).toBe(0);
    expect(ms.plans).toHaveLength(0);
  });

  it("the market's run file verifies, and a replay of its plans gives the same hashes", async () => {
    const ms = await open('ad-agency', SEATS, 'class-7');
    for (let q = 0; q < 3; q++) if (!resolveMarket(ms, [null, null, null, null], 'en').ok) throw new Error('refused');
    const { text, fileName } = marketExport(ms);
    expect(fileName).toBe('ad-agency-market-class-7-q3.crm-run.json');
    const v = await verifyMarketRunFile(new TextEncoder().encode(text), fileName, 'en', { builtin: builtinText, builtinIds: BUILTIN_IDS });
    expect(v.ok, JSON.stringify(v.ok ? null : v.errors)).toBe(true);
    const again = await openMarket({ kind: 'builtin', id: 'ad-agency' }, 'class-7', SEATS, ms.plans, 'en');
    if (!again.ok) throw new Error('replay refused');
    expect(again.market.quarters.map((q) => q.hash)).toEqual(ms.quarters.map((q) => q.hash));
  });

  it("a team's quarter is explained with its rivals as bars: the last quarter at once, an earlier one the same from a replay", async () => {
    const ms = await open('tutorial', SEATS);
    const explainAll = (seat: number, upTo: number, from: number) => {
      for (let k = 0; k < 1000; k++) {
        const done = explainMarketUnit(ms, seat, upTo, from);
        if (done) return done;
      }
      throw new Error('the explanation never finished');
    };
    for (let q = 0; q < 2; q++) if (!resolveMarket(ms, [null, null, null, null], 'en').ok) throw new Error('refused');
    // Quarter 2 from the market before it, as soon as it is played.
    const [q2] = explainAll(0, 2, 2);
    expect(ms.cursor).toBeNull();
    expect(q2!.round).toBe(2);
    expect(q2!.rivals!.every((r) => r.name !== 'Alpha')).toBe(true);
    // The computer firms change their plans each quarter: they have bars.
    expect(q2!.rivals!.map((r) => r.name)).toEqual(expect.arrayContaining(['Beta', 'Delta']));
    // After another quarter, quarter 2 again: from a replay of quarter 1, the same numbers.
    if (!resolveMarket(ms, [null, null, null, null], 'en').ok) throw new Error('refused');
    ms.firms[0]!.attributions = [];
    const again = explainAll(0, 3, 2);
    expect(ms.cursor?.round).toBe(0);
    expect(again[0]).toEqual(q2);
    expect(again[1]!.round).toBe(3);
    // As the page gets it while the market runs: no true KPI, the rivals' late bars still marked late.
    const seen = explainAnswer(ms.firms[0]!, 2, again);
    expect(seen.revealed).toBe(false);
    expect(seen.attributions[1]!.kpis).not.toContain('satisfaction');
    const late = again[1]!.rivals!.filter((r) => r.fromRound === 2).map((r) => r.name);
    expect(late.length).toBeGreaterThan(0);
    expect(seen.attributions[1]!.rivals!.filter((r) => r.fromRound === 2).map((r) => r.name)).toEqual(late);
    // The bars add up for the customers.
    const k = q2!.kpis.indexOf('customers');
    const sum = q2!.previous![k]! + q2!.outside![k]! + q2!.valuation![k]! + q2!.interaction[k]! + [...q2!.groups, ...q2!.rivals!].reduce((s, g) => s + g.parts[k]!, 0);
    expect(sum).toBeCloseTo(q2!.actual[k]!, 6);
  });
});

describe('a class plays a market', () => {
  it("the class code is the seed, the class's variant plays, and the market file grades as the class's, a game per team", async () => {
    const r = await openMarket({ kind: 'builtin', id: 'tutorial' }, 'ignored', SEATS, [], 'en', 'crm-2026-a');
    if (!r.ok) throw new Error(JSON.stringify(r.failure));
    const ms = r.market;
    expect(ms.seed).toBe('CRM-2026-A');
    expect(ms.overrides!.length).toBeGreaterThan(0);
    // The class's variant, not the scenario as written: another class plays another market.
    const plain = await open('tutorial', SEATS, 'CRM-2026-A');
    while (!marketOver(ms)) {
      resolveMarket(ms, [null, null, null, null], 'en');
      resolveMarket(plain, [null, null, null, null], 'en');
    }
    expect(ms.market.firms.map((f) => f.state.score)).not.toEqual(plain.market.firms.map((f) => f.state.score));
    const file = marketExport(ms);
    const run = JSON.parse(file.text) as { classCode: string; overrides: string[]; seed: string };
    expect(run).toMatchObject({ classCode: 'CRM-2026-A', seed: 'CRM-2026-A', overrides: ms.overrides });
    const host = { builtin: builtinText, builtinIds: BUILTIN_IDS };
    const bytes = new TextEncoder().encode(file.text);
    const graded = await gradeFile(bytes, file.fileName, 'CRM-2026-A', 'en', host);
    expect(graded.status).toBe('verified');
    expect(graded.games.map((g) => g.player)).toEqual(['Alpha', 'Gamma']);
    expect((await gradeFile(bytes, file.fileName, 'CRM-2026-B', 'en', host)).status).toBe('foreign-class');
  });
});
