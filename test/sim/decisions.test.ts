// One catalogue, one verdict: at the edges of every decision field's range, on every built-in
// scenario and on scenarios scaled up and down, the engine, the run-file schema and the quarter
// screen's inputs agree on what a plan may hold. A value the schema refuses the engine refuses
// at the same path; a value the engine plays the schema (and so `verify`) accepts; the screen's
// input takes exactly the values the engine takes this quarter (its limits included).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionsSchema } from '../../src/scenario/index';
import {
  NUMBER_FIELDS, cloneDecisions, getAt, isFormProblem, newGame, pathsOf, planUse, setAt, validateDecisions,
  type ConcretePath, type DecisionProblem, type Decisions, type NumberField, type ScenarioConfig, type SimState,
} from '../../src/sim/index';
import { controlAccepts, controlOf } from '../../src/ui/quarter/controls';
import { setTierCount } from '../../src/store/draftOps';
import { quarterView } from '../../src/worker/summary';
import { BUILTINS, SCALES, scaled } from './scaled';

/** Problems of the plan's fit rather than one field's value: money, staff time, locks, the rules across fields. */
const FIT = new Set<DecisionProblem['code']>(['overBudget', 'overStaff', 'locked', 'sharesSum', 'thresholdOrder', 'noWeight']);

interface Case {
  name: string;
  scenario: ScenarioConfig;
  state: SimState;
  /** Valid plans: the status quo with shares, and with score thresholds. */
  bases: Decisions[];
}

/**
 * Plans the engine plays on `state`: the status quo (its service hours cut to what the staff can
 * give when the staff was scaled down), and the same with score thresholds where the tiering
 * lever is open.
 */
function basesOf(sc: ScenarioConfig, state: SimState): Decisions[] {
  const q = { ...cloneDecisions(sc.initialDecisions), choices: [] };
  const use = planUse(sc, state, q);
  if (use.staffHours > use.staffLimit) for (const t of q.tiers) t.serviceHours = Math.floor(t.serviceHours * (use.staffLimit / use.staffHours) * 0.95 * 100) / 100;
  // Three tiers, cut by score thresholds: every per-tier and per-boundary field has a value.
  const score = cloneDecisions(q);
  setTierCount(score, sc.tiers.length);
  // The new tiers copied the last one's levers: split its budgets among them.
  for (const t of score.tiers) {
    t.retentionBudget /= sc.tiers.length;
    t.acquisitionSpend /= sc.tiers.length;
    t.winBackSpend /= sc.tiers.length;
  }
  score.tiering.cutoffs = { mode: 'score', thresholds: Array.from({ length: sc.tiers.length - 1 }, (_, i) => 2 / (i + 1)) };
  const fits = planUse(sc, state, score);
  if (fits.staffHours > fits.staffLimit) for (const t of score.tiers) t.serviceHours = Math.floor(t.serviceHours * (fits.staffLimit / fits.staffHours) * 0.95 * 100) / 100;
  return [q, score].filter((d, i) => i === 0 || validateDecisions(sc, state, d).length === 0);
}

const CASES: Case[] = BUILTINS.flatMap((id) =>
  SCALES.map((scale) => {
    const scenario = scaled(id, scale);
    const state = newGame(scenario, 'edges');
    return { name: `${id}, ${scale.name}`, scenario, state, bases: basesOf(scenario, state) };
  }),
);

/** The values at and just beyond the edges of a field's range, and inside it. */
function edges(f: NumberField): number[] {
  const d = (x: number) => Math.max(Math.abs(x) * 1e-9, 1e-6);
  const out = [f.min, f.max, f.min - d(f.min), f.max + d(f.max), (f.min + f.max) / 2];
  if (f.integer) out.push(f.min + 0.5, Math.floor((f.min + f.max) / 2) + 0.5);
  return out;
}

/** Checks one plan with `value` at `path` of field `f` against all three judges. */
function judge(c: Case, base: Decisions, f: NumberField, path: ConcretePath, value: number): void {
  const plan = cloneDecisions(base);
  setAt(plan, path, value);
  const at = path.join('.');
  const problems = validateDecisions(c.scenario, c.state, plan);
  const schemaOk = decisionsSchema.safeParse(plan).success;
  const view = quarterView(c.scenario, c.state);
  const control = controlOf(f, { limits: view.limits, budgetBase: c.scenario.firm.budget.base }, value);
  const uiOk = controlAccepts(control, value * control.scale);
  // A locked lever's input is disabled: it keeps the status quo's value.
  const open = !view.locked.includes(f.lever);
  const where = `${c.name}: ${at} = ${value}`;
  // The static range: the schema and the engine.
  expect(problems.some((p) => p.path === at && p.code === 'outOfRange'), where).toBe(!schemaOk);
  // This quarter's limits on top: the screen's input and the engine.
  expect(uiOk, where).toBe(schemaOk && !problems.some((p) => p.path === at && p.code === 'overLimit'));
  // Nothing else about the plan's form is wrong; what remains is its fit (budget, staff time, rules across fields).
  expect(problems.filter((p) => p.path !== at && !FIT.has(p.code)), where).toEqual([]);
  if (problems.length === 0) expect(schemaOk && uiOk && (open || value === getAt(base, path)), where).toBe(true);
  // A changed locked lever is refused, once the plan's form is right.
  const formOk = !problems.some(isFormProblem);
  expect(problems.some((p) => p.code === 'locked' && p.path === f.lever), where).toBe(formOk && !open && value !== getAt(base, path));
}

describe('decision ranges: engine, run-file schema and quarter screen agree', () => {
  for (const c of CASES) {
    it(`${c.name}: at the edges of every field`, () => {
      expect(validateDecisions(c.scenario, c.state, c.bases[0]!), `${c.name}: the status quo plays`).toEqual([]);
      // The tutorial's tiering lever is locked in the first quarter.
      expect(c.bases.length, `${c.name}: a plan with score thresholds too`).toBe(c.scenario.id === 'tutorial' ? 1 : 2);
      for (const base of c.bases) {
        for (const f of NUMBER_FIELDS) {
          if (f.id === 'tiering.tierCount') continue; // resizes every per-tier list: checked below
          for (const path of pathsOf(f, base)) for (const v of edges(f)) judge(c, base, f, path, v);
        }
      }
    }, 120_000);

    it(`${c.name}: at random values of random fields`, () => {
      const fields = NUMBER_FIELDS.filter((f) => f.id !== 'tiering.tierCount');
      fc.assert(
        fc.property(fc.nat({ max: fields.length - 1 }), fc.nat({ max: 4 }), fc.double({ min: -0.25, max: 1.25, noNaN: true }), fc.boolean(), (fi, ti, u, whole) => {
          const f = fields[fi]!;
          const base = c.bases[f.when === 'score' ? c.bases.length - 1 : 0]!;
          const paths = pathsOf(f, base);
          if (paths.length === 0) return;
          const raw = f.min + u * (f.max - f.min);
          judge(c, base, f, paths[ti % paths.length]!, whole ? Math.round(raw) : raw);
        }),
        { numRuns: 60, seed: 12 },
      );
    }, 120_000);
  }

  it('the tiers in use: the schema allows up to five, the engine and the screen up to the scenario\'s', () => {
    for (const c of CASES.filter((x) => x.name.endsWith('as built'))) {
      const limit = quarterView(c.scenario, c.state).limits['tiering.tierCount'];
      expect(limit).toBe(c.scenario.tiers.length);
      const plan = cloneDecisions(c.bases[0]!);
      plan.tiering.tierCount = c.scenario.tiers.length + 1;
      const problems = validateDecisions(c.scenario, c.state, plan);
      expect(problems.some((p) => p.path === 'tiering.tierCount' && p.code === 'overLimit'), c.name).toBe(true);
    }
  });
});
