import {
  NUMBER_FIELDS, blankTier, boundLimit, clampPlan, cloneDecisions, clonePlain, fieldsOfLever, getAt, lockedLevers, pathsOf, planLimits, planUse,
  setAt, tierProfile, type Decisions, type Lever, type ScenarioConfig, type SimState, type TieringRule,
} from '../sim/index';

export { blankTier };

/** Dimensions of a tiering score, all zero. */
export const NO_WEIGHTS = { revenue: 0, margin: 0, influence: 0, potential: 0, tenure: 0 };

/** A one-tier (undifferentiated) rule. */
export function oneTier(): TieringRule {
  return { tierCount: 1, weights: { ...NO_WEIGHTS, revenue: 1 }, cutoffs: { mode: 'share', shares: [1] } };
}

/** Whether `lever` is open in the next round. */
export function isOpen(scenario: ScenarioConfig, state: SimState, lever: Lever): boolean {
  return !lockedLevers(scenario, state.round + 1).includes(lever);
}

/** A copy of the status-quo decisions with no choices. */
export function statusQuo(scenario: ScenarioConfig): Decisions {
  return { ...cloneDecisions(scenario.initialDecisions), choices: [] };
}

/** The rule a policy may use: its wish, or the status quo's when tiering (or a per-tier lever at another tier count) is locked. */
export function allowedRule(scenario: ScenarioConfig, state: SimState, wish: TieringRule): TieringRule {
  const init = scenario.initialDecisions.tiering;
  if (!isOpen(scenario, state, 'tiering')) return clonePlain(init);
  if (wish.tierCount === init.tierCount) return wish;
  return PER_TIER_LEVERS.every((l) => isOpen(scenario, state, l)) ? wish : clonePlain(init);
}

/** The levers with a value per tier outside the rule (the catalogue says which): another tier count changes them all. */
const PER_TIER_LEVERS: readonly Lever[] = [...new Set(NUMBER_FIELDS.filter((f) => f.scope === 'tier' && f.lever !== 'tiering').map((f) => f.lever))];

/**
 * Puts every locked lever back to the status quo (the catalogue names each lever's fields):
 * the tiering rule whole, per-tier fields only when the plan has the status quo's tiers.
 */
export function respectLocks(scenario: ScenarioConfig, state: SimState, d: Decisions): Decisions {
  const q = scenario.initialDecisions;
  const out = cloneDecisions(d);
  for (const lever of lockedLevers(scenario, state.round + 1)) {
    if (lever === 'tiering') {
      out.tiering = clonePlain(q.tiering);
      continue;
    }
    for (const f of fieldsOfLever(lever)) {
      if (f.scope !== 'firm' && out.tiering.tierCount !== q.tiering.tierCount) continue;
      for (const p of pathsOf(f, q)) setAt(out, p, getAt(q, p));
    }
  }
  return out;
}

/**
 * Sets each tier's service hours in proportion to `weights` so that the plan uses
 * `workload` x the contracted staff hours (never more than the staff can give). Only
 * when the service lever is open.
 */
export function spreadHours(scenario: ScenarioConfig, state: SimState, d: Decisions, weights: number[], workload: number): void {
  if (!isOpen(scenario, state, 'service')) return;
  const counts = tierProfile(scenario, state, d.tiering).counts;
  d.tiers.forEach((t, i) => (t.serviceHours = weights[i] ?? 0));
  const base = planUse(scenario, state, { ...d, tiers: d.tiers.map((t) => ({ ...t, serviceHours: 0 })) });
  const unit = planUse(scenario, state, d).staffHours - base.staffHours;
  if (unit <= 0 || counts.every((c) => c === 0)) return;
  const room = Math.min(base.contracted * workload, base.staffLimit * 0.999) - base.staffHours;
  const k = Math.max(0, room) / unit;
  d.tiers.forEach((t) => (t.serviceHours = Math.floor(t.serviceHours * k * 100) / 100));
}

/** Scales every tier's service hours down (never up) until the plan fits the staff's limit. */
export function fitStaff(scenario: ScenarioConfig, state: SimState, d: Decisions): void {
  for (let tries = 0; tries < 4; tries++) {
    const use = planUse(scenario, state, d);
    if (use.staffHours <= use.staffLimit) return;
    const k = Math.max(0, (use.staffLimit / use.staffHours) * 0.995);
    d.tiers.forEach((t) => (t.serviceHours = Math.floor(t.serviceHours * k * 100) / 100));
  }
}

/** The fields of the plan's budget a policy may scale down: money out of the budget, on open levers. */
const SPEND_FIELDS = NUMBER_FIELDS.filter((f) => f.budget !== undefined);

/** Scales the discretionary spends down (never up) until the plan fits the budget; hires go last. */
export function fitBudget(scenario: ScenarioConfig, state: SimState, d: Decisions): Decisions {
  let use = planUse(scenario, state, d);
  for (let tries = 0; tries < 6 && use.spend > use.budget; tries++) {
    const k = Math.max(0, use.budget / use.spend) * 0.995;
    for (const f of SPEND_FIELDS) {
      if (!isOpen(scenario, state, f.lever)) continue;
      for (const p of pathsOf(f, d)) setAt(d, p, (getAt(d, p) as number) * k);
    }
    if (tries >= 3 && isOpen(scenario, state, 'research')) d.research = { surveySample: d.research.surveySample.map(() => 0), employeeSurvey: false, nps: false };
    use = planUse(scenario, state, d);
  }
  if (use.spend > use.budget && d.people.hires > 0 && isOpen(scenario, state, 'people')) {
    // Even with nothing else spent the hires do not fit: hire fewer, and serve with the staff there is.
    const each = scenario.firm.hireCost;
    const over = use.spend - use.budget;
    d.people.hires = Math.max(0, d.people.hires - Math.ceil(over / Math.max(1, each)));
    fitStaff(scenario, state, d);
    use = planUse(scenario, state, d);
  }
  if (use.spend > use.budget) {
    // Still over (the locked levers' spend, which cannot shrink, is a large part of the budget):
    // scale the open spends once by exactly what is left after the locked ones.
    const floor = cloneDecisions(d);
    for (const f of SPEND_FIELDS) if (isOpen(scenario, state, f.lever)) for (const p of pathsOf(f, floor)) setAt(floor, p, 0);
    const fixed = planUse(scenario, state, floor).spend;
    if (fixed < use.budget && use.spend > fixed) {
      const k = (0.995 * use.budget - fixed) / (use.spend - fixed);
      for (const f of SPEND_FIELDS) {
        if (!isOpen(scenario, state, f.lever)) continue;
        for (const p of pathsOf(f, d)) setAt(d, p, (getAt(d, p) as number) * Math.max(0, k));
      }
    }
  }
  return d;
}

/** Hires to keep the headcount at `target`, within what the engine allows. */
export function hiresToKeep(scenario: ScenarioConfig, state: SimState, target: number): number {
  return Math.max(0, Math.min(Math.round(target - state.firm.headcount), boundLimit('hiring', planLimits(scenario, state))));
}

/** Answers every choice card of the next round with its default option. */
export function defaultChoices(scenario: ScenarioConfig, state: SimState): Decisions['choices'] {
  return scenario.events
    .filter((e) => e.round === state.round + 1 && e.options && e.options.length > 0)
    .map((e) => ({ event: e.id, option: e.defaultOption ?? e.options![0]!.id }));
}

/**
 * A plan to fill in: the status quo with the tiering rule `wish` (or the one allowed),
 * blank tiers at `price`, headcount kept, `surveys(tierCount)` responses per tier and the
 * default answer to every choice card.
 */
export function planFrom(scenario: ScenarioConfig, state: SimState, wish: TieringRule, surveys: (k: number) => number[], price = 1): Decisions {
  const q = statusQuo(scenario);
  const tiering = allowedRule(scenario, state, wish);
  const k = tiering.tierCount;
  return {
    ...q,
    tiering,
    tiers: Array.from({ length: k }, () => ({ ...blankTier(), priceIndex: price })),
    people: { ...q.people, hires: hiresToKeep(scenario, state, scenario.firm.headcount), layoffs: 0 },
    research: { surveySample: surveys(k), employeeSurvey: false, nps: false },
    choices: defaultChoices(scenario, state),
  };
}

/** Money a plan can place after the status quo's training and brand, keeping 8% of the budget back. */
export function freeBudget(scenario: ScenarioConfig, state: SimState): number {
  const q = scenario.initialDecisions;
  return Math.max(0, state.firm.budget * 0.92 - q.people.trainingSpend - q.brandSpend);
}

/**
 * Locks first (they can undo hires), then service hours for the staff there will be, then the
 * budget; last, every value into its range and under its limit (the catalogue's), so the plan
 * is one the engine plays and a run file may hold whatever the scenario's scale.
 */
export function finish(scenario: ScenarioConfig, state: SimState, d: Decisions, hourWeights: number[] | null, workload: number): Decisions {
  const e = respectLocks(scenario, state, d);
  if (hourWeights) spreadHours(scenario, state, e, hourWeights, workload);
  return clampPlan(fitBudget(scenario, state, e), planLimits(scenario, state));
}
