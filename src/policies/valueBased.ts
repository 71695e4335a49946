import { tierProfile, type Decisions, type TieringRule } from '../sim/index';
import { allowedRule, finish, freeBudget, NO_WEIGHTS, planFrom } from './fit';
import type { Policy, PolicyContext } from './types';

/** The value-based rule: trailing revenue and estimated influence (the 2-D value grid of C24), few tiers. */
export function valueRule(maxTiers: number): TieringRule {
  const k = Math.min(3, maxTiers);
  const shares = k === 3 ? [0.1, 0.3, 0.6] : k === 2 ? [0.25, 0.75] : [1];
  return { tierCount: k, weights: { ...NO_WEIGHTS, revenue: 0.75, influence: 0.25 }, cutoffs: { mode: 'share', shares } };
}

/**
 * Value-based tiered service (C19-C25): tiers by revenue and influence, staff time in
 * proportion to each tier's value (the square root of its revenue, a proxy for its service
 * need), relationship money and retention offers concentrated on the top tiers, acquisition
 * aimed at prospects like the top and middle tiers.
 */
export const valueBased: Policy = {
  id: 'value-based',
  summary: {
    en: 'Tiers by revenue and influence; service, programmes and acquisition concentrated where the value is.',
    'zh-CN': '按收入和影响力分级；服务、关系投入和获客集中在高价值客户上。',
  },
  decide(ctx: PolicyContext): Decisions {
    const { scenario, state } = ctx;
    const rule = allowedRule(scenario, state, valueRule(scenario.tiers.length));
    const prof = tierProfile(scenario, state, rule);
    const d = planFrom(scenario, state, rule, () => prof.counts.map((c) => Math.min(20, Math.floor(c / 4))));
    const k = d.tiering.tierCount;
    const free = freeBudget(scenario, state);
    const relShare = k === 3 ? [0.55, 0.35, 0.1] : k === 2 ? [0.75, 0.25] : [1];
    const acqShare = k === 3 ? [0.4, 0.6, 0] : k === 2 ? [0.6, 0.4] : [1];
    d.tiers.forEach((t, i) => {
      const n = prof.counts[i]!;
      t.relationshipSpend = n > 0 ? (free * 0.6 * relShare[i]!) / n : 0;
      t.acquisitionSpend = free * 0.3 * acqShare[i]!;
      t.retentionBudget = i < k - 1 || k === 1 ? (free * 0.1) / Math.max(1, k - 1) : 0;
    });
    return finish(scenario, state, d, prof.meanRevenue.map((r) => Math.sqrt(Math.max(0, r))), 0.92);
  },
};
