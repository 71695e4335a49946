// The service floor's figures come from the round the learner played: staff split over the
// tiers' desks by planned service hours, the staff flows of the quarter, the customers tiered
// at its start, the failures of each tier and the mood only when the employee survey was
// bought. Rounds are played through the worker's session in Node (what the page holds), with
// decisions that switch the survey on, leave a tier unserved, lay staff off, change the tier
// count and plan no service at all.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { apportion, floorFrame, moodOf, queuePerDesk, serviceMs, startFloor, type FloorFrame } from '../../src/scene/floor/model';
import { newGame, step, type Decisions, type RoundReport } from '../../src/sim/index';
import { policyById, policyDecisions } from '../../src/policies/index';
import { loadSource, startSession, type Session } from '../../src/worker/session';
import type { RoundSummary } from '../../src/worker/protocol';
import { problemsText } from '../../src/sim/index';

describe('apportion', () => {
  const weights = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 6 });

  it('splits a whole number into parts that sum to it, each within 1 of its exact share', () => {
    fc.assert(
      fc.property(fc.nat(5000), weights, (total, w) => {
        const parts = apportion(total, w);
        const sum = w.reduce((a, b) => a + b, 0);
        expect(parts).toHaveLength(w.length);
        if (sum === 0 || total === 0) {
          expect(parts.every((x) => x === 0)).toBe(true);
          return;
        }
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((x, t) => {
          const exact = (w[t]! / sum) * total;
          expect(Number.isInteger(x)).toBe(true);
          expect(Math.abs(x - exact)).toBeLessThan(1);
          // Largest remainders: a part is its share rounded down or up, and nothing for no weight.
          expect(x === Math.floor(exact + 1e-9) || x === Math.ceil(exact - 1e-9)).toBe(true);
          if (w[t] === 0) expect(x).toBe(0);
        });
      }),
    );
  });

  it('gives the leftover units to the largest remainders, ties to the earlier tier', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(10, [0.5, 0.25, 0.25])).toEqual([5, 3, 2]);
    expect(apportion(7, [3, 3, 1])).toEqual([3, 3, 1]);
    expect(apportion(1, [1, 2])).toEqual([0, 1]);
  });

  it('gives zeros when there is nothing to split or no weight, and ignores negative weights', () => {
    expect(apportion(12, [0, 0, 0])).toEqual([0, 0, 0]);
    expect(apportion(0, [1, 2, 3])).toEqual([0, 0, 0]);
    expect(apportion(12, [])).toEqual([]);
    expect(apportion(12, [-5, 1, 1])).toEqual([0, 6, 6]);
  });
});

/** What each round's decisions change from the reference policy's. */
function change(d: Decisions, round: number): Decisions {
  const out = structuredClone(d);
  const k = out.tiers.length;
  if (round === 2 || round === 4) {
    // The survey costs money: less brand spend pays for it.
    out.research.employeeSurvey = true;
    out.brandSpend = 0;
  }
  if (round === 3) out.tiers[k - 1]!.serviceHours = 0;
  if (round === 4) {
    out.people.hires = 0;
    out.people.layoffs = 2;
  }
  if (round === 5) {
    out.tiering.tierCount = 2;
    // The top tier as it was, everyone else treated like the bottom tier.
    out.tiering.cutoffs = { mode: 'share', shares: [0.1, 0.9] };
    out.tiers = [out.tiers[0]!, out.tiers[k - 1]!];
    out.research.surveySample = [out.research.surveySample[0]!, out.research.surveySample[k - 1]!];
  }
  if (round === 6) for (const t of out.tiers) t.serviceHours = 0;
  return out;
}

const ROUNDS = 7;

/** Plays ROUNDS rounds of `id` with the changed policy, then replays the decisions in a worker session. */
async function playSession(id: string, seed: string): Promise<Session> {
  const loaded = await loadSource({ kind: 'builtin', id }, 'en');
  if (!loaded.ok) throw new Error(`cannot load ${id}`);
  const policy = policyById('value-based')!;
  let state = newGame(loaded.scenario, seed);
  let last: RoundReport | null = null;
  const decisions: Decisions[] = [];
  for (let round = 1; round <= ROUNDS && state.status === 'running'; round++) {
    const d = change(policyDecisions(policy, loaded.scenario, state, last), round);
    const res = step(loaded.scenario, state, d);
    if (!res.ok) throw new Error(`${id} round ${round}: ${problemsText(res.problems)}`);
    decisions.push(d);
    state = res.state;
    last = res.report;
  }
  const r = startSession({ kind: 'builtin', id }, loaded.scenario, loaded.json, seed, decisions);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.failure)}`);
  return r.session;
}

describe('floorFrame from played rounds', () => {
  const sessions: Session[] = [];
  beforeAll(async () => {
    sessions.push(await playSession('ad-agency', 'floor-1'), await playSession('hotel', 'floor-2'));
  });

  /** Every round of every session, with the floor the page would draw. */
  function rounds(): { name: string; s: Session; i: number; sum: RoundSummary; d: Decisions; f: FloorFrame }[] {
    return sessions.flatMap((s) =>
      s.summaries.map((sum, i) => ({ name: `${s.source.kind === 'builtin' ? s.source.id : '?'} round ${i + 1}`, s, i, sum, d: s.decisions[i]!, f: floorFrame(sum, s.decisions[i]!) })),
    );
  }

  it('played the quarters the checks need', () => {
    expect(sessions.map((s) => s.summaries.length)).toEqual([ROUNDS, ROUNDS]);
    const all = rounds();
    expect(all.some((r) => r.sum.employeeSurvey !== null)).toBe(true);
    expect(all.some((r) => r.sum.employees.layoffs > 0)).toBe(true);
    expect(all.some((r) => r.sum.tiers.length !== r.sum.migrations.length - 1)).toBe(true);
  });

  it('seats the whole headcount at the desks when any service hours are planned, none at a tier without hours', () => {
    for (const { name, d, f } of rounds()) {
      const planned = f.customers.some((c, t) => c > 0 && (d.tiers[t]?.serviceHours ?? 0) > 0);
      expect(f.desks, name).toHaveLength(f.tierCount);
      expect(f.desks.reduce((a, b) => a + b, 0), name).toBe(planned ? f.headcount : 0);
      f.desks.forEach((n, t) => {
        expect(Number.isInteger(n) && n >= 0, name).toBe(true);
        if ((d.tiers[t]?.serviceHours ?? 0) === 0) expect(n, `${name} tier ${t} has no hours`).toBe(0);
      });
      // The split follows the planned staff time (customers x hours per customer).
      const demand = f.customers.map((c, t) => c * (d.tiers[t]?.serviceHours ?? 0));
      const total = demand.reduce((a, b) => a + b, 0);
      if (total > 0) f.desks.forEach((n, t) => expect(Math.abs(n - (f.headcount * demand[t]!) / total), name).toBeLessThan(1));
      expect(f.hoursPerCustomer, name).toEqual(d.tiers.map((t) => t.serviceHours));
    }
    // The decisions really left a tier unserved in round 3, and everyone in round 6.
    const r3 = rounds().filter((r) => r.i === 2);
    for (const { f } of r3) expect(f.desks.at(-1)).toBe(0);
    for (const { f } of rounds().filter((r) => r.i === 5)) expect(f.desks.every((n) => n === 0)).toBe(true);
  });

  it('balances the staff: the quarter\'s start minus leavers and layoffs plus hires is its end, and the start is the last quarter\'s end', () => {
    for (const { name, s, i, sum, f } of rounds()) {
      expect(f.headcount, name).toBe(sum.employees.headcount);
      expect([f.hires, f.leavers, f.layoffs], name).toEqual([sum.employees.hires, sum.employees.leavers, sum.employees.layoffs]);
      expect(f.headcountBefore - f.leavers - f.layoffs + f.hires, name).toBe(f.headcount);
      const before = i === 0 ? s.scenario.firm.headcount : s.summaries[i - 1]!.employees.headcount;
      expect(f.headcountBefore, name).toBe(before);
    }
  });

  it('counts the customers tiered at the start of the quarter: the migrations\' columns, which add up to the customers active then', () => {
    for (const { name, s, i, sum, f } of rounds()) {
      expect(f.tierCount, name).toBe(sum.tiers.length);
      expect(f.customers, name).toEqual(sum.tiers.map((_, t) => sum.migrations.reduce((a, row) => a + row[t]!, 0)));
      const activeAtStart = i === 0 ? s.state.initialCount : s.summaries[i - 1]!.firm.customers;
      expect(f.customers.reduce((a, b) => a + b, 0), name).toBe(activeAtStart);
      // Tiered at the start, less the quarter's lapses, plus its arrivals: the tier at the end.
      sum.tiers.forEach((x, t) => expect(f.customers[t]! - x.churned + x.acquired + x.referred + x.wonBack, `${name} tier ${t}`).toBe(x.customers));
    }
  });

  it('shows each tier\'s failures, complaints and recoveries, the workload, and the mood only when the survey was bought', () => {
    for (const { name, sum, d, f } of rounds()) {
      expect(f.round).toBe(sum.round);
      expect(f.failures, name).toEqual(sum.tiers.map((x) => x.failures));
      expect(f.complaints, name).toEqual(sum.tiers.map((x) => x.complaints));
      expect(f.recovered, name).toEqual(sum.tiers.map((x) => x.recovered));
      expect(f.workload, name).toBe(sum.employees.workload);
      expect(f.mood, name).toEqual(sum.employeeSurvey);
      expect(f.mood !== null, name).toBe(d.research.employeeSurvey);
      if (f.mood) {
        expect(f.mood.mean).toBeGreaterThanOrEqual(0);
        expect(f.mood.mean).toBeLessThanOrEqual(100);
        expect(moodOf(f.mood)).not.toBe('unknown');
      } else expect(moodOf(f.mood)).toBe('unknown');
    }
  });

  it('hurries by the time per task the worker computed with the engine\'s own pressure rule (Oliva & Sterman, K6)', () => {
    let overloaded = 0;
    for (const { name, sum, f } of rounds()) {
      expect(f.timePerTask, name).toBe(sum.employees.timePerTask);
      if (sum.employees.workload <= 1) expect(f.timePerTask, name).toBe(1);
      else {
        overloaded++;
        // desired x p^-0.64 (the default exponent), within the engine's own pow's accuracy.
        expect(f.timePerTask, name).toBeCloseTo(Math.pow(sum.employees.workload, -0.64), 9);
        expect(serviceMs(10, 10, f.timePerTask)).toBeLessThan(serviceMs(10, 10, 1));
      }
    }
    expect(overloaded).toBeGreaterThan(0);
  });
});

describe('startFloor', () => {
  it('splits the staff evenly over the tiers before the first quarter, with nothing happening', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.integer({ min: 1, max: 5 }), (headcount, k) => {
        const f = startFloor(headcount, k);
        expect(f.desks.reduce((a, b) => a + b, 0)).toBe(headcount);
        expect(Math.max(...f.desks) - Math.min(...f.desks)).toBeLessThanOrEqual(1);
        expect(f.headcountBefore).toBe(headcount);
        expect([f.hires, f.leavers, f.layoffs, f.workload]).toEqual([0, 0, 0, 0]);
        expect([...f.failures, ...f.complaints, ...f.recovered].every((x) => x === 0)).toBe(true);
        expect(f.mood).toBeNull();
      }),
    );
  });
});

describe('moodOf', () => {
  it('is unknown without a survey, and happy, neutral or unhappy by the measured mean', () => {
    expect(moodOf(null)).toBe('unknown');
    const at = (mean: number) => moodOf({ mean, marginOfError: 3 });
    expect(at(85)).toBe('happy');
    expect(at(70)).toBe('happy');
    expect(at(69.9)).toBe('neutral');
    expect(at(50)).toBe('neutral');
    expect(at(49.9)).toBe('unhappy');
    expect(at(10)).toBe('unhappy');
  });

  it('never shows a sadder face for a higher measured satisfaction', () => {
    const rank = { unhappy: 0, neutral: 1, happy: 2, unknown: -1 } as const;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }), (a, b, moe) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank[moodOf({ mean: hi, marginOfError: moe })]).toBeGreaterThanOrEqual(rank[moodOf({ mean: lo, marginOfError: 0 })]);
      }),
    );
  });
});

describe('queuePerDesk', () => {
  it('is 0 up to 80% workload, then grows with the workload up to a cap', () => {
    for (const w of [0, 0.3, 0.79, 0.8]) expect(queuePerDesk(w)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(queuePerDesk(hi)).toBeGreaterThanOrEqual(queuePerDesk(lo));
        expect(Number.isInteger(queuePerDesk(hi))).toBe(true);
        if (hi > 1) expect(queuePerDesk(hi), 'an overloaded desk has a queue').toBeGreaterThan(0);
      }),
    );
    const cap = queuePerDesk(100);
    expect(cap).toBeGreaterThan(queuePerDesk(1.2));
    expect(queuePerDesk(1e6)).toBe(cap);
    expect(cap).toBeLessThanOrEqual(10);
  });
});

describe('serviceMs', () => {
  const hours = fc.double({ min: 0, max: 500, noNaN: true });
  const mean = fc.double({ min: 0.1, max: 300, noNaN: true });
  const share = fc.double({ min: 0.01, max: 1, noNaN: true });

  it('stays between 250 ms and 2.4 s', () => {
    fc.assert(
      fc.property(hours, fc.oneof(fc.constant(0), mean), share, (h, m, p) => {
        const ms = serviceMs(h, m, p);
        expect(ms).toBeGreaterThanOrEqual(250);
        expect(ms).toBeLessThanOrEqual(2400);
      }),
    );
  });

  it('takes longer for more planned hours per customer', () => {
    fc.assert(
      fc.property(hours, hours, mean, share, (a, b, m, p) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(serviceMs(hi, m, p)).toBeGreaterThanOrEqual(serviceMs(lo, m, p));
      }),
    );
    expect(serviceMs(20, 10, 1)).toBeGreaterThan(serviceMs(10, 10, 1));
  });

  it('is hurried when staff give a task less time', () => {
    fc.assert(
      fc.property(hours, mean, share, share, (h, m, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(serviceMs(h, m, lo)).toBeLessThanOrEqual(serviceMs(h, m, hi));
      }),
    );
    expect(serviceMs(10, 10, 0.77)).toBeLessThan(serviceMs(10, 10, 1));
  });

  it('takes the middle pace for a tier at the mean hours, or when no hours are planned anywhere', () => {
    expect(serviceMs(12, 12, 1)).toBe(serviceMs(5, 5, 1));
    expect(serviceMs(0, 0, 1)).toBe(serviceMs(7, 7, 1));
  });
});
