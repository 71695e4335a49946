// The pass table tells the truth: a round is played pass by pass with the context, the state,
// the firm and every customer column watched, and each pass touches only what it declares
// (reads within its reads and writes, writes within its writes). Over games of every built-in
// scenario, every declaration is used at least once, so none is stale. The watched round
// gives the same state hash as the engine's own, so it is the real round that was watched.
import { describe, expect, it } from 'vitest';
import {
  cloneState, hashState, newGame, resolveParams, stepInPlace, validateDecisions, type Decisions, type RoundReport, type ScenarioConfig, type SimState,
} from '../../src/sim/index';
import { makeContext, type RoundContext } from '../../src/sim/context';
import { COLUMNS } from '../../src/sim/customers';
import type { Access } from '../../src/sim/pass';
import { PASSES } from '../../src/sim/passes';
import { policyById, policyDecisions } from '../../src/policies/index';
import { builtin, withOverrides } from '../helpers';

type Seen = Map<string, { reads: Set<string>; writes: Set<string> }>;

const TYPED_WRITES = new Set(['set', 'fill', 'copyWithin', 'sort', 'reverse']);
const isTyped = (x: unknown): x is Float32Array => ArrayBuffer.isView(x) && !(x instanceof DataView);

/** Watches reads and writes of everything reachable from `root`, each recorded under `name` for the current pass. */
class Watcher {
  current = '';
  /** Customers at the start of the current pass: a write to a later row is a row the pass adds. */
  rows = 0;
  readonly seen: Seen = new Map();
  private readonly cache = new WeakMap<object, Map<string, object>>();
  /** The real object behind each watched view: what a pass stores is the real one, never a view. */
  private readonly targets = new WeakMap<object, object>();

  private raw(v: unknown): unknown {
    return typeof v === 'object' && v !== null ? (this.targets.get(v) ?? v) : v;
  }

  private note(kind: 'reads' | 'writes', name: string): void {
    if (!this.current) return;
    let e = this.seen.get(this.current);
    if (!e) this.seen.set(this.current, (e = { reads: new Set(), writes: new Set() }));
    e[kind].add(name);
  }

  /** A watched view of `x`, whose reads and writes count as accesses of `name`; `stride` values per customer row. */
  wrap<T>(x: T, name: string, stride = 0): T {
    if (typeof x !== 'object' || x === null) return x;
    let byName = this.cache.get(x);
    if (!byName) this.cache.set(x, (byName = new Map()));
    const hit = byName.get(name);
    if (hit) return hit as T;
    const w: ProxyHandler<object> = isTyped(x)
      ? {
          get: (t, k) => {
            const v = Reflect.get(t, k, t) as unknown;
            if (typeof v === 'function') {
              const write = typeof k === 'string' && TYPED_WRITES.has(k);
              return (...args: unknown[]) => {
                this.note(write ? 'writes' : 'reads', name);
                return (v as (...a: unknown[]) => unknown).apply(t, args.map((a) => this.raw(a)));
              };
            }
            this.note('reads', name);
            return v;
          },
          set: (t, k, v) => {
            // Writing a row the pass is adding (a newcomer's traits) is adding rows to the table.
            const row = stride > 0 && typeof k === 'string' && /^\d+$/.test(k) ? Math.floor(Number(k) / stride) : -1;
            this.note('writes', row >= this.rows ? 'customers' : name);
            return Reflect.set(t, k, this.raw(v), t);
          },
        }
      : {
          get: (t, k) => {
            this.note('reads', name);
            return this.wrap(Reflect.get(t, k, t), name);
          },
          set: (t, k, v) => {
            this.note('writes', name);
            return Reflect.set(t, k, this.raw(v), t);
          },
        };
    // A frozen object (the resolved coefficients) is watched through a copy: a proxy must give a frozen target's own values.
    const target = Object.isFrozen(x) ? (Array.isArray(x) ? [...(x as unknown[])] : { ...(x as object) }) : (x as object);
    const p = new Proxy(target, w);
    byName.set(name, p);
    this.targets.set(p, x as object);
    return p as T;
  }

  /** The state, watched part by part: `customers.<column>`, `customers` (the table), `firm.<field>`, `state.<field>`. */
  state(s: SimState): SimState {
    return this.keep(s, {
      get: (t, k) => {
        const v = Reflect.get(t, k, t) as unknown;
        if (k === 'customers') return this.customers(v as SimState['customers']);
        if (k === 'firm') return this.firm(v as SimState['firm']);
        if (typeof k === 'string') this.note('reads', `state.${k}`);
        return typeof k === 'string' ? this.wrap(v, `state.${k}`) : v;
      },
      set: (t, k, v) => {
        this.note('writes', k === 'customers' ? 'customers' : `state.${String(k)}`);
        return Reflect.set(t, k, this.raw(v), t);
      },
    });
  }

  private customers(c: SimState['customers']): SimState['customers'] {
    const strides = new Map<string, number>(COLUMNS.map((x) => [x.name, x.stride]));
    return this.keep(c, {
      get: (t, k) => {
        const v = Reflect.get(t, k, t) as unknown;
        if (typeof k === 'string' && strides.has(k)) return this.wrap(v, `customers.${k}`, strides.get(k));
        this.note('reads', 'customers');
        return v;
      },
      set: (t, k, v) => {
        this.note('writes', typeof k === 'string' && strides.has(k) ? `customers.${k}` : 'customers');
        return Reflect.set(t, k, this.raw(v), t);
      },
    });
  }

  private firm(f: SimState['firm']): SimState['firm'] {
    return this.keep(f, {
      get: (t, k) => {
        this.note('reads', `firm.${String(k)}`);
        return this.wrap(Reflect.get(t, k, t) as unknown, `firm.${String(k)}`);
      },
      set: (t, k, v) => {
        this.note('writes', `firm.${String(k)}`);
        return Reflect.set(t, k, this.raw(v), t);
      },
    });
  }

  private keep<T extends object>(x: T, handler: ProxyHandler<T>): T {
    const p = new Proxy(x, handler);
    this.targets.set(p, x);
    return p;
  }

  /** The context, watched field by field (`s` through {@link state}). */
  context(ctx: RoundContext): RoundContext {
    const s = this.state(ctx.s);
    return new Proxy(ctx, {
      get: (t, k) => {
        if (k === 's') return s;
        this.note('reads', String(k));
        return this.wrap(Reflect.get(t, k, t) as unknown, String(k));
      },
      set: (t, k, v) => {
        this.note('writes', String(k));
        return Reflect.set(t, k, this.raw(v), t);
      },
    });
  }
}

/** Plays the quarter of `decisions` pass by pass under watch; returns the report's hash source (the state). */
function watchedRound(w: Watcher, scenario: ScenarioConfig, state: SimState, decisions: Decisions): SimState {
  const assigned = new Uint8Array(state.customers.count);
  expect(validateDecisions(scenario, state, decisions, assigned)).toEqual([]);
  const ctx = makeContext(scenario, resolveParams(scenario.model), state, structuredClone(decisions), assigned);
  const watched = w.context(ctx);
  for (const pass of PASSES) {
    w.current = pass.name;
    w.rows = state.customers.count;
    pass.run(watched);
    w.current = '';
  }
  return state;
}

/** The ad agency with an event of every kind and target early on, so the events pass shows all it can touch. */
function everyEvent(): ScenarioConfig {
  const sc = builtin('ad-agency');
  const text = { en: 'x', 'zh-CN': 'x' };
  const tier = sc.tiers[0]!.id;
  const segment = sc.population.segments[0]!.id;
  const effects: ScenarioConfig['events'][number]['effects'] = [
    { kind: 'expectation', delta: 2, target: { tier } },
    { kind: 'satisfaction', delta: -3, target: { segment } },
    { kind: 'wallet', factor: 1.1, target: { all: true } },
    { kind: 'priceOverride', priceIndex: 0.9, rounds: 2, target: { largest: 5 } },
    { kind: 'churn', probability: 0.05, target: { segment } },
    { kind: 'cash', amount: 1000 },
    { kind: 'productValue', delta: 1, rounds: 2 },
    { kind: 'wageFactor', factor: 0.95, rounds: 2 },
    { kind: 'employeeSatisfaction', delta: -2 },
    { kind: 'rivalPressure', delta: 0.1, rounds: 2 },
    { kind: 'rivalPrice', delta: -0.05, rounds: 2 },
  ];
  // And an objective on cumulative profit, which the score reads from the firm.
  const cumulative = { id: 'cumulative', text, kpi: 'cumulativeProfit' as const, op: '>=' as const, target: 0, round: 1, points: 1 };
  return { ...sc, events: [{ id: 'everything', round: 2, title: text, text, effects }, ...sc.events], objectives: [...sc.objectives, cumulative] };
}

const GAMES: [string, ScenarioConfig, string, number][] = [
  ['tutorial', builtin('tutorial'), 'random', 6],
  ['ad-agency', builtin('ad-agency'), 'random', 6],
  ['hotel', builtin('hotel'), 'random', 5],
  ['ad-agency', builtin('ad-agency'), 'value-based', 4],
  ['ad-agency, an event of every kind', everyEvent(), 'value-based', 3],
  // Fixed costs beyond the cash: a rescue loan, and game over.
  ['tutorial, no cash, loans', withOverrides(builtin('tutorial'), { firm: { fixedCosts: 1e7, insolvency: { mode: 'loan', maxDebt: 1e12 } } }), 'uniform', 2],
  ['tutorial, no cash, game over', withOverrides(builtin('tutorial'), { firm: { fixedCosts: 1e7, insolvency: { mode: 'gameOver', maxDebt: 0 } } }), 'uniform', 1],
];

describe('the pass table', () => {
  const union: Seen = new Map();
  for (const [id, sc, policy, quarters] of GAMES) {
    it(`${id}, ${policy}: each pass touches only what it declares, and the watched round is the engine's`, () => {
      const state = newGame(sc, 'passes');
      let last: RoundReport | null = null;
      for (let q = 0; q < quarters && state.status === 'running'; q++) {
        const d = policyDecisions(policyById(policy)!, sc, state, last);
        const w = new Watcher();
        const watched = watchedRound(w, sc, cloneState(state), d);
        const real = stepInPlace(sc, state, d);
        if (!real.ok) throw new Error('refused');
        expect(hashState(watched), `${id} quarter ${q + 1}`).toBe(real.report.hash);
        last = real.report;
        for (const pass of PASSES) {
          const got = w.seen.get(pass.name) ?? { reads: new Set<string>(), writes: new Set<string>() };
          const declared = new Set<string>([...pass.reads, ...pass.writes]);
          const writes = new Set<string>(pass.writes);
          // `s` is how a pass reaches the state, and the table's size is read by any pass over its columns.
          const implied = (x: string) => x === 's' || (x === 'customers' && [...declared].some((y) => y.startsWith('customers.')));
          expect([...got.reads].filter((x) => !implied(x) && !declared.has(x)).sort(), `${pass.name} reads undeclared`).toEqual([]);
          expect([...got.writes].filter((x) => !writes.has(x)).sort(), `${pass.name} writes undeclared`).toEqual([]);
          let u = union.get(pass.name);
          if (!u) union.set(pass.name, (u = { reads: new Set(), writes: new Set() }));
          for (const x of got.reads) u.reads.add(x);
          for (const x of got.writes) u.writes.add(x);
        }
      }
    }, 120_000);
  }

  it('every declaration is used in these games (none is stale)', () => {
    for (const pass of PASSES) {
      const u = union.get(pass.name)!;
      const touched = new Set([...u.reads, ...u.writes, 's']);
      const stale = [...pass.reads, ...pass.writes].filter((x: Access) => !touched.has(x));
      expect(stale, `${pass.name} declares what it never touches`).toEqual([]);
      expect(pass.writes.filter((x) => !u.writes.has(x)), `${pass.name} declares writes it never makes: ${pass.writes.filter((x) => !u.writes.has(x)).join(', ')}`).toEqual([]);
    }
  });

  it('names each pass once and plays every step of MODEL.md section 4 once, in the declared order', () => {
    expect(new Set(PASSES.map((p) => p.name)).size).toBe(PASSES.length);
    const steps = PASSES.flatMap((p) => p.steps);
    expect([...steps].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    // Re-tiering (13) runs first, on the data of the start of the quarter; the rest in MODEL.md's order.
    expect(steps.filter((s) => s !== 13)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1).filter((s) => s !== 13));
  });
});
