/**
 * Every model coefficient, its default, its allowed range and its meaning, in one place.
 * A scenario's `model` block may override any of them (see `src/scenario`); the sim reads
 * only the resolved {@link ModelParams}. Units: a round is one quarter; "points" are on the
 * 0..100 satisfaction scale; money is in the scenario's currency.
 */
export interface ParamSpec {
  /** Default value. */
  readonly d: number;
  /** Smallest allowed value. */
  readonly min: number;
  /** Largest allowed value. */
  readonly max: number;
  /** What it means, with its unit. */
  readonly doc: string;
}

const p = (d: number, min: number, max: number, doc: string): ParamSpec => ({ d, min, max, doc });

/** The specification of every coefficient, grouped by the system that reads it. */
export const PARAM_SPEC = {
  capability: {
    systemsDepreciation: p(0.08, 0, 1, 'share of a CRM-system stock lost per round'),
    systemsHalfSaturation: p(400_000, 1, 1e12, 'system stock (money) at which a module gives half its full effect'),
    trainingDepreciation: p(0.15, 0, 1, 'share of the training stock lost per round'),
    trainingHalfSaturation: p(150_000, 1, 1e12, 'training stock (money) at which training gives half its full effect'),
    brandDepreciation: p(0.25, 0, 1, 'share of the brand stock lost per round'),
    brandHalfSaturation: p(300_000, 1, 1e12, 'brand stock (money) at which brand gives half its full effect'),
    dataQualityGain: p(0.6, 0, 1, 'how much of the gap to perfect data a fully built data platform closes'),
    adoptionStrainPerMoney: p(1 / 600_000, 0, 1, 'employee strain per unit of CRM investment not matched by training'),
    adoptionStrainDecay: p(0.5, 0, 1, 'share of adoption strain that fades per round'),
  },
  employees: {
    esBase: p(48, 0, 100, 'employee satisfaction target with no tools, no training, market wages (points)'),
    esIsq: p(36, 0, 100, 'points of employee satisfaction target from internal service quality 0..1'),
    esWage: p(40, 0, 200, 'points of target per unit of wage index above market (wage index 1.1 gives +4)'),
    esOverload: p(45, 0, 200, 'points of target lost per unit of workload above 1'),
    esLayoff: p(120, 0, 500, 'points of target lost per share of staff laid off this round'),
    esAdoption: p(25, 0, 100, 'points of target lost per unit of CRM adoption strain'),
    esAdjust: p(0.55, 0.01, 1, 'share of the gap closed per round at each of the two lag stages (two stages give a lag of about two rounds)'),
    isqTraining: p(0.45, 0, 1, 'weight of training in internal service quality'),
    isqTools: p(0.35, 0, 1, 'weight of CRM tools (mean module effect) in internal service quality'),
    isqBase: p(0.2, 0, 1, 'internal service quality with no training and no tools'),
    turnoverMin: p(0.02, 0, 1, 'share of staff leaving per round at full employee satisfaction'),
    turnoverMax: p(0.8, 0, 1, 'share of staff leaving per round at zero employee satisfaction (the curve is cubic in dissatisfaction)'),
    quitWageGap: p(0.4, 0, 5, 'share of staff leaving per round per unit of pay below the market (wage index 0.5 adds 20%): staff who can earn more elsewhere go at once, before their satisfaction shows it'),
    hireWageGap: p(1.5, 0, 10, 'share of the hires asked for that do not come, per unit of pay below the market (wage index 0.8: 70% come; 0.5: 25%)'),
    maxStretch: p(1.3, 1, 5, 'how far past their hours staff can stretch by rushing (a workload of 1.3); past it the work left undone is not sold: the firm sells at most this many times what its staff can serve, and nothing with no staff'),
    esPayCut: p(40, 0, 500, 'points of employee satisfaction lost at once per unit the wage index is cut from last round\'s (Bewley 1999: a pay cut hurts morale more than a low wage does)'),
    experienceHalf: p(6, 0.1, 100, 'average staff tenure (rounds) at which experience gives half its effect'),
    skillExperience: p(0.5, 0, 1, 'weight of experience in skill'),
    skillTraining: p(0.5, 0, 1, 'weight of training in skill'),
    productivitySkill: p(0.35, 0, 2, 'productivity gained per unit of skill'),
    productivitySfa: p(0.25, 0, 2, 'productivity gained from a fully built sales-automation module'),
    maxOvertime: p(1.3, 1, 3, 'most staff time that can be planned, as a multiple of contracted hours'),
    pressureExponent: p(-0.64, -3, 0, 'Oliva & Sterman: time per task = desired x pressure^exponent when work pressure exceeds 1'),
    standardErosionRounds: p(1.46, 0.1, 40, 'rounds for the service standard to move toward time actually spent (19 weeks = 1.46 quarters)'),
    standardTrainingLift: p(0.5, 0, 1, 'share of the gap to the full service standard that full training restores per round'),
    onboardingHours: p(4, 0, 1000, 'staff hours to onboard one new customer'),
    failureHours: p(2, 0, 1000, 'staff hours to handle one service failure'),
  },
  service: {
    hoursHalf: p(0.6, 0.001, 1e6, 'service hours, relative to a customer\'s need, that give half the attainable service quality'),
    needElasticity: p(0.5, 0, 1.5, 'how a customer\'s service need grows with its wallet relative to the median (need = base x (wallet/median)^e)'),
    needBase: p(10, 0.001, 1e6, 'service hours per round a median-wallet customer needs for good service'),
    qualitySkill: p(0.3, 0, 1, 'share of service quality that depends on staff skill'),
    qualityAttitude: p(0.25, 0, 1, 'share of service quality that depends on employee satisfaction'),
    qualityDesk: p(0.12, 0, 1, 'service quality gained from a fully built service-desk module (relative)'),
    failureBase: p(0.04, 0, 1, 'probability of a service failure per customer per round at normal load and no skill'),
    failureOverload: p(1.5, 0, 20, 'relative rise of failure probability per unit of workload above 1'),
    failureSkill: p(0.45, 0, 1, 'share of failures prevented by full skill'),
    failureDesk: p(0.4, 0, 1, 'share of failures prevented by a fully built service desk'),
    largeLossShare: p(0.35, 0, 1, 'share of failures that are a large loss to the customer'),
    complainSmall: p(0.35, 0, 1, 'probability that a customer with a small-loss failure complains'),
    complainLarge: p(0.6, 0, 1, 'probability that a customer with a large-loss failure complains'),
    detectDesk: p(0.3, 0, 1, 'share of silent failures a fully built service desk detects and treats like complaints'),
    recoverBase: p(0.35, 0, 1, 'probability a complaint is resolved with no recovery budget or empowerment'),
    recoverBudget: p(0.35, 0, 1, 'added resolution probability from a generous recovery budget'),
    recoverBudgetHalf: p(200, 0.01, 1e9, 'recovery budget per failure (money) giving half of its effect'),
    recoverEmpowerment: p(0.2, 0, 1, 'added resolution probability from full employee empowerment'),
    quickShareBase: p(0.3, 0, 1, 'share of resolutions that are quick and excellent with no empowerment'),
    quickShareEmpowerment: p(0.5, 0, 1, 'added share of quick resolutions from full empowerment and service desk'),
    dropSilentSmall: p(12, 0, 100, 'satisfaction points lost after a small-loss failure nobody resolved'),
    dropSilentLarge: p(30, 0, 100, 'satisfaction points lost after a large-loss failure nobody resolved'),
    dropUnresolved: p(18, 0, 100, 'satisfaction points lost after a complaint that was not resolved (extra anger of being let down twice)'),
    dropResolved: p(4, 0, 100, 'satisfaction points lost after a complaint resolved slowly'),
    paradoxLift: p(3, 0, 20, 'satisfaction points gained after a first failure recovered quickly and excellently (recovery paradox)'),
    turnoverHit: p(40, 0, 100, 'satisfaction points a customer loses when the employee who served it leaves, before the round\'s adjustment (about half shows at the round\'s end: Heskett, 75% to 55%)'),
  },
  value: {
    productValue: p(40, 0, 100, 'product value every customer receives (points)'),
    serviceWeight: p(35, 0, 100, 'points of service value at perfect service quality'),
    personnelWeight: p(25, 0, 100, 'points of personnel value at full employee satisfaction'),
    imageWeight: p(8, 0, 100, 'points of image value from a fully built brand'),
    relationshipWeight: p(14, 0, 100, 'points of relationship benefit for a fully relationship-oriented customer of a fully funded programme'),
    relationshipHalf: p(0.5, 0.001, 1e6, 'programme spend per customer, relative to its service need x wage per hour, giving half the benefit'),
    relationshipBuildRounds: p(3, 1, 40, 'rounds for a relationship programme\'s benefit to build up fully'),
    relationshipLossRounds: p(1.25, 1, 40, 'rounds for a cut programme\'s benefit to fall away: customers notice a benefit withdrawn at once (Wagner, Hennig-Thurau & Rudolph 2009, demotion; Melnyk & Bijmolt 2015, termination)'),
    priceWeight: p(60, 0, 400, 'points of price cost per unit of price index above the rival\'s, for a fully price-sensitive customer'),
    waitWeight: p(25, 0, 200, 'points of time and energy cost per unit of workload above 1'),
  },
  satisfaction: {
    disconfirmationHalf: p(8, 0.1, 200, 'k in target = 50 + 50 d/(|d|+k): value gap (points) that gives a target of 75'),
    adjust: p(0.5, 0.01, 1, 'share of the gap to the target closed per round'),
    expectationDrift: p(0.3, 0, 1, 'share of the gap to the expectation target closed per round'),
    expectationAdapt: p(0.4, 0, 1, 'share of the value above (or below) its anchor that a customer comes to expect (delight today is part of the baseline tomorrow)'),
    expectationUpShare: p(1, 0, 1, 'relative speed of upward expectation drift'),
    brandExpectationLift: p(16, 0, 100, 'expectation points a fully built brand adds to new customers (over-promising)'),
  },
  loyalty: {
    floor: p(0.04, 0, 1, 'loyalty target at zero satisfaction'),
    ceiling: p(0.95, 0, 1, 'loyalty target at full satisfaction'),
    steepness: p(24, 1, 32, 'steepness n of the loyalty curve r/(1+r), r = (S/half)^n: flat through the zones of defection and indifference, steep near the top'),
    halfSatisfaction: p(86, 1, 100, 'true satisfaction (points) at which the loyalty curve is half way from floor to ceiling'),
    programmeBarrier: p(0.2, 0, 1, 'loyalty added by a fully built relationship programme for a fully relationship-oriented customer'),
    tenureBarrier: p(0.03, 0, 1, 'loyalty added by long tenure (half at tenureHalf)'),
    tenureHalf: p(12, 0.1, 200, 'tenure in rounds giving half of the tenure barrier'),
    adjust: p(0.45, 0.01, 1, 'share of the gap to the loyalty target closed per round'),
    referredBonus: p(0.15, 0, 1, 'starting loyalty bonus of referred customers (better fit)'),
  },
  churn: {
    base: p(0.01, 0, 1, 'churn probability per round of a fully loyal customer with no competition'),
    disloyal: p(0.045, 0, 1, 'churn probability added at zero loyalty under rival pressure 1'),
    dissatisfied: p(0.4, 0, 1, 'churn probability added per unit of dissatisfaction below 50 points (zone of defection: (50-S)/50)'),
    price: p(0.25, 0, 2, 'churn probability added per unit of price index above the rival\'s, for a fully price-sensitive customer'),
    switchingCost: p(0, 0, 1, 'share of churn prevented by switching costs (high in banking)'),
    silentSmall: p(0.6, 0, 1, 'churn probability added by a silent small-loss failure (TARP: 37% stay)'),
    silentLarge: p(0.88, 0, 1, 'churn probability added by a silent large-loss failure (TARP: 9% stay)'),
    unresolvedSmall: p(0.5, 0, 1, 'churn added by a complaint not resolved, small loss (TARP: 46% stay)'),
    unresolvedLarge: p(0.78, 0, 1, 'churn added by a complaint not resolved, large loss (TARP: 19% stay)'),
    resolvedSmall: p(0.26, 0, 1, 'churn added by a complaint resolved slowly, small loss (TARP: 70% stay)'),
    resolvedLarge: p(0.42, 0, 1, 'churn added by a complaint resolved slowly, large loss (TARP: 54% stay)'),
    quickSmall: p(0.01, 0, 1, 'churn added by a complaint resolved quickly, small loss (TARP: 95% stay)'),
    quickLarge: p(0.1, 0, 1, 'churn added by a complaint resolved quickly, large loss (TARP: 82% stay)'),
    retentionEffect: p(0.6, 0, 1, 'share of an at-risk customer\'s churn probability a generous retention offer removes'),
    retentionHalf: p(0.1, 0.001, 1e6, 'retention offer per at-risk customer, relative to its round revenue, giving half the effect'),
    scale: p(1, 0, 5, 'multiplier on every churn probability (for what-if studies of retention)'),
    maxProbability: p(0.95, 0, 1, 'upper bound of the churn probability per round'),
    detractorThreshold: p(40, 0, 100, 'satisfaction below which a leaving customer spreads negative word of mouth'),
  },
  purchase: {
    sowFloor: p(0.3, 0, 1, 'share of wallet at zero loyalty'),
    sowCeiling: p(0.9, 0, 1, 'share of wallet at full loyalty'),
    sowExponent: p(1, 0.5, 8, 'curvature of share of wallet in loyalty'),
    sowAdjust: p(0.5, 0.01, 1, 'share of the gap to the target share of wallet closed per round'),
    sowPrice: p(0.4, 0, 4, 'share of wallet gained per unit of discount below the rival\'s price, for a fully price-sensitive customer'),
    walletShock: p(0.08, 0, 1, 'standard deviation of the seeded wallet shock per round'),
    growingBoost: p(0.02, -1, 1, 'extra wallet growth per round for a growing customer'),
    decliningDrag: p(-0.03, -1, 1, 'extra wallet growth per round for a declining customer'),
    walletMax: p(1e9, 1, 1e15, 'largest wallet any customer can reach (money per round)'),
  },
  referral: {
    promoterThreshold: p(85, 0, 100, 'true satisfaction from which a customer is a promoter'),
    rate: p(0.06, 0, 1, 'probability per round a promoter of full influence refers a new customer'),
    programmeBoost: p(1, 0, 10, 'relative rise of the referral rate from a fully funded relationship programme'),
    positiveReach: p(1, 0, 100, 'people who hear a promoter\'s good word per round (relative)'),
    negativeReach: p(2, 0, 100, 'people who hear a detractor\'s bad word (TARP: about twice the good)'),
    womStrength: p(1.5, 0, 20, 'how strongly net word of mouth per customer changes acquisition'),
  },
  acquisition: {
    ceilingShare: p(0.08, 0, 2, 'most new customers per round, per tier targeted, as a share of the initial population'),
    halfSpendPerCustomer: p(2500, 0.01, 1e9, 'acquisition spend per potential new customer (of the ceiling) giving half of the ceiling'),
    brandEffect: p(0.5, 0, 5, 'relative rise of acquisition from a fully built brand'),
    candidates: p(5, 1, 9, 'prospects examined per acquired customer at perfect targeting'),
    startSatisfaction: p(62, 0, 100, 'true satisfaction of a newly acquired customer'),
    startLoyalty: p(0.15, 0, 1, 'loyalty of a newly acquired customer'),
    startShare: p(0.2, 0, 1, 'share of wallet of a newly acquired customer'),
  },
  winBack: {
    maxRate: p(0.35, 0, 1, 'most lapsed customers of a tier that a generous win-back spend can win back per round'),
    halfSpendPerLapsed: p(1500, 0.01, 1e9, 'win-back spend per lapsed customer giving half the effect'),
    memoryRounds: p(8, 1, 40, 'rounds after leaving during which a lapsed customer can still be won back'),
    grudge: p(0.6, 0, 1, 'share of win-back chance lost by customers who left dissatisfied'),
  },
  lifecycle: {
    newRounds: p(2, 0, 40, 'rounds a customer stays in the new stage'),
    growthThreshold: p(0.05, 0, 1, 'revenue growth over the last rounds that makes a customer growing'),
    declineThreshold: p(-0.1, -1, 0, 'revenue change over the last rounds that makes a customer declining'),
    declineSatisfaction: p(45, 0, 100, 'true satisfaction under which a customer is declining'),
  },
  data: {
    baseQuality: p(0.35, 0, 1, 'data quality with no data platform'),
    estimateNoise: p(0.6, 0, 5, 'noise of estimated influence and potential at zero data quality (relative)'),
    marketingPrecision: p(0.3, 0, 1, 'targeting precision added by a fully built marketing-automation module'),
  },
  finance: {
    interestRate: p(0.03, 0, 1, 'interest per round on a rescue loan'),
    loanBuffer: p(0.1, 0, 10, 'cash cushion a rescue loan adds, as a share of last round\'s wages'),
    discountRate: p(0.03, 0, 1, 'discount rate per round used for customer lifetime value'),
    walletSmoothing: p(0.25, 0.01, 1, 'share of the gap between the wallet and its smoothed value closed per round (the valuation expects the smoothed wallet)'),
  },
  survey: {
    responseNoise: p(4, 0, 50, 'standard deviation (satisfaction points) of the noise in a survey answer'),
    cut2: p(35, 0, 100, 'satisfaction from which a customer answers at least 2 of 5 (ordinal response model)'),
    cut3: p(55, 0, 100, 'satisfaction from which a customer answers at least 3 of 5'),
    cut4: p(70, 0, 100, 'satisfaction from which a customer answers at least 4 of 5'),
    cut5: p(86, 0, 100, 'satisfaction from which a customer answers 5 of 5 ("totally satisfied")'),
    costPerResponse: p(120, 0, 1e6, 'cost of one satisfaction survey response'),
    npsCostPerResponse: p(60, 0, 1e6, 'cost of one NPS response (same sample)'),
    employeeSurveyCost: p(15_000, 0, 1e9, 'cost of the employee survey'),
    benchmarkCost: p(20_000, 0, 1e9, 'cost of the competitor benchmark (a market only): every rival\'s prices and service level as observed, and a survey of its customers'),
    benchmarkSample: p(150, 1, 100_000, 'responses the competitor benchmark asks of each rival\'s customers'),
    employeeNoise: p(4, 0, 50, 'standard error (points) of the measured employee satisfaction'),
  },
  market: {
    switchShare: p(0.7, 0, 1, 'in a market of several firms, the share of a firm\'s leavers who go to another firm of the market (the rest leave for suppliers outside it for a while: win-back targets of their firm)'),
    valueSensitivity: p(5, 0, 50, 'how strongly the customers\' choice among firms follows value: a firm 0.1 more valuable than another is e^(0.1 x this) times as attractive (multinomial logit, Cooper & Nakanishi)'),
    priceWeight: p(0.25, 0, 10, 'value a firm loses per unit of its price index above the list price, beyond what its customers\' satisfaction already says of it (a 10% premium costs 0.025, two and a half points of satisfaction)'),
    brandWeight: p(0.1, 0, 1, 'value a firm gains from its brand effect (0..1)'),
    pressureMin: p(0.25, 0, 1, 'the smallest rival pressure a firm of a market faces, as a share of the scenario\'s rival pressure (its rivals far worse)'),
    pressureMax: p(4, 1, 20, 'the largest rival pressure a firm of a market faces, as a multiple of the scenario\'s (its best rival far better)'),
    reachMin: p(0.25, 0, 1, 'the smallest share of its fair share of prospects a firm of a market reaches'),
    reachMax: p(3, 1, 20, 'the largest multiple of its fair share of prospects a firm of a market reaches'),
    otherSuppliers: p(24, 0, 1000, 'the suppliers outside a market of several firms that its customers also buy from, counted as firms of the market\'s average attraction: what a customer spends beyond its main firm is split among the market\'s other firms and these in proportion to attraction (24: a city\'s trade of some thirty firms, so in a market of four about a tenth of it comes to the three rivals; 0: a closed market, where all of it does)'),
    prospectPool: p(1, 0.05, 100, 'the prospects of a market outside its firms, in multiples of the firms\' starting customers: a lapsed customer of one firm is a prospect of the others, so of the customers a firm acquires, the share lapsed / (lapsed + pool) are its rivals\' lapsed customers'),
  },
} as const satisfies Record<string, Record<string, ParamSpec>>;

/** The coefficient groups. */
export type ParamGroup = keyof typeof PARAM_SPEC;

/** Resolved coefficients, read by the systems. */
export type ModelParams = { -readonly [G in ParamGroup]: { -readonly [K in keyof (typeof PARAM_SPEC)[G]]: number } };

/** A partial override of coefficients, as a scenario's `model` block. */
export type ModelOverrides = { [G in ParamGroup]?: { [K in keyof (typeof PARAM_SPEC)[G]]?: number } };

/** The ordered list of groups (declaration order; never iterate object keys for sim logic). */
export const PARAM_GROUPS = Object.keys(PARAM_SPEC) as ParamGroup[];

/**
 * Defaults with `overrides` applied. Range checks belong to the scenario validator. The same
 * overrides object gives the same frozen table: planning tools and the computer firms resolve a
 * scenario's coefficients many times a quarter (a scenario is a value: edits make a new one).
 */
export function resolveParams(overrides: ModelOverrides | undefined): ModelParams {
  if (!overrides) return (defaults ??= build(undefined));
  let P = resolved.get(overrides);
  if (!P) resolved.set(overrides, (P = build(overrides)));
  return P;
}

let defaults: ModelParams | undefined;
const resolved = new WeakMap<ModelOverrides, ModelParams>();

function build(overrides: ModelOverrides | undefined): ModelParams {
  const out: Record<string, Record<string, number>> = {};
  for (const g of PARAM_GROUPS) {
    const spec = PARAM_SPEC[g] as Record<string, ParamSpec>;
    const over = (overrides?.[g] ?? {}) as Record<string, number | undefined>;
    const group: Record<string, number> = {};
    for (const k of Object.keys(spec)) {
      group[k] = over[k] ?? (spec[k] as ParamSpec).d;
    }
    out[g] = Object.freeze(group);
  }
  return Object.freeze(out) as ModelParams;
}
