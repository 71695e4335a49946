/**
 * The lessons of MODEL.md section 6, each over at least 20 seeds on the relevant built-in
 * scenario. If a default scenario does not show them, the model or the scenario is wrong.
 */
import { describe, expect, it } from 'vitest';
import { newGame, step, ACTIVE, type Decisions, type ScenarioConfig } from '../../src/sim/index';
import { policyById, policyDecisions, valueRule } from '../../src/policies/index';
import { assignTiers, dataQualityOf } from '../../src/sim/model/tiers';
import { resolveParams } from '../../src/sim/params';
import { builtin, mean, play, playWith, seeds, withOverrides } from '../helpers';

const SEEDS = seeds(20);
const total = (g: ReturnType<typeof play>): number => g.state.firm.cumulativeProfit + g.reports[g.reports.length - 1]!.firm.customerEquity;

describe('MODEL.md section 6: lessons', () => {
  it('1. value-based tiered service beats undifferentiated service on cumulative profit plus customer equity (ad agency, C24/C25)', () => {
    const sc = builtin('ad-agency');
    const gains = SEEDS.map((s) => total(play(sc, s, 'value-based')) - total(play(sc, s, 'uniform')));
    expect(gains.filter((g) => g > 0).length).toBeGreaterThanOrEqual(18);
    expect(mean(gains)).toBeGreaterThan(0);
  });

  it('2. cutting training and wages raises profit for a round or two and lowers it later; customers feel it with a lag (C8)', () => {
    const sc = builtin('hotel');
    const cut = (d: Decisions, round: number): Decisions => (round >= 3 ? { ...d, people: { ...d.people, trainingSpend: 0, wageIndex: 0.85 } } : d);
    const rows = SEEDS.map((s) => {
      const base = playWith(sc, s, 'value-based', (d) => d);
      const cutter = playWith(sc, s, 'value-based', cut);
      const diff = (k: number, f: (r: (typeof base.reports)[number]) => number): number => f(cutter.reports[k - 1]!) - f(base.reports[k - 1]!);
      const profit = (r: (typeof base.reports)[number]): number => r.finance.operatingProfit;
      const last = base.reports.length;
      return {
        early: diff(3, profit) + diff(4, profit),
        late: diff(last, profit) + diff(last - 1, profit),
        es3: diff(3, (r) => r.employees.satisfaction),
        es5: diff(5, (r) => r.employees.satisfaction),
        cs3: diff(3, (r) => r.firm.satisfaction),
        cs6: diff(6, (r) => r.firm.satisfaction),
      };
    });
    expect(rows.filter((r) => r.early > 0).length).toBeGreaterThanOrEqual(18);
    expect(rows.filter((r) => r.late < 0).length).toBeGreaterThanOrEqual(18);
    // The lag: employees feel it first, customers later and more.
    expect(mean(rows.map((r) => r.es5))).toBeLessThan(mean(rows.map((r) => r.es3)));
    expect(mean(rows.map((r) => r.es3))).toBeLessThan(0);
    expect(Math.abs(mean(rows.map((r) => r.cs3)))).toBeLessThan(Math.abs(mean(rows.map((r) => r.cs6))));
    expect(mean(rows.map((r) => r.cs6))).toBeLessThan(0);
  });

  it('3. merely satisfied customers still defect; loyalty rises steeply only at high satisfaction (Jones & Sasser)', () => {
    const sc = builtin('ad-agency');
    const bins = { defect: [0, 0], indifferent: [0, 0], affection: [0, 0] } as Record<string, [number, number]>;
    const loyaltyAt = new Map<number, number[]>();
    for (const seed of SEEDS) {
      // Uniform service: no retention offers to mask who leaves.
      const p = policyById('uniform')!;
      let s = newGame(sc, seed);
      for (let r = 0; r < 6; r++) {
        const was = Uint8Array.from(s.customers.status.subarray(0, s.customers.count));
        const res = step(sc, s, policyDecisions(p, sc, s, null));
        if (!res.ok) throw new Error('refused');
        s = res.state;
        for (let i = 0; i < was.length; i++) {
          if (was[i] !== ACTIVE) continue;
          // Satisfaction when the customer decided to stay or go (after this quarter's experience).
          const sat = s.customers.satisfaction[i]!;
          const bin = sat < 50 ? 'defect' : sat < 80 ? 'indifferent' : 'affection';
          bins[bin]![0]++;
          if (s.customers.status[i] !== ACTIVE) bins[bin]![1]++;
          const band = Math.floor(s.customers.satisfaction[i]! / 10);
          loyaltyAt.set(band, [...(loyaltyAt.get(band) ?? []), s.customers.loyalty[i]!]);
        }
      }
    }
    const rate = (b: string): number => bins[b]![1] / bins[b]![0];
    expect(bins.affection![0]).toBeGreaterThan(100);
    // Satisfied (50..80) customers still leave at a real rate, clearly above highly satisfied ones.
    expect(rate('indifferent')).toBeGreaterThan(0.03);
    expect(rate('indifferent')).toBeGreaterThan(1.25 * rate('affection'));
    expect(rate('defect')).toBeGreaterThan(1.5 * rate('indifferent'));
    // Loyalty is convex in satisfaction: the rise from the 70s to the 80s dwarfs the rise from the 50s to the 60s.
    const m = (band: number): number => mean(loyaltyAt.get(band) ?? [Number.NaN]);
    expect(m(8) - m(7)).toBeGreaterThan(3 * (m(6) - m(5)));
  });

  it('4. retention improvements are worth more to customer equity than equal improvements in margin or acquisition cost (Gupta & Lehmann)', () => {
    const sc = builtin('ad-agency');
    const equity = (x: ScenarioConfig, s: string): number => play(x, s, 'value-based').reports.at(-1)!.firm.customerEquity;
    const base = SEEDS.map((s) => equity(sc, s));
    // +1% retention: each round's churn probability scaled so that retention (about 95%) gains one point in a hundred.
    const churnBase = mean(play(sc, '1', 'value-based').reports.map((r) => 1 - r.firm.retention));
    const retain = withOverrides(sc, { model: { churn: { scale: 1 - (0.01 * (1 - churnBase)) / churnBase } } });
    const margin = withOverrides(sc, { population: { segments: sc.population.segments.map((g) => ({ ...g, margin: { ...g.margin, mean: g.margin.mean * 1.01 } })) } });
    const acq = withOverrides(sc, { model: { acquisition: { halfSpendPerCustomer: resolveParams(sc.model).acquisition.halfSpendPerCustomer * 0.99 } } });
    const gain = (x: ScenarioConfig): number[] => SEEDS.map((s, i) => equity(x, s) / base[i]! - 1);
    const gr = mean(gain(retain));
    const gm = mean(gain(margin));
    const ga = mean(gain(acq));
    expect(gr).toBeGreaterThan(gm);
    expect(gr).toBeGreaterThan(ga);
    expect(gr).toBeGreaterThan(0.02);
  });

  it('5. pushing staff beyond capacity erodes service quality and employee satisfaction (Oliva & Sterman)', () => {
    const sc = builtin('ad-agency');
    const rows = SEEDS.map((s) => {
      const normal = playWith(sc, s, 'value-based', (d) => d);
      const pushed = playWith(sc, s, 'value-based', (d, _r, st) => {
        const x = structuredClone(d);
        const hours = x.tiers.reduce((a, t) => a + t.serviceHours, 0);
        if (hours <= 0) return x;
        const k = 1.25;
        x.tiers.forEach((t) => (t.serviceHours *= k));
        void st;
        return x;
      });
      const at = (g: typeof normal, r: number) => g.reports[r - 1]!;
      return {
        workload: at(pushed, 4).employees.workload - at(normal, 4).employees.workload,
        standard: at(pushed, 6).employees.serviceStandard - at(normal, 6).employees.serviceStandard,
        es: at(pushed, 6).employees.satisfaction - at(normal, 6).employees.satisfaction,
        failures: pushed.reports.reduce((a, r) => a + r.firm.failures, 0) - normal.reports.reduce((a, r) => a + r.firm.failures, 0),
      };
    });
    expect(rows.every((r) => r.workload > 0.1)).toBe(true);
    expect(rows.filter((r) => r.standard < 0).length).toBeGreaterThanOrEqual(18);
    expect(rows.filter((r) => r.es < 0).length).toBeGreaterThanOrEqual(18);
    expect(mean(rows.map((r) => r.failures))).toBeGreaterThan(0);
  });

  it('6a. relationship programmes pay back over several rounds, and only on relationship-oriented customers (C6, C11)', () => {
    const sc = builtin('ad-agency');
    const noProgramme = (d: Decisions): Decisions => ({ ...d, tiers: d.tiers.map((t) => ({ ...t, relationshipSpend: 0 })) });
    const run = (x: ScenarioConfig) => SEEDS.map((s) => {
      const withP = playWith(x, s, 'value-based', (d) => d);
      const without = playWith(x, s, 'value-based', noProgramme);
      const cum = (g: typeof withP, r: number) => g.reports.slice(0, r).reduce((a, k) => a + k.finance.operatingProfit, 0);
      const end = withP.reports.length;
      return { first: cum(withP, 1) - cum(without, 1), all: cum(withP, end) + withP.reports[end - 1]!.firm.customerEquity - cum(without, end) - without.reports[end - 1]!.firm.customerEquity };
    });
    const oriented = run(sc);
    expect(oriented.filter((r) => r.first < 0).length).toBeGreaterThanOrEqual(18);
    expect(oriented.filter((r) => r.all > 0).length).toBeGreaterThanOrEqual(16);
    const transactional = withOverrides(sc, { population: { segments: sc.population.segments.map((g) => ({ ...g, orientation: { mean: 0.02, spread: 0.02 } })) } });
    const flat = run(transactional);
    expect(mean(flat.map((r) => r.all))).toBeLessThan(0);
  });

  it('6b. discounts work on transactional customers and erode margin (C11)', () => {
    const sc = builtin('ad-agency');
    const discount = (d: Decisions): Decisions => ({ ...d, tiers: d.tiers.map((t) => ({ ...t, priceIndex: 0.9 })) });
    const rows = SEEDS.map((s) => {
      const a = playWith(sc, s, 'value-based', (d) => d);
      const b = playWith(sc, s, 'value-based', discount);
      const gm = (g: typeof a) => g.reports.reduce((x, r) => x + r.finance.grossProfit, 0) / g.reports.reduce((x, r) => x + r.finance.revenue, 0);
      const byOrientation = (g: typeof a, transactional: boolean) => {
        const c = g.state.customers;
        let n = 0, share = 0;
        for (let i = 0; i < c.count; i++) {
          if (c.status[i] !== ACTIVE || c.joined[i] !== 0) continue;
          if ((c.orientation[i]! < 0.35) !== transactional) continue;
          n++;
          share += c.shareOfWallet[i]!;
        }
        return share / Math.max(1, n);
      };
      return {
        margin: gm(b) - gm(a),
        transactional: byOrientation(b, true) - byOrientation(a, true),
        relational: byOrientation(b, false) - byOrientation(a, false),
      };
    });
    expect(rows.every((r) => r.margin < 0)).toBe(true);
    expect(mean(rows.map((r) => r.transactional))).toBeGreaterThan(0);
    expect(mean(rows.map((r) => r.transactional))).toBeGreaterThan(mean(rows.map((r) => r.relational)));
  });

  it('7. better data quality makes the learner\'s tiering closer to customers\' true value (C3)', () => {
    const sc = builtin('ad-agency');
    const P = resolveParams(sc.model);
    const rule = { ...valueRule(3), weights: { revenue: 0.4, margin: 0, influence: 0.4, potential: 0.2, tenure: 0 } };
    const agreement = (dq: number, seed: string): number => {
      const s = newGame(sc, seed);
      const firm = new Uint8Array(s.customers.count);
      const truth = new Uint8Array(s.customers.count);
      assignTiers(P, s, rule, dq, firm);
      // The truth: the same rule on perfect data.
      assignTiers(P, s, rule, 1, truth);
      let same = 0;
      for (let i = 0; i < firm.length; i++) if (firm[i] === truth[i]) same++;
      return same / firm.length;
    };
    const low = SEEDS.map((s) => agreement(P.data.baseQuality, s));
    const high = SEEDS.map((s) => agreement(0.9, s));
    expect(SEEDS.filter((_, i) => high[i]! > low[i]!).length).toBeGreaterThanOrEqual(18);
    // And the data platform is how the learner gets there: investing raises the firm's data quality.
    const invest = playWith(sc, '1', 'value-based', (d) => ({ ...d, systems: { ...d.systems, dataPlatform: d.systems.dataPlatform + d.brandSpend }, brandSpend: 0 }));
    const plain = playWith(sc, '1', 'value-based', (d) => d);
    expect(dataQualityOf(P, invest.state)).toBeGreaterThan(dataQualityOf(P, plain.state) + 0.1);
  });

  it('8. with no differentiation and a heavy-tailed population, the top is under-served and the bottom over-served (ad agency, C24)', () => {
    const sc = builtin('ad-agency');
    const rows = SEEDS.map((seed) => {
      // Four quarters of undifferentiated service from the starting position.
      const g = playWith(withOverrides(sc, { rounds: 4 }), seed, 'uniform', (d) => d);
      const c = g.state.customers;
      const hours = g.state.lastDecisions.tiers[0]!.serviceHours;
      const idx: number[] = [];
      for (let i = 0; i < c.count; i++) if (c.status[i] === ACTIVE && c.tenure[i]! >= 4) idx.push(i);
      idx.sort((a, b) => c.wallet[b]! - c.wallet[a]!);
      const tenth = Math.max(1, Math.floor(idx.length / 10));
      const top = idx.slice(0, tenth);
      const bottom = idx.slice(-tenth);
      const avg = (xs: number[], f: (i: number) => number) => mean(xs.map(f));
      return {
        topRatio: hours / avg(top, (i) => c.need[i]!),
        bottomRatio: hours / avg(bottom, (i) => c.need[i]!),
        topSat: avg(top, (i) => c.satisfaction[i]!),
        bottomSat: avg(bottom, (i) => c.satisfaction[i]!),
        bottomProfit: avg(bottom, (i) => c.profit[i]!),
      };
    });
    expect(rows.every((r) => r.topRatio < 0.7 && r.bottomRatio > 1.3)).toBe(true);
    expect(rows.filter((r) => r.topSat < r.bottomSat).length).toBeGreaterThanOrEqual(18);
    expect(rows.filter((r) => r.bottomProfit < 0).length).toBeGreaterThanOrEqual(18);
  });
});
