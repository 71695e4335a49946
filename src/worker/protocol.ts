/**
 * The typed message protocol between the page and the simulation worker. Every request
 * carries an `id`; the worker answers each with exactly one `result` (or `failure`) of
 * the same id, and may send `progress` messages for it first. Everything here is plain,
 * structured-cloneable data; typed arrays travel as transferables.
 */
import type { Decisions, KpiName, Lever, ScenarioConfig, ScenarioEvent } from '../sim/config';
import type { AttributedKpi, FirmKpi, QuarterAttribution } from '../sim/attribution';
import type { PooledSurvey } from '../sim/measures';
import type { ChainLinks, CustomerKpis, EmployeeKpis, RoundReport } from '../sim/report';
import type { Lang } from '../sim/text';
import type { PlanUse } from '../sim/validate';
import type { ShownProblem } from '../scenario/decisionMessages';
import type { ScenarioIssue } from '../scenario/load';
import type { WhaleCurve } from './whaleTypes';
import type { ProfitBridge } from './books';

export type { ProfitBridge, BridgeLine } from './books';

export type { PooledSurvey } from '../sim/measures';

/** Where a game's scenario comes from: a built-in by id, or the text of a file. */
export type GameSource =
  | { kind: 'builtin'; id: string }
  | { kind: 'file'; name: string; text: string }
  /** A scenario file fetched from a URL (`?scenario=`); its text is kept like a file's. */
  | { kind: 'url'; url: string; text: string };

/** Counts of the round's customer events, by kind (EVENT_KIND_NAMES order), firm-wide and per tier. */
export interface EventCounts {
  firm: number[];
  /** `tiers[t][kind]`, by the tier the customer was in at the end of the round (lapsed: last tier). */
  tiers: number[][];
}

// ---------------------------------------------------------------------------------------------
// What the firm observes and what stays hidden until the debrief (MODEL.md section 15). Every
// field of the engine's KPIs is in exactly one list (checked below at compile time), so a new
// field cannot reach the page before someone decides which side it is on.

/** Customer KPIs a firm knows from its books and its database: counts, money, who stayed, its valuation. */
export const OBSERVED_CUSTOMER_FIELDS = [
  'customers', 'revenue', 'profit', 'retention', 'clv', 'customerEquity',
  'acquired', 'referred', 'wonBack', 'churned', 'failures', 'complaints', 'recovered',
] as const;
/** Customer KPIs only the model knows: true satisfaction, NPS, loyalty, share of wallet, the delivered-value breakdown. */
export const TRUTH_CUSTOMER_FIELDS = ['satisfaction', 'nps', 'loyalty', 'shareOfWallet', 'value'] as const;
/** Employee KPIs a firm knows (HR records, time sheets); satisfaction only through the employee survey. */
export const OBSERVED_EMPLOYEE_FIELDS = [
  'headcount', 'hires', 'hiresAsked', 'leavers', 'layoffs', 'turnover', 'workload', 'skill', 'productivity', 'serviceStandard', 'internalServiceQuality',
] as const;
export const TRUTH_EMPLOYEE_FIELDS = ['satisfaction'] as const;
/** Links of the service-profit chain a firm knows; the satisfaction and loyalty links are the truth. */
export const OBSERVED_CHAIN_FIELDS = ['internalServiceQuality', 'employeeRetention', 'productivity', 'serviceValue', 'revenue', 'profit'] as const;
export const TRUTH_CHAIN_FIELDS = ['employeeSatisfaction', 'customerSatisfaction', 'customerLoyalty'] as const;
/** Attributed KPIs ("why did it change?") that are true values: the page gets their parts only once the game is over. */
/** (`objectives`, the points of the objectives met, includes objectives on true KPIs, whose results stay hidden while the game runs.) */
export const TRUTH_KPIS = ['satisfaction', 'loyalty', 'employeeSatisfaction', 'objectives'] as const satisfies readonly FirmKpi[];
/** Objective KPIs that are true values: their checked values reach the page only once the game is over. */
export const TRUTH_OBJECTIVE_KPIS = ['satisfaction', 'loyalty', 'shareOfWallet', 'employeeSatisfaction'] as const satisfies readonly KpiName[];

type Fields<L extends readonly string[]> = L[number];
/** Compile-time check that `Observed` and `Truth` split `keyof T` exactly. */
type Splits<T, Observed extends keyof T, Truth extends keyof T> = [Exclude<keyof T, Observed | Truth>, Extract<Observed, Truth>] extends [never, never] ? true : false;
const splits = <T extends true>(): T => true as T;
void splits<Splits<CustomerKpis, Fields<typeof OBSERVED_CUSTOMER_FIELDS>, Fields<typeof TRUTH_CUSTOMER_FIELDS>>>();
void splits<Splits<EmployeeKpis, Fields<typeof OBSERVED_EMPLOYEE_FIELDS>, Fields<typeof TRUTH_EMPLOYEE_FIELDS>>>();
void splits<Splits<ChainLinks, Fields<typeof OBSERVED_CHAIN_FIELDS>, Fields<typeof TRUTH_CHAIN_FIELDS>>>();

/** Customer KPIs as the firm observes them, firm-wide or for one tier. */
export type ObservedCustomerKpis = Pick<CustomerKpis, Fields<typeof OBSERVED_CUSTOMER_FIELDS>>;
export type ObservedEmployeeKpis = Pick<EmployeeKpis, Fields<typeof OBSERVED_EMPLOYEE_FIELDS>>;
export type ObservedChainLinks = Pick<ChainLinks, Fields<typeof OBSERVED_CHAIN_FIELDS>>;
export type CustomerTruth = Pick<CustomerKpis, Fields<typeof TRUTH_CUSTOMER_FIELDS>>;

/** The KPIs of an observed attribution: every attributed KPI but the true ones. */
export type ObservedKpi = Exclude<AttributedKpi, (typeof TRUTH_KPIS)[number]>;

/** An attribution as the page gets it while the game runs: the true KPIs' entries are left out of `kpis` and every vector. */
export type ObservedAttribution = Omit<QuarterAttribution, 'kpis'> & { kpis: ObservedKpi[] };

/** An objective checked this round and the value its KPI had (null: the tier was not in use). */
export interface CheckedObjective {
  id: string;
  value: number | null;
}

/**
 * One round as the page holds it while the game runs: only what a real firm could know. Money,
 * counts, retention and churn, workload, headcount and turnover, the surveys as measured with
 * their margins of error (per tier and pooled firm-wide), the valuation, events and news. No
 * true satisfaction, NPS, loyalty, share of wallet, delivered value or employee satisfaction:
 * those are in {@link RoundTruth}, which the worker sends once the game is over.
 */
export interface RoundSummary {
  /** The round just played (1-based). */
  round: number;
  firm: ObservedCustomerKpis;
  tiers: ObservedCustomerKpis[];
  /** Migrations between tiers at this round's re-tiering: `migrations[from][to]` (from may be the new-customer row `tierCount`). */
  migrations: number[][];
  employees: ObservedEmployeeKpis & {
    /** Time staff give a task as a share of the time they would like to give: 1 up to full capacity, less under overload (Oliva & Sterman). */
    timePerTask: number;
  };
  chain: ObservedChainLinks;
  finance: RoundReport['finance'];
  /** From the tiers' profit after cost to serve to operating profit, line by line (the books). */
  bridge: ProfitBridge;
  /** Each surveyed tier's result as measured. */
  survey: RoundReport['survey'];
  /** The tiers' surveys pooled into the firm's figure (null: no survey). */
  surveyFirm: PooledSurvey | null;
  /** Measured employee satisfaction if the survey was bought. */
  employeeSurvey: RoundReport['employeeSurvey'];
  /** The competitor benchmark if it was bought (a market): what can be observed of each rival, and its customers' satisfaction as measured. */
  benchmark: RoundReport['benchmark'];
  /** What customer equity would gain if retention were one point higher, by the engine's valuation (null: undefined at this retention). */
  equityPerRetentionPoint: number | null;
  fired: RoundReport['fired'];
  news: RoundReport['news'];
  roundScore: number;
  score: number;
  status: RoundReport['status'];
  hash: string;
  eventCounts: EventCounts;
  /** The objectives on observed KPIs checked this round (the others are in the round's truth). */
  objectives: CheckedObjective[];
}

/** One round's hidden truth: what the model knows and the firm never measured. Sent only once the game is over. */
export interface RoundTruth {
  round: number;
  firm: CustomerTruth;
  tiers: CustomerTruth[];
  employees: Pick<EmployeeKpis, 'satisfaction'>;
  chain: Pick<ChainLinks, (typeof TRUTH_CHAIN_FIELDS)[number]>;
  /** The objectives on true KPIs checked this round. */
  objectives: CheckedObjective[];
  /** Points of every objective met so far, those on true KPIs included (part of the score). */
  objectivePoints: number;
}

/** The truth of a game that is over (finished or bankrupt): one entry per quarter played. */
export interface GameTruth {
  rounds: RoundTruth[];
}

/** What the page needs to lay out the next quarter's decisions. */
export interface QuarterView {
  /** Rounds completed; the quarter being decided is `round + 1`. */
  round: number;
  status: 'running' | 'finished' | 'bankrupt';
  cash: number;
  debt: number;
  budget: number;
  headcount: number;
  score: number;
  /** The last accepted decisions (the starting point of the next quarter's draft). */
  lastDecisions: Decisions;
  /** Choice cards open this quarter. */
  choices: ScenarioEvent[];
  /** Levers still locked this quarter (tutorial). */
  locked: Lever[];
  /** The most each bounded decision field may hold this quarter (catalogue id → limit: tiers, hires, layoffs). */
  limits: Record<string, number>;
  /** Data quality 0..1 (how well the firm can estimate influence and potential). */
  dataQuality: number;
  /** Stocks the learner builds up: training, brand and each CRM module (money). */
  stocks: { training: number; brand: number; systems: ScenarioConfig['firm']['systems'] };
  /** Objectives met so far, by id (while the game runs, only those on observed KPIs). */
  objectivesMet: string[];
  /** Hash of the current state (hex), for instructors to compare with the command line. */
  hash: string;
}

/** A whole game as the page holds it after a load or a replay. */
/** A game played for a class (issue 15): its class code (normalized: the seed) and the player's name or student number. */
export interface ClassPlay {
  code: string;
  player: string | null;
}

export interface GameSnapshot {
  /** The class the game is played for; null for a game of one's own. */
  classPlay: ClassPlay | null;
  scenario: ScenarioConfig;
  /** hashJson of the scenario, as run files record it. */
  scenarioHash: string;
  seed: string;
  decisions: Decisions[];
  summaries: RoundSummary[];
  view: QuarterView;
  /** Active customers at the start. */
  initialCustomers: number;
  /** The hidden truth of every quarter, once the game is over; null while it runs. */
  truth: GameTruth | null;
  /** How the survey's 1-5 answers relate to satisfaction in points (the engine's answer model, with this scenario's parameters). */
  answerScale: AnswerScale;
}

/**
 * The survey's 1..5 scale on true satisfaction 0..100, by the engine's ordinal answer model
 * (`likertAnswer`): a customer answers at least k from satisfaction `cuts[k]` (k = 2..5), before
 * response noise (standard deviation `noise` points). With each satisfaction objective, the
 * answer a customer exactly at its target gives (noise aside).
 */
export interface AnswerScale {
  cuts: { 2: number; 3: number; 4: number; 5: number };
  noise: number;
  objectives: { id: string; answer: number }[];
}

/** Sortable columns of the customer database (observed data only). */
export type CustomerColumn =
  | 'id'
  | 'tier'
  | 'status'
  | 'stage'
  | 'revenue'
  | 'lastRevenue'
  | 'profit'
  | 'cumRevenue'
  | 'influence'
  | 'potential'
  | 'tenure'
  | 'joined'
  | 'left'
  | 'failures'
  | 'complaints'
  | 'source';

/**
 * The firm's view of its customers at the end of the last round, one typed array per column,
 * index = customer slot (the customer's id). Only what a firm can observe: no true
 * satisfaction, loyalty or share of wallet. Influence and potential are the firm's estimates.
 */
export interface CustomerTable {
  round: number;
  count: number;
  /** Firm tier, 0 = top; 255 = none (lapsed). */
  tier: Uint8Array;
  /** 0 active, 1 lapsed. */
  status: Uint8Array;
  /** Lifecycle stage (STAGE_NAMES). */
  stage: Uint8Array;
  /** Trailing revenue of the last 4 rounds (money). */
  revenue: Float32Array;
  /** Revenue of the last round. */
  lastRevenue: Float32Array;
  /** Last round's profit contribution (gross profit - cost to serve); 0 for a customer who bought nothing in it (lapsed, or won back only then). */
  profit: Float32Array;
  cumRevenue: Float64Array;
  /** Estimated influence 0..1 and estimated potential (growth per year). */
  influence: Float32Array;
  potential: Float32Array;
  tenure: Uint16Array;
  joined: Uint16Array;
  left: Uint16Array;
  failures: Uint16Array;
  complaints: Uint16Array;
  /** 0 initial, 1 acquired, 2 referred. */
  source: Uint8Array;
  /** Slot of the referrer, or -1. */
  referredBy: Int32Array;
}

/** Filters of the customer database; absent fields do not filter. */
export interface CustomerFilter {
  tier?: number;
  status?: 0 | 1;
  stage?: number;
  source?: number;
  /** Only customers with at least one failure (or complaint). */
  hadFailure?: boolean;
  hadComplaint?: boolean;
  /** Customer id (slot) prefix, digits only. */
  idPrefix?: string;
}

/** A customer's history, one entry per round played, plus its events. */
export interface CustomerRecord {
  id: number;
  /** Per round (index 0 = round 1): firm tier at the end (255 none) and revenue in the round. */
  tiers: number[];
  revenue: number[];
  /** The customer's events, in order. `kind` indexes EVENT_KIND_NAMES; `other` as in CustomerEvents. */
  events: { round: number; kind: number; other: number }[];
  /** Customers it referred (slots). */
  referred: number[];
  /**
   * The quarters before the game (round 0 = the quarter before Q1, -1 the one before...) whose
   * revenue the trailing 4 quarters still count, oldest first: the firm's records of its
   * initial customers (empty for a customer who joined during the game, and from Q4 on).
   */
  before: { round: number; revenue: number }[];
}

/** The database's charts: a Pareto curve and a value grid (revenue x estimated influence). */
export interface CustomerAnalytics {
  /** Cumulative share of revenue held by the top k% of active customers, k = 0..100 (101 points). */
  pareto: number[];
  /** Share of active customers that makes 80% of the revenue. */
  shareFor80: number;
  /** Value grid: `rows` influence bands (top first) x `cols` revenue bands (left = low). */
  grid: { rows: number; cols: number; count: number[]; revenue: number[]; revenueEdges: number[]; influenceEdges: number[] };
}

/** The most customers the customer-base scene draws; above it, a stable sample of this many. */
export const SCENE_SAMPLE_LIMIT = 5000;

/** How a customer came in during the quarter (`CustomerBaseFrame.arrival`). */
export const ARRIVAL_NONE = 0;
export const ARRIVAL_ACQUIRED = 1;
export const ARRIVAL_REFERRED = 2;
export const ARRIVAL_WON_BACK = 3;

/**
 * One quarter of the customer base as the firm observes it, for the customer-base scene:
 * who was a customer at the start and at the end, in which firm tier, and what happened to
 * each during the quarter. Round 0 is the base before the first quarter (nothing moves).
 *
 * With more customers than SCENE_SAMPLE_LIMIT it holds a deterministic, stable sample: the
 * customers with the smallest sample keys, where a key is a hash of the customer's birth key
 * and a referred customer takes its referrer's key (so a referrer is in the sample whenever
 * the customers it referred are). A customer stays in the sample from quarter to quarter
 * unless the population around it changes a lot.
 *
 * Per-customer arrays are indexed by the frame index k (0..size-1), ordered by customer id.
 * Only observed data: no true satisfaction, loyalty or share of wallet, except `truth`, which
 * exists only for the last quarter of a finished game (the debrief's reveal).
 */
export interface CustomerBaseFrame {
  /** The quarter played (1-based); 0: the base before the first quarter. */
  round: number;
  /** Tiers in use during the quarter, and in the quarter before (they differ when the learner changed the tier count). */
  tierCount: number;
  tierCountBefore: number;
  /** Active customers of the whole firm at the start and at the end of the quarter. */
  populationBefore: number;
  population: number;
  /** Customers in the frame, and whether they are a sample of more. */
  size: number;
  sampled: boolean;
  /** Customer id (slot), ascending. */
  id: Int32Array;
  /** Firm tier at the start of the quarter; 255 if not a customer then (new, or lapsed and won back). */
  from: Uint8Array;
  /** Firm tier at the end of the quarter; 255 if lapsed by then. */
  to: Uint8Array;
  /** How it came in this quarter (ARRIVAL_*). */
  arrival: Uint8Array;
  /** Frame index of the referrer of a referred newcomer; -1 if none or not in the frame. */
  referrer: Int32Array;
  /** This quarter's service-failure outcome (OUTCOME_NAMES index; 0: no failure). */
  outcome: Uint8Array;
  /** 1 if the employee who served it left the firm this quarter. */
  contactLeft: Uint8Array;
  /** Revenue of the last 4 quarters at the end of the quarter (money). */
  revenue: Float32Array;
  /** Quarter it first joined (0: an initial customer) and SOURCE_* (0 initial, 1 acquired, 2 referred). */
  joined: Uint16Array;
  source: Uint8Array;
  /** Whole-firm counts of the quarter's events by kind (EVENT_KIND_NAMES order); all zero for round 0. */
  counts: number[];
  /** True satisfaction 0..100 per frame customer, only for the last quarter of a finished game; otherwise null. */
  truth: Float32Array | null;
}

// ---------------------------------------------------------------------------------------------
// The market (MODEL.md section 8): several firms in one population. The facilitator's console
// sees the standings every firm could know (shares, money, scores, surveys as measured); where
// the customers went and the firms' values to them stay in the worker until the market is over.

/** A firm's seat: its name, and the reference strategy that runs it (null: a team). */
export interface MarketSeat {
  name: string;
  policy: string | null;
}

/** One firm's standing after a quarter: what the projector shows (observed figures only). */
export interface MarketStanding {
  seat: number;
  name: string;
  status: 'running' | 'finished' | 'bankrupt';
  customers: number;
  /** Share of the customers the market's firms serve (the shares sum to 1). */
  marketShare: number;
  revenue: number;
  profit: number;
  customerEquity: number;
  score: number;
  /** Its customers' satisfaction as its own survey measured it (1-5 scale, 95% margin), null: no survey this quarter. */
  satisfaction: { mean: number; margin: number } | null;
  /** A team that sent no plan: its last plan played again. */
  keptPlan: boolean;
}

/** One quarter of the market as the console sees it. */
export interface MarketQuarter {
  round: number;
  /** The market's hash after the quarter (hashMarket). */
  hash: string;
  firms: MarketStanding[];
  /** The scenario's news of the quarter (the same for every firm). */
  news: RoundSummary['news'];
}

/** What the market did, revealed once it is over: every firm's plans, its value to customers and where its customers went. */
export interface MarketReveal {
  /** `decisions[r][seat]`: the plan each firm played in quarter r + 1 (null: it no longer played). */
  decisions: (Decisions | null)[][];
  rounds: {
    round: number;
    firms: {
      seat: number;
      /** The firm's value to customers (satisfaction, price, brand; MODEL.md section 8). */
      value: number;
      wonFrom: number[];
      lostTo: number[];
      lostByTier: number[][];
      wonByTier: number[][];
      /** Leavers who went to no firm of the market. */
      lapsed: number;
    }[];
  }[];
}

/** The market as the console holds it. */
export interface MarketSnapshot {
  scenario: ScenarioConfig;
  scenarioHash: string;
  seed: string;
  /** A class's market: the class code (it is the seed; the class's variant of the scenario plays). */
  classCode: string | null;
  seats: MarketSeat[];
  /** Quarters played. */
  round: number;
  /** Whether every firm has stopped (the game is over: the reveal is there). */
  over: boolean;
  /** Each firm's active customers at the start. */
  initialCustomers: number[];
  quarters: MarketQuarter[];
  reveal: MarketReveal | null;
}

/** A plan the market refused, by seat, with the engine's reasons. */
export interface MarketRefusal {
  seat: number;
  name: string;
  /** Whether it was a team's last plan played again (the team sent none). */
  keptPlan: boolean;
  problems: ShownProblem[];
}

/** Requests from the page. */
export type Request =
  /** Loads a scenario and starts (or, with `decisions`, replays) a game. */
  /** With `classPlay` the class code is the seed (`seed` is ignored) and sets the class's variant of the scenario. */
  /** With `autoplay` (the workbench's play-test from quarter N) the value-based strategy plays the first `autoplay` quarters, as if the learner had. */
  | { type: 'start'; source: GameSource; seed: string; decisions?: Decisions[]; lang: Lang; classPlay?: ClassPlay; autoplay?: number }
  /** What the draft would use of budget and staff, and why it would be refused (sentences in `lang`). */
  | { type: 'preview'; decisions: Decisions; lang: Lang }
  /** Plays the quarter. */
  | { type: 'advance'; decisions: Decisions; lang: Lang }
  /** Rolls back to `round` rounds played (drops later decisions); used by "undo" and tests. */
  | { type: 'rewind'; round: number }
  | { type: 'customers' }
  | { type: 'query'; sort: CustomerColumn; descending: boolean; filter: CustomerFilter }
  | { type: 'record'; id: number }
  | { type: 'analytics' }
  /** The customer base of quarter `round` (0..rounds played) for the scene; null if out of range. */
  | { type: 'customerBase'; round: number }
  /** The attribution ("why did it change?") of quarters from..upTo (from: 1 if absent), computing the missing ones (progress per quarter). */
  | { type: 'explain'; upTo: number; from?: number }
  /** The whale curve of customer profitability (every customer ever, by lifetime profit), for the debrief. */
  | { type: 'whale' }
  /** Replays another game (the original of a "what if" branch) without replacing this one: its summaries. */
  | { type: 'timeline'; source: GameSource; seed: string; decisions: Decisions[]; lang: Lang; classPlay?: ClassPlay }
  /** A run file (text) of the game so far. */
  | { type: 'exportRun' }
  /**
   * Reads a run file's bytes (the command line's reader), replays it and checks its claim;
   * answers with the game and its source. The game is checked, not adopted: the worker keeps
   * playing the current one until `adoptImport` with the answer's token.
   */
  | { type: 'importRun'; bytes: ArrayBuffer; fileName: string; lang: Lang }
  /** Makes the checked import with `token` the worker's game; false if it is no longer there. */
  | { type: 'adoptImport'; token: number }
  /** Forgets a checked import (the learner cancelled it). */
  | { type: 'dropImport' }
  /** Sets up a market (replaying `plans`, each quarter's plans in seat order, if given); the worker's game becomes no one's until a seat is opened. */
  /** With `classCode` the code is the seed and the class's variant of the scenario plays (`seed` is ignored). */
  | { type: 'marketStart'; source: GameSource; seed: string; seats: MarketSeat[]; plans?: (Decisions | null)[][]; lang: Lang; classCode?: string }
  /** Makes seat `seat`'s firm the worker's game (preview, customers, reports) and answers with its snapshot. */
  | { type: 'marketSeat'; seat: number }
  /** Resolves the quarter with the teams' plans (null: the team sent none, its last plan plays again); the computer firms decide here. */
  | { type: 'marketResolve'; plans: (Decisions | null)[]; lang: Lang }
  /** The market's run file so far. */
  | { type: 'marketExport' }
  /** A team's device: the market of a market file (a market run file), verified and replayed; it replaces any game or market. */
  | { type: 'marketJoin'; bytes: ArrayBuffer; fileName: string; lang: Lang };

/** Why a start or an import failed. */
export type StartFailure =
  | { kind: 'scenario'; errors: ScenarioIssue[] }
  | { kind: 'runFile'; errors: ScenarioIssue[] }
  | { kind: 'refused'; round: number; problems: ShownProblem[] }
  | { kind: 'unknownBuiltin'; id: string };

/** The answer to each request type. */
export interface Responses {
  start: { ok: true; game: GameSnapshot } | { ok: false; failure: StartFailure };
  /** The engine's reasons, each with its sentence in the request's language; `use` is null while the plan's form is wrong (it cannot be costed). */
  preview: { use: PlanUse | null; problems: ShownProblem[] };
  /** `truth`: the whole game's, when this quarter ended it; otherwise null. */
  advance: { ok: true; summary: RoundSummary; view: QuarterView; truth: GameTruth | null } | { ok: false; problems: ShownProblem[] };
  rewind: { game: GameSnapshot };
  customers: CustomerTable;
  query: { order: Int32Array };
  record: CustomerRecord | null;
  analytics: CustomerAnalytics;
  customerBase: CustomerBaseFrame | null;
  /** Quarters from..upTo, in order: observed while the game runs, whole (`revealed`) once it is over. */
  explain: { from: number; revealed: false; attributions: ObservedAttribution[] } | { from: number; revealed: true; attributions: QuarterAttribution[] };
  whale: WhaleCurve;
  timeline: { ok: true; summaries: RoundSummary[]; score: number } | { ok: false; failure: StartFailure };
  exportRun: { text: string; fileName: string };
  importRun: { ok: true; token: number; game: GameSnapshot; source: GameSource } | { ok: false; failure: StartFailure };
  adoptImport: { ok: boolean };
  dropImport: null;
  marketStart: { ok: true; market: MarketSnapshot } | { ok: false; failure: StartFailure };
  marketSeat: { game: GameSnapshot };
  /** `played`: the quarter's plans as they played (the computer firms' and the kept ones among them), for the facilitator's save. */
  marketResolve: { ok: true; market: MarketSnapshot; played: (Decisions | null)[] } | { ok: false; refused: MarketRefusal[] };
  marketExport: { text: string; fileName: string };
  marketJoin: { ok: true; market: MarketSnapshot; source: GameSource; seats: MarketSeat[]; played: (Decisions | null)[][] } | { ok: false; failure: StartFailure };
}

export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** A message to the worker. */
export type ToWorker = { id: number; request: Request };

/** A message from the worker. */
export type FromWorker =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'result'; type: RequestType; value: Responses[RequestType] }
  /** The worker could not answer (a bug, not a user error); `message` is for the console. */
  | { id: number; kind: 'failure'; message: string };
