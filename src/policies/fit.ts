import {
  lockedLevers, planUse, tierProfile, type Decisions, type Lever, type ScenarioConfig, type SimState, type TierDecision,
  type TieringRule,
} from '../sim/index';

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
  return { ...structuredClone(scenario.initialDecisions), choices: [] };
}

/** Per-tier levers all zero but a list price. */
export function blankTier(): TierDecision {
  return { serviceHours: 0, relationshipSpend: 0, priceIndex: 1, retentionBudget: 0, acquisitionSpend: 0, winBackSpend: 0 };
}

/** The rule a policy may use: its wish, or the status quo's when tiering (or a per-tier lever at another tier count) is locked. */
export function allowedRule(scenario: ScenarioConfig, state: SimState, wish: TieringRule): TieringRule {
  const init = scenario.initialDecisions.tiering;
  if (!isOpen(scenario, state, 'tiering')) return structuredClone(init);
  if (wish.tierCount === init.tierCount) return wish;
  const perTier: Lever[] = ['service', 'relationship', 'price', 'retention', 'acquisition', 'winBack', 'research'];
  return perTier.every((l) => isOpen(scenario, state, l)) ? wish : structuredClone(init);
}

/** Puts every locked lever back to the status quo (the per-tier arrays must have the status quo's length). */
export function respectLocks(scenario: ScenarioConfig, state: SimState, d: Decisions): Decisions {
  const q = scenario.initialDecisions;
  const open = (l: Lever): boolean => isOpen(scenario, state, l);
  const out = structuredClone(d);
  if (!open('tiering')) out.tiering = structuredClone(q.tiering);
  const same = out.tiers.length === q.tiers.length;
  out.tiers = out.tiers.map((t, i) => {
    const s = same ? q.tiers[i]! : undefined;
    return {
      serviceHours: !open('service') && s ? s.serviceHours : t.serviceHours,
      relationshipSpend: !open('relationship') && s ? s.relationshipSpend : t.relationshipSpend,
      priceIndex: !open('price') && s ? s.priceIndex : t.priceIndex,
      retentionBudget: !open('retention') && s ? s.retentionBudget : t.retentionBudget,
      acquisitionSpend: !open('acquisition') && s ? s.acquisitionSpend : t.acquisitionSpend,
      winBackSpend: !open('winBack') && s ? s.winBackSpend : t.winBackSpend,
    };
  });
  if (!open('people')) {
    out.people.hires = q.people.hires;
    out.people.layoffs = q.people.layoffs;
  }
  if (!open('wages')) out.people.wageIndex = q.people.wageIndex;
  if (!open('training')) out.people.trainingSpend = q.people.trainingSpend;
  if (!open('systems')) out.systems = { ...q.systems };
  if (!open('research') && same) out.research = structuredClone(q.research);
  if (!open('brand')) out.brandSpend = q.brandSpend;
  if (!open('recovery')) out.recovery = { ...q.recovery };
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

/** Scales the discretionary spends down (never up) until the plan fits the budget; hires go last. */
export function fitBudget(scenario: ScenarioConfig, state: SimState, d: Decisions): Decisions {
  let use = planUse(scenario, state, d);
  for (let tries = 0; tries < 6 && use.spend > use.budget; tries++) {
    const k = Math.max(0, use.budget / use.spend) * 0.995;
    const open = (l: Lever): number => (isOpen(scenario, state, l) ? k : 1);
    for (const t of d.tiers) {
      t.relationshipSpend *= open('relationship');
      t.retentionBudget *= open('retention');
      t.acquisitionSpend *= open('acquisition');
      t.winBackSpend *= open('winBack');
    }
    d.people.trainingSpend *= open('training');
    d.brandSpend *= open('brand');
    const ks = open('systems');
    d.systems.salesAutomation *= ks;
    d.systems.marketingAutomation *= ks;
    d.systems.serviceDesk *= ks;
    d.systems.dataPlatform *= ks;
    if (tries >= 3 && isOpen(scenario, state, 'research')) d.research = { surveySample: d.research.surveySample.map(() => 0), employeeSurvey: false, nps: false };
    use = planUse(scenario, state, d);
  }
  if (use.spend > use.budget && d.people.hires > 0 && isOpen(scenario, state, 'people')) {
    // Even with nothing else spent the hires do not fit: hire fewer, and serve with the staff there is.
    const each = scenario.firm.hireCost;
    const over = use.spend - use.budget;
    d.people.hires = Math.max(0, d.people.hires - Math.ceil(over / Math.max(1, each)));
    fitStaff(scenario, state, d);
  }
  return d;
}

/** Hires to keep the headcount at `target`, within what the engine allows. */
export function hiresToKeep(state: SimState, target: number): number {
  return Math.max(0, Math.min(Math.round(target - state.firm.headcount), Math.max(50, state.firm.headcount * 2)));
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
    people: { ...q.people, hires: hiresToKeep(state, scenario.firm.headcount), layoffs: 0 },
    research: { surveySample: surveys(k), employeeSurvey: false, nps: false },
    choices: defaultChoices(scenario, state),
  };
}

/** Money a plan can place after the status quo's training and brand, keeping 8% of the budget back. */
export function freeBudget(scenario: ScenarioConfig, state: SimState): number {
  const q = scenario.initialDecisions;
  return Math.max(0, state.firm.budget * 0.92 - q.people.trainingSpend - q.brandSpend);
}

/** Locks first (they can undo hires), then service hours for the staff there will be, then the budget. */
export function finish(scenario: ScenarioConfig, state: SimState, d: Decisions, hourWeights: number[] | null, workload: number): Decisions {
  const e = respectLocks(scenario, state, d);
  if (hourWeights) spreadHours(scenario, state, e, hourWeights, workload);
  return fitBudget(scenario, state, e);
}
