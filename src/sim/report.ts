import type { LocalText } from './text';

/** Customer KPIs, for the firm as a whole or one tier. Money per round. */
export interface CustomerKpis {
  /** Active customers at the end of the round. */
  customers: number;
  revenue: number;
  /**
   * Gross profit minus the cost to serve of the group's customers who bought this round (a
   * customer who did not, lapsed or won back during it, adds nothing). For the firm as a whole:
   * operating profit (the books; `Finance.served*` reconcile the two).
   */
  profit: number;
  /** Mean share of wallet of active customers, 0..1. */
  shareOfWallet: number;
  /** Share of customers active at the start that are still active, 0..1. */
  retention: number;
  /** True mean satisfaction, points (hidden from the learner until the debrief). */
  satisfaction: number;
  /** True NPS, -100..100 (hidden). */
  nps: number;
  loyalty: number;
  /** Mean CLV of active customers and their sum (customer equity). */
  clv: number;
  customerEquity: number;
  acquired: number;
  referred: number;
  wonBack: number;
  churned: number;
  failures: number;
  complaints: number;
  recovered: number;
  /** Mean customer delivered value and its parts, points (C7). */
  value: ValueBreakdown;
}

/** Customer delivered value = total customer value - total customer cost (C7), mean points. */
export interface ValueBreakdown {
  product: number;
  service: number;
  personnel: number;
  image: number;
  relationship: number;
  /** Monetary cost: price against the rival's. */
  monetaryCost: number;
  /** Time and energy cost: waiting under overload. */
  timeCost: number;
  delivered: number;
  expectation: number;
}

/** A zeroed value breakdown. */
export function emptyValue(): ValueBreakdown {
  return { product: 0, service: 0, personnel: 0, image: 0, relationship: 0, monetaryCost: 0, timeCost: 0, delivered: 0, expectation: 0 };
}

/** Employee KPIs. */
export interface EmployeeKpis {
  headcount: number;
  /** Hires who came; `hiresAsked` were asked for (fewer come at pay below the market). */
  hires: number;
  hiresAsked: number;
  leavers: number;
  layoffs: number;
  /** Share of staff who left this round, 0..1. */
  turnover: number;
  /** True employee satisfaction, points. */
  satisfaction: number;
  /** Demand for staff time / capacity. Above 1 is overload. */
  workload: number;
  /** Skill 0..1. */
  skill: number;
  productivity: number;
  /** Oliva & Sterman service standard 0..1. */
  serviceStandard: number;
  /** Internal service quality 0..1. */
  internalServiceQuality: number;
}

/** The service-profit chain, one value per link (C8). */
export interface ChainLinks {
  internalServiceQuality: number;
  employeeSatisfaction: number;
  /** 1 - turnover. */
  employeeRetention: number;
  productivity: number;
  /** Mean service quality delivered, points. */
  serviceValue: number;
  customerSatisfaction: number;
  customerLoyalty: number;
  revenue: number;
  profit: number;
}

/** Money in and out this round. `cashAfter = cashBefore + inflows - outflows` (up to rounding). */
export interface Finance {
  cashBefore: number;
  cashAfter: number;
  revenue: number;
  costOfGoods: number;
  grossProfit: number;
  /**
   * In a market: what other firms' customers bought from this firm as their secondary supplier
   * (the share of their wallet beyond their main firm), and its cost of goods. Not in any
   * customer's or tier's figures (they are other firms' customers); 0 in a solo game.
   */
  secondaryRevenue: number;
  secondaryCostOfGoods: number;
  /** The staff time those purchases take, at the firm's wages in its own customers' cost to serve per unit of their revenue, paid as extra hours. */
  secondaryServe: number;
  wages: number;
  hiring: number;
  severance: number;
  training: number;
  systems: number;
  brand: number;
  relationship: number;
  retention: number;
  acquisition: number;
  winBack: number;
  research: number;
  recovery: number;
  fixedCosts: number;
  interest: number;
  /** Event payments (positive in, negative out). */
  events: number;
  loan: number;
  inflows: number;
  outflows: number;
  operatingProfit: number;
  debt: number;
  budgetNext: number;
  /**
   * The cost to serve inside the customers' profit (the customers who bought this round), by
   * kind: the wages of their service hours, their relationship programme, the retention offers
   * and the recovery money they received. What the books spent beyond these (idle staff time,
   * programmes and offers for customers who left during the round) is in no customer's profit.
   */
  servedWages: number;
  servedRelationship: number;
  servedRetention: number;
  servedRecovery: number;
}

/** A survey result as the firm measures it (never the truth). */
export interface SurveyResult {
  tier: number;
  responses: number;
  /** Customers the sample was drawn from: the tier's members at the start of the quarter still active (the firm's own count). */
  population: number;
  /** Mean answer on the 1..5 scale. */
  mean: number;
  /** 95% margin of error of the mean. */
  marginOfError: number;
  /** Share answering 4 or 5. */
  topTwoBox: number;
  /** Measured NPS if bought, else null. */
  nps: number | null;
  npsMarginOfError: number | null;
}

/**
 * Notable per-customer events, as parallel arrays. `other` depends on the kind: the
 * referrer's slot for `referred`; the failure outcome (1..8, see OUTCOME_NAMES) for
 * `failure`; the previous tier for `upTier`/`downTier`; the tier otherwise.
 */
export interface CustomerEvents {
  count: number;
  kind: Uint8Array;
  customer: Int32Array;
  other: Int32Array;
}

/** Failure outcomes (the `other` of a failure event): silent, complained and not resolved, resolved slowly, resolved quickly; small or large loss. */
export const OUTCOME_NAMES = [
  'none', 'silentSmall', 'silentLarge', 'unresolvedSmall', 'unresolvedLarge', 'resolvedSmall', 'resolvedLarge', 'quickSmall', 'quickLarge',
] as const;

export const EV_ACQUIRED = 0;
export const EV_REFERRED = 1;
export const EV_UPTIER = 2;
export const EV_DOWNTIER = 3;
export const EV_FAILURE = 4;
export const EV_RECOVERED = 5;
export const EV_COMPLAINED = 6;
export const EV_LAPSED = 7;
export const EV_WONBACK = 8;
/** The employee who served the customer left the firm (Heskett, K8). */
export const EV_CONTACT_LEFT = 9;
export const EVENT_KIND_NAMES = [
  'acquired', 'referred', 'upTier', 'downTier', 'failure', 'recovered', 'complained', 'lapsed', 'wonBack', 'contactLeft',
] as const;

/** A scenario event or news item that fired this round. */
export interface FiredEvent {
  id: string;
  title: LocalText;
  text: LocalText;
  /** The option taken, for a choice card. */
  option?: string;
}

/** Everything that happened in one round (MODEL.md section 5). */
/**
 * One rival firm as the competitor benchmark saw it at the end of the quarter (a market; MODEL.md
 * section 8, Information): what a research agency can observe of it, and a survey of its customers.
 */
export interface BenchmarkEntry {
  seat: number;
  name: string;
  /** Its list prices (price index, 1 = list price) averaged over its customers. */
  priceIndex: number;
  /** Its service hours per customer this quarter, averaged over its customers. */
  serviceHours: number;
  /** Its active customers at the end of the quarter. */
  customers: number;
  /** Its customers' satisfaction on the 1-5 scale, measured with a 95% margin of error; null when it has no customer. */
  survey: { responses: number; population: number; mean: number; marginOfError: number } | null;
}

export interface RoundReport {
  /** The round just played (1-based). */
  round: number;
  firm: CustomerKpis;
  tiers: CustomerKpis[];
  /** Migrations between tiers at this round's re-tiering: `migrations[from][to]` (from may be the new-customer row `tierCount`). */
  migrations: number[][];
  employees: EmployeeKpis;
  chain: ChainLinks;
  finance: Finance;
  survey: SurveyResult[];
  /** Measured employee satisfaction if the survey was bought. */
  employeeSurvey: { mean: number; marginOfError: number } | null;
  /** The competitor benchmark, if it was bought (a market): every rival that played the quarter, in seat order. */
  benchmark: BenchmarkEntry[] | null;
  events: CustomerEvents;
  fired: FiredEvent[];
  news: LocalText[];
  /** The round's contribution to the score and the total so far. */
  roundScore: number;
  score: number;
  /** Points of the objectives met so far (part of `score`: they arrive whole when an objective is met). */
  objectivePoints: number;
  status: 'running' | 'finished' | 'bankrupt';
  /** Hash of the state after the round. */
  hash: string;
}
