/**
 * The simulation core's public surface. Pure and deterministic: no DOM, no I/O, no clock.
 * See CONTEXT in `src/sim/README.md`.
 */
export * from './config';
export * from './params';
export * from './report';
export * from './state';
export * from './text';
export { newGame } from './newGame';
export { step, stepInPlace, stepCounterfactual, type StepResult, type SystemMark } from './step';
export * from './attribution';
export { validateDecisions, planUse, planLimits, problemsText, type PlanUse } from './validate';
export * from './decisions/index';
export { dataQualityOf, estimatedInfluence, estimatedPotential } from './model/tiers';
export { previewTiers, tierProfile, type TierProfile } from './systems/tiering';
export { lockedLevers } from './validate';
export { pendingChoices } from './systems/events';
export { objectivesDue, objectiveValue, objectiveMet } from './systems/scoring';
export { hashState, hashJson } from './hash';
export { cloneState } from './clone';
export { MAX_FIRMS, defaultFirmName, firmKey, hashMarket, marketFirms, marketSetupProblem, marketSizeProblem, newMarket, stepMarket, type MarketFirm, type MarketFirmRound, type MarketRound, type MarketState, type MarketStepResult } from './market/market';
export { stepMarketCounterfactual } from './market/market';
export { explainMarketQuarter, marketExplanation, type EarlierQuarter, type ExplainOptions, type PlayedQuarter } from './market/explain';
