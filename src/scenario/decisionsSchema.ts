/**
 * The schema of {@link Decisions}: one round's levers. Used for a scenario's
 * `initialDecisions` and, by the CLI, for the decisions of run files.
 */
import { z } from 'zod';
import type { Decisions } from '../sim/config';
import { bool, id, int, listOf, money, num } from './fields';

/** Most tiers a scenario may define (and a learner may use). */
export const MAX_TIERS = 5;

/** Money per CRM module, as a stock or an investment (`what` says which). */
export const systemsSpend = (what: string) =>
  z
    .strictObject({
      salesAutomation: money(`Sales-force automation (SFA) module: ${what}.`),
      marketingAutomation: money(`Marketing-automation module: ${what}.`),
      serviceDesk: money(`Customer-service desk module: ${what}.`),
      dataPlatform: money(`Data platform (data quality and integration): ${what}.`),
    })
    .describe(`Money per CRM module: ${what}.`);

const weight = (what: string) => num(0, 100, `Weight of ${what} in the tiering score (≥ 0, relative to the other weights).`);

const tieringSchema = z
  .strictObject({
    tierCount: int(1, MAX_TIERS, 'How many tiers the learner uses, 1..the scenario\'s tiers; 1 means undifferentiated treatment.'),
    weights: z
      .strictObject({
        revenue: weight('trailing revenue'),
        margin: weight('margin'),
        influence: weight('estimated influence'),
        potential: weight('estimated potential'),
        tenure: weight('tenure'),
      })
      .describe('Weights of the dimensions of the tiering score, each relative to the firm\'s mean.'),
    cutoffs: z
      .discriminatedUnion('mode', [
        z
          .strictObject({
            mode: z.literal('share').describe('Cut by shares of customers, top tier first.'),
            shares: listOf(num(0, 1, 'Share of customers in this tier, 0..1.'), 1, MAX_TIERS, 'Share of customers per tier, top tier first; one per tier in use, summing to 1.'),
          })
          .describe('Cut the ranked customers by shares.'),
        z
          .strictObject({
            mode: z.literal('score').describe('Cut by score thresholds.'),
            thresholds: listOf(num(-1e9, 1e9, 'Lowest score of the tier above this boundary.'), 0, MAX_TIERS - 1, 'Score thresholds, descending; one per boundary between tiers (tierCount - 1).'),
          })
          .describe('Cut by score thresholds.'),
      ])
      .describe('How the score is cut into tiers (top tier first).'),
    topIfRevenueAbove: money('The one-vote rule: trailing annual revenue above this always lands in the top tier').optional(),
  })
  .describe('The tiering rule: how customers are scored and cut into tiers.');

const tierDecisionSchema = z
  .strictObject({
    serviceHours: num(0, 500, 'Staff service hours per customer per round, 0..500.'),
    relationshipSpend: money('Relationship programme / account management spend per customer per round'),
    priceIndex: num(0.5, 1.5, 'Price index, 1 = list price; below 1 is a discount. 0.5..1.5.'),
    retentionBudget: money('Retention offers for this tier\'s at-risk customers this round'),
    acquisitionSpend: money('Spend to acquire prospects like this tier'),
    winBackSpend: money('Spend to win back lapsed customers last in this tier'),
  })
  .describe('Levers of one tier.');

/** The schema of one round's decisions. */
export const decisionsSchema = z
  .strictObject({
    tiering: tieringSchema,
    tiers: listOf(tierDecisionSchema, 1, MAX_TIERS, 'Levers per tier in use, top tier first (length = tiering.tierCount).'),
    people: z
      .strictObject({
        hires: int(0, 100_000, 'Employees hired this round.'),
        layoffs: int(0, 100_000, 'Employees laid off this round.'),
        wageIndex: num(0.5, 2, 'Wage relative to the market, 1 = market wage; 0.5..2.'),
        trainingSpend: money('Training spend this round'),
      })
      .describe('Staffing, wages and training.'),
    systems: systemsSpend('investment this round'),
    research: z
      .strictObject({
        surveySample: listOf(int(0, 100_000, 'Satisfaction-survey responses in this tier.'), 1, MAX_TIERS, 'Satisfaction-survey sample size per tier in use.'),
        employeeSurvey: bool('Run the employee-satisfaction survey.'),
        nps: bool('Ask the Net Promoter question of the same sample.'),
      })
      .describe('Market research this round.'),
    brandSpend: money('Brand spend this round'),
    recovery: z
      .strictObject({
        budgetPerFailure: money('Service-recovery budget per service failure'),
        empowerment: num(0, 1, 'Employee empowerment to resolve complaints on the spot, 0..1.'),
      })
      .describe('Service recovery.'),
    choices: listOf(
      z
        .strictObject({
          event: id('The choice-card event.'),
          option: id('The option taken.'),
        })
        .describe('An option chosen on a choice card.'),
      0,
      50,
      'The options chosen on this round\'s choice cards.',
    ),
  })
  .describe('Everything the learner decides for one round.');

type Assert<T extends true> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time proof that the schema produces exactly the sim's {@link Decisions}. */
export type DecisionsSchemaMatchesSim = Assert<Same<z.output<typeof decisionsSchema>, Decisions>>;
