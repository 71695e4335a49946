/**
 * The typed message protocol between the page and the simulation worker. Every request
 * carries an `id`; the worker answers each with exactly one `result` (or `failure`) of
 * the same id, and may send `progress` messages for it first. Everything here is plain,
 * structured-cloneable data; typed arrays travel as transferables.
 */
import type { Decisions, Lever, ScenarioConfig, ScenarioEvent } from '../sim/config';
import type { QuarterAttribution } from '../sim/attribution';
import type { RoundReport } from '../sim/report';
import type { Lang } from '../sim/text';
import type { DecisionProblem, PlanUse } from '../sim/validate';
import type { ScenarioIssue } from '../scenario/load';
import type { WhaleCurve } from './whaleTypes';

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

/** One round's report as the page keeps it: the engine's report without the per-customer event arrays. */
export interface RoundSummary extends Omit<RoundReport, 'events'> {
  eventCounts: EventCounts;
  /** The objectives checked this round and the value their KPI had (null: the tier was not in use). */
  objectives: { id: string; value: number | null }[];
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
  /** Data quality 0..1 (how well the firm can estimate influence and potential). */
  dataQuality: number;
  /** Stocks the learner builds up: training, brand and each CRM module (money). */
  stocks: { training: number; brand: number; systems: ScenarioConfig['firm']['systems'] };
  /** Objectives met so far, by id. */
  objectivesMet: string[];
  /** Hash of the current state (hex), for instructors to compare with the command line. */
  hash: string;
}

/** A whole game as the page holds it after a load or a replay. */
export interface GameSnapshot {
  scenario: ScenarioConfig;
  /** hashJson of the scenario, as run files record it. */
  scenarioHash: string;
  seed: string;
  decisions: Decisions[];
  summaries: RoundSummary[];
  view: QuarterView;
  /** Active customers at the start. */
  initialCustomers: number;
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
  /** Last round's profit contribution (gross profit - cost to serve). */
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

/** Requests from the page. */
export type Request =
  /** Loads a scenario and starts (or, with `decisions`, replays) a game. */
  | { type: 'start'; source: GameSource; seed: string; decisions?: Decisions[]; lang: Lang }
  /** What the draft would use of budget and staff, and why it would be refused. */
  | { type: 'preview'; decisions: Decisions; lang: Lang }
  /** Plays the quarter. */
  | { type: 'advance'; decisions: Decisions }
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
  | { type: 'timeline'; source: GameSource; seed: string; decisions: Decisions[]; lang: Lang }
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
  | { type: 'dropImport' };

/** Why a start or an import failed. */
export type StartFailure =
  | { kind: 'scenario'; errors: ScenarioIssue[] }
  | { kind: 'runFile'; errors: ScenarioIssue[] }
  | { kind: 'refused'; round: number; problems: DecisionProblem[] }
  | { kind: 'unknownBuiltin'; id: string };

/** The answer to each request type. */
export interface Responses {
  start: { ok: true; game: GameSnapshot } | { ok: false; failure: StartFailure };
  preview: { use: PlanUse; problems: DecisionProblem[] };
  advance: { ok: true; summary: RoundSummary; view: QuarterView } | { ok: false; problems: DecisionProblem[] };
  rewind: { game: GameSnapshot };
  customers: CustomerTable;
  query: { order: Int32Array };
  record: CustomerRecord | null;
  analytics: CustomerAnalytics;
  customerBase: CustomerBaseFrame | null;
  /** Quarters from..upTo, in order. */
  explain: { from: number; attributions: QuarterAttribution[] };
  whale: WhaleCurve;
  timeline: { ok: true; summaries: RoundSummary[]; score: number } | { ok: false; failure: StartFailure };
  exportRun: { text: string; fileName: string };
  importRun: { ok: true; token: number; game: GameSnapshot; source: GameSource } | { ok: false; failure: StartFailure };
  adoptImport: { ok: boolean };
  dropImport: null;
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
