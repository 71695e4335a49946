import type { Decisions } from '../sim/index';
import { defaultChoices, finish, statusQuo } from './fit';
import type { Policy, PolicyContext } from './types';

/**
 * The cost cutter (the trap of C8/C9): keeps the status quo but stops training, pays 15%
 * below market, lays off a tenth of the staff at once and never hires; the remaining staff
 * carry the same customers.
 */
export const costCutter: Policy = {
  id: 'cost-cutter',
  summary: {
    en: 'Status quo, but no training, wages 15% below market, 10% layoffs and no hiring.',
    'zh-CN': '维持现状，但停止培训、工资低于市场15%、裁员10%且不再招聘。',
  },
  decide(ctx: PolicyContext): Decisions {
    const { scenario, state } = ctx;
    const d: Decisions = { ...statusQuo(scenario), choices: defaultChoices(scenario, state) };
    d.people = {
      hires: 0,
      layoffs: state.round === 0 ? Math.floor(state.firm.headcount / 10) : 0,
      wageIndex: 0.85,
      trainingSpend: 0,
    };
    const hours = d.tiers.map((t) => t.serviceHours);
    return finish(scenario, state, d, hours, 1.15);
  },
};
