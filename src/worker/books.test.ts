// The books from the tiers' profit to operating profit, on real games: every quarter of every
// built-in scenario under several strategies (with win-back spend, so customers come back,
// and with overload), the tiers' profit plus the bridge's lines is operating profit, the
// tiers' profit counts only the customers who bought that quarter, and over the game the
// customers' profit is the whale curve's total.
import { describe, expect, it } from 'vitest';
import { builtin } from '../../test/helpers';
import { policyById, policyDecisions, type PolicyId } from '../policies/index';
import { ACTIVE, newGame, step, type Decisions, type RoundReport, type SimState } from '../sim/index';
import { emptyFinance } from '../sim/context';
import { EV_WONBACK } from '../sim/report';
import { BRIDGE_LINES, profitBridge } from './books';
import { summarize } from './summary';
import { whaleCurve } from './whale';

type Change = (d: Decisions, round: number) => Decisions;
/** Win-back spend in every tier, paid for out of brand spend (the learner's budget stays within reach). */
const winBack: Change = (d, r) => (r < 5 ? d : { ...d, brandSpend: Math.max(0, d.brandSpend - 5000 * d.tiers.length), tiers: d.tiers.map((t) => ({ ...t, winBackSpend: 5000 })) });

interface Quarter { report: RoundReport; before: SimState; after: SimState }
function quarters(id: string, policy: PolicyId, change: Change = (d) => d): Quarter[] {
  const sc = builtin(id);
  const p = policyById(policy)!;
  let s = newGame(sc, '1');
  let last: RoundReport | null = null;
  const out: Quarter[] = [];
  while (s.status === 'running') {
    const r = step(sc, s, change(policyDecisions(p, sc, s, last), s.round + 1));
    if (!r.ok) throw new Error(`${id} ${policy}: quarter ${s.round + 1} refused`);
    out.push({ report: r.report, before: s, after: r.state });
    s = r.state;
    last = r.report;
  }
  return out;
}

const GAMES: [string, PolicyId, Change?][] = [
  ['ad-agency', 'value-based', winBack],
  ['ad-agency', 'cost-cutter'],
  ['hotel', 'discounter', winBack],
  ['retail-bank', 'cost-cutter', winBack],
  ['tutorial', 'uniform'],
];

describe('profitBridge', () => {
  it('takes each outflow of the books beyond the cost to serve as one line, costs negative (constructed books)', () => {
    const fin = {
      ...emptyFinance(0), revenue: 1000, secondaryRevenue: 40, secondaryCostOfGoods: 15, secondaryServe: 5, wages: 300, servedWages: 220, relationship: 50, servedRelationship: 45, retention: 20, servedRetention: 12,
      recovery: 9, servedRecovery: 4, hiring: 1, severance: 2, training: 3, systems: 4, brand: 5, acquisition: 6, winBack: 7, research: 8, fixedCosts: 10, interest: 11, events: -13,
    };
    const b = profitBridge(fin, [100, 200]);
    expect(b.customers).toBe(300);
    expect(b.lines.map((l) => l.id)).toEqual([...BRIDGE_LINES]);
    expect(Object.fromEntries(b.lines.map((l) => [l.id, l.amount]))).toEqual({
      idleWages: -80, lapsedRelationship: -5, lapsedRetention: -8, lapsedRecovery: -5, secondary: 20, hiring: -1, severance: -2, training: -3, systems: -4, brand: -5,
      acquisition: -6, winBack: -7, research: -8, fixedCosts: -10, interest: -11, events: -13,
    });
  });

  for (const [id, policy, change] of GAMES) {
    it(`adds up to operating profit in every quarter (${id}, ${policy}${change ? ', with win-back' : ''})`, () => {
      const qs = quarters(id, policy, change);
      let customers = 0;
      let wonBack = 0;
      for (const { report, after } of qs) {
        const { summary } = summarize(builtin(id), report, after);
        const b = summary.bridge;
        const tiers = report.tiers.reduce((a, t) => a + t.profit, 0);
        expect(b.customers).toBe(tiers);
        const scale = Math.max(1, Math.abs(report.finance.revenue));
        expect(Math.abs(b.customers + b.lines.reduce((a, l) => a + l.amount, 0) - report.finance.operatingProfit)).toBeLessThan(scale * 1e-9);
        expect(b.operatingProfit).toBe(report.finance.operatingProfit);
        // Programmes, offers and recovery in the customers' cost to serve never exceed what the books paid.
        for (const l of b.lines.filter((x) => x.id.startsWith('lapsed'))) expect(l.amount).toBeLessThanOrEqual(1e-6 * scale);
        // The tiers' profit counts the customers who bought this quarter: neither one won back in it (its last
        // profit is from before it lapsed) nor a newcomer. Summed from the customers' own (float32) figures.
        const back = new Set<number>();
        for (let e = 0; e < report.events.count; e++) if (report.events.kind[e] === EV_WONBACK) back.add(report.events.customer[e]!);
        wonBack += back.size;
        const c = after.customers;
        let bought = 0;
        for (let i = 0; i < c.count; i++) if (c.status[i] === ACTIVE && !back.has(i) && c.joined[i]! < report.round) bought += c.profit[i]!;
        expect(Math.abs(bought - tiers)).toBeLessThan(Math.max(1, Math.abs(tiers)) * 1e-5);
        customers += b.customers;
      }
      if (change) expect(wonBack, 'customers were won back').toBeGreaterThan(0);
      // The whale curve's total: every customer's lifetime profit after cost to serve.
      const whale = whaleCurve(qs.at(-1)!.after);
      expect(Math.abs(whale.totalProfit - customers)).toBeLessThan(Math.max(1, Math.abs(customers)) * 1e-9);
    }, 120_000);
  }
});
