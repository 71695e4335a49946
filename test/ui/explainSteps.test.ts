// The waterfall of a quarter as the learner sees it, from real attributions: the bars add up
// exactly to the value now; the interaction of the groups is a bar of its own, named as such;
// many late effects fold into one bar without changing the sum; the first quarter starts at
// the status quo; the sentence's "what mattered most" is the largest bar.
import { describe, expect, it } from 'vitest';
import { explainNext, newExplainer, newGame, type QuarterAttribution } from '../../src/sim/index';
import { policyById, policyDecisions } from '../../src/policies/index';
import { explainSteps, interactionShare, largestStep, MAX_LATE_BARS, rivalTier, type StepLabels } from '../../src/ui/debrief/explainSteps';
import { builtin } from '../helpers';
import { kpiVector } from '../../src/sim/index';
import { newMarket, stepMarket } from '../../src/sim/market/market';
import { explainMarketQuarter } from '../../src/sim/market/explain';
import { marketPolicyDecisions } from '../../src/policies/market';

const labels: StepLabels = {
  previous: (n) => `end of Q${n}`,
  statusQuo: 'status quo',
  now: (n) => `end of Q${n}`,
  outside: 'outside',
  valuation: 'valuation',
  interaction: 'interaction',
  rival: (name) => `rival ${name}`,
  rivalLate: (name, n) => `rival ${name} late from Q${n}`,
  group: (g) => `group ${g}`,
  late: (g, n) => `late ${g} from Q${n}`,
  otherLate: (n) => `${n} other late effects`,
};

/** A game of the random policy, every quarter explained. */
function randomGame(id: string, seed: string, quarters: number): QuarterAttribution[] {
  const sc = builtin(id);
  const p = policyById('random')!;
  const ex = newExplainer(newGame(sc, seed));
  const out: QuarterAttribution[] = [];
  while (out.length < quarters && ex.state.status === 'running') out.push(explainNext(sc, ex, policyDecisions(p, sc, ex.state, null)).attribution);
  return out;
}

const game = randomGame('ad-agency', 'steps', 6);

describe('explainSteps', () => {
  it('starts at last quarter (the status quo in the first), and the bars add up to the value now', () => {
    for (const a of game) {
      for (const kpi of a.kpis) {
        const ex = explainSteps(a, kpi, labels)!;
        const k = a.kpis.indexOf(kpi);
        expect(ex.steps[0]!.kind).toBe('start');
        expect(ex.steps[0]!.value).toBe(a.previous ? a.previous[k] : a.baseline[k]);
        expect(ex.steps[0]!.label).toBe(a.previous ? `end of Q${a.round - 1}` : 'status quo');
        expect(ex.steps.at(-1)).toMatchObject({ kind: 'end', value: a.actual[k] });
        const sum = ex.steps.slice(0, -1).reduce((s, x) => s + x.value, 0);
        expect(Math.abs(sum - a.actual[k]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, ...ex.steps.map((x) => Math.abs(x.value))));
        if (a.previous === null) expect(ex.steps.some((x) => x.kind === 'outside' || x.kind === 'late')).toBe(false);
      }
    }
  });

  it('shows the interaction as a bar of its own, named as such, whenever it is not zero', () => {
    let seen = 0;
    for (const a of game) {
      const k = a.kpis.indexOf('profit');
      const ex = explainSteps(a, 'profit', labels)!;
      const bar = ex.steps.find((x) => x.kind === 'interaction');
      if (a.interaction[k] !== 0) {
        seen++;
        expect(bar).toMatchObject({ label: 'interaction', value: a.interaction[k] });
        expect(ex.sources.get(bar!.id)).toEqual({ kind: 'interaction' });
        expect(interactionShare(a, 'profit')).toBeGreaterThan(0);
      } else expect(bar).toBeUndefined();
    }
    // Random play changes many groups together: there is interaction to show.
    expect(seen).toBeGreaterThan(0);
  });

  it('keeps the largest late effects as bars and folds the rest into one, without changing the sum', () => {
    const a = game.find((x) => x.late.filter((l) => l.parts[0] !== 0).length > MAX_LATE_BARS);
    expect(a, 'a quarter with many late effects').toBeDefined();
    const ex = explainSteps(a!, 'profit', labels)!;
    const late = ex.steps.filter((x) => x.kind === 'late');
    expect(late).toHaveLength(MAX_LATE_BARS);
    const other = late.at(-1)!;
    expect(other.label).toMatch(/other late effects/);
    const all = a!.late.map((l) => l.parts[0]!).filter((v) => v !== 0);
    expect(late.reduce((s, x) => s + x.value, 0)).toBeCloseTo(all.reduce((s, v) => s + v, 0), 6);
    const kept = late.slice(0, -1).map((x) => Math.abs(x.value));
    const smallestKept = Math.min(...kept);
    const folded = [...all].sort((x, y) => Math.abs(y) - Math.abs(x)).slice(kept.length);
    expect(folded.every((v) => Math.abs(v) <= smallestKept)).toBe(true);
  });

  it('names the largest bar as what mattered most, and leaves out groups with no effect', () => {
    for (const a of game) {
      const ex = explainSteps(a, 'customers', labels)!;
      const top = largestStep(ex);
      const changes = ex.steps.filter((x) => x.kind !== 'start' && x.kind !== 'end');
      if (changes.every((x) => x.value === 0)) expect(top).toBeNull();
      else expect(Math.abs(top!.step.value)).toBe(Math.max(...changes.map((x) => Math.abs(x.value))));
      const k = a.kpis.indexOf('customers');
      expect(ex.noEffect).toEqual(a.groups.filter((g) => g.parts[k] === 0).map((g) => g.group));
      for (const g of ex.noEffect) expect(ex.steps.some((x) => x.id === `group:${g}`)).toBe(false);
    }
  });

  it("in a market, each rival with an effect is a bar named by its name; the bars still add up; the largest bar may be a rival's; its part of the customers is named by tier", () => {
    const sc = builtin('hotel-district');
    const ids = ['value-based', 'discounter', 'cost-cutter'] as const;
    let m = newMarket(sc, '8', ['Riverside', 'Budget', 'Lean']);
    let last: Parameters<typeof marketPolicyDecisions>[4][] = [null, null, null];
    let rivalBars = 0;
    let lateBars = 0;
    let tierNamed = 0;
    let earlier: { market: typeof m; plans: ReturnType<typeof marketPolicyDecisions>[] } | undefined;
    for (let r = 0; r < 4; r++) {
      const plans = ids.map((id, k) => marketPolicyDecisions(policyById(id)!, sc, m, k, last[k]!));
      const a = explainMarketQuarter(sc, m, plans, 0, r === 0 ? null : kpiVector(last[0]!, sc.tiers.length), { earlier });
      for (const kpi of ['profit', 'customers'] as const) {
        const ex = explainSteps(a, kpi, labels)!;
        const k = a.kpis.indexOf(kpi);
        const bars = ex.steps.filter((x) => x.kind === 'rival');
        rivalBars += bars.length;
        lateBars += bars.filter((b) => b.label.includes('late')).length;
        const named = (x: NonNullable<typeof a.rivals>[number]) => (x.fromRound !== undefined ? `rival ${x.name} late from Q${x.fromRound}` : `rival ${x.name}`);
        expect(bars.map((b) => b.label).sort()).toEqual(a.rivals!.filter((x) => x.parts[k] !== 0).map(named).sort());
        const sum = ex.steps.slice(0, -1).reduce((acc, x) => acc + x.value, 0);
        expect(sum).toBeCloseTo(ex.steps.at(-1)!.value, 4);
        const top = largestStep(ex);
        if (top?.source.kind === 'rival') expect(top.step.label).toBe(top.source.fromRound !== undefined ? `rival ${top.source.name} late from Q${top.source.fromRound}` : `rival ${top.source.name}`);
      }
      // A rival's part of the change in customers, tier by tier: the tiers' parts add up to it, and the sentence names the largest.
      for (const x of a.rivals!) {
        const total = x.parts[a.kpis.indexOf('customers')]!;
        const byTier = a.kpis.flatMap((k, i) => (k.startsWith('customers:') ? [x.parts[i]!] : []));
        expect(byTier.reduce((p, q) => p + q, 0)).toBeCloseTo(total, 6);
        const hit = rivalTier(a, x.seat, x.fromRound);
        if (total === 0) expect(hit).toBeNull();
        if (!hit) continue;
        tierNamed++;
        expect(Math.sign(byTier[hit.tier]!)).toBe(Math.sign(total));
        for (const v of byTier) if (Math.sign(v) === Math.sign(total)) expect(Math.abs(v)).toBeLessThanOrEqual(Math.abs(byTier[hit.tier]!));
        expect(hit.customers).toBe(Math.round(Math.abs(byTier[hit.tier]!)));
        expect(hit.all).toBe(Math.abs(byTier[hit.tier]!) >= Math.abs(total) - 0.5);
      }
      const res = stepMarket(sc, m, plans);
      if (!res.ok) throw new Error('refused');
      earlier = { market: m, plans };
      m = res.market;
      last = res.reports;
    }
    expect(lateBars).toBeGreaterThan(0);
    expect(tierNamed).toBeGreaterThan(0);
    // The discounter's prices and the cost-cutter's cuts reach the value-based hotel's figures.
    expect(rivalBars).toBeGreaterThan(0);
  });
});
