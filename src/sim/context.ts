import { carve } from './carve';
import { forgetTiers } from './model/tiers';
import type { Decisions, ScenarioConfig } from './config';
import type { ModelParams } from './params';
import { emptyValue, type CustomerEvents, type CustomerKpis, type EmployeeKpis, type Finance, type FiredEvent, type SurveyResult, type ValueBreakdown } from './report';
import { streamKey, type Purpose } from './rng';
import type { SimState } from './state';
import type { LocalText } from './text';

/** Per-tier figures of the round, indexed by tier. */
export interface TierRound {
  /** Active customers at the start of the round (after re-tiering). */
  count: Int32Array;
  /** Price index and relationship spend per customer decided for the tier. */
  price: Float64Array;
  relationship: Float64Array;
  /** Delivered service hours per customer after pressure and the service standard. */
  hours: Float64Array;
  /** Money per at-risk customer for retention offers, and the at-risk count. */
  offer: Float64Array;
  atRisk: Int32Array;
  retentionSpent: Float64Array;
  winBackSpent: Float64Array;
  acquired: Int32Array;
  referred: Int32Array;
  wonBack: Int32Array;
  churned: Int32Array;
  failures: Int32Array;
  complaints: Int32Array;
  recovered: Int32Array;
  /** Profit after cost to serve of the tier's customers who bought this round (money). */
  profit: Float64Array;
}

/**
 * Everything one round's passes share. Created by `step`, never kept in the state. Each pass
 * declares the fields it reads and writes (`passes.ts`) and sees only those.
 */
export interface RoundContext {
  scenario: ScenarioConfig;
  P: ModelParams;
  s: SimState;
  d: Decisions;
  /** The round being played, 1-based. */
  r: number;
  tierCount: number;
  key: Record<Purpose, number>;
  // Firm-level effects of the round, 0..1 unless noted.
  sfa: number;
  mkt: number;
  desk: number;
  dataEff: number;
  trainingEff: number;
  brandEff: number;
  dataQuality: number;
  precision: number;
  skill: number;
  productivity: number;
  isq: number;
  /** Workload: demanded staff hours / capacity. */
  workload: number;
  /** Share of planned service time actually given (service standard x pressure). */
  timeFactor: number;
  /** The share of the work asked for that the staff get done, 0..1 (1 up to `employees.maxStretch` workload): what is not done is not sold. */
  workDone: number;
  /**
   * The churn probability a customer can expect per quarter from service problems at the firm's
   * failure rate as it stands: the failure probability times the churn a failure adds on average,
   * given how often customers complain and how complaints are resolved (TARP, K3).
   */
  problemRisk: number;
  /** Share of staff who left this round. */
  turnover: number;
  /** Hires who came, and hires asked for (fewer come at pay below the market). */
  hires: number;
  hiresAsked: number;
  leavers: number;
  layoffs: number;
  rivalPressure: number;
  rivalPrice: number;
  /**
   * The rival's pressure and price before this round's events: the scenario's rival alone, or
   * in a market the other firms as the customers see them (`market/`). Events add to it; the
   * valuation counts it with the effects that last.
   */
  rivalBase: { pressure: number; price: number };
  /**
   * In a market, per tier of this quarter's tiering: how much the rival pressure and price its
   * customers face differ from the firm's (the rivals' value to customers like that tier's,
   * `market/`); null alone (every tier faces the firm's). Events move every tier's alike.
   */
  rivalTiers: { pressure: Float64Array; price: Float64Array } | null;
  /**
   * The firm's reach among prospects against a fair share of them: 1 alone; in a market its
   * attraction against the other firms' (`market/`), which scales the customers its
   * acquisition spend wins.
   */
  reach: number;
  /**
   * Mixed into the birth keys of the prospects acquisition examines: 0 alone; in a market the
   * firm's key (`market/`), so each firm's prospects are its own people, whatever its seat.
   */
  prospectSalt: number;
  productValue: number;
  /** Multiplier on the decided wage index from events (a pay cut imposed by headquarters). */
  wageFactor: number;
  /** Wage cost of one staff hour at this round's wage index. */
  wagePerHour: number;
  tiers: TierRound;
  /** Sum of service quality over the customers served this round, and their number. */
  qualitySum: number;
  served: number;
  /** Per-slot scratch for this round. */
  quality: Float32Array;
  /** Failure outcome per slot (see systems/service.ts). */
  outcome: Uint8Array;
  /** Extra churn probability from events per slot. */
  eventChurn: Float32Array;
  /** Retention offer received per slot (money). */
  offerGiven: Float32Array;
  /** 1 where the firm sees the customer as at risk this round (set by service, read by churn). */
  atRisk: Uint8Array;
  /** Recovery money spent per slot. */
  recoverySpent: Float32Array;
  /** Slots of each tier's active members (counting sort by tier): `members[start[t]..start[t+1])`. */
  members: Int32Array;
  memberStart: Int32Array;
  /** Per tier, after purchases: active customers, their wallets and trailing revenue (what acquisition aims at). */
  profile: { active: Float64Array; wallet: Float64Array; revenue: Float64Array };
  /** Migrations at re-tiering. */
  migrations: number[][];
  fin: Finance;
  /** Word-of-mouth masses (influence-weighted reach). */
  promoterMass: number;
  detractorMass: number;
  events: CustomerEvents;
  fired: FiredEvent[];
  news: LocalText[];
  /** Each active customer's tier under the decisions' rule, from the start of the quarter (NO_TIER for lapsed). */
  assigned: Uint8Array;
  /** Per tier: the sums of the customer delivered value's parts (C7) over its customers. */
  values: ValueBreakdown[];
  /** The customers who refer a newcomer this round, in slot order. */
  referrers: number[];
  /** The round's measurement: satisfaction surveys per tier, the employee survey if bought. */
  survey: SurveyResult[];
  employeeSurvey: { mean: number; marginOfError: number } | null;
  /** The round's KPIs per tier and for the firm (MODEL.md section 5). */
  tierKpis: CustomerKpis[];
  firmKpis: CustomerKpis | null;
  employeeKpis: EmployeeKpis | null;
  /** Whether this is the game's last round (the last quarter, or the firm went bankrupt). */
  last: boolean;
  /** The round's contribution to the score. */
  roundScore: number;
}

/** A field of the round's context. */
export type ContextKey = keyof RoundContext;

/**
 * A round's stream keys, each drawn the first time a pass asks for it: seedrandom's set-up is among
 * the costliest things a round of a few hundred customers does, and a round asks for most keys, not all
 * (no pass draws on 'event'; the surveys only when research is bought; the market draws its own).
 * The population's key is round 0's, the same in every round. Each key is held in a Float64Array,
 * so every read is a double: a key is an unsigned 32-bit number, small enough for a small integer
 * one time in four, and a field that first held one and was widened later deoptimized every pass
 * that reads the keys.
 */
class RoundKeys implements Record<Purpose, number> {
  private readonly k = new Float64Array(PURPOSE_COUNT).fill(NaN);
  constructor(
    private readonly seed: string,
    private readonly r: number,
  ) {}

  private at(i: number, p: Purpose, round: number): number {
    let v = this.k[i]!;
    if (v !== v) {
      v = streamKey(this.seed, round, p);
      this.k[i] = v;
    }
    return v;
  }

  get population(): number { return this.at(0, 'population', 0); }
  get drift(): number { return this.at(1, 'drift', this.r); }
  get failure(): number { return this.at(2, 'failure', this.r); }
  get recovery(): number { return this.at(3, 'recovery', this.r); }
  get churn(): number { return this.at(4, 'churn', this.r); }
  get referral(): number { return this.at(5, 'referral', this.r); }
  get acquisition(): number { return this.at(6, 'acquisition', this.r); }
  get winback(): number { return this.at(7, 'winback', this.r); }
  get survey(): number { return this.at(8, 'survey', this.r); }
  get event(): number { return this.at(9, 'event', this.r); }
  get switch(): number { return this.at(10, 'switch', this.r); }
  get benchmark(): number { return this.at(11, 'benchmark', this.r); }
}
const PURPOSE_COUNT = 12;

/** The round's per-tier arrays for `n` tiers, all zero, in one buffer. */
function tierRound(n: number): TierRound {
  return carve((m) => ({
    count: m.i32(n),
    price: m.f64(n),
    relationship: m.f64(n),
    hours: m.f64(n),
    offer: m.f64(n),
    atRisk: m.i32(n),
    retentionSpent: m.f64(n),
    winBackSpent: m.f64(n),
    acquired: m.i32(n),
    referred: m.i32(n),
    wonBack: m.i32(n),
    churned: m.i32(n),
    failures: m.i32(n),
    complaints: m.i32(n),
    recovered: m.i32(n),
    profit: m.f64(n),
  }));
}

/** The round's per-slot scratch for `cap` slots, all zero, in one buffer. */
function slotScratch(cap: number): Pick<RoundContext, 'quality' | 'outcome' | 'eventChurn' | 'offerGiven' | 'atRisk' | 'recoverySpent' | 'members'> {
  return carve((m) => ({
    quality: m.f32(cap),
    outcome: m.u8(cap),
    eventChurn: m.f32(cap),
    offerGiven: m.f32(cap),
    atRisk: m.u8(cap),
    recoverySpent: m.f32(cap),
    members: m.i32(cap),
  }));
}

/** An empty finance record. */
export function emptyFinance(cash: number): Finance {
  return {
    cashBefore: cash, cashAfter: cash, revenue: 0, costOfGoods: 0, grossProfit: 0, secondaryRevenue: 0, secondaryCostOfGoods: 0, secondaryServe: 0, wages: 0, hiring: 0,
    severance: 0, training: 0, systems: 0, brand: 0, relationship: 0, retention: 0, acquisition: 0,
    winBack: 0, research: 0, recovery: 0, fixedCosts: 0, interest: 0, events: 0, loan: 0, inflows: 0,
    outflows: 0, operatingProfit: 0, debt: 0, budgetNext: 0,
    servedWages: 0, servedRelationship: 0, servedRetention: 0, servedRecovery: 0,
  };
}

/**
 * The context for playing round `state.round + 1` of `state` (already a private copy) with
 * the tiers `assigned` by the decisions' rule (all NO_TIER when not given: for tests of one pass).
 */
export function makeContext(scenario: ScenarioConfig, P: ModelParams, s: SimState, d: Decisions, assigned?: Uint8Array): RoundContext {
  // The passes are about to change the table: tiers remembered on it no longer hold.
  forgetTiers(s.customers);
  const r = s.round + 1;
  const key = new RoundKeys(s.seed, r);
  const cap = s.customers.capacity;
  const tierCount = d.tiering.tierCount;
  const tiers = tierRound(tierCount);
  const slots = slotScratch(cap);
  for (let t = 0; t < tierCount; t++) {
    tiers.price[t] = d.tiers[t]!.priceIndex;
    tiers.relationship[t] = d.tiers[t]!.relationshipSpend;
  }
  return {
    scenario, P, s, d, r, tierCount, key,
    sfa: 0, mkt: 0, desk: 0, dataEff: 0, trainingEff: 0, brandEff: 0, dataQuality: 0, precision: 0,
    skill: 0, productivity: 1, isq: 0, workload: 0, timeFactor: 1, workDone: 1, problemRisk: 0, turnover: 0, hires: 0, hiresAsked: 0, leavers: 0,
    layoffs: 0, rivalPressure: scenario.rival.pressure, rivalPrice: scenario.rival.priceIndex,
    rivalBase: { pressure: scenario.rival.pressure, price: scenario.rival.priceIndex }, rivalTiers: null, reach: 1, prospectSalt: 0,
    productValue: P.value.productValue, wageFactor: 1, wagePerHour: 0,
    tiers,
    qualitySum: 0,
    served: 0,
    quality: slots.quality,
    outcome: slots.outcome,
    eventChurn: slots.eventChurn,
    offerGiven: slots.offerGiven,
    atRisk: slots.atRisk,
    recoverySpent: slots.recoverySpent,
    members: slots.members,
    memberStart: new Int32Array(tierCount + 1),
    migrations: [],
    profile: { active: new Float64Array(tierCount), wallet: new Float64Array(tierCount), revenue: new Float64Array(tierCount) },
    fin: emptyFinance(s.firm.cash),
    promoterMass: 0,
    detractorMass: 0,
    events: { count: 0, kind: new Uint8Array(256), customer: new Int32Array(256), other: new Int32Array(256) },
    fired: [],
    news: [],
    assigned: assigned ?? new Uint8Array(s.customers.count).fill(255),
    values: Array.from({ length: tierCount }, () => emptyValue()),
    referrers: [],
    survey: [],
    employeeSurvey: null,
    tierKpis: [],
    firmKpis: null,
    employeeKpis: null,
    last: false,
    roundScore: 0,
  };
}

/** Appends a notable customer event to the round's log. */
export function logEvent(ctx: Pick<RoundContext, 'events'>, kind: number, customer: number, other: number): void {
  let e = ctx.events;
  if (e.count === e.kind.length) {
    const n = e.kind.length * 2;
    const kind = new Uint8Array(n);
    const cust = new Int32Array(n);
    const oth = new Int32Array(n);
    kind.set(e.kind);
    cust.set(e.customer);
    oth.set(e.other);
    e = ctx.events = { count: e.count, kind, customer: cust, other: oth };
  }
  e.kind[e.count] = kind;
  e.customer[e.count] = customer;
  e.other[e.count] = other;
  e.count++;
}
