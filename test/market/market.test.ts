/**
 * The market engine (MODEL.md section 8): a market of one firm is the solo game; no seat is
 * favoured (permuting the seats permutes the results bit for bit); a customer belongs to one
 * firm at a time; leavers go to rivals and become their customers; a refused plan changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVE, DEFECTED, EV_WONBACK, LAPSED, SOURCE_ACQUIRED, SOURCE_SWITCHED, hashState, newGame, type Decisions } from '../../src/sim/index';
import { profitBridge } from '../../src/worker/books';
import { firmKey, marketSetupProblem, newMarket, stepMarket, type MarketState } from '../../src/sim/market/market';
import { policyById, type PolicyId } from '../../src/policies/index';
import { marketPolicyDecisions, playMarketGame } from '../../src/policies/market';
import { builtin, play, withOverrides } from '../helpers';

const seats = (ids: PolicyId[], names: string[]) => ids.map((id, i) => ({ name: names[i]!, policy: policyById(id)! }));

/** Each firm's state hash per quarter, by firm name. */
function hashesByName(g: ReturnType<typeof playMarketGame>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of g.rounds) for (const [seat, rep] of r.reports.entries()) {
    const name = r.market.firms[seat]!.name;
    out.set(name, [...(out.get(name) ?? []), rep ? rep.hash : 'stopped']);
  }
  return out;
}

describe('the market engine', () => {
  it('a market of one firm plays exactly the solo game (same hash every quarter)', () => {
    const sc = builtin('ad-agency');
    const solo = play(sc, '3', 'value-based');
    const g = playMarketGame(sc, '3', seats(['value-based'], ['Solo']));
    expect(g.rounds.map((r) => r.reports[0]!.hash)).toEqual(solo.reports.map((r) => r.hash));
    expect(g.rounds.map((r) => r.market.firms[0]!.marketShare)).toEqual(solo.reports.map((r) => (r.firm.customers > 0 ? 1 : 0)));
  });

  it('permuting the seats permutes the results bit for bit', () => {
    const sc = builtin('ad-agency');
    const a = playMarketGame(sc, '5', seats(['value-based', 'uniform', 'discounter'], ['Alpha', 'Beta', 'Gamma']));
    const b = playMarketGame(sc, '5', seats(['discounter', 'value-based', 'uniform'], ['Gamma', 'Alpha', 'Beta']));
    expect(hashesByName(b)).toEqual(hashesByName(a));
    // And the market's flows: what Alpha won from Gamma is the same in both seatings.
    for (let k = 0; k < a.rounds.length; k++) {
      const ra = a.rounds[k]!.market.firms;
      const rb = b.rounds[k]!.market.firms;
      expect(rb[1]!.wonFrom[0]).toBe(ra[0]!.wonFrom[2]);
      expect(rb[2]!.lostTo[1]).toBe(ra[1]!.lostTo[0]);
      expect(rb.map((f) => f.marketShare)).toEqual([ra[2]!.marketShare, ra[0]!.marketShare, ra[1]!.marketShare]);
    }
  });

  it('the outcome depends on the names (the firm keys), not on the seats: renaming changes the draws', () => {
    const sc = builtin('ad-agency');
    const a = playMarketGame(sc, '5', seats(['uniform', 'uniform'], ['Alpha', 'Beta']));
    const b = playMarketGame(sc, '5', seats(['uniform', 'uniform'], ['Alpha', 'Delta']));
    expect(hashesByName(a).get('Beta')).not.toEqual(hashesByName(b).get('Delta'));
  });

  it('the starting split is fair: every firm gets the same number of customers and nearly the same value', () => {
    const sc = builtin('hotel');
    const m = newMarket(sc, '2', ['A', 'B', 'C', 'D']);
    const solo = newGame(sc, '2');
    const values = m.firms.map((f) => {
      const c = f.state.customers;
      let v = 0;
      for (let i = 0; i < c.count; i++) v += c.wallet[i]! * c.margin[i]!;
      return v;
    });
    for (const f of m.firms) expect(f.state.initialCount).toBe(solo.initialCount);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    for (const v of values) expect(Math.abs(v / mean - 1)).toBeLessThan(0.03);
  });

  it('a customer is active in at most one firm, every quarter; the shares sum to 1; who was won is who was lost', () => {
    const sc = builtin('ad-agency');
    const g = playMarketGame(sc, '7', seats(['value-based', 'uniform', 'cost-cutter', 'discounter'], ['A', 'B', 'C', 'D']));
    let switched = 0;
    // Replays the game to look at every quarter's states.
    let m = newMarket(sc, '7', ['A', 'B', 'C', 'D']);
    for (const r of g.rounds) {
      const res = stepMarket(sc, m, r.decisions);
      if (!res.ok) throw new Error('refused');
      m = res.market;
      const owner = new Map<number, string>();
      for (const f of m.firms) {
        const c = f.state.customers;
        for (let i = 0; i < c.count; i++) {
          if (c.status[i] !== ACTIVE) continue;
          expect(owner.get(c.key[i]!), `customer ${c.key[i]} active in ${owner.get(c.key[i]!)} and ${f.name}`).toBeUndefined();
          owner.set(c.key[i]!, f.name);
        }
      }
      const rows = res.round.firms;
      expect(rows.reduce((a, f) => a + f.marketShare, 0)).toBeCloseTo(1, 12);
      for (const f of rows) {
        for (const g2 of rows) expect(f.wonFrom[g2.seat]).toBe(g2.lostTo[f.seat]);
        // The per-tier flows add up to the firm's totals, column by column.
        for (const g2 of rows) {
          expect(f.lostByTier.reduce((a, t) => a + t[g2.seat]!, 0), `${f.name} lost to ${g2.name}`).toBe(f.lostTo[g2.seat]);
          expect(f.wonByTier.reduce((a, t) => a + t[g2.seat]!, 0), `${f.name} won from ${g2.name}`).toBe(f.wonFrom[g2.seat]);
        }
        expect(f.lostByTier.length).toBe(r.decisions[f.seat]?.tiering.tierCount ?? f.lostByTier.length);
        switched += f.wonFrom.reduce((a, b) => a + b, 0);
      }
      // The customers each firm won this quarter are in its records as won from a rival, and gone from the loser's.
      for (const f of m.firms) {
        const c = f.state.customers;
        let won = 0;
        for (let i = 0; i < c.count; i++) if (c.source[i] === SOURCE_SWITCHED && c.joined[i] === m.round) won++;
        expect(won).toBe(rows[m.firms.indexOf(f)]!.wonFrom.reduce((a, b) => a + b, 0));
      }
    }
    expect(switched).toBeGreaterThan(100);
    const defected = m.firms.reduce((a, f) => a + Array.from(f.state.customers.status.subarray(0, f.state.customers.count)).filter((s) => s === DEFECTED).length, 0);
    expect(defected).toBeGreaterThanOrEqual(switched - 50);
  });

  it('a switcher brings who it is: its traits, wallet, segment and anchor are its old row\'s, bit for bit; its relationship starts anew', () => {
    const sc = builtin('hotel-district');
    const g = playMarketGame(sc, '4', seats(['value-based', 'uniform', 'cost-cutter', 'discounter'], ['A', 'B', 'C', 'D']));
    const carried = ['key', 'wallet', 'walletAvg', 'margin', 'influence', 'potential', 'orientation', 'priceSensitivity', 'need', 'errInfluence', 'errPotential', 'anchor', 'segment'] as const;
    let m: MarketState = newMarket(sc, '4', ['A', 'B', 'C', 'D']);
    let checked = 0;
    for (const r of g.rounds.slice(0, 6)) {
      const before = m;
      const res = stepMarket(sc, m, r.decisions);
      if (!res.ok) throw new Error('refused');
      m = res.market;
      // Each rival's row of a key, as it stood at the start of the quarter (what the switcher was there).
      const was = new Map<number, { firm: number; slot: number }>();
      before.firms.forEach((f, firm) => {
        const c = f.state.customers;
        for (let slot = 0; slot < c.count; slot++) if (c.status[slot] === ACTIVE) was.set(c.key[slot]!, { firm, slot });
      });
      m.firms.forEach((f, firm) => {
        const c = f.state.customers;
        for (let i = 0; i < c.count; i++) {
          if (c.source[i] !== SOURCE_SWITCHED || c.joined[i] !== m.round) continue;
          const o = was.get(c.key[i]!)!;
          expect(o.firm).not.toBe(firm);
          const old = m.firms[o.firm]!.state.customers;
          expect(old.status[o.slot]).toBe(DEFECTED);
          for (const col of carried) expect(Object.is(c[col][i], old[col][o.slot]), `${col} of customer ${c.key[i]}`).toBe(true);
          expect(c.status[i]).toBe(ACTIVE);
          expect(c.tenure[i]).toBe(0);
          expect(c.bond[i]).toBe(0);
          expect(c.cumRevenue[i]).toBe(0);
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("a lapsed customer of one firm is a prospect of the others: some of a firm's acquisitions are its rivals' lapsed customers, fewer when the market's other prospects are many", () => {
    const fromRivals = (pool: number) => {
      const sc = withOverrides(builtin('hotel-district'), { model: { market: { prospectPool: pool } } });
      const g = playMarketGame(sc, '2', seats(['value-based', 'uniform', 'cost-cutter', 'discounter'], ['A', 'B', 'C', 'D']));
      const tables = g.market.firms.map((f) => f.state.customers);
      // Every row of every customer key, in every firm's table.
      const rows = new Map<number, { firm: number; slot: number }[]>();
      tables.forEach((c, firm) => {
        for (let slot = 0; slot < c.count; slot++) rows.set(c.key[slot]!, [...(rows.get(c.key[slot]!) ?? []), { firm, slot }]);
      });
      let acquired = 0;
      let lapsedBefore = 0;
      tables.forEach((c, a) => {
        for (let i = 0; i < c.count; i++) {
          if (c.source[i] !== SOURCE_ACQUIRED) continue;
          acquired++;
          // A rival's row it left before it joined here: it was that rival's lapsed customer, and went (no win-back reaches it there now).
          const origin = rows.get(c.key[i]!)!.find((x) => x.firm !== a && tables[x.firm]!.left[x.slot]! > 0 && tables[x.firm]!.left[x.slot]! < c.joined[i]! && tables[x.firm]!.status[x.slot] !== ACTIVE);
          if (!origin) continue;
          lapsedBefore++;
          expect(tables[origin.firm]!.status[origin.slot]).not.toBe(LAPSED);
        }
      });
      return { acquired, share: lapsedBefore / acquired };
    };
    const usual = fromRivals(1);
    const many = fromRivals(20);
    expect(usual.share).toBeGreaterThan(0.03);
    expect(usual.share).toBeLessThan(0.6);
    expect(many.share).toBeLessThan(usual.share / 3);
  });

  it("share of wallet is split across the firms: in a closed market of two, what one firm's customers spend beyond it is what the other sells them", () => {
    const sc = withOverrides(builtin('ad-agency'), { model: { market: { otherSuppliers: 0 } } });
    const pol = [policyById('uniform')!, policyById('value-based')!];
    let m: MarketState = newMarket(sc, '4', ['Alpha', 'Beta']);
    const last: (import('../../src/sim/index').RoundReport | null)[] = [null, null];
    for (let q = 0; q < 4; q++) {
      const res = stepMarket(sc, m, pol.map((p, seat) => marketPolicyDecisions(p, sc, m, seat, last[seat]!)));
      if (!res.ok) throw new Error('refused');
      m = res.market;
      const r = m.round;
      for (const [seat, other] of [[0, 1], [1, 0]] as const) {
        const buyer = res.reports[other]!;
        // Its staff could serve all it sold (so nothing of it went unsold).
        expect(buyer.employees.workload).toBeLessThan(1.3);
        // The customers of `seat` who bought from it this quarter: active at its end, neither new nor won back in it.
        const rep = res.reports[seat]!;
        const back = new Set<number>();
        for (let e = 0; e < rep.events.count; e++) if (rep.events.kind[e] === EV_WONBACK) back.add(rep.events.customer[e]!);
        let rest = 0;
        const cu = m.firms[seat]!.state.customers;
        for (let i = 0; i < cu.count; i++) {
          if (cu.status[i] !== ACTIVE || cu.joined[i] === r || back.has(i)) continue;
          rest += cu.wallet[i]! * (1 - cu.shareOfWallet[i]!) * (1 - cu.margin[i]!);
        }
        expect(rest).toBeGreaterThan(0);
        expect(Math.abs(buyer.finance.secondaryCostOfGoods - rest)).toBeLessThan(rest * 1e-9);
      }
      res.reports.forEach((rep, seat) => (last[seat] = rep));
    }
  });

  it("the suppliers outside the market take their part, and a firm's books add up with what rivals' customers bought from it", () => {
    const sc = builtin('hotel-district');
    const firms = ['value-based', 'uniform', 'cost-cutter', 'discounter'] as PolicyId[];
    const names = ['A', 'B', 'C', 'D'];
    const total = (otherSuppliers: number | null) => {
      const g = playMarketGame(otherSuppliers === null ? sc : withOverrides(sc, { model: { market: { otherSuppliers } } }), '2', seats(firms, names));
      return g.rounds[0]!.reports.reduce((a, rep) => a + rep!.finance.secondaryRevenue, 0);
    };
    const closed = total(0);
    const open = total(null);
    expect(open).toBeGreaterThan(0);
    expect(closed).toBeGreaterThan(4 * open);
    expect(total(1000)).toBeLessThan(open / 10);
    // By default, rival firms' customers' purchases are a modest part of a firm's sales, and the books add up.
    const g = playMarketGame(sc, '2', seats(firms, names));
    for (const q of g.rounds) {
      q.reports.forEach((rep) => {
        if (!rep) return;
        const fin = rep.finance;
        const b = profitBridge(fin, rep.tiers.map((t) => t.profit));
        const sum = b.customers + b.lines.reduce((a, l) => a + l.amount, 0);
        expect(Math.abs(sum - fin.operatingProfit)).toBeLessThan(Math.max(1, fin.revenue) * 1e-9);
        expect(b.lines.find((l) => l.id === 'secondary')!.amount).toBe(fin.secondaryRevenue - fin.secondaryCostOfGoods - fin.secondaryServe);
        // Serving them costs the staff time the firm's own sales take, per unit of revenue.
        if (fin.revenue > 0) expect(fin.secondaryServe).toBeCloseTo((fin.secondaryRevenue * fin.servedWages) / fin.revenue, 6);
        if (fin.revenue > 0) expect(fin.secondaryRevenue / fin.revenue).toBeLessThan(0.5);
      });
    }
  });

  it("a rival's service for one's top tier moves one's top-tier customers: rivals are compared tier by tier", () => {
    // Two value-based hotels; in the second world Beta stops serving its top tier from quarter 2.
    const sc = builtin('hotel-district');
    const vb = policyById('value-based')!;
    const churned = (seed: string, cut: boolean) => {
      let m: MarketState = newMarket(sc, seed, ['Alpha', 'Beta']);
      const last: (import('../../src/sim/index').RoundReport | null)[] = [null, null];
      const out: number[][] = [];
      for (let q = 0; q < 8; q++) {
        const plans = [0, 1].map((seat) => marketPolicyDecisions(vb, sc, m, seat, last[seat]!));
        if (cut && q >= 1) plans[1]!.tiers[0]!.serviceHours = 0;
        const res = stepMarket(sc, m, plans);
        if (!res.ok) throw new Error(JSON.stringify(res.problems));
        m = res.market;
        res.reports.forEach((rep, seat) => (last[seat] = rep));
        if (q >= 2) out.push(res.reports[0]!.tiers.map((t) => t.churned));
      }
      return out;
    };
    // Alpha's churned customers over quarters 3-8, in its top tier (tier 0) and in the others, over three seeds.
    const total = (cut: boolean) => {
      let top = 0;
      let rest = 0;
      for (const seed of ['1', '2', '3']) {
        for (const r of churned(seed, cut)) {
          expect(r.length).toBeGreaterThan(1);
          top += r[0]!;
          rest += r.slice(1).reduce((a, b) => a + b, 0);
        }
      }
      return { top, rest };
    };
    const served = total(false);
    const neglected = total(true);
    // Alpha's most valuable guests faced a weaker rival for them and left less often...
    expect(neglected.top / served.top).toBeLessThan(0.9);
    // ...while its other tiers, whose counterparts at Beta were served as before (better, with the staff freed), did not.
    expect(neglected.rest / served.rest).toBeGreaterThan(1);
  });

  it('is deterministic, and a refused plan of one firm changes nothing and names the firm', () => {
    const sc = builtin('ad-agency');
    const names = ['North', 'South'];
    const a = playMarketGame(sc, '9', seats(['value-based', 'discounter'], names));
    const b = playMarketGame(sc, '9', seats(['value-based', 'discounter'], names));
    expect(a.rounds.map((r) => r.market.hash)).toEqual(b.rounds.map((r) => r.market.hash));
    const m = newMarket(sc, '9', names);
    const before = m.firms.map((f) => hashState(f.state));
    const good = marketPolicyDecisions(policyById('uniform')!, sc, m, 0, null);
    const bad: Decisions = { ...good, tiers: good.tiers.map((t) => ({ ...t, acquisitionSpend: 1e12 })) };
    const res = stepMarket(sc, m, [good, bad]);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.problems.map((p) => p.name)).toEqual(['South']);
      expect(res.problems[0]!.problems.length).toBeGreaterThan(0);
    }
    expect(m.firms.map((f) => hashState(f.state))).toEqual(before);
  });

  it('refuses a market it cannot hold, with a sentence', () => {
    expect(marketSetupProblem([])).toMatch(/1 to 8 firms/);
    expect(marketSetupProblem(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'])).toMatch(/not 9/);
    expect(marketSetupProblem(['A', 'A'])).toMatch(/two firms are named "A"/);
    expect(marketSetupProblem(['A', ' '])).toMatch(/needs a name/);
    expect(marketSetupProblem(['A', 'B'])).toBeNull();
    expect(firmKey('A')).not.toBe(firmKey('B'));
    const sc = builtin('tutorial');
    const m: MarketState = newMarket(sc, '1', ['A', 'B']);
    expect(() => stepMarket(sc, m, [null, null])).toThrow(/firm A still plays/);
  });
});
