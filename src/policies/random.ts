import { type Decisions } from '../sim/index';
import { allowedRule, blankTier, finish, NO_WEIGHTS, statusQuo } from './fit';
import type { Policy, PolicyContext } from './types';

/** Random but playable decisions from the seeded generator (for tests and balance studies). */
export const random: Policy = {
  id: 'random',
  summary: { en: 'Seeded random decisions that fit the budget and the staff.', 'zh-CN': '在预算和人员约束内随机决策（可复现）。' },
  decide(ctx: PolicyContext): Decisions {
    const { scenario, state } = ctx;
    const rnd = ctx.random;
    const q = statusQuo(scenario);
    const maxK = scenario.tiers.length;
    const wishK = 1 + Math.floor(rnd() * maxK);
    const raw = Array.from({ length: wishK }, () => 0.05 + rnd());
    const sum = raw.reduce((a, b) => a + b, 0);
    const shares = raw.map((x) => x / sum);
    shares[wishK - 1] = 1 - shares.slice(0, wishK - 1).reduce((a, b) => a + b, 0);
    const rule = allowedRule(scenario, state, {
      tierCount: wishK,
      weights: { ...NO_WEIGHTS, revenue: rnd(), margin: rnd() * 0.5, influence: rnd(), potential: rnd() * 0.5, tenure: rnd() * 0.3 },
      cutoffs: { mode: 'share', shares },
    });
    const k = rule.tierCount;
    const d: Decisions = {
      ...q,
      tiering: rule,
      tiers: Array.from({ length: k }, () => ({ ...blankTier(), priceIndex: Math.round((0.85 + rnd() * 0.3) * 100) / 100 })),
      people: {
        hires: Math.floor(rnd() * 4),
        layoffs: Math.min(state.firm.headcount, Math.floor(rnd() * 3)),
        wageIndex: Math.round((0.85 + rnd() * 0.3) * 100) / 100,
        trainingSpend: 0,
      },
      research: { surveySample: new Array<number>(k).fill(0).map(() => Math.floor(rnd() * 15)), employeeSurvey: rnd() < 0.3, nps: rnd() < 0.3 },
      recovery: { budgetPerFailure: Math.floor(rnd() * 3000), empowerment: Math.round(rnd() * 100) / 100 },
      choices: scenario.events
        .filter((e) => e.round === state.round + 1 && e.options && e.options.length > 0)
        .map((e) => ({ event: e.id, option: e.options![Math.floor(rnd() * e.options!.length)]!.id })),
    };
    const budget = state.firm.budget * (0.3 + rnd() * 0.6);
    const parts = Array.from({ length: 8 }, () => rnd());
    const total = parts.reduce((a, b) => a + b, 0);
    const part = (i: number): number => (budget * parts[i]!) / total;
    const counts = Math.max(1, state.customers.count);
    d.tiers.forEach((t) => {
      t.relationshipSpend = part(0) / counts;
      t.acquisitionSpend = part(1) / k;
      t.retentionBudget = part(2) / k;
      t.winBackSpend = part(3) / k;
    });
    d.people.trainingSpend = part(4);
    d.brandSpend = part(5);
    d.systems = { salesAutomation: part(6) / 4, marketingAutomation: part(6) / 4, serviceDesk: part(6) / 4, dataPlatform: part(6) / 4 };
    return finish(scenario, state, d, d.tiers.map(() => 0.2 + rnd()), 0.6 + rnd() * 0.6);
  },
};
