/**
 * "Why did it change?" in a market: each rival whose plan changed is a bar of its own, the bars
 * add up to the change, a rival that repeats its plan has no bar, a rival's price cut costs the
 * firm customers, and no seat is favoured (permuting the seats permutes the bars).
 */
import { describe, expect, it } from 'vitest';
import { kpiVector, standingDecisions, type Decisions, type QuarterAttribution, type ScenarioConfig } from '../../src/sim/index';
import { newMarket, stepMarket, stepMarketCounterfactual, type MarketState } from '../../src/sim/market/market';
import { explainMarketQuarter } from '../../src/sim/market/explain';
import { policyById, type PolicyId } from '../../src/policies/index';
import { marketPolicyDecisions } from '../../src/policies/market';
import type { RoundReport } from '../../src/sim/report';
import { builtin } from '../helpers';

/** Plays `rounds` quarters with each seat's strategy; returns the market, each seat's last report and the next quarter's strategy plans. */
function playTo(sc: ScenarioConfig, seed: string, names: string[], ids: PolicyId[], rounds: number) {
  let m: MarketState = newMarket(sc, seed, names);
  const last: (RoundReport | null)[] = names.map(() => null);
  const plansOf = (): Decisions[] => ids.map((id, k) => marketPolicyDecisions(policyById(id)!, sc, m, k, last[k]!));
  for (let r = 0; r < rounds; r++) {
    const res = stepMarket(sc, m, plansOf());
    if (!res.ok) throw new Error('refused');
    m = res.market;
    res.reports.forEach((rep, k) => (last[k] = rep));
  }
  return { m, last, next: plansOf() };
}

/** Every bar of the waterfall of KPI `k`, start to end. */
function sumOfBars(a: QuarterAttribution, k: number): number {
  let v = a.previous ? a.previous[k]! + a.outside![k]! + a.valuation![k]! : a.baseline[k]!;
  for (const g of [...a.groups, ...a.late]) v += g.parts[k]!;
  for (const r of a.rivals ?? []) v += r.parts[k]!;
  return v + a.interaction[k]!;
}

const cheaper = (d: Decisions): Decisions => ({ ...structuredClone(d), tiers: d.tiers.map((t) => ({ ...structuredClone(t), priceIndex: 0.6 })) });

describe('the market attribution', () => {
  const sc = builtin('ad-agency');
  const names = ['North', 'South', 'East'];
  const { m, last, next } = playTo(sc, '11', names, ['value-based', 'uniform', 'discounter'], 3);
  const tiers = sc.tiers.length;
  const previous = kpiVector(last[0]!, tiers);

  it('a counterfactual quarter with the plans as played is the quarter as played', () => {
    const played = stepMarket(sc, m, next);
    if (!played.ok) throw new Error('refused');
    const cf = stepMarketCounterfactual(sc, m, next);
    for (let k = 0; k < names.length; k++) expect(kpiVector(cf.reports[k]!, tiers)).toEqual(kpiVector(played.reports[k]!, tiers));
  });

  it('the bars add up to the value now, for every KPI', () => {
    const plans = [next[0]!, cheaper(next[1]!), next[2]!];
    const a = explainMarketQuarter(sc, m, plans, 0, previous);
    expect(a.round).toBe(4);
    expect(a.rivals!.map((r) => r.name)).toContain('South');
    for (let k = 0; k < a.kpis.length; k++) expect(sumOfBars(a, k)).toBeCloseTo(a.actual[k]!, 6);
  });

  it('a rival that repeats its last plan has no bar; with nothing changed the quarter is its own baseline', () => {
    const same = m.firms.map((f) => standingDecisions(f.state.lastDecisions));
    const a = explainMarketQuarter(sc, m, same, 0, previous);
    expect(a.groups).toEqual([]);
    expect(a.rivals).toEqual([]);
    expect(a.baseline).toEqual(a.actual);
    const b = explainMarketQuarter(sc, m, [same[0]!, cheaper(same[1]!), same[2]!], 0, previous);
    expect(b.rivals!.map((r) => r.seat)).toEqual([1]);
    expect(b.groups).toEqual([]);
  });

  it("a rival's deep price cut costs the firm customers, and its bar says so", () => {
    const same = m.firms.map((f) => standingDecisions(f.state.lastDecisions));
    const a = explainMarketQuarter(sc, m, [same[0]!, cheaper(same[1]!), same[2]!], 0, previous);
    const k = a.kpis.indexOf('customers');
    expect(a.rivals![0]!.parts[k]!).toBeLessThan(0);
    // One change: its bar is the whole change from the baseline.
    expect(a.interaction[k]).toBe(0);
  });

  it('permuting the seats permutes the rival bars and changes no number', () => {
    const plans = [next[0]!, cheaper(next[1]!), next[2]!];
    const a = explainMarketQuarter(sc, m, plans, 0, previous);
    // The same market with the seats in another order: East, North, South.
    const order = [2, 0, 1];
    const pm: MarketState = { ...m, firms: order.map((k) => m.firms[k]!) };
    const b = explainMarketQuarter(sc, pm, order.map((k) => plans[k]!), 1, previous);
    expect(b.actual).toEqual(a.actual);
    expect(b.baseline).toEqual(a.baseline);
    expect(b.groups).toEqual(a.groups);
    expect(b.interaction).toEqual(a.interaction);
    const byName = (x: QuarterAttribution) => new Map(x.rivals!.map((r) => [r.name, r.parts]));
    expect(byName(b)).toEqual(byName(a));
    expect(b.rivals!.map((r) => pm.firms[r.seat]!.name).sort()).toEqual(a.rivals!.map((r) => m.firms[r.seat]!.name).sort());
  });

  it('in the first quarter the waterfall starts from the status quo (no previous quarter)', () => {
    const m0 = newMarket(sc, '11', names);
    const first = [policyById('value-based')!, policyById('uniform')!, policyById('discounter')!].map((p, k) => marketPolicyDecisions(p, sc, m0, k, null));
    const a = explainMarketQuarter(sc, m0, first, 2, null);
    expect(a.previous).toBeNull();
    expect(a.outside).toBeNull();
    for (let k = 0; k < a.kpis.length; k++) expect(sumOfBars(a, k)).toBeCloseTo(a.actual[k]!, 6);
  });

  it("traces a change of the quarter before: a rival's service cut shows the quarter after as a late bar of its own", () => {
    const hd = builtin('hotel-district');
    const four = ['Riverside', 'Harbour', 'Garden', 'Metro'];
    const { m: m2, last: l2, next: p3 } = playTo(hd, '6', four, ['value-based', 'uniform', 'uniform', 'uniform'], 2);
    // Quarter 3: Harbour cuts its service to 40% for everyone; the others play their strategies.
    const better = structuredClone(p3);
    better[1] = { ...better[1]!, tiers: better[1]!.tiers.map((t) => ({ ...t, serviceHours: t.serviceHours * 0.4 })) };
    const r3 = stepMarket(hd, m2, better);
    if (!r3.ok) throw new Error('refused');
    // Quarter 4: nobody changes anything, so every bar of a decision is a late one.
    const same = r3.market.firms.map((f) => standingDecisions(f.state.lastDecisions));
    const prev = kpiVector(r3.reports[0]!, hd.tiers.length);
    const a = explainMarketQuarter(hd, r3.market, same, 0, prev, { earlier: { market: m2, plans: better } });
    expect(a.groups).toEqual([]);
    expect(a.rivals!.every((r) => r.fromRound === 3)).toBe(true);
    // Harbour's customers grew less satisfied in quarter 3, so in quarter 4 it pulls fewer prospects and leavers: Riverside wins some.
    const harbour = a.rivals!.find((r) => r.name === 'Harbour')!;
    const k = a.kpis.indexOf('customers');
    expect(harbour.parts[k]!).toBeGreaterThan(0);
    // Riverside's own changes of quarter 3 (its strategy's) are late bars of its groups.
    expect(a.late.length).toBeGreaterThan(0);
    expect(a.late.every((l) => l.fromRound === 3)).toBe(true);
    for (let j = 0; j < a.kpis.length; j++) expect(sumOfBars(a, j)).toBeCloseTo(a.actual[j]!, 6);
    expect(l2[0]!.round).toBe(2);
  });
});
