/**
 * Whether a scenario's first quarter can be played at all: a tutorial locks levers at first, and
 * a locked lever keeps the starting plan's spend, so a budget below what the locked levers spend
 * leaves no plan of quarter 1 that fits. The schema cannot see it (it needs the first quarter's
 * tiers, drawn from the population), so the workbench, `validate` and `lab` check it on a new game.
 */
import { cloneDecisions, lockedLevers, NUMBER_FIELDS, pathsOf, planUse, setAt, type ScenarioConfig, type SimState } from '../sim/index';
import { foundValue, mismatch, type Problem } from './problem';

/** The problem of a first quarter no plan fits (null: the starting plan with every open spend at zero fits). */
export function lockedSpendProblem(scenario: ScenarioConfig, state: SimState): Problem | null {
  const locked = lockedLevers(scenario, 1);
  const d = { ...cloneDecisions(scenario.initialDecisions), choices: [] };
  for (const f of NUMBER_FIELDS) {
    if (f.budget === undefined || locked.includes(f.lever)) continue;
    for (const p of pathsOf(f, d)) setAt(d, p, 0);
  }
  if (!locked.includes('research')) d.research = { surveySample: d.research.surveySample.map(() => 0), employeeSurvey: false, nps: false };
  if (!locked.includes('people')) d.people = { ...d.people, hires: 0 };
  const use = planUse(scenario, state, d);
  if (use.spend <= use.budget) return null;
  return mismatch(['firm', 'budget', 'base'], { kind: 'lockedSpend', spend: Math.ceil(use.spend) }, foundValue(scenario.firm.budget.base));
}
