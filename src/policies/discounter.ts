import type { Decisions } from '../sim/index';
import { finish, freeBudget, oneTier, planFrom } from './fit';
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
    const d = planFrom(scenario, state, oneTier(), (k) => new Array<number>(k).fill(0), 0.85);
    const k = d.tiering.tierCount;
    const free = freeBudget(scenario, state);
    d.tiers.forEach((t) => (t.acquisitionSpend = (free * 0.9) / k));
    return finish(scenario, state, d, new Array<number>(k).fill(1), 0.9);
  },
};
