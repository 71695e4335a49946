import type { ModelOverrides } from './params';
import type { LocalText } from './text';

/**
 * A scenario as the sim consumes it: already validated and migrated by `src/scenario`.
 * The zod schema in `src/scenario/schema.ts` is the source of truth for the file format;
 * its output type must be assignable to this.
 */
export interface ScenarioConfig {
  /** Format version of the file this came from (the loader migrates older ones). */
  schemaVersion: number;
  /** Stable id, e.g. `ad-agency`. Lower-case letters, digits and dashes. */
  id: string;
  title: LocalText;
  description: LocalText;
  /** 1 (easy) .. 5 (hard). */
  difficulty: number;
  industry: 'agency' | 'hotel' | 'bank' | 'retail' | 'services' | 'other';
  /** ISO 4217 code of the money in this scenario, e.g. `CNY`. */
  currency: string;
  /** Number of rounds (quarters), 4..40. */
  rounds: number;
  briefing: LocalText;
  /** The customer pyramid, top tier first; 1..5 tiers. The learner may use fewer. */
  tiers: TierDef[];
  /** Sub-populations the initial customers and prospects are drawn from. Shares sum to 1. */
  population: PopulationConfig;
  firm: FirmConfig;
  /** The competitor. */
  rival: RivalConfig;
  /** The firm's status quo, used for round 1 and for locked levers (its `choices` are not used). */
  initialDecisions: Decisions;
  /** Levers the learner may change, by round (tutorial). Absent: every lever from round 1. */
  unlocks?: LeverUnlock[];
  events: ScenarioEvent[];
  news: NewsItem[];
  objectives: Objective[];
  scoring: ScoringConfig;
  /** Coefficient overrides; everything else takes the defaults of `src/sim/params.ts`. */
  model?: ModelOverrides;
  /** How the scenario is played as a market of several firms (MODEL.md section 8). Absent: 2-8 firms, 4 by default, an equal start. */
  market?: MarketConfig;
}

/** One tier of the pyramid. */
export interface TierDef {
  /** Id used by events and objectives, e.g. `platinum`. */
  id: string;
  name: LocalText;
}

/** How the initial customers and new prospects are drawn. */
export interface PopulationConfig {
  /** Initial number of customers, 50..200,000. */
  size: number;
  segments: SegmentConfig[];
}

/** A value distribution: log-normal (median, sigma of the log) or Pareto (minimum, tail index). */
export type WalletDistribution =
  | { kind: 'lognormal'; median: number; sigma: number }
  | { kind: 'pareto'; min: number; alpha: number; max: number };

/** A bounded trait drawn around `mean` with uniform spread `±spread`, clamped to its range. */
export interface TraitDist {
  mean: number;
  spread: number;
}

/** A true sub-population (not the firm's tier): e.g. high-net-worth, ordinary, small business. */
export interface SegmentConfig {
  id: string;
  name: LocalText;
  /** Share of the population, 0..1; all shares sum to 1. */
  share: number;
  /** Category spend per round at list price (money). */
  wallet: WalletDistribution;
  /** Gross margin rate at list price, 0..1. */
  margin: TraitDist;
  /** Market influence, 0..1. */
  influence: TraitDist;
  /** How much influence rises with wallet rank (0: independent, 1: strongly). */
  influenceWithWallet: number;
  /** Expected wallet growth per year, -0.5..1. */
  potential: TraitDist;
  /** Relationship (1) vs transactional (0) orientation. */
  orientation: TraitDist;
  priceSensitivity: TraitDist;
  /** Expected value (points 0..100). */
  expectation: TraitDist;
  /** Initial true satisfaction (points). */
  satisfaction: TraitDist;
  /** Initial loyalty 0..1. */
  loyalty: TraitDist;
  /** Initial share of wallet 0..1. */
  shareOfWallet: TraitDist;
  /** Initial tenure in rounds (uniform 0..max). */
  maxTenure: number;
}

/** The firm at the start. */
export interface FirmConfig {
  cash: number;
  headcount: number;
  /** Contracted staff hours per employee per round. */
  hoursPerStaff: number;
  /** Wage per employee per round at wage index 1 (money). */
  wage: number;
  hireCost: number;
  severance: number;
  /** Fixed costs per round (rent, overhead). */
  fixedCosts: number;
  /** Initial average staff tenure (rounds). */
  experience: number;
  /** Initial employee satisfaction (points). */
  employeeSatisfaction: number;
  /** Initial stocks (money) of training, brand and each CRM module. */
  trainingStock: number;
  brandStock: number;
  systems: SystemsSpend;
  /** The budget rule: budget = base + reinvest x max(0, last round's operating profit), at most cash. */
  budget: { base: number; reinvest: number };
  /** What happens when cash runs out. */
  insolvency: { mode: 'loan' | 'gameOver'; maxDebt: number };
}

/** A scenario's market: how many firms, their default names, how the initial customers are split. */
export interface MarketConfig {
  /** The number of firms a market of this scenario may have (2..8), and the number a facilitator's setup starts with. */
  firms: { min: number; max: number; default: number };
  /** Default names of the firms, in seat order (seats beyond the list are named by letter). */
  names?: LocalText[];
  /**
   * How the initial customers are split: `equal` (the default) gives each firm a fair share of every
   * value band; `shares` gives the firm in seat k the fraction `shares[k]` of every value band (an
   * incumbent and challengers), for a market of exactly that many firms. Only the customers differ:
   * every firm starts with the scenario's `firm` (cash, staff, stocks).
   */
  start?: { kind: 'equal' } | { kind: 'shares'; shares: number[] };
}

/** The rival's baseline; events add to it. */
export interface RivalConfig {
  /** Competitive pressure, 0 (none) .. 2 (fierce). */
  pressure: number;
  /** The rival's price index (1 = the same list price as ours). */
  priceIndex: number;
}

/** Money per CRM module (stock or investment). */
export interface SystemsSpend {
  salesAutomation: number;
  marketingAutomation: number;
  serviceDesk: number;
  dataPlatform: number;
}

/** A lever a tutorial can lock. */
export type Lever =
  | 'tiering'
  | 'service'
  | 'relationship'
  | 'price'
  | 'retention'
  | 'acquisition'
  | 'winBack'
  | 'people'
  | 'wages'
  | 'training'
  | 'systems'
  | 'research'
  | 'brand'
  | 'recovery';

/** Every lever, in a fixed order. */
export const LEVERS: readonly Lever[] = [
  'tiering', 'service', 'relationship', 'price', 'retention', 'acquisition', 'winBack',
  'people', 'wages', 'training', 'systems', 'research', 'brand', 'recovery',
];

/** Each lever's name in both languages (GLOSSARY.md terms), for messages and the UI. */
export const LEVER_NAMES: Readonly<Record<Lever, LocalText>> = {
  tiering: { en: 'customer tiering', 'zh-CN': '客户分级' },
  service: { en: 'service level', 'zh-CN': '服务水平' },
  relationship: { en: 'relationship programme', 'zh-CN': '关系营销计划' },
  price: { en: 'price', 'zh-CN': '价格' },
  retention: { en: 'retention offers', 'zh-CN': '客户挽留' },
  acquisition: { en: 'acquisition', 'zh-CN': '获客' },
  winBack: { en: 'win-back', 'zh-CN': '客户赢回' },
  people: { en: 'hiring and layoffs', 'zh-CN': '招聘与裁员' },
  wages: { en: 'wages', 'zh-CN': '工资' },
  training: { en: 'training', 'zh-CN': '培训' },
  systems: { en: 'CRM systems', 'zh-CN': 'CRM 系统' },
  research: { en: 'research', 'zh-CN': '调研' },
  brand: { en: 'brand', 'zh-CN': '品牌' },
  recovery: { en: 'service recovery', 'zh-CN': '服务补救' },
};

/** From `round` (1-based) on, these levers are open. */
export interface LeverUnlock {
  round: number;
  levers: Lever[];
}

/**
 * Whom an event effect touches: every active customer, a true segment, the largest by
 * trailing revenue, or a tier. A tier id names a position in the pyramid, matched against
 * the tiers the learner uses that quarter: with fewer tiers in use, a position past the
 * learner's last tier touches nobody, and with one tier the top position holds everyone.
 */
export type EventTarget =
  | { all: true }
  | { tier: string }
  | { segment: string }
  /** The `largest` customers by trailing revenue. */
  | { largest: number };

/** What an event does. Effects with `rounds` last that many rounds from the event's round. */
export type EventEffect =
  | { kind: 'rivalPressure'; delta: number; rounds: number }
  | { kind: 'rivalPrice'; delta: number; rounds: number }
  | { kind: 'expectation'; delta: number; target: EventTarget }
  | { kind: 'satisfaction'; delta: number; target: EventTarget }
  | { kind: 'wallet'; factor: number; target: EventTarget }
  /** These customers' price index is fixed at `priceIndex` for `rounds`. */
  | { kind: 'priceOverride'; priceIndex: number; rounds: number; target: EventTarget }
  /** These customers leave with `probability` this round. */
  | { kind: 'churn'; probability: number; target: EventTarget }
  | { kind: 'cash'; amount: number }
  | { kind: 'productValue'; delta: number; rounds: number }
  /** Wages paid (and felt by staff) are multiplied by `factor` for `rounds`, whatever the wage index decided. */
  | { kind: 'wageFactor'; factor: number; rounds: number }
  /** Employee satisfaction changes by `delta` points at once (it then returns toward its target). */
  | { kind: 'employeeSatisfaction'; delta: number };

/** An option of a choice card. */
export interface ChoiceOption {
  id: string;
  label: LocalText;
  effects: EventEffect[];
}

/** A scenario event at the start of `round` (1-based). With `options`, it is a choice card. */
export interface ScenarioEvent {
  id: string;
  round: number;
  title: LocalText;
  text: LocalText;
  effects: EventEffect[];
  /** Present for a choice card: the learner picks one option with that round's decisions. */
  options?: ChoiceOption[];
  /** The option taken when the learner picks none. */
  defaultOption?: string;
}

/** A headline for the news feed at the start of `round`. */
export interface NewsItem {
  round: number;
  text: LocalText;
}

/** KPIs objectives and scoring can name. */
export type KpiName =
  | 'profit'
  | 'cumulativeProfit'
  | 'revenue'
  | 'customers'
  | 'retention'
  | 'satisfaction'
  | 'loyalty'
  | 'shareOfWallet'
  | 'customerEquity'
  | 'employeeSatisfaction'
  | 'acquired'
  | 'cash';

/** A measurable goal (C27). */
export interface Objective {
  id: string;
  text: LocalText;
  kpi: KpiName;
  /**
   * Optional tier id: the KPI of that tier (customer KPIs: profit, revenue, customers,
   * retention, satisfaction, loyalty, shareOfWallet, customerEquity, acquired; the others
   * are firm-wide). Not met while the learner uses fewer tiers than its position.
   */
  tier?: string;
  op: '>=' | '<=';
  target: number;
  /** Checked at the end of this round (1-based); absent: the last round. */
  round?: number;
  points: number;
}

/** How the score is computed; weights may change by phase (C23). */
export interface ScoringConfig {
  /** Money that makes one point. */
  moneyPerPoint: number;
  /** Phases, by first round, first phase from round 1. */
  phases: ScoringPhase[];
  /** Weight of the final customer equity (money, per moneyPerPoint). */
  equityWeight: number;
}

/** Per-round score weights from `fromRound` on. */
export interface ScoringPhase {
  fromRound: number;
  name: LocalText;
  /** Weight of each round's profit (money). */
  profit: number;
  /** Weight of each round's revenue (money). */
  revenue: number;
  /** Points per acquired customer. */
  acquired: number;
  /** Points per point of true mean satisfaction each round. */
  satisfaction: number;
}

/** The tiering rule (C19, C24). */
export interface TieringRule {
  /** How many tiers, 1..scenario tiers; 1 is undifferentiated treatment. */
  tierCount: number;
  /** Non-negative weights of the score's dimensions, each relative to the firm's mean. */
  weights: TieringWeights;
  /** How the score is cut into tiers (top tier first). */
  cutoffs: { mode: 'share'; shares: number[] } | { mode: 'score'; thresholds: number[] };
  /** The one-vote rule: trailing annual revenue above this always lands in the top tier. */
  topIfRevenueAbove?: number;
}

/** Dimensions of the tiering score. */
export interface TieringWeights {
  revenue: number;
  margin: number;
  influence: number;
  potential: number;
  tenure: number;
}

/** Levers per tier (index 0 = top). */
export interface TierDecision {
  /** Staff service hours per customer per round. */
  serviceHours: number;
  /** Relationship programme / account management spend per customer per round (money). */
  relationshipSpend: number;
  /** Price index, 1 = list price; below 1 is a discount. 0.5..1.5. */
  priceIndex: number;
  /** Money for retention offers to this tier's at-risk customers this round. */
  retentionBudget: number;
  /** Money to acquire prospects like this tier. */
  acquisitionSpend: number;
  /** Money to win back lapsed customers last in this tier. */
  winBackSpend: number;
}

/** Everything the learner decides for one round. */
export interface Decisions {
  tiering: TieringRule;
  /** One entry per tier in use (length = tiering.tierCount). */
  tiers: TierDecision[];
  people: { hires: number; layoffs: number; wageIndex: number; trainingSpend: number };
  systems: SystemsSpend;
  /** `benchmark`: buy the competitor benchmark (a market of several firms only; absent: not bought). */
  research: { surveySample: number[]; employeeSurvey: boolean; nps: boolean; benchmark?: boolean };
  brandSpend: number;
  recovery: { budgetPerFailure: number; empowerment: number };
  /** The options chosen on this round's choice cards. */
  choices: { event: string; option: string }[];
}
