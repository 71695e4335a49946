/**
 * The balance lab (issue 15): every reference strategy over N seeds of a scenario, and the
 * checks a scenario's author needs before a class plays it. Pure and deterministic: the work is
 * a list of jobs ({@link labJobs}), each played on its own ({@link runLabJob}, so any number of
 * workers may share them out), and the report is made from the results in job order
 * ({@link labReport}): the same scenario and seeds give the same report however many workers ran.
 *
 * The checks (flags):
 * - `dominant`: a strategy whose mean score beats value-based's (MODEL.md section 6: good
 *   relationship management should win);
 * - `bankrupt`: a strategy that goes bankrupt on some seeds;
 * - `endGameExploit`: a strategy that cuts everything in its last quarter (the harvest of
 *   test/lessons/endgame.test.ts) and scores more than without the cut on more than one seed in ten;
 * - `noDiminishingReturns`: a lever whose mean score still rises at 2, 4 and 8 times the
 *   value-based strategy's spend on it (the rest of the plan scaled down to fit the budget), by a
 *   material amount and about as much per unit of money at the last step as before
 *   ({@link neverDiminishes}): its returns do not diminish within what a budget allows;
 * - `lesson`: a lesson of MODEL.md section 6 that a strategy comparison can show and that does not
 *   hold on this scenario: 1 (value-based beats uniform service on cumulative profit plus customer
 *   equity on 9 seeds in 10) and 2 (cutting training and wages from quarter 3, or from the quarter
 *   both levers open, raises profit in its first two quarters and lowers it in the last two, on 8
 *   seeds in 10). The other lessons need
 *   measurements of single customers; test/lessons checks them on the built-in scenarios.
 * For a scenario written for a market, each strategy also plays seat 1 of a market of the
 * scenario's default size against value-based rivals, and `dominant` is checked there too.
 */
import {
  NUMBER_FIELDS, cloneDecisions, cloneState, getAt, marketFirms, newGame, pathsOf, planUse, problemsText, setAt, stepInPlace,
  type Decisions, type Lever, type RoundReport, type ScenarioConfig, type SimState,
} from '../sim/index';
import { fitBudget, fitStaff, isOpen } from './fit';
import { POLICIES, policyById, policyDecisions, type PolicyId } from './index';
import { playMarketGame } from './market';

/** The levers the lab sweeps: the service hours, and every lever that spends the budget. */
export const SWEPT_LEVERS = ['service', 'relationship', 'retention', 'acquisition', 'winBack', 'training', 'systems', 'brand'] as const satisfies readonly Lever[];
export type SweptLever = (typeof SWEPT_LEVERS)[number];
/** Multiples of the value-based strategy's level of a swept lever. */
export const SWEEP_FACTORS = [1, 2, 4, 8] as const;
/** The lever sweeps and the market games run on at most this many seeds (the first ones). */
export const SWEEP_SEEDS = 10;

export type LabJob =
  | { kind: 'play'; policy: PolicyId; seed: string }
  | { kind: 'lever'; lever: SweptLever; factor: number; seed: string }
  | { kind: 'cut'; seed: string }
  | { kind: 'market'; policy: PolicyId; seed: string };

/** A whole game of a strategy, and its last quarter harvested instead (null: the game ended before its last quarter). */
export interface PlayResult {
  kind: 'play';
  score: number;
  cumulativeProfit: number;
  customerEquity: number;
  /** True mean satisfaction of the last quarter's customers, 0-100. */
  satisfaction: number;
  bankrupt: boolean;
  profitByRound: number[];
  harvestScore: number | null;
}
export interface ScoreResult {
  kind: 'lever' | 'market';
  score: number;
}
export interface CutResult {
  kind: 'cut';
  profitByRound: number[];
  /** The first quarter the cut was made (3, or later when training or wages are locked until then); null: never. */
  from: number | null;
}
export type LabResult = PlayResult | ScoreResult | CutResult;

/** Seeds "1".."n". */
export const labSeeds = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i + 1));

/** Every job of a lab of `seeds` seeds, in the order the report reads them. */
export function labJobs(scenario: ScenarioConfig, seeds: number): LabJob[] {
  const all = labSeeds(seeds);
  const few = all.slice(0, SWEEP_SEEDS);
  const jobs: LabJob[] = [];
  for (const p of POLICIES) for (const seed of all) jobs.push({ kind: 'play', policy: p.id, seed });
  for (const seed of all) jobs.push({ kind: 'cut', seed });
  for (const lever of SWEPT_LEVERS) for (const factor of SWEEP_FACTORS) for (const seed of few) jobs.push({ kind: 'lever', lever, factor, seed });
  if (scenario.market) for (const p of POLICIES) for (const seed of few) jobs.push({ kind: 'market', policy: p.id, seed });
  return jobs;
}

/** The last-quarter harvest: relationship programmes, retention offers, acquisition, win-back, training and research to 0, service hours halved, wages to 0.8. */
export function harvest(d: Decisions): Decisions {
  return {
    ...d,
    tiers: d.tiers.map((t) => ({ ...t, relationshipSpend: 0, retentionBudget: 0, acquisitionSpend: 0, winBackSpend: 0, serviceHours: t.serviceHours / 2 })),
    people: { ...d.people, trainingSpend: 0, wageIndex: 0.8 },
    research: { ...d.research, surveySample: d.research.surveySample.map(() => 0), employeeSurvey: false, nps: false },
  };
}

/** Lesson 2's cut: from quarter 3 on, once training and wages are both open, no training and wages at 0.85 of the market's. Null: not this quarter. */
export function cutPeople(scenario: ScenarioConfig, state: SimState, d: Decisions, round: number): Decisions | null {
  if (round < 3 || !isOpen(scenario, state, 'training') || !isOpen(scenario, state, 'wages')) return null;
  return { ...d, people: { ...d.people, trainingSpend: 0, wageIndex: 0.85 } };
}

/** The budget fields of a lever (money out of the quarter's budget). */
const leverFields = (lever: Lever) => NUMBER_FIELDS.filter((f) => f.lever === lever && f.budget !== undefined);

/**
 * `d` with lever `lever` at `factor` times its level in `d` (a lever `d` leaves at 0 starts from
 * 2% of the budget, spread evenly over its fields), the rest of the plan scaled down to fit the
 * budget and the staff. A locked lever is left as it is.
 */
export function sweepLever(scenario: ScenarioConfig, state: SimState, d: Decisions, lever: SweptLever, factor: number): Decisions {
  if (!isOpen(scenario, state, lever)) return d;
  const out = cloneDecisions(d);
  if (lever === 'service') {
    out.tiers.forEach((t) => (t.serviceHours *= factor));
    fitStaff(scenario, state, out);
    return fitBudget(scenario, state, out);
  }
  const fields = leverFields(lever);
  const paths = fields.flatMap((f) => pathsOf(f, out).map((p) => ({ f, p })));
  const counts = planUse(scenario, state, out).tierCounts;
  const spendOf = ({ f, p }: (typeof paths)[number]): number => (getAt(out, p) as number) * (f.budget === 'perCustomer' ? (counts[Number(p[1])] ?? 0) : 1);
  const total = paths.reduce((s, x) => s + spendOf(x), 0);
  if (total <= 0) {
    const each = (0.02 * state.firm.budget) / Math.max(1, paths.length);
    for (const { f, p } of paths) setAt(out, p, f.budget === 'perCustomer' ? each / Math.max(1, counts[Number(p[1])] ?? 0) : each);
  }
  for (const { f, p } of paths) setAt(out, p, Math.min(f.max, (getAt(out, p) as number) * factor));
  return fitBudget(scenario, state, out);
}

/** Plays `policy` on `seed` with `change` applied to each quarter's plan; the state before each quarter is given. */
function playChanged(scenario: ScenarioConfig, seed: string, policy: PolicyId, change: (d: Decisions, round: number, state: SimState) => Decisions, stopBefore = Infinity): { state: SimState; reports: RoundReport[]; last: RoundReport | null } {
  const p = policyById(policy)!;
  const state = newGame(scenario, seed);
  const reports: RoundReport[] = [];
  let last: RoundReport | null = null;
  while (state.status === 'running' && state.round + 1 < stopBefore) {
    const d = change(policyDecisions(p, scenario, state, last), state.round + 1, state);
    const r = stepInPlace(scenario, state, d);
    if (!r.ok) throw new Error(`the lab's ${policy} plan was refused in quarter ${state.round + 1} (seed ${seed}): ${problemsText(r.problems)}`);
    last = r.report;
    reports.push(r.report);
  }
  return { state, reports, last };
}

const mustStep = (scenario: ScenarioConfig, state: SimState, d: Decisions, what: string): RoundReport => {
  const r = stepInPlace(scenario, state, d);
  if (!r.ok) throw new Error(`the lab's ${what} was refused in quarter ${state.round}: ${problemsText(r.problems)}`);
  return r.report;
};

/** Plays one job. */
export function runLabJob(scenario: ScenarioConfig, job: LabJob): LabResult {
  switch (job.kind) {
    case 'play': {
      // To the quarter before the last; then the last as planned and harvested, each on its own copy.
      const g = playChanged(scenario, job.seed, job.policy, (d) => d, scenario.rounds);
      let harvestScore: number | null = null;
      if (g.state.status === 'running') {
        const d = policyDecisions(policyById(job.policy)!, scenario, g.state, g.last);
        const cut = cloneState(g.state);
        harvestScore = mustStep(scenario, cut, harvest(d), `${job.policy} harvest (seed ${job.seed})`).score;
        g.reports.push(mustStep(scenario, g.state, d, `${job.policy} plan (seed ${job.seed})`));
      }
      const end = g.reports.at(-1);
      return {
        kind: 'play',
        score: g.state.score,
        cumulativeProfit: g.state.firm.cumulativeProfit,
        customerEquity: end?.firm.customerEquity ?? 0,
        satisfaction: end?.firm.satisfaction ?? 0,
        bankrupt: g.state.status === 'bankrupt',
        profitByRound: g.reports.map((r) => r.finance.operatingProfit),
        harvestScore,
      };
    }
    case 'cut': {
      let from: number | null = null;
      const g = playChanged(scenario, job.seed, 'value-based', (d, r, st) => {
        const cut = from !== null || r >= 3 ? cutPeople(scenario, st, d, r) : null;
        if (cut && from === null) from = r;
        return cut ?? d;
      });
      return { kind: 'cut', profitByRound: g.reports.map((r) => r.finance.operatingProfit), from };
    }
    case 'lever':
      return { kind: 'lever', score: playChanged(scenario, job.seed, 'value-based', (d, _r, s) => sweepLever(scenario, s, d, job.lever, job.factor)).state.score };
    case 'market': {
      const n = marketFirms(scenario).default;
      const seats = Array.from({ length: n }, (_, k) => ({ name: String.fromCharCode(65 + k), policy: policyById(k === 0 ? job.policy : 'value-based')! }));
      return { kind: 'market', score: playMarketGame(scenario, job.seed, seats).market.firms[0]!.state.score };
    }
  }
}

export interface Spread {
  mean: number;
  min: number;
  max: number;
}
const spread = (xs: readonly number[]): Spread => ({ mean: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length), min: Math.min(...xs), max: Math.max(...xs) });

export interface LabPolicyRow {
  policy: PolicyId;
  games: number;
  score: Spread;
  cumulativeProfit: Spread;
  customerEquity: Spread;
  satisfaction: Spread;
  bankrupt: number;
}

export type LabFlag =
  | { kind: 'dominant'; policy: PolicyId; market: boolean; score: number; valueBased: number }
  | { kind: 'bankrupt'; policy: PolicyId; seeds: string[] }
  | { kind: 'endGameExploit'; policy: PolicyId; seeds: string[]; games: number; gain: number }
  | { kind: 'noDiminishingReturns'; lever: SweptLever; scores: number[] }
  | { kind: 'lesson'; lesson: 1 | 2; held: number; games: number; needed: number; from?: number };

export interface LabReport {
  scenario: string;
  seeds: number;
  policies: LabPolicyRow[];
  /** Each swept lever's mean score at each factor (value-based, the first SWEEP_SEEDS seeds). */
  levers: { lever: SweptLever; factors: number[]; score: number[] }[];
  /** A scenario written for a market: each strategy's mean score in seat 1 against value-based rivals. */
  market: { firms: number; policies: { policy: PolicyId; score: Spread }[] } | null;
  flags: LabFlag[];
}

/**
 * Whether mean scores at SWEEP_FACTORS (1, 2, 4, 8 times a lever's spend) show returns that never
 * diminish: the score rises at every step; the last doubling still earns, per unit of extra
 * spend, at least half of what the best earlier doubling did; and the gain is material (8 times
 * the spend scores at least 2 points, and 5%, more than 1 time).
 */
export function neverDiminishes(scores: readonly number[]): boolean {
  if (!scores.every((x, k) => k === 0 || x > scores[k - 1]!)) return false;
  const perUnit = scores.slice(1).map((x, k) => (x - scores[k]!) / (SWEEP_FACTORS[k + 1]! - SWEEP_FACTORS[k]!));
  const last = perUnit.at(-1)!;
  const gain = scores.at(-1)! - scores[0]!;
  return last >= 0.5 * Math.max(...perUnit.slice(0, -1)) && gain >= Math.max(2, 0.05 * Math.abs(scores[0]!));
}

/** The report of a lab: `results[i]` is the result of `jobs[i]`. */
export function labReport(scenario: ScenarioConfig, seeds: number, jobs: readonly LabJob[], results: readonly LabResult[]): LabReport {
  const plays = new Map<PolicyId, { seed: string; r: PlayResult }[]>();
  const cuts = new Map<string, CutResult>();
  const sweeps = new Map<string, number[]>();
  const markets = new Map<PolicyId, number[]>();
  const add = <K, V>(m: Map<K, V[]>, k: K, v: V): void => void (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  jobs.forEach((job, i) => {
    const r = results[i]!;
    if (job.kind === 'play') add(plays, job.policy, { seed: job.seed, r: r as PlayResult });
    else if (job.kind === 'cut') cuts.set(job.seed, r as CutResult);
    else if (job.kind === 'lever') add(sweeps, `${job.lever}|${job.factor}`, (r as ScoreResult).score);
    else add(markets, job.policy, (r as ScoreResult).score);
  });
  const policies: LabPolicyRow[] = [...plays].map(([policy, rows]) => ({
    policy,
    games: rows.length,
    score: spread(rows.map((x) => x.r.score)),
    cumulativeProfit: spread(rows.map((x) => x.r.cumulativeProfit)),
    customerEquity: spread(rows.map((x) => x.r.customerEquity)),
    satisfaction: spread(rows.map((x) => x.r.satisfaction)),
    bankrupt: rows.filter((x) => x.r.bankrupt).length,
  }));
  const levers = SWEPT_LEVERS.filter((l) => sweeps.has(`${l}|1`)).map((lever) => ({
    lever, factors: [...SWEEP_FACTORS], score: SWEEP_FACTORS.map((f) => spread(sweeps.get(`${lever}|${f}`) ?? []).mean),
  }));
  const market = markets.size > 0 ? { firms: marketFirms(scenario).default, policies: [...markets].map(([policy, xs]) => ({ policy, score: spread(xs) })) } : null;

  const flags: LabFlag[] = [];
  const vb = policies.find((p) => p.policy === 'value-based');
  for (const p of policies) if (vb && p.policy !== 'value-based' && p.score.mean > vb.score.mean) flags.push({ kind: 'dominant', policy: p.policy, market: false, score: p.score.mean, valueBased: vb.score.mean });
  const vbMarket = market?.policies.find((p) => p.policy === 'value-based');
  for (const p of market?.policies ?? []) if (vbMarket && p.policy !== 'value-based' && p.score.mean > vbMarket.score.mean) flags.push({ kind: 'dominant', policy: p.policy, market: true, score: p.score.mean, valueBased: vbMarket.score.mean });
  for (const [policy, rows] of plays) {
    const broke = rows.filter((x) => x.r.bankrupt).map((x) => x.seed);
    if (broke.length > 0) flags.push({ kind: 'bankrupt', policy, seeds: broke });
  }
  for (const [policy, rows] of plays) {
    const cut = rows.filter((x) => x.r.harvestScore !== null);
    const wins = cut.filter((x) => x.r.harvestScore! > x.r.score);
    if (wins.length > cut.length / 10) {
      const gain = wins.reduce((s, x) => s + (x.r.harvestScore! - x.r.score), 0) / wins.length;
      flags.push({ kind: 'endGameExploit', policy, seeds: wins.map((x) => x.seed), games: cut.length, gain });
    }
  }
  for (const l of levers) if (neverDiminishes(l.score)) flags.push({ kind: 'noDiminishingReturns', lever: l.lever, scores: l.score });
  const vbRows = plays.get('value-based') ?? [];
  const uniRows = plays.get('uniform') ?? [];
  if (vbRows.length > 0 && uniRows.length === vbRows.length) {
    const total = (r: PlayResult) => r.cumulativeProfit + r.customerEquity;
    const held = vbRows.filter((x, i) => total(x.r) > total(uniRows[i]!.r)).length;
    const needed = Math.ceil(0.9 * vbRows.length);
    if (held < needed) flags.push({ kind: 'lesson', lesson: 1, held, games: vbRows.length, needed });
  }
  // Lesson 2, where the game leaves room for it: two quarters of the cut's gain, then the last two quarters, after them.
  const last = scenario.rounds;
  const from = [...cuts.values()].find((c) => c.from !== null)?.from ?? null;
  if (from !== null && from + 1 < last - 1) {
    let held = 0;
    for (const { seed, r } of vbRows) {
      const cut = cuts.get(seed);
      if (!cut || cut.profitByRound.length < last || r.profitByRound.length < last) continue;
      const d = (k: number) => cut.profitByRound[k - 1]! - r.profitByRound[k - 1]!;
      if (d(from) + d(from + 1) > 0 && d(last) + d(last - 1) < 0) held++;
    }
    const needed = Math.ceil(0.8 * vbRows.length);
    if (held < needed) flags.push({ kind: 'lesson', lesson: 2, held, games: vbRows.length, needed, from });
  }
  return { scenario: scenario.id, seeds, policies, levers, market, flags };
}
