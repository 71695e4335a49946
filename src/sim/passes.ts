/**
 * The round as data: its passes in order (MODEL.md section 4, re-tiering first: the plan's
 * rule sorts the customers on the data of the start of the quarter, exactly as its preview
 * showed). Each pass declares what it reads and writes; no pass imports another; they share
 * only the round's context. A new mechanism (the market mode's passes) is a new entry here.
 */
import type { Pass } from './pass';
import { acquisitionPass } from './systems/acquisition';
import { capabilityPass } from './systems/capability';
import { churnPass } from './systems/churn';
import { employeesPass } from './systems/employees';
import { eventsPass } from './systems/events';
import { financePass } from './systems/finance';
import { kpisPass } from './systems/kpis';
import { lifecyclePass } from './systems/lifecycle';
import { purchasesPass } from './systems/purchases';
import { referralsPass } from './systems/referrals';
import { satisfactionPass } from './systems/satisfaction';
import { scoringPass } from './systems/scoring';
import { servicePass } from './systems/service';
import { measurementPass } from './systems/surveys';
import { tieringPass } from './systems/tiering';
import { valuationPass } from './systems/valuation';
import { winBackPass } from './systems/winBack';

/** Every pass of a round, in the order they run. */
export const PASSES: readonly Pass[] = [
  capabilityPass,
  tieringPass,
  eventsPass,
  employeesPass,
  servicePass,
  satisfactionPass,
  churnPass,
  purchasesPass,
  referralsPass,
  acquisitionPass,
  winBackPass,
  lifecyclePass,
  financePass,
  measurementPass,
  valuationPass,
  kpisPass,
  scoringPass,
];
