/**
 * The competitor benchmark (MODEL.md section 8, Information): a firm of a market buys it as a
 * research decision; it reports every rival's prices and service level as observed and a survey
 * of its customers with its margin of error; it costs its price in the books and changes nothing
 * else; no seat is favoured; the solo game, whose rival is only a number, refuses it.
 */
import { describe, expect, it } from 'vitest';
import { hashState, newGame, step, type Decisions, type RoundReport, type ScenarioConfig } from '../../src/sim/index';
import { newMarket, stepMarket, type MarketState } from '../../src/sim/market/market';
import { resolveParams } from '../../src/sim/params';
import { policyById, type PolicyId } from '../../src/policies/index';
import { marketPolicyDecisions } from '../../src/policies/market';
import { builtin } from '../helpers';

const withBenchmark = (d: Decisions): Decisions => ({ ...structuredClone(d), research: { ...structuredClone(d.research), benchmark: true } });

/** Plays `quarters` of a market of strategies; seat `buyer` buys the benchmark in the last one if `buy`. */
function play(sc: ScenarioConfig, seed: string, names: string[], ids: PolicyId[], quarters: number, buyer: number, buy: boolean) {
  let m: MarketState = newMarket(sc, seed, names);
  const last: (RoundReport | null)[] = names.map(() => null);
  let plans: Decisions[] = [];
  let reports: (RoundReport | null)[] = [];
  for (let q = 1; q <= quarters; q++) {
    plans = ids.map((id, k) => marketPolicyDecisions(policyById(id)!, sc, m, k, last[k]!));
    // The strategies spend the whole budget: in the last quarter the buyer spends a little less on acquisition, bought or not, to make room.
    if (q === quarters) {
      const room = { ...plans[buyer]!, tiers: plans[buyer]!.tiers.map((t, i) => (i === 0 ? { ...t, acquisitionSpend: Math.max(0, t.acquisitionSpend - 50_000) } : t)) };
      plans[buyer] = buy ? withBenchmark(room) : room;
    }
    const res = stepMarket(sc, m, plans);
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    m = res.market;
    reports = res.reports;
    reports.forEach((r, k) => (last[k] = r));
  }
  return { m, plans, reports };
}

describe('the competitor benchmark', () => {
  const sc = builtin('hotel-district');
  const names = ['Riverside', 'Budget', 'Lean', 'Plain'];
  const ids: PolicyId[] = ['value-based', 'discounter', 'cost-cutter', 'uniform'];

  it('the solo game refuses it, at its field, with a reason', () => {
    const solo = builtin('ad-agency');
    const s = newGame(solo, '1');
    const r = step(solo, s, withBenchmark(solo.initialDecisions));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ code: 'noRivals', path: 'research.benchmark' }]);
  });

  it("reports each rival's prices, service and customers as they are, and a survey of its customers with its margin of error", () => {
    const { m, plans, reports } = play(sc, '21', names, ids, 4, 0, true);
    const b = reports[0]!.benchmark!;
    expect(b.map((x) => x.name)).toEqual(['Budget', 'Lean', 'Plain']);
    const P = resolveParams(sc.model);
    for (const x of b) {
      const rep = reports[x.seat]!;
      const d = plans[x.seat]!;
      expect(x.customers).toBe(rep.firm.customers);
      // One tier (the discounter) or several: the list prices and hours averaged over the tiers' customers.
      const n = rep.tiers.reduce((s, t) => s + t.customers, 0);
      expect(x.priceIndex).toBeCloseTo(rep.tiers.reduce((s, t, k) => s + t.customers * d.tiers[k]!.priceIndex, 0) / n, 4);
      expect(x.serviceHours).toBeCloseTo(rep.tiers.reduce((s, t, k) => s + t.customers * d.tiers[k]!.serviceHours, 0) / n, 2);
      expect(x.survey!.responses).toBe(Math.min(P.survey.benchmarkSample, x.customers));
      expect(x.survey!.mean).toBeGreaterThanOrEqual(1);
      expect(x.survey!.mean).toBeLessThanOrEqual(5);
      expect(x.survey!.marginOfError).toBeGreaterThan(0);
      expect(x.survey!.marginOfError).toBeLessThan(0.5);
    }
    expect(b.find((x) => x.name === 'Budget')!.priceIndex).toBe(0.85);
    // The firms that did not buy it get none.
    expect(reports.slice(1).every((r) => r!.benchmark === null)).toBe(true);
    expect(m.round).toBe(4);
  });

  it('costs its price in the books and changes nothing else: the same customers, the rivals bit for bit the same', () => {
    const a = play(sc, '21', names, ids, 3, 2, true);
    const b = play(sc, '21', names, ids, 3, 2, false);
    const P = resolveParams(sc.model);
    expect(a.reports[2]!.finance.research - b.reports[2]!.finance.research).toBeCloseTo(P.survey.benchmarkCost, 6);
    expect(a.reports[2]!.finance.operatingProfit - b.reports[2]!.finance.operatingProfit).toBeCloseTo(-P.survey.benchmarkCost, 6);
    expect(a.reports[2]!.firm.customers).toBe(b.reports[2]!.firm.customers);
    expect(a.reports[2]!.firm.revenue).toBe(b.reports[2]!.firm.revenue);
    for (const k of [0, 1, 3]) expect(hashState(a.m.firms[k]!.state)).toBe(hashState(b.m.firms[k]!.state));
  });

  it('no seat is favoured: seated in another order, the benchmark reports the same numbers for each rival', () => {
    const a = play(sc, '9', names, ids, 3, 0, true);
    const order = [3, 1, 0, 2];
    const b = play(sc, '9', order.map((k) => names[k]!), order.map((k) => ids[k]!), 3, 2, true);
    const byName = (r: RoundReport) => new Map(r.benchmark!.map((x) => [x.name, { ...x, seat: 0 }]));
    expect(byName(b.reports[2]!)).toEqual(byName(a.reports[0]!));
  });

  it("tells a value-based rival's satisfied customers from a cost-cutter's (beyond the margins of error)", () => {
    const { reports } = play(sc, '5', ['Buyer', 'Value', 'Cutter'], ['uniform', 'value-based', 'cost-cutter'], 6, 0, true);
    const [value, cutter] = reports[0]!.benchmark!;
    expect(value!.survey!.mean - value!.survey!.marginOfError).toBeGreaterThan(cutter!.survey!.mean + cutter!.survey!.marginOfError);
  });
});
