/**
 * The scenario file format: schema, migrations, semantic checks and the loader. Runs in the
 * browser, a worker and Node alike (no file access: callers hand in the text).
 */
export { CURRENT_SCHEMA_VERSION, decisionsSchema, scenarioSchema, type ScenarioFile } from './schema';
export { modelSchema } from './modelSchema';
export { loadScenario, marketSizeIssues, playableIssues, readScenarioFile, validateScenarioJson, MAX_DEPTH, MAX_ISSUES, MAX_TEXT_CHARS, type LoadResult, type ScenarioFileResult, type ScenarioIssue } from './load';
export { decodeBytes, fileText, MAX_FILE_BYTES, type Decoded, type DecodeProblem, type TextEncoding } from './decode';
export { claimIssues, readRunFile, replayReports, verifyRunFile, type Actual, type ReadRun, type Replayed, type RunHost, type RunVerdict } from './readRun';
export { marketClaimIssues, readMarketRunFile, replayMarketRun, verifyMarketRunFile, type MarketActual, type MarketRunVerdict, type ReadMarketRun, type ReplayedMarket, type ReplayedQuarter } from './marketRun';
export { migrateScenarioJson, checkMigrations, MIGRATIONS, OLDEST_SCHEMA_VERSION, type Migration, type MigrationResult } from './migrate';
export { checkScenarioSemantics, DEFAULT_LIMITS, type ScenarioLimits } from './semantics';
export { scenarioJsonSchema, renderScenarioJsonSchema, SCENARIO_SCHEMA_ID } from './jsonSchema';
export { applyOverrides, parseOverrideValue, type OverrideResult } from './override';
export type { Problem, Detail, Expectation, Found, PathSegment } from './problem';
