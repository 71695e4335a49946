/** Focused tests of individual systems: each checks one mechanism a learner relies on. */
import { describe, expect, it } from 'vitest';
import {
  EV_LAPSED, EV_WONBACK, dataQualityOf, estimatedInfluence, estimatedPotential, newGame, planUse, previewTiers, step, stepInPlace, ACTIVE, LAPSED, STAGE_NAMES,
  type Decisions, type ScenarioConfig, type SimState,
} from '../../src/sim/index';
import { cloneState } from '../../src/sim/clone';
import { loyaltyCurve } from '../../src/sim/model/loyalty';
import { shareTarget } from '../../src/sim/model/share';
import { clvOf } from '../../src/sim/model/valuation';
import { likertAnswer } from '../../src/sim/model/answers';
import { problemHazard } from '../../src/sim/model/risk';
import { resolveParams } from '../../src/sim/params';
import { policyById, policyDecisions } from '../../src/policies/index';
import { builtin, mean, seeds, withOverrides } from '../helpers';
import { problemsText } from '../../src/sim/index';

const agency = builtin('ad-agency');
const P = resolveParams(agency.model);
const vb = (sc: ScenarioConfig, s: SimState): Decisions => policyDecisions(policyById('value-based')!, sc, s, null);
function must(sc: ScenarioConfig, s: SimState, d: Decisions) {
  const r = step(sc, s, d);
  if (!r.ok) throw new Error(problemsText(r.problems));
  return r;
}

describe('loyalty, share of wallet, CLV, survey answers', () => {
  it('the loyalty curve is flat low through indifference and steep near the top', () => {
    const L = P.loyalty;
    const at = (s: number) => loyaltyCurve(s, L.floor, L.ceiling, Math.round(L.steepness), L.halfSatisfaction);
    expect(at(0)).toBeCloseTo(L.floor, 6);
    expect(at(60) - at(40)).toBeLessThan(0.03);
    expect(at(92) - at(80)).toBeGreaterThan(0.3);
    for (let s = 0; s < 100; s += 5) expect(at(s + 5)).toBeGreaterThanOrEqual(at(s));
  });
  it('share of wallet rises with loyalty and with a price below the rival\'s', () => {
    expect(shareTarget(0.3, 0.9, 1, 0.8, 0)).toBeGreaterThan(shareTarget(0.3, 0.9, 1, 0.2, 0));
    expect(shareTarget(0.3, 0.9, 1, 0.2, 0.05)).toBeCloseTo(shareTarget(0.3, 0.9, 1, 0.2, 0) + 0.05, 9);
    expect(shareTarget(0.3, 0.9, 1.5, 1, 1)).toBe(1);
  });
  it('CLV follows Gupta & Lehmann m r / (1 + i - r)', () => {
    expect(clvOf(100, 0.9, 0.1)).toBeCloseTo(450, 9);
    expect(clvOf(-50, 0.9, 0.1)).toBeLessThan(0);
    expect(clvOf(100, 0.95, 0.03)).toBeGreaterThan(clvOf(100, 0.9, 0.03));
  });
  it('survey answers fall between the scale\'s cut points', () => {
    const cuts = P.survey;
    expect(likertAnswer(95, 0, cuts)).toBe(5);
    expect(likertAnswer(75, 0, cuts)).toBe(4);
    expect(likertAnswer(60, 0, cuts)).toBe(3);
    expect(likertAnswer(40, 0, cuts)).toBe(2);
    expect(likertAnswer(10, 0, cuts)).toBe(1);
    expect(likertAnswer(80, 3, cuts)).toBe(5);
  });
  it('problem hazards order as TARP found: quick < resolved < unresolved; large worse than small', () => {
    const h = (o: number) => problemHazard(P, o);
    expect(h(0)).toBe(0);
    for (const small of [1, 3, 5, 7]) expect(h(small + 1)).toBeGreaterThan(h(small));
    expect(h(7)).toBeLessThan(h(5));
    expect(h(5)).toBeLessThan(h(3));
  });
});

describe('tiering', () => {
  const s = newGame(agency, '1');
  const rule = (shares: number[]) => ({ tierCount: shares.length, weights: { revenue: 1, margin: 0, influence: 0, potential: 0, tenure: 0 }, cutoffs: { mode: 'share' as const, shares } });
  it('cuts by share of customers, top tier first', () => {
    const c = previewTiers(agency, s, rule([0.1, 0.3, 0.6]));
    const n = c.reduce((a, b) => a + b, 0);
    expect(n).toBe(300);
    expect(Math.abs(c[0]! - 30)).toBeLessThanOrEqual(2);
    expect(Math.abs(c[1]! - 90)).toBeLessThanOrEqual(2);
  });
  it('the one-vote rule puts every customer above the revenue line in the top tier', () => {
    const plain = previewTiers(agency, s, rule([0.02, 0.98]));
    const vip = previewTiers(agency, s, { ...rule([0.02, 0.98]), topIfRevenueAbove: 100_000 });
    expect(vip[0]!).toBeGreaterThan(plain[0]!);
  });
  it('cuts by score thresholds (relative to the average customer)', () => {
    const c = previewTiers(agency, s, { tierCount: 2, weights: { revenue: 1, margin: 0, influence: 0, potential: 0, tenure: 0 }, cutoffs: { mode: 'score', thresholds: [2] } });
    // Heavy tail: few customers have twice the average revenue.
    expect(c[0]!).toBeGreaterThan(5);
    expect(c[0]!).toBeLessThan(60);
  });
  it('each tier of a five-tier rule starts at its share\'s rank of the scores, a tier of share 0 empty', () => {
    // Revenue alone: a customer's score is its trailing revenue over the mean, so the tiers follow the revenue ranking.
    const shares = [0.05, 0, 0.15, 0.3, 0.5];
    const out = new Uint8Array(s.customers.count);
    planUse(agency, s, { ...s.lastDecisions, tiering: rule(shares) }, out);
    const c = s.customers;
    const rev = (i: number) => c.revenue[4 * i]! + c.revenue[4 * i + 1]! + c.revenue[4 * i + 2]! + c.revenue[4 * i + 3]!;
    const active = [...Array(c.count).keys()].filter((i) => c.status[i] === ACTIVE);
    const asc = active.map(rev).sort((a, b) => a - b);
    let cum = 0;
    const lowest = shares.slice(0, -1).map((x) => (cum += x) <= 0 ? Infinity : asc[Math.round((1 - cum) * active.length)]!);
    for (const i of active) {
      const want = lowest.findIndex((v) => rev(i) >= v);
      expect(out[i]).toBe(want < 0 ? shares.length - 1 : want);
    }
    expect(active.some((i) => out[i] === 1)).toBe(false);
  });
  it('the tiers a table had are not its tiers once a quarter has played on it (tiers are remembered per table)', () => {
    const sc = agency;
    const st = cloneState(s);
    const d = vb(sc, st);
    const before = new Uint8Array(st.customers.count);
    planUse(sc, st, d, before);
    const r = stepInPlace(sc, st, d);
    expect(r.ok).toBe(true);
    const after = new Uint8Array(st.customers.count);
    planUse(sc, st, d, after);
    // A fresh copy of the table has nothing remembered: its tiers are worked out from its data.
    const fresh = cloneState(st);
    const want = new Uint8Array(fresh.customers.count);
    planUse(sc, fresh, d, want);
    expect([...after]).toEqual([...want]);
    expect([...after]).not.toEqual([...before].slice(0, after.length));
  });
  it('reports migrations between tiers when the rule changes', () => {
    const d = vb(agency, s);
    const r = must(agency, s, d);
    const moved = r.report.migrations.flat().reduce((a, b) => a + b, 0);
    expect(moved).toBe(300);
    expect(r.report.migrations.length).toBe(2); // from the one status-quo tier, plus the new-customer row
    expect(r.report.migrations[0]!.length).toBe(3);
  });
});

describe('acquisition, win-back, lifecycle', () => {
  it('acquisition has diminishing returns: more spend wins more, each extra yuan wins less', () => {
    const s = newGame(agency, '2');
    const d = vb(agency, s);
    const won = (x: number): number => {
      const dd = structuredClone(d);
      // Free the budget: no programmes, no other acquisition, no brand.
      dd.tiers.forEach((t) => {
        t.acquisitionSpend = 0;
        t.relationshipSpend = 0;
        t.retentionBudget = 0;
      });
      dd.tiers[1]!.acquisitionSpend = x;
      dd.brandSpend = 0;
      return mean(seeds(8).map((seed) => must(agency, { ...s, seed }, dd).report.firm.acquired));
    };
    const a = won(50_000), b = won(150_000), c = won(250_000);
    expect(b).toBeGreaterThan(a);
    expect(c).toBeGreaterThan(b);
    expect(c - b).toBeLessThan(b - a);
  });
  it('better data and marketing automation aim acquisition closer to the targeted tier', () => {
    const aim = (sc: ScenarioConfig): number => {
      const gaps: number[] = [];
      for (const seed of seeds(10)) {
        const s = newGame(sc, seed);
        const d = vb(sc, s);
        d.tiers.forEach((t) => (t.acquisitionSpend = 0));
        d.tiers[0]!.acquisitionSpend = 150_000;
        d.brandSpend = 0;
        const r = must(sc, s, d);
        const c = r.state.customers;
        let target = 0, n = 0;
        for (let i = 0; i < s.customers.count; i++) if (r.state.customers.tier[i] === 0 && s.customers.status[i] === ACTIVE) { target += c.wallet[i]!; n++; }
        target /= n;
        for (let i = s.customers.count; i < c.count; i++) if (c.source[i] === 1) gaps.push(Math.abs(Math.log(c.wallet[i]! / target)));
      }
      return mean(gaps);
    };
    const blind = withOverrides(agency, { model: { data: { baseQuality: 0, marketingPrecision: 0 } } });
    const sharp = withOverrides(agency, { model: { data: { baseQuality: 1, marketingPrecision: 1 } } });
    expect(aim(sharp)).toBeLessThan(aim(blind) * 0.8);
  });
  it('promoters refer customers of their own kind, who start more loyal', () => {
    let referred = 0;
    for (const seed of seeds(10)) {
      let s = newGame(agency, seed);
      for (let r = 0; r < 4; r++) {
        const res = must(agency, s, vb(agency, s));
        const c = res.state.customers;
        for (let i = s.customers.count; i < c.count; i++) {
          if (c.source[i] !== 2) continue;
          referred++;
          const by = c.referredBy[i]!;
          expect(by).toBeGreaterThanOrEqual(0);
          expect(c.segment[i]).toBe(c.segment[by]);
          expect(c.satisfaction[by]).toBeGreaterThanOrEqual(P.referral.promoterThreshold);
          expect(c.loyalty[i]).toBeCloseTo(Math.min(1, P.acquisition.startLoyalty + P.loyalty.referredBonus), 5);
        }
        s = res.state;
      }
    }
    expect(referred).toBeGreaterThan(0);
  });
  it('customer delivered value is total customer value minus total customer cost (C7)', () => {
    const s = newGame(agency, '9');
    const r = must(agency, s, vb(agency, s));
    for (const v of [r.report.firm.value, ...r.report.tiers.map((t) => t.value)]) {
      expect(v.delivered).toBeCloseTo(v.product + v.service + v.personnel + v.image + v.relationship - v.monetaryCost - v.timeCost, 6);
      expect(v.product).toBeGreaterThan(0);
    }
  });
  it('win-back spend brings lapsed customers back, as new-stage customers', () => {
    let s = newGame(agency, '3');
    for (let r = 0; r < 3; r++) s = must(agency, s, vb(agency, s)).state;
    const d = vb(agency, s);
    const none = structuredClone(d);
    none.tiers.forEach((t) => (t.winBackSpend = 0));
    const some = structuredClone(none);
    some.tiers[2]!.winBackSpend = 60_000;
    some.tiers.forEach((t) => (t.acquisitionSpend = 0));
    const a = must(agency, s, none);
    const b = must(agency, s, some);
    expect(a.report.firm.wonBack).toBe(0);
    expect(b.report.firm.wonBack).toBeGreaterThan(0);
    const ev = b.report.events;
    for (let k = 0; k < ev.count; k++) {
      if (ev.kind[k] !== EV_WONBACK) continue;
      const i = ev.customer[k]!;
      expect(s.customers.status[i]).toBe(LAPSED);
      expect(b.state.customers.status[i]).toBe(ACTIVE);
      expect(STAGE_NAMES[b.state.customers.stage[i]!]).toBe('new');
    }
  });
  it('lapsed customers keep their slot, their round of leaving and a lapsed stage', () => {
    const s = newGame(agency, '4');
    const r = must(agency, s, vb(agency, s));
    const ev = r.report.events;
    let lapsed = 0;
    for (let k = 0; k < ev.count; k++) {
      if (ev.kind[k] !== EV_LAPSED) continue;
      lapsed++;
      const i = ev.customer[k]!;
      expect(r.state.customers.left[i]).toBe(1);
      expect(STAGE_NAMES[r.state.customers.stage[i]!]).toBe('lapsed');
    }
    expect(lapsed).toBe(r.report.firm.churned);
  });
});

describe('employees and finance', () => {
  it('layoffs and overload lower employee satisfaction; training raises skill', () => {
    const s = newGame(agency, '5');
    const d = vb(agency, s);
    const base = must(agency, s, d).report.employees;
    const cut = structuredClone(d);
    cut.people.layoffs = 6;
    cut.people.hires = 0;
    const use = planUse(agency, s, cut);
    if (use.staffHours > use.staffLimit) cut.tiers.forEach((t) => (t.serviceHours *= (use.staffLimit / use.staffHours) * 0.99));
    const after = must(agency, s, cut).report.employees;
    expect(after.satisfaction).toBeLessThan(base.satisfaction);
    expect(after.workload).toBeGreaterThan(base.workload);
    const trained = structuredClone(d);
    trained.people.trainingSpend += 200_000;
    trained.brandSpend = 0;
    trained.tiers.forEach((t) => (t.acquisitionSpend *= 0.5));
    const fitted = planUse(agency, s, trained).spend <= s.firm.budget ? trained : null;
    if (fitted) expect(must(agency, s, fitted).report.employees.skill).toBeGreaterThan(base.skill);
  });
  it('a firm with no staff left sells nothing and keeps no customer: every one leaves, none is won or won back', () => {
    const s = newGame(agency, '5');
    const none = structuredClone(agency.initialDecisions);
    none.people.layoffs = s.firm.headcount;
    none.tiers.forEach((t) => (t.serviceHours = 0));
    const r = must(agency, s, none).report;
    expect(r.employees.headcount).toBe(0);
    expect(r.firm.revenue).toBe(0);
    expect(r.firm.customers).toBe(0);
    expect(r.tiers.reduce((sum, t) => sum + t.acquired + t.wonBack, 0)).toBe(0);
    // The acquisition spend was planned and is spent: it wins no one.
    expect(r.finance.acquisition).toBe(none.tiers.reduce((sum, t) => sum + t.acquisitionSpend, 0));
  });
  it('running out of cash: a rescue loan with interest, or game over when the scenario says so', () => {
    const broke = withOverrides(agency, { firm: { cash: 10_000, budget: { base: 0, reinvest: 0 } } });
    const quo = (sc: ScenarioConfig): Decisions => ({ ...structuredClone(sc.initialDecisions), tiers: sc.initialDecisions.tiers.map((t) => ({ ...t, acquisitionSpend: 0, relationshipSpend: 0 })), people: { ...sc.initialDecisions.people, trainingSpend: 0 }, brandSpend: 0, research: { surveySample: [0], employeeSurvey: false, nps: false } });
    const poor = withOverrides(broke, { model: { purchase: { sowFloor: 0.01, sowCeiling: 0.05 } } });
    const s = newGame(poor, '6');
    const r1 = must(poor, s, quo(poor));
    expect(r1.report.finance.loan).toBeGreaterThan(0);
    expect(r1.state.firm.debt).toBeGreaterThan(0);
    expect(r1.state.firm.cash).toBeGreaterThanOrEqual(0);
    expect(r1.state.status).toBe('running');
    const r2 = must(poor, r1.state, quo(poor));
    expect(r2.report.finance.interest).toBeCloseTo(r1.state.firm.debt * P.finance.interestRate, 6);
    const strict = withOverrides(poor, { firm: { insolvency: { mode: 'gameOver', maxDebt: 0 } } });
    const g = must(strict, newGame(strict, '6'), quo(strict));
    expect(g.state.status).toBe('bankrupt');
    expect(g.report.status).toBe('bankrupt');
  });
});

describe('events and choice cards', () => {
  const card = withOverrides(agency, {
    events: [{
      id: 'big-ask', round: 1, title: { en: 'Discount?' }, text: { en: '15% off or we leave' }, effects: [],
      options: [
        { id: 'accept', label: { en: 'Accept' }, effects: [{ kind: 'priceOverride', priceIndex: 0.85, rounds: 2, target: { largest: 1 } }] },
        { id: 'refuse', label: { en: 'Refuse' }, effects: [{ kind: 'churn', probability: 1, target: { largest: 1 } }] },
      ],
      defaultOption: 'refuse',
    }, { id: 'promo', round: 1, title: { en: 'Rival promotion' }, text: { en: 'A rival cuts prices' }, effects: [{ kind: 'rivalPrice', delta: -0.2, rounds: 2 }, { kind: 'rivalPressure', delta: 1, rounds: 2 }] }],
  });
  const s = newGame(card, '8');
  let largest = 0;
  for (let i = 1; i < s.customers.count; i++) {
    const rev = (j: number) => s.customers.revenue[j * 4]! + s.customers.revenue[j * 4 + 1]! + s.customers.revenue[j * 4 + 2]! + s.customers.revenue[j * 4 + 3]!;
    if (rev(i) > rev(largest)) largest = i;
  }
  it('a choice card takes the chosen option, or the default', () => {
    const d = structuredClone(card.initialDecisions);
    const refused = must(card, s, d);
    expect(refused.state.customers.status[largest]).toBe(LAPSED);
    expect(refused.report.fired.find((f) => f.id === 'big-ask')?.option).toBe('refuse');
    const accepted = must(card, s, { ...d, choices: [{ event: 'big-ask', option: 'accept' }] });
    expect(accepted.state.customers.priceOverride[largest]).toBeCloseTo(0.85, 6);
    expect(accepted.state.customers.overrideUntil[largest]).toBe(2);
  });
  it('a pay cut imposed by an event lowers the wages paid and employee satisfaction', () => {
    const cut = withOverrides(agency, { events: [{ id: 'hq', round: 1, title: { en: 'HQ' }, text: { en: 'Cut pay' }, effects: [{ kind: 'wageFactor', factor: 0.9, rounds: 2 }, { kind: 'employeeSatisfaction', delta: -5 }] }] });
    const d = structuredClone(agency.initialDecisions);
    const a = must(agency, s, d);
    const b = must(cut, s, d);
    const perHead = (r: typeof a) => r.report.finance.wages / r.report.employees.headcount;
    expect(perHead(b)).toBeCloseTo(perHead(a) * 0.9, 3);
    expect(b.report.employees.satisfaction).toBeLessThan(a.report.employees.satisfaction - 3);
    const b3 = must(cut, must(cut, b.state, d).state, d);
    const a3 = must(agency, must(agency, a.state, d).state, d);
    expect(perHead(b3)).toBeCloseTo(perHead(a3), 6);
  });
  it('a rival promotion raises churn on the same draws', () => {
    const calm = withOverrides(card, { events: [] });
    const d = structuredClone(card.initialDecisions);
    const a = must(calm, cloneState(s), d);
    const b = must(card, cloneState(s), { ...d, choices: [{ event: 'big-ask', option: 'accept' }] });
    expect(b.report.firm.churned).toBeGreaterThan(a.report.firm.churned);
  });
});

describe('observed data', () => {
  it('estimates of influence and potential get closer to the truth as data quality rises', () => {
    const s = newGame(agency, '10');
    const err = (dq: number): number => {
      let e = 0;
      for (let i = 0; i < s.customers.count; i++) e += Math.abs(estimatedInfluence(s, P, dq, i) - s.customers.influence[i]!) + Math.abs(estimatedPotential(s, P, dq, i) - s.customers.potential[i]!);
      return e;
    };
    expect(err(1)).toBe(0);
    expect(err(0.8)).toBeLessThan(err(0.3));
    expect(dataQualityOf(P, s)).toBeGreaterThanOrEqual(P.data.baseQuality);
  });
});

describe('capability stocks and surveys', () => {
  it('investment enters its stock, which depreciates: stock = stock (1 - d) + investment', () => {
    const s = newGame(agency, '11');
    const d = vb(agency, s);
    d.systems.dataPlatform += 50_000;
    d.tiers.forEach((t) => (t.acquisitionSpend = Math.max(0, t.acquisitionSpend - 50_000 / d.tiers.length)));
    const r = must(agency, s, d);
    const keep = 1 - P.capability.systemsDepreciation;
    expect(r.state.firm.systems.dataPlatform).toBeCloseTo(s.firm.systems.dataPlatform * keep + d.systems.dataPlatform, 6);
    expect(r.state.firm.trainingStock).toBeCloseTo(s.firm.trainingStock * (1 - P.capability.trainingDepreciation) + d.people.trainingSpend, 6);
    expect(dataQualityOf(P, r.state)).toBeGreaterThan(dataQualityOf(P, s));
  });
  it('surveys sample each tier, report a margin of error that shrinks with the sample, and cost money', () => {
    const s = newGame(agency, '12');
    const d = vb(agency, s);
    const ask = (n: number, nps: boolean, employees: boolean) => {
      const x = structuredClone(d);
      x.research = { surveySample: x.tiers.map(() => n), nps, employeeSurvey: employees };
      x.tiers.forEach((t) => (t.acquisitionSpend *= 0.5));
      return must(agency, s, x).report;
    };
    const small = ask(10, false, false);
    const large = ask(60, true, true);
    // Each tier's sample: the customers tiered there at the start of the quarter who are still customers.
    const counts = previewTiers(agency, s, d.tiering);
    expect(small.survey.map((x) => x.responses)).toEqual(counts.map((n, t) => Math.min(10, n - small.tiers[t]!.churned)));
    expect(mean(large.survey.map((x) => x.marginOfError))).toBeLessThan(mean(small.survey.map((x) => x.marginOfError)));
    for (const x of large.survey) {
      expect(x.mean).toBeGreaterThanOrEqual(1);
      expect(x.mean).toBeLessThanOrEqual(5);
      expect(x.nps).not.toBeNull();
    }
    expect(small.survey.every((x) => x.nps === null)).toBe(true);
    expect(small.employeeSurvey).toBeNull();
    expect(large.employeeSurvey?.marginOfError).toBeGreaterThan(0);
    expect(large.finance.research).toBeGreaterThan(small.finance.research);
  });
});
