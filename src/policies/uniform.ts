import type { Decisions } from '../sim/index';
import { blankTier, defaultChoices, fitBudget, hiresToKeep, oneTier, respectLocks, spreadHours, statusQuo, allowedRule } from './fit';
import type { Policy, PolicyContext } from './types';

/**
 * Undifferentiated service (the starting point of C24): one tier, every customer the same
 * hours and programme spend, acquisition aimed at everyone, headcount kept.
 */
export const uniform: Policy = {
  id: 'uniform',
  summary: {
    en: 'One tier: every customer gets the same service and programme; budget split evenly.',
    'zh-CN': '不分级：所有客户获得相同的服务和关系投入，预算平均分配。',
  },
  decide(ctx: PolicyContext): Decisions {
    const { scenario, state } = ctx;
    const q = statusQuo(scenario);
    const rule = allowedRule(scenario, state, oneTier());
    const k = rule.tierCount;
    const d: Decisions = {
      ...q,
      tiering: rule,
      tiers: Array.from({ length: k }, () => blankTier()),
      people: { ...q.people, hires: hiresToKeep(state, scenario.firm.headcount), layoffs: 0 },
      research: { surveySample: new Array<number>(k).fill(Math.min(30, Math.floor(state.initialCount / 10 / k))), employeeSurvey: false, nps: false },
      choices: defaultChoices(scenario, state),
    };
    const active = state.customers.count;
    const free = state.firm.budget * 0.92 - q.people.trainingSpend - q.brandSpend;
    const acq = Math.max(0, free) * 0.3;
    const rel = Math.max(0, free) * 0.7;
    d.tiers.forEach((t) => {
      t.acquisitionSpend = acq / k;
      t.relationshipSpend = active > 0 ? rel / Math.max(1, active * 0.9) : 0;
    });
    // Locks first (they can undo hires), then hours for the staff there will be, then the budget.
    const e = respectLocks(scenario, state, d);
    spreadHours(scenario, state, e, new Array<number>(k).fill(1), 0.9);
    return fitBudget(scenario, state, e);
  },
};
