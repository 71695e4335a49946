import type { Decisions, EventEffect, SystemsSpend, TieringRule } from './config';

/** Customer status. */
export const ACTIVE = 0;
export const LAPSED = 1;
/** In a market: gone to another firm of the market (its customer now; not a win-back target here). */
export const DEFECTED = 2;

/** Lifecycle stages (C18). `lapsed` customers have status LAPSED. */
export const STAGE_NEW = 0;
export const STAGE_GROWING = 1;
export const STAGE_MATURE = 2;
export const STAGE_DECLINING = 3;
export const STAGE_LAPSED = 4;
export const STAGE_NAMES = ['new', 'growing', 'mature', 'declining', 'lapsed'] as const;

/** How a customer came to the firm. */
export const SOURCE_INITIAL = 0;
export const SOURCE_ACQUIRED = 1;
export const SOURCE_REFERRED = 2;
/** In a market: won from another firm of the market. */
export const SOURCE_SWITCHED = 3;

/** No tier (lapsed customers, or not yet tiered). */
export const NO_TIER = 255;

/**
 * Customers as struct-of-arrays. Slot `i` is one customer for the whole game; ids only grow.
 * Columns hold `capacity` slots, of which `count` are used. Money per round; points 0..100.
 */
export interface Customers {
  count: number;
  capacity: number;
  /** Stable random identity (draws are keyed by it, not by slot), u32. */
  key: Uint32Array;
  /** True category spend per round at list price (money). */
  wallet: Float32Array;
  /**
   * The wallet smoothed over the quarters (each quarter closes a quarter of the gap): what the
   * valuation expects the customer to spend, so a season's peak or trough is not capitalised.
   */
  walletAvg: Float32Array;
  /** Gross margin rate at list price, 0..1. */
  margin: Float32Array;
  /** Market influence, 0..1 (true). */
  influence: Float32Array;
  /** Expected wallet growth per year (true). */
  potential: Float32Array;
  /** Relationship orientation 0..1. */
  orientation: Float32Array;
  priceSensitivity: Float32Array;
  /** Service hours per round this customer needs for good service. */
  need: Float32Array;
  /** Fixed estimation error (standard normal) of influence and potential; scaled by data quality. */
  errInfluence: Float32Array;
  errPotential: Float32Array;
  expectation: Float32Array;
  /** The expectation norm the customer brought (market norm and brand promises); expectations adapt around it. */
  anchor: Float32Array;
  /** True satisfaction, points 0..100 (hidden from the learner). */
  satisfaction: Float32Array;
  /** Attitudinal loyalty 0..1. */
  loyalty: Float32Array;
  shareOfWallet: Float32Array;
  /** Built-up relationship programme benefit 0..1. */
  bond: Float32Array;
  /** Revenue of the last 4 rounds, ring by round: `rev[slot*4 + (round % 4)]`. */
  revenue: Float32Array;
  /** Operating profit contribution of the last round (gross profit - cost to serve). */
  profit: Float32Array;
  /** Cumulative revenue and profit contribution since acquisition. */
  cumRevenue: Float64Array;
  cumProfit: Float64Array;
  /** Churn probability of the last round (0..1), everything included (problems, offers, events). */
  churnP: Float32Array;
  /** Customer lifetime value at the last valuation (money): its expected margin per round and its retention probability as it stands. */
  clv: Float32Array;
  /**
   * The probability that the customer stays next quarter if nothing goes wrong, from its
   * relationship as it stands (the valuation's retention): its loyalty (staying) is this to the
   * fourth, the share expected to stay a year.
   */
  stay: Float32Array;
  /** ACTIVE, LAPSED or (in a market) DEFECTED. */
  status: Uint8Array;
  stage: Uint8Array;
  tier: Uint8Array;
  /** Tier before this round's re-tiering (for migrations, and the win-back tier). */
  prevTier: Uint8Array;
  source: Uint8Array;
  /** Index of the true segment (scenario population) it was drawn from. */
  segment: Uint8Array;
  /** Rounds as a customer. */
  tenure: Uint16Array;
  /** Round of joining (0 = initial) and of leaving (0 = never). */
  joined: Uint16Array;
  left: Uint16Array;
  failures: Uint16Array;
  complaints: Uint16Array;
  /** Satisfaction when it left (for win-back grudge), points. */
  leftSatisfaction: Uint8Array;
  /** Slot of the customer that referred this one, or -1. */
  referredBy: Int32Array;
  /** Price index forced by an event (0 = none) and the round it ends. */
  priceOverride: Float32Array;
  overrideUntil: Uint16Array;
}

/** The firm's stocks and running figures. */
export interface Firm {
  cash: number;
  debt: number;
  /** Discretionary budget available for the next round. */
  budget: number;
  headcount: number;
  /** Average staff tenure in rounds. */
  experience: number;
  /** Employee satisfaction, points, and its first lag stage. */
  employeeSatisfaction: number;
  employeeSatisfactionLag: number;
  trainingStock: number;
  brandStock: number;
  systems: SystemsSpend;
  /** Oliva & Sterman service standard: share of desired service time staff consider normal, 0..1. */
  serviceStandard: number;
  adoptionStrain: number;
  /** Last round's figures the budget rule and the next round need. */
  lastOperatingProfit: number;
  lastWorkload: number;
  lastTurnover: number;
  /** The pay index against the market of the last round (its decisions' wage index x the pay factor of events). */
  lastWageIndex: number;
  /** New customers and service failures of the last round (staff time they take next round). */
  lastAcquired: number;
  lastFailures: number;
  /** Net word of mouth per customer from the last round (positive is good). */
  wordOfMouth: number;
  cumulativeProfit: number;
  loans: number;
  /**
   * Each tier's price index and routine cost of serving one customer (staff time and its
   * programme, money) at the last valuation; empty before the first. The valuation counts the
   * lower of this quarter's price and that one, and the higher of the two costs: a one-quarter
   * price rise or service cut is not yet the level the relationship runs at.
   */
  valuedPrice: number[];
  valuedServe: number[];
}

/** An event effect still running. */
export interface ActiveEffect {
  effect: EventEffect;
  /** Last round (1-based) it applies to. */
  until: number;
  source: string;
}

/** The whole game state. Plain data plus typed arrays; no classes, no Maps. */
export interface SimState {
  /** Game seed: any string (a number, a class code). Draws derive from it. */
  seed: string;
  /** Hash of the scenario the state belongs to. */
  scenarioHash: string;
  /** Rounds completed; the next round is `round + 1`. */
  round: number;
  status: 'running' | 'finished' | 'bankrupt';
  customers: Customers;
  /** Customers at the start (for conservation checks and acquisition ceilings). */
  initialCount: number;
  /** Median initial wallet: the reference for each customer's service need. */
  refWallet: number;
  firm: Firm;
  /** Tiers in use and the rule that made them (the last decisions' rule). */
  tiering: TieringRule;
  /** The last accepted decisions (the status quo for the next round). */
  lastDecisions: Decisions;
  effects: ActiveEffect[];
  /** Accumulated score. */
  score: number;
  /** Objectives met so far, by id, in scenario order. */
  objectivesMet: string[];
}
