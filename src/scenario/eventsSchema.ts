/**
 * Schemas of the scripted parts of a scenario: events and their effects, news, objectives,
 * lever unlocks and scoring.
 */
import { z } from 'zod';
import { LEVERS, type KpiName, type Lever } from '../sim/config';
import { id, int, listOf, localText, num, oneOf, positive, round, tagTarget } from './fields';

const MAX_CUSTOMERS = 200_000;

const target = tagTarget(
  z
    .union([
      z.strictObject({ all: z.literal(true).describe('Every customer.') }).describe('Every customer.'),
      z.strictObject({ tier: id('A tier id of this scenario.') }).describe('The customers the firm has in this tier.'),
      z.strictObject({ segment: id('A segment id of this scenario.') }).describe('The customers of this true segment.'),
      z
        .strictObject({ largest: int(1, MAX_CUSTOMERS, 'How many of the largest customers (by trailing revenue).') })
        .describe('The largest customers by trailing revenue.'),
    ])
    .describe('Whom the effect touches.'),
);

const rounds = int(1, 40, 'How many rounds the effect lasts, from the event\'s round.');

const effect = <K extends string, S extends z.ZodRawShape>(kind: K, doc: string, shape: S) =>
  z.strictObject({ kind: z.literal(kind).describe(doc), ...shape }).describe(doc);

/** What an event (or a choice-card option) does. */
export const eventEffectSchema = z
  .discriminatedUnion('kind', [
    effect('rivalPressure', 'The rival\'s competitive pressure changes for a while.', {
      delta: num(-2, 2, 'Change of the rival\'s pressure (pressure is 0..2).'),
      rounds,
    }),
    effect('rivalPrice', 'The rival\'s price index changes for a while.', {
      delta: num(-1, 1, 'Change of the rival\'s price index.'),
      rounds,
    }),
    effect('expectation', 'Customers\' expected value changes.', {
      delta: num(-100, 100, 'Change of expectation (points).'),
      target,
    }),
    effect('satisfaction', 'Customers\' true satisfaction changes.', {
      delta: num(-100, 100, 'Change of satisfaction (points).'),
      target,
    }),
    effect('wallet', 'Customers\' category spend is multiplied.', {
      factor: num(0, 10, 'Wallet multiplier, 0..10 (1 = unchanged).'),
      target,
    }),
    effect('priceOverride', 'These customers\' price index is fixed for a while.', {
      priceIndex: num(0.5, 1.5, 'The fixed price index, 0.5..1.5.'),
      rounds,
      target,
    }),
    effect('churn', 'These customers leave with a probability this round.', {
      probability: num(0, 1, 'Probability of leaving, 0..1.'),
      target,
    }),
    effect('cash', 'The firm gains or loses cash.', {
      amount: num(-1e12, 1e12, 'Money added to cash (negative: taken).'),
    }),
    effect('productValue', 'The product value every customer receives changes for a while.', {
      delta: num(-100, 100, 'Change of product value (points).'),
      rounds,
    }),
    effect('wageFactor', 'Wages paid, and felt by staff, are multiplied for a while (e.g. a pay cut imposed by headquarters).', {
      factor: num(0.5, 1.5, 'Multiplier on the wage index, 0.5..1.5.'),
      rounds,
    }),
    effect('employeeSatisfaction', 'Employee satisfaction changes at once, then returns toward its target.', {
      delta: num(-100, 100, 'Change of employee satisfaction (points).'),
    }),
  ])
  .describe('What the event does.');

const effects = listOf(eventEffectSchema, 0, 20, 'Effects, applied at the start of the event\'s round.');

/** A scripted event; with `options` it is a choice card. */
export const scenarioEventSchema = z
  .strictObject({
    id: id('Event id, unique in the scenario.'),
    round: round('Round (1-based) at whose start the event happens.'),
    title: localText(200, 'Headline of the event.'),
    text: localText(5000, 'What happened.'),
    effects,
    options: listOf(
      z
        .strictObject({
          id: id('Option id, unique on this card.'),
          label: localText(500, 'What the learner sees on the option.'),
          effects: listOf(eventEffectSchema, 0, 20, 'Effects of taking this option.'),
        })
        .describe('An option of a choice card.'),
      2,
      6,
      'Present for a choice card: the learner picks one option with that round\'s decisions.',
    ).optional(),
    defaultOption: id('The option taken when the learner picks none (choice cards only).').optional(),
  })
  .describe('A scripted event at the start of a round.');

/** A headline of the news feed. */
export const newsItemSchema = z
  .strictObject({
    round: round('Round at whose start the headline appears.'),
    text: localText(1000, 'The headline.'),
  })
  .describe('A headline for the news feed.');

const KPI_NAMES = [
  'profit', 'cumulativeProfit', 'revenue', 'customers', 'retention', 'satisfaction', 'loyalty',
  'shareOfWallet', 'customerEquity', 'employeeSatisfaction', 'acquired', 'cash',
] as const satisfies readonly KpiName[];

/** A measurable goal. */
export const objectiveSchema = z
  .strictObject({
    id: id('Objective id, unique in the scenario.'),
    text: localText(1000, 'The goal as the learner reads it.'),
    kpi: oneOf(KPI_NAMES, 'The KPI measured.'),
    tier: id('A tier id: measure the KPI of that tier only (customer KPIs).').optional(),
    op: oneOf(['>=', '<='], 'Met when the KPI is at least (>=) or at most (<=) the target.'),
    target: num(-1e15, 1e15, 'The target value, in the KPI\'s unit.'),
    round: round('Checked at the end of this round; absent: the last round.').optional(),
    points: num(0, 1e6, 'Points for meeting it.'),
  })
  .describe('A measurable goal.');

/** Levers opened from a round on (tutorials). */
export const leverUnlockSchema = z
  .strictObject({
    round: round('From this round on, the levers are open.'),
    levers: listOf(
      oneOf(LEVERS as readonly Lever[] as [Lever, ...Lever[]], 'A lever.'),
      1,
      LEVERS.length,
      'The levers opened.',
    ),
  })
  .describe('Levers the learner may change from a round on.');

/** How the score is computed. */
export const scoringSchema = z
  .strictObject({
    moneyPerPoint: positive(1e12, 'Money that makes one point (> 0).'),
    phases: listOf(
      z
        .strictObject({
          fromRound: round('First round of the phase; the first phase starts in round 1.'),
          name: localText(200, 'Name of the phase.'),
          profit: num(0, 100, 'Weight of each round\'s profit (money, per moneyPerPoint).'),
          revenue: num(0, 100, 'Weight of each round\'s revenue (money, per moneyPerPoint).'),
          acquired: num(0, 1e6, 'Points per acquired customer.'),
          satisfaction: num(0, 1e6, 'Points per point of true mean satisfaction each round.'),
        })
        .describe('Per-round score weights from fromRound on.'),
      1,
      40,
      'Phases, by first round, ascending; the first from round 1.',
    ),
    equityWeight: num(0, 100, 'Weight of the final customer equity (money, per moneyPerPoint).'),
  })
  .describe('How the score is computed; weights may change by phase.');
