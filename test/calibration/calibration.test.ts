/**
 * MODEL.md section 7: published findings the default parameters must reproduce, each test
 * named after its source. Tolerances are argued beside each assertion.
 */
import { describe, expect, it } from 'vitest';
import {
  EV_CONTACT_LEFT, EV_FAILURE, newGame, step, ACTIVE, type Decisions, type RoundReport, type ScenarioConfig, type SimState,
} from '../../src/sim/index';
import { cloneState } from '../../src/sim/clone';
import { makeContext } from '../../src/sim/context';
import { resolveParams } from '../../src/sim/params';
import { referralsPass } from '../../src/sim/systems/referrals';
import { likertAnswer } from '../../src/sim/model/answers';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { playGame } from '../../src/policies/index';
import { FINDINGS } from './findings';
import { gauss4, streamKey } from '../../src/sim/rng';
import { policyById, policyDecisions } from '../../src/policies/index';
import { builtin, mean, playWith, seeds, withOverrides } from '../helpers';
import { problemsText } from '../../src/sim/index';

const SEEDS = seeds(20);

/** Plays `rounds` rounds of a policy, calling `each` with the state before and the result of each round. */
function walk(sc: ScenarioConfig, seed: string, rounds: number, each: (before: SimState, after: SimState, rep: RoundReport, d: Decisions) => void, policy = 'value-based', start?: SimState): SimState {
  const p = policyById(policy)!;
  let s = start ?? newGame(sc, seed);
  for (let r = 0; r < rounds && s.status === 'running'; r++) {
    const d = policyDecisions(p, sc, s, null);
    const res = step(sc, s, d);
    if (!res.ok) throw new Error(problemsText(res.problems));
    each(s, res.state, res.report, d);
    s = res.state;
  }
  return s;
}

/** Each active customer's answer on the 1-5 satisfaction scale (with the survey's response noise). */
function answers(s: SimState, sc: ScenarioConfig): Uint8Array {
  const P = resolveParams(sc.model);
  const k = streamKey(s.seed, 999, 'survey');
  const out = new Uint8Array(s.customers.count);
  for (let i = 0; i < s.customers.count; i++) out[i] = likertAnswer(s.customers.satisfaction[i]!, gauss4(k, s.customers.key[i]!, 0), P.survey);
  return out;
}

describe('MODEL.md section 7: calibration', () => {
  it('K1 Jones & Sasser 1995: totally satisfied (5) customers are about six times as likely to repurchase as satisfied (4) ones in a competitive market', () => {
    const sc = builtin('ad-agency');
    const l5: number[] = [];
    const l4: number[] = [];
    for (const seed of SEEDS) {
      const s = walk(sc, seed, 6, () => undefined);
      const a = answers(s, sc);
      for (let i = 0; i < s.customers.count; i++) {
        if (s.customers.status[i] !== ACTIVE) continue;
        if (a[i] === 5) l5.push(s.customers.loyalty[i]!);
        if (a[i] === 4) l4.push(s.customers.loyalty[i]!);
      }
    }
    // Jones & Sasser's measure was a top-box intention: "will definitely buy again". Here:
    // committed customers (attitudinal loyalty of 0.5 or more) among those answering 5 and 4
    // on the firm's survey scale. "Six times" came from one firm's surveys: accept 3.5..10.
    const committed = (xs: number[]): number => mean(xs.map((x) => (x >= 0.5 ? 1 : 0)));
    const ratio = committed(l5) / committed(l4);
    expect(l5.length).toBeGreaterThan(50);
    expect(ratio).toBeGreaterThan(3.5);
    expect(ratio).toBeLessThan(10);
  });

  it('K1 Jones & Sasser 1995: with high switching costs the gap in actual retention is small and the floor high', () => {
    const sc = builtin('retail-bank');
    const kept: Record<4 | 5, [number, number]> = { 4: [0, 0], 5: [0, 0] };
    // 50,000 customers a game: four seeds give tens of thousands of answers.
    for (const seed of seeds(4)) {
      const s0 = walk(sc, seed, 4, () => undefined);
      const a = answers(s0, sc);
      const s1 = walk(sc, seed, 6, () => undefined, 'value-based', s0);
      for (let i = 0; i < s0.customers.count; i++) {
        if (s0.customers.status[i] !== ACTIVE) continue;
        const g = a[i] as 4 | 5;
        if (g !== 4 && g !== 5) continue;
        kept[g][0]++;
        if (s1.customers.status[i] === ACTIVE) kept[g][1]++;
      }
    }
    const r4 = kept[4][1] / kept[4][0];
    const r5 = kept[5][1] / kept[5][0];
    expect(kept[4][0]).toBeGreaterThan(1000);
    expect(r4).toBeGreaterThan(0.75);
    expect(r5 / r4).toBeLessThan(1.25);
  });

  it('K2 Mittal & Kamakura 2001: satisfaction to actual repurchase is convex (increasing returns at the top)', () => {
    const sc = builtin('ad-agency');
    // band of satisfaction (10 points) -> [customers, still customers four quarters later]
    const bands = new Map<number, [number, number]>();
    for (const seed of SEEDS) {
      const s0 = walk(sc, seed, 4, () => undefined, 'uniform');
      const s1 = walk(sc, seed, 4, () => undefined, 'uniform', s0);
      for (let i = 0; i < s0.customers.count; i++) {
        if (s0.customers.status[i] !== ACTIVE) continue;
        const b = Math.min(8, Math.max(5, Math.floor(s0.customers.satisfaction[i]! / 10)));
        const e = bands.get(b) ?? [0, 0];
        e[0]++;
        if (s1.customers.status[i] === ACTIVE) e[1]++;
        bands.set(b, e);
      }
    }
    const kept = (b: number): number => bands.get(b)![1] / bands.get(b)![0];
    for (const b of [5, 6, 7, 8]) expect(bands.get(b)![0]).toBeGreaterThan(40);
    // Repurchase rises with satisfaction, and faster at the top than in the middle.
    expect(kept(8)).toBeGreaterThan(kept(7));
    expect(kept(7)).toBeGreaterThan(kept(5));
    expect(kept(8) - kept(7)).toBeGreaterThan(kept(6) - kept(5));
  });

  it('K3 TARP (Goodman): who stays after a problem depends on complaining and on how it is handled', () => {
    const sc = builtin('ad-agency');
    // outcome code -> [customers, stayed]
    const tally = new Map<number, [number, number]>();
    for (const seed of SEEDS) {
      walk(sc, seed, 8, (_b, after, rep) => {
        const ev = rep.events;
        for (let k = 0; k < ev.count; k++) {
          if (ev.kind[k] !== EV_FAILURE) continue;
          const e = tally.get(ev.other[k]!) ?? [0, 0];
          e[0]++;
          if (after.customers.status[ev.customer[k]!] === ACTIVE) e[1]++;
          tally.set(ev.other[k]!, e);
        }
      }, 'uniform'); // no retention offers: TARP observed customers without them
    }
    const stay = (o: number): number => tally.get(o)![1] / tally.get(o)![0];
    // TARP's stay rates (small / large loss): silent 37/9, complained & not satisfied 46/19,
    // satisfied 70/54, satisfied quickly 95/82. Survey figures with wide error: +-12 points.
    const tarp: [number, number][] = [[1, 0.37], [2, 0.09], [3, 0.46], [4, 0.19], [5, 0.7], [6, 0.54], [7, 0.95], [8, 0.82]];
    for (const [o, want] of tarp) {
      expect(tally.get(o)?.[0] ?? 0).toBeGreaterThan(15);
      expect(Math.abs(stay(o) - want), `outcome ${o}: ${stay(o).toFixed(2)} stayed (n=${tally.get(o)![0]}), TARP ${want}`).toBeLessThan(0.12);
    }
  });

  it('K4 de Matos et al. 2007: an excellent first recovery lifts satisfaction slightly above no failure, but not retention; a second failure shows no paradox', () => {
    const sc = builtin('ad-agency');
    const dFirst: number[] = [], dNone: number[] = [], dSecond: number[] = [], pQuick: number[] = [], pNone: number[] = [];
    for (const seed of SEEDS) {
      walk(sc, seed, 8, (before, after, rep) => {
        const quick = new Map<number, boolean>();
        const ev = rep.events;
        for (let k = 0; k < ev.count; k++) if (ev.kind[k] === EV_FAILURE) quick.set(ev.customer[k]!, ev.other[k]! >= 7);
        for (let i = 0; i < before.customers.count; i++) {
          if (before.customers.status[i] !== ACTIVE || after.customers.status[i] !== ACTIVE) continue;
          const dS = after.customers.satisfaction[i]! - before.customers.satisfaction[i]!;
          if (!quick.has(i)) {
            dNone.push(dS);
            pNone.push(after.customers.churnP[i]!);
          } else if (quick.get(i)) {
            if (before.customers.failures[i] === 0) {
              dFirst.push(dS);
              pQuick.push(after.customers.churnP[i]!);
            } else dSecond.push(dS);
          }
        }
      });
    }
    expect(dFirst.length).toBeGreaterThan(30);
    expect(mean(dFirst)).toBeGreaterThan(mean(dNone));
    // "Slightly": the paradox is a few points, not a leap.
    expect(mean(dFirst) - mean(dNone)).toBeLessThan(6);
    expect(mean(dSecond)).toBeLessThan(mean(dNone));
    // No repurchase advantage: churn risk after a paradox is not lower than after no failure.
    expect(mean(pQuick)).toBeGreaterThanOrEqual(mean(pNone));
  });

  it('K5 TARP: about twice as many people hear about a bad experience as about a good one', () => {
    const sc = builtin('ad-agency');
    const s = cloneState(newGame(sc, '1'));
    const c = s.customers;
    // Two customers of equal influence: one delighted, one angry; everyone else neutral.
    for (let i = 0; i < c.count; i++) c.satisfaction[i] = 60;
    c.satisfaction[0] = 95;
    c.satisfaction[1] = 20;
    c.influence[1] = c.influence[0]!;
    const ctx = makeContext(sc, resolveParams(sc.model), s, sc.initialDecisions);
    referralsPass.run(ctx);
    expect(ctx.detractorMass / ctx.promoterMass).toBeCloseTo(2, 6);
  });

  it('K6 Oliva & Sterman 2001: under pressure p time per task is desired x p^-0.64, the standard erodes over about 19 weeks and does not recover by itself', () => {
    const sc = withOverrides(builtin('ad-agency'), { firm: { trainingStock: 0 } });
    const noTraining = (d: Decisions): Decisions => ({ ...d, people: { ...d.people, trainingSpend: 0 } });
    const scale = (d: Decisions, k: number): Decisions => ({ ...d, tiers: d.tiers.map((t) => ({ ...t, serviceHours: t.serviceHours * k })) });
    const reps: RoundReport[] = [];
    walk(sc, '1', 6, (_b, _a, rep) => reps.push(rep), 'value-based');
    const pressed: RoundReport[] = [];
    const p = policyById('value-based')!;
    let s = newGame(sc, '1');
    for (let r = 0; r < 6; r++) {
      let d = noTraining(policyDecisions(p, sc, s, null));
      d = scale(d, r < 3 ? 1.3 : 0.8);
      const res = step(sc, s, d);
      if (!res.ok) throw new Error(problemsText(res.problems));
      pressed.push(res.report);
      s = res.state;
    }
    const w = pressed[0]!.employees.workload;
    expect(w).toBeGreaterThan(1.05);
    // One quarter (13 weeks) at pressure w: the standard moves 13/19 of the way to w^-0.64.
    const want = 1 - (1 - Math.pow(w, -0.64)) * (13 / 19);
    expect(pressed[0]!.employees.serviceStandard).toBeCloseTo(want, 2);
    const eroded = pressed[2]!.employees.serviceStandard;
    expect(eroded).toBeLessThan(pressed[0]!.employees.serviceStandard);
    // Pressure relieved, no training: the standard stays where it fell.
    expect(pressed[5]!.employees.workload).toBeLessThan(1);
    expect(pressed[5]!.employees.serviceStandard).toBeCloseTo(eroded, 6);
  });

  it('K7 Rucci, Kirn & Quinn 1998 (Sears): +5 points of employee attitude give about +1.3 points of customer impression and +0.5% revenue the next quarter', () => {
    const sc = builtin('ad-agency');
    const P = resolveParams(sc.model);
    // The same firm with employees 5 points happier for good (a higher target), same draws.
    const happier = withOverrides(sc, { model: { employees: { esBase: P.employees.esBase + 5 } } });
    const rows = SEEDS.map((seed) => {
      const a = playWith(withOverrides(sc, { rounds: 8 }), seed, 'value-based', (d) => d).reports;
      const b = playWith(withOverrides(happier, { rounds: 8 }), seed, 'value-based', (d) => d).reports;
      // Quarterly revenue growth, B minus A, averaged over quarters 2..8.
      let growth = 0;
      for (let r = 1; r < 8; r++) growth += b[r]!.firm.revenue / b[r - 1]!.firm.revenue - a[r]!.firm.revenue / a[r - 1]!.firm.revenue;
      return {
        es: b[5]!.employees.satisfaction - a[5]!.employees.satisfaction,
        cs: b[5]!.firm.satisfaction - a[5]!.firm.satisfaction,
        revenue: growth / 7,
      };
    });
    expect(mean(rows.map((r) => r.es))).toBeCloseTo(5, 0);
    // Sears' path coefficients came from one retailer's data: accept half to double.
    expect(mean(rows.map((r) => r.cs))).toBeGreaterThan(0.65);
    expect(mean(rows.map((r) => r.cs))).toBeLessThan(2.6);
    expect(mean(rows.map((r) => r.revenue))).toBeGreaterThan(0.0025);
    expect(mean(rows.map((r) => r.revenue))).toBeLessThan(0.02);
  });

  it('K8 Heskett et al. 1994: when a customer\'s service worker leaves, its satisfaction falls by about 20 points (75% to 55%)', () => {
    const sc = builtin('ad-agency');
    const drop: number[] = [];
    for (const seed of SEEDS) {
      const s0 = walk(sc, seed, 2, () => undefined);
      const d = policyDecisions(policyById('value-based')!, sc, s0, null);
      // Two worlds on the same draws and the same employee mood: in one, a third of the staff leave.
      const calm = withOverrides(sc, { model: { employees: { turnoverMin: 0, turnoverMax: 0 } } });
      const stormy = withOverrides(sc, { model: { employees: { turnoverMin: 0.3, turnoverMax: 0.3 } } });
      const a = step(calm, s0, d);
      const b = step(stormy, s0, d);
      if (!a.ok || !b.ok) throw new Error('refused');
      const hitA = new Set<number>();
      for (let k = 0; k < a.report.events.count; k++) if (a.report.events.kind[k] === EV_CONTACT_LEFT) hitA.add(a.report.events.customer[k]!);
      const ev = b.report.events;
      const failed = new Set<number>();
      for (let k = 0; k < ev.count; k++) if (ev.kind[k] === EV_FAILURE) failed.add(ev.customer[k]!);
      for (let k = 0; k < ev.count; k++) {
        const i = ev.customer[k]!;
        if (ev.kind[k] !== EV_CONTACT_LEFT || hitA.has(i) || failed.has(i)) continue;
        if (a.state.customers.status[i] !== ACTIVE || b.state.customers.status[i] !== ACTIVE) continue;
        // The stormy world is also busier (fewer staff); that costs a point or two more.
        drop.push(a.state.customers.satisfaction[i]! - b.state.customers.satisfaction[i]!);
      }
    }
    expect(drop.length).toBeGreaterThan(50);
    expect(mean(drop)).toBeGreaterThan(14);
    expect(mean(drop)).toBeLessThan(30);
  });

  it('K9 Reichheld 1996: winning a customer costs about five times as much as keeping one', () => {
    const sc = builtin('ad-agency');
    let acqSpend = 0, acquired = 0, keepSpend = 0, customerRounds = 0;
    for (const seed of SEEDS) {
      walk(sc, seed, sc.rounds, (_b, _a, rep) => {
        acqSpend += rep.finance.acquisition;
        acquired += rep.firm.acquired;
        keepSpend += rep.finance.relationship + rep.finance.retention;
        customerRounds += rep.firm.customers;
      });
    }
    // Cost of winning one customer against a year of what the firm spends to keep one
    // (relationship programme and retention offers), under a sensible (value-based) plan.
    const win = acqSpend / acquired;
    const keep = keepSpend / (customerRounds / 4);
    // Reichheld's "five times" is a rule of thumb across industries: accept 2.5..10.
    expect(win / keep).toBeGreaterThan(2.5);
    expect(win / keep).toBeLessThan(10);
  });

  it('K10 Fornell et al. 1996 (ACSI): satisfaction moves with perceived quality more than with perceived value, and with value more than with expectations', () => {
    // ACSI estimates its paths across firms; here each tier in each quarter of many games (good,
    // bad and random play on three scenarios) is one observation: its true mean satisfaction, its
    // customers' perceived quality (product, service, personnel, image, relationship), perceived
    // value (delivered value: quality less the monetary and time costs) and expectations.
    const obs: { s: number; quality: number; value: number; expectation: number }[] = [];
    for (const id of ['tutorial', 'ad-agency', 'hotel']) {
      const sc = builtin(id);
      for (const policy of ['value-based', 'uniform', 'cost-cutter', 'discounter', 'random'] as const) {
        for (const seed of seeds(2)) {
          for (const r of playGame(sc, newGame(sc, seed), policyById(policy)!).rounds) {
            for (const t of r.report.tiers) {
              if (t.customers < 10) continue;
              const v = t.value;
              obs.push({ s: t.satisfaction, quality: v.product + v.service + v.personnel + v.image + v.relationship, value: v.delivered, expectation: v.expectation });
            }
          }
        }
      }
    }
    expect(obs.length).toBeGreaterThan(300);
    const corr = (f: (o: (typeof obs)[number]) => number): number => {
      const mx = mean(obs.map((o) => o.s));
      const my = mean(obs.map(f));
      let sxy = 0, sxx = 0, syy = 0;
      for (const o of obs) {
        sxy += (o.s - mx) * (f(o) - my);
        sxx += (o.s - mx) ** 2;
        syy += (f(o) - my) ** 2;
      }
      return sxy / Math.sqrt(sxx * syy);
    };
    const quality = corr((o) => o.quality);
    const value = corr((o) => o.value);
    const expectation = corr((o) => o.expectation);
    // Standardised total effects, as ACSI reports them: quality first, then value, then expectations, each clearly apart.
    expect(quality).toBeGreaterThan(value + 0.05);
    expect(value).toBeGreaterThan(expectation + 0.03);
    expect(expectation).toBeGreaterThan(0);
  });

  it('Reichheld 2003 ("The One Number You Need to Grow"): a firm at ACSI-level satisfaction has an NPS of 0..+60, one at 60 or less a negative NPS, and NPS rises with satisfaction', () => {
    // Every quarter of good and bad games on every built-in: the firm's and each tier's true satisfaction and NPS.
    const firms: { s: number; nps: number }[] = [];
    const tiers: { s: number; nps: number }[] = [];
    for (const id of ['tutorial', 'ad-agency', 'hotel', 'retail-bank']) {
      const sc = builtin(id);
      for (const policy of ['value-based', 'cost-cutter', 'discounter'] as const) {
        for (const r of playGame(sc, newGame(sc, '1'), policyById(policy)!).rounds) {
          // A firm down to a handful of customers has no NPS to speak of (none at all with none left).
          if (r.report.firm.customers >= 20) firms.push({ s: r.report.firm.satisfaction, nps: r.report.firm.nps });
          for (const t of r.report.tiers) if (t.customers >= 20) tiers.push({ s: t.satisfaction, nps: t.nps });
        }
      }
    }
    const high = firms.filter((f) => f.s >= 75);
    const low = firms.filter((f) => f.s <= 60);
    expect(high.length).toBeGreaterThan(20);
    expect(low.length).toBeGreaterThan(10);
    for (const f of high) {
      expect(f.nps).toBeGreaterThanOrEqual(0);
      expect(f.nps).toBeLessThanOrEqual(60);
    }
    for (const f of low) expect(f.nps).toBeLessThan(0);
    // Published benchmarks for hotels, retail banks and B2B services: +20..+45 at 75-80 points.
    const band = firms.filter((f) => f.s >= 77 && f.s <= 80);
    expect(band.length).toBeGreaterThan(5);
    expect(mean(band.map((f) => f.nps))).toBeGreaterThan(20);
    expect(mean(band.map((f) => f.nps))).toBeLessThan(45);
    // NPS rises with satisfaction across tiers and firms: ordered by satisfaction, NPS is (almost) ordered too.
    tiers.sort((a, b) => a.s - b.s);
    let inversions = 0, pairs = 0;
    for (let i = 0; i < tiers.length; i += 3) {
      for (let j = i + 1; j < tiers.length; j += 3) {
        if (tiers[j]!.s - tiers[i]!.s < 2) continue;
        pairs++;
        if (tiers[j]!.nps < tiers[i]!.nps) inversions++;
      }
    }
    expect(pairs).toBeGreaterThan(1000);
    expect(inversions / pairs).toBeLessThan(0.02);
  });

  it('every finding of MODEL.md section 7 (and the metric benchmarks) has its test here, named after its source', () => {
    const text = readFileSync(fileURLToPath(import.meta.url), 'utf8');
    const names = [...text.matchAll(/\bit\('([^']+)'/g)].map((m) => m[1]!);
    for (const f of FINDINGS) {
      const named = f.id === 'NPS' ? names.filter((n) => n.startsWith(`${f.source} `)) : names.filter((n) => n.startsWith(`${f.id} ${f.source}`));
      expect(named, `${f.id} (${f.finding}) has no test named "${f.id} ${f.source} ..."`).not.toHaveLength(0);
    }
    expect(FINDINGS.filter((f) => f.id.startsWith('K')).map((f) => f.id)).toEqual(Array.from({ length: 12 }, (_, i) => `K${i + 1}`));
  });

  it('K11 Oliver 1980: over-promising raises expectations and lowers satisfaction in the short run', () => {
    const sc = builtin('ad-agency');
    const rows: { e: number; s: number }[] = [];
    for (const seed of SEEDS) {
      const plain = playWith(withOverrides(sc, { rounds: 3 }), seed, 'value-based', (d) => ({ ...d, brandSpend: 0 }));
      const loud = playWith(withOverrides(sc, { rounds: 3 }), seed, 'value-based', (d) => ({ ...d, brandSpend: d.brandSpend + d.tiers.reduce((a, t) => a + t.relationshipSpend * 0, 0) + 150_000, tiers: d.tiers.map((t) => ({ ...t, relationshipSpend: t.relationshipSpend * 0.3 })) }));
      // Customers acquired in round 1 exist in both worlds with the same birth keys.
      const keyed = (st: SimState) => {
        const m = new Map<number, number>();
        for (let i = 0; i < st.customers.count; i++) if (st.customers.joined[i] === 1 && st.customers.status[i] === ACTIVE) m.set(st.customers.key[i]!, i);
        return m;
      };
      const ka = keyed(plain.state), kb = keyed(loud.state);
      for (const [k, i] of ka) {
        const j = kb.get(k);
        if (j === undefined) continue;
        rows.push({ e: loud.state.customers.anchor[j]! - plain.state.customers.anchor[i]!, s: loud.state.customers.satisfaction[j]! - plain.state.customers.satisfaction[i]! });
      }
    }
    expect(rows.length).toBeGreaterThan(30);
    expect(mean(rows.map((r) => r.e))).toBeGreaterThan(1);
    expect(mean(rows.map((r) => r.s))).toBeLessThan(0);
  });

  it('K12 Reinartz & Kumar 2000: tenure and profit are only moderately related; loyal customers who cost money and short-lived profitable ones both exist', () => {
    const sc = builtin('ad-agency');
    const rs: number[] = [];
    let loyalLoss = 0, longTotal = 0, shortWin = 0, shortTotal = 0;
    for (const seed of SEEDS) {
      const s = walk(sc, seed, sc.rounds, () => undefined);
      const c = s.customers;
      const t: number[] = [], p: number[] = [];
      for (let i = 0; i < c.count; i++) if (c.status[i] === ACTIVE) { t.push(c.tenure[i]!); p.push(c.profit[i]!); }
      const mt = mean(t), mp = mean(p);
      let sxy = 0, sxx = 0, syy = 0;
      t.forEach((x, k) => { sxy += (x - mt) * (p[k]! - mp); sxx += (x - mt) ** 2; syy += (p[k]! - mp) ** 2; });
      rs.push(sxy / Math.sqrt(sxx * syy));
      const medT = [...t].sort((a, b) => a - b)[t.length >> 1]!;
      const medP = [...p].sort((a, b) => a - b)[p.length >> 1]!;
      t.forEach((x, k) => {
        if (x > medT) { longTotal++; if (p[k]! < 0) loyalLoss++; }
        if (x < medT) { shortTotal++; if (p[k]! > medP) shortWin++; }
      });
    }
    const r = mean(rs);
    expect(r).toBeGreaterThan(-0.2);
    expect(r).toBeLessThan(0.5);
    expect(loyalLoss / longTotal).toBeGreaterThan(0.05);
    expect(shortWin / shortTotal).toBeGreaterThan(0.15);
  });
});
