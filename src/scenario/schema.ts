/**
 * The scenario file format: the zod schema is its source of truth. It produces exactly the
 * sim's {@link ScenarioConfig} (proved at compile time below); the JSON Schema for editors
 * is generated from it (`jsonSchema.ts`). Cross-field rules live in `semantics.ts`.
 */
import { z } from 'zod';
import type { ScenarioConfig } from '../sim/config';
import { MAX_TIERS, decisionsSchema, systemsSpend } from './decisionsSchema';
import { leverUnlockSchema, newsItemSchema, objectiveSchema, scenarioEventSchema, scoringSchema } from './eventsSchema';
import { currency, id, int, listOf, localText, money, num, oneOf, positive, text, trait } from './fields';
import { modelSchema } from './modelSchema';
import { MAX_FIRM_NAME, MAX_FIRMS } from '../sim/market/setup';

export { decisionsSchema } from './decisionsSchema';

/** The version of the file format this code writes and reads natively. */
export const CURRENT_SCHEMA_VERSION = 2;

const WALLET_MAX = 1e9;

const walletSchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('lognormal').describe('Log-normal distribution.'),
        median: positive(WALLET_MAX, 'Median category spend per round (money, > 0).'),
        sigma: num(0, 3, 'Standard deviation of the log of the spend, 0..3.'),
      })
      .describe('Log-normal wallets.'),
    z
      .strictObject({
        kind: z.literal('pareto').describe('Pareto distribution, truncated at max.'),
        min: positive(WALLET_MAX, 'Smallest category spend per round (money, > 0).'),
        alpha: num(0.5, 10, 'Tail index, 0.5..10; smaller means a heavier tail.'),
        max: positive(WALLET_MAX, 'Largest category spend per round (money, > min).'),
      })
      .describe('Pareto wallets (heavy tail), truncated at max.'),
  ])
  .describe('Category spend per round at list price (money).');

const segmentSchema = z
  .strictObject({
    id: id('Segment id, unique in the scenario.'),
    name: localText(200, 'Name of the segment.'),
    share: num(0, 1, 'Share of the population, 0..1; the shares of all segments sum to 1.'),
    wallet: walletSchema,
    margin: trait(0, 1, 'rate', 'Gross margin rate at list price, 0..1.'),
    influence: trait(0, 1, 'share', 'Market influence, 0..1.'),
    influenceWithWallet: num(0, 1, 'How much influence rises with wallet rank (0: independent, 1: strongly).'),
    potential: trait(-0.5, 1, 'growth per year', 'Expected wallet growth per year, -0.5..1.'),
    orientation: trait(0, 1, 'share', 'Relationship (1) vs transactional (0) orientation.'),
    priceSensitivity: trait(0, 1, 'share', 'Price sensitivity, 0..1.'),
    expectation: trait(0, 100, 'points', 'Expected value (points 0..100).'),
    satisfaction: trait(0, 100, 'points', 'Initial true satisfaction (points 0..100).'),
    loyalty: trait(0, 1, 'share', 'Initial loyalty, 0..1.'),
    shareOfWallet: trait(0, 1, 'share', 'Initial share of wallet, 0..1.'),
    maxTenure: int(0, 200, 'Initial tenure in rounds is drawn uniformly from 0..maxTenure.'),
  })
  .describe('A true sub-population (not the firm\'s tier), e.g. high-net-worth, ordinary, small business.');

const firmSchema = z
  .strictObject({
    cash: money('Cash at the start'),
    headcount: int(0, 100_000, 'Employees at the start.'),
    hoursPerStaff: num(0, 2000, 'Contracted staff hours per employee per round, 0..2000.'),
    wage: money('Wage per employee per round at wage index 1'),
    hireCost: money('Cost of hiring one employee'),
    severance: money('Cost of laying off one employee'),
    fixedCosts: money('Fixed costs per round (rent, overhead)'),
    experience: num(0, 200, 'Initial average staff tenure (rounds).'),
    employeeSatisfaction: num(0, 100, 'Initial employee satisfaction (points 0..100).'),
    trainingStock: money('Initial training stock'),
    brandStock: money('Initial brand stock'),
    systems: systemsSpend('initial stock'),
    budget: z
      .strictObject({
        base: money('Budget every round'),
        reinvest: num(0, 1, 'Share of last round\'s operating profit added to the budget, 0..1.'),
      })
      .describe('The budget rule: base + reinvest × max(0, last round\'s operating profit), at most cash.'),
    insolvency: z
      .strictObject({
        mode: oneOf(['loan', 'gameOver'], 'When cash runs out: a rescue loan, or the game ends.'),
        maxDebt: money('Largest rescue debt'),
      })
      .describe('What happens when cash runs out.'),
  })
  .describe('The firm at the start.');

const marketSchema = z
  .strictObject({
    firms: z
      .strictObject({
        min: int(2, MAX_FIRMS, `The fewest firms a market of this scenario may have, 2..${MAX_FIRMS}.`),
        max: int(2, MAX_FIRMS, `The most firms a market of this scenario may have, 2..${MAX_FIRMS}.`),
        default: int(2, MAX_FIRMS, 'The number of firms the facilitator\'s setup starts with, from min to max.'),
      })
      .describe('How many firms compete in one market.'),
    names: listOf(localText(MAX_FIRM_NAME, 'A firm\'s default name.'), 1, MAX_FIRMS, 'Default names of the firms in seat order, e.g. the hotels of a district; seats beyond the list are named by letter.').optional(),
    start: z
      .discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('equal').describe('Each firm gets a fair share of every value band of the initial customers.') }).describe('An equal start.'),
        z
          .strictObject({
            kind: z.literal('shares').describe('Each firm gets its own share of every value band of the initial customers.'),
            shares: listOf(num(0.02, 0.98, 'A firm\'s share of the initial customers, 0.02..0.98.'), 2, MAX_FIRMS, 'Each seat\'s share of the initial customers, in seat order; they sum to 1, one per firm (firms.min = firms.max = their number).'),
          })
          .describe('An incumbent and challengers: per-firm starting shares. Only the customers differ; every firm starts with the scenario\'s firm (cash, staff, stocks).'),
      ])
      .describe('How the initial customers are split among the firms; default equal.')
      .optional(),
  })
  .describe('How this scenario plays as a market of several firms (a 沙盘 class); absent: 2..8 firms, 4 by default, an equal start.');

/** Most parameters a class variant may perturb. */
export const MAX_VARIANTS = 20;

const variantSchema = z
  .strictObject({
    path: text(200, 'The dot-separated path of a number in this scenario, as --set takes it, e.g. "model.churn.base" or "firm.budget".'),
    min: z.number().describe('The lowest value a class code may give it (valid for that field).'),
    max: z.number().describe('The highest value a class code may give it (valid for that field), at least min.'),
    step: z.number().positive().describe('Values are min plus a whole number of steps, e.g. 1000 for money, 0.01 for a share; absent: any value.').optional(),
  })
  .describe('One parameter a class code perturbs: each class gets its own value in [min, max], the same for every student of the class.');

/** The schema of a scenario file (after migration to the current version). */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().describe('The JSON Schema of this file, for editor autocompletion, e.g. "./scenario.schema.json".').optional(),
    schemaVersion: z
      .literal(CURRENT_SCHEMA_VERSION)
      .describe(`Format version of this file; the current version is ${CURRENT_SCHEMA_VERSION} (older files are upgraded on load).`),
    id: id('Stable scenario id, e.g. "ad-agency".'),
    title: localText(200, 'Title of the scenario.'),
    description: localText(2000, 'One-paragraph description for the scenario list.'),
    difficulty: int(1, 5, 'Difficulty, 1 (easy) .. 5 (hard).'),
    industry: oneOf(['agency', 'hotel', 'bank', 'retail', 'services', 'other'], 'Industry of the firm.'),
    currency: currency('ISO 4217 code of the money in this scenario, e.g. "CNY".'),
    rounds: int(4, 40, 'Number of rounds (quarters), 4..40.'),
    briefing: localText(20_000, 'The briefing the learner reads before round 1.'),
    tiers: listOf(
      z
        .strictObject({
          id: id('Tier id used by events and objectives, e.g. "platinum".'),
          name: localText(200, 'Name of the tier.'),
        })
        .describe('One tier of the customer pyramid.'),
      1,
      MAX_TIERS,
      'The customer pyramid, top tier first; 1..5 tiers. The learner may use fewer.',
    ),
    population: z
      .strictObject({
        size: int(50, 200_000, 'Initial number of customers, 50..200,000.'),
        segments: listOf(segmentSchema, 1, 20, 'Sub-populations the customers and prospects are drawn from; shares sum to 1.'),
      })
      .describe('How the initial customers and new prospects are drawn.'),
    firm: firmSchema,
    rival: z
      .strictObject({
        pressure: num(0, 2, 'Competitive pressure, 0 (none) .. 2 (fierce).'),
        priceIndex: num(0.5, 1.5, 'The rival\'s price index (1 = the same list price as ours), 0.5..1.5.'),
      })
      .describe('The competitor\'s baseline; events add to it.'),
    initialDecisions: decisionsSchema.describe('The firm\'s status quo, used for round 1 and for locked levers.'),
    unlocks: listOf(leverUnlockSchema, 0, 40, 'Levers the learner may change, by round (tutorial). Absent: every lever from round 1.').optional(),
    events: listOf(scenarioEventSchema, 0, 200, 'Scripted events.'),
    news: listOf(newsItemSchema, 0, 400, 'Headlines for the news feed.'),
    objectives: listOf(objectiveSchema, 0, 50, 'Measurable goals.'),
    scoring: scoringSchema,
    model: modelSchema.optional(),
    market: marketSchema.optional(),
    variants: listOf(variantSchema, 0, MAX_VARIANTS, 'Class variants: parameters a class code perturbs within their ranges, so that every class plays its own version and last year\'s answers do not transfer. Not part of the game itself: the values a class code gives are recorded as overrides.').optional(),
  })
  .describe('A CRM Sandbox scenario.');

/** A scenario file as written (the config plus the optional `$schema`). */
export type ScenarioFile = z.output<typeof scenarioSchema>;

type Assert<T extends true> = T;
type Assignable<A, B> = [A] extends [B] ? true : false;
/**
 * Compile-time proof that the schema and the sim agree: every valid file is a
 * {@link ScenarioConfig}, and every config (with the current version) is a valid file shape.
 */
export type ScenarioSchemaMatchesSim = [
  Assert<Assignable<ScenarioFile, ScenarioConfig>>,
  Assert<Assignable<Omit<ScenarioConfig, 'schemaVersion'>, Omit<ScenarioFile, 'schemaVersion' | '$schema'>>>,
];
