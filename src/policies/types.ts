import type { Decisions, RoundReport, ScenarioConfig, SimState } from '../sim/index';

/** What a reference strategy sees: the scenario, the state (it reads only observed data), the last report. */
export interface PolicyContext {
  scenario: ScenarioConfig;
  state: SimState;
  lastReport: RoundReport | null;
  /** A seeded uniform generator in [0, 1) for this game and round. */
  random: () => number;
}

/** A reference strategy: decisions for the next round. Always returns decisions the engine accepts. */
export interface Policy {
  id: PolicyId;
  /** One line on what it does, in both languages. */
  summary: { en: string; 'zh-CN': string };
  decide(ctx: PolicyContext): Decisions;
}

export type PolicyId = 'uniform' | 'value-based' | 'cost-cutter' | 'discounter' | 'random';
