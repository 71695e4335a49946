import type { Decisions } from '../sim/index';
import { allowedRule, blankTier, defaultChoices, fitBudget, hiresToKeep, oneTier, respectLocks, spreadHours, statusQuo } from './fit';
import type { Policy, PolicyContext } from './types';

/** Price over relationship (C11): 15% off for everyone, no programmes, most of the budget on acquisition. */
export const discounter: Policy = {
  id: 'discounter',
  summary: {
    en: 'One tier, 15% off list price, no relationship programmes, heavy acquisition.',
    'zh-CN': '不分级，全部八五折，不做关系营销，大力获客。',
  },
  decide(ctx: PolicyContext): Decisions {
    const { scenario, state } = ctx;
    const q = statusQuo(scenario);
    const rule = allowedRule(scenario, state, oneTier());
    const k = rule.tierCount;
    const d: Decisions = {
      ...q,
      tiering: rule,
      tiers: Array.from({ length: k }, () => ({ ...blankTier(), priceIndex: 0.85 })),
      people: { ...q.people, hires: hiresToKeep(state, scenario.firm.headcount), layoffs: 0 },
      research: { surveySample: new Array<number>(k).fill(0), employeeSurvey: false, nps: false },
      choices: defaultChoices(scenario, state),
    };
    const free = Math.max(0, state.firm.budget * 0.92 - q.people.trainingSpend - q.brandSpend);
    d.tiers.forEach((t) => (t.acquisitionSpend = (free * 0.9) / k));
    // Locks first (they can undo hires), then hours for the staff there will be, then the budget.
    const e = respectLocks(scenario, state, d);
    spreadHours(scenario, state, e, new Array<number>(k).fill(1), 0.9);
    return fitBudget(scenario, state, e);
  },
};
