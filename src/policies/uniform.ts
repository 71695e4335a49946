import type { Decisions } from '../sim/index';
import { finish, freeBudget, oneTier, planFrom } from './fit';
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
    const d = planFrom(scenario, state, oneTier(), (k) => new Array<number>(k).fill(Math.min(30, Math.floor(state.initialCount / 10 / k))));
    const k = d.tiering.tierCount;
    const active = state.customers.count;
    const free = freeBudget(scenario, state);
    d.tiers.forEach((t) => {
      t.acquisitionSpend = (free * 0.3) / k;
      t.relationshipSpend = active > 0 ? (free * 0.7) / Math.max(1, active * 0.9) : 0;
    });
    return finish(scenario, state, d, new Array<number>(k).fill(1), 0.9);
  },
};
