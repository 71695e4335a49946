/**
 * The worker's market (MODEL.md section 8): one population shared by several firms, each seat a
 * team or a computer firm playing a reference strategy. Each firm is also a {@link Session} of
 * its own, built from the market's state of that firm, so a team's screens (decisions, reports,
 * customers, the firm view) work on its firm exactly as in the solo game; the console gets
 * only the standings every firm could know, and the reveal once the market is over.
 */
import { hashMarket, marketExplanation, hashJson, kpiVector, newMarket, standingDecisions, stepMarket, stepMarketCounterfactual, type Decisions, type MarketRound, type MarketState, type QuarterAttribution, type RoundReport, type ScenarioConfig, type SimState } from '../sim/index';
import type { Lang } from '../sim/text';
import { policyById } from '../policies/index';
import { defaultChoices, fitBudget, fitStaff } from '../policies/fit';
import { marketPolicyDecisions } from '../policies/market';
import { showProblems } from '../scenario/decisionMessages';
import { renderMarketRunFile, withoutSchemaRef, type RunFile } from '../scenario/runFile';
import { marketSizeIssues } from '../scenario/load';
import { marketClaimIssues, readMarketRunFile } from '../scenario/marketRun';
import { BUILTIN_IDS, builtinText } from './builtins';
import { traceBase, traceRound } from './customers';
import type { GameSource, MarketQuarter, MarketRefusal, MarketSeat, MarketSnapshot, MarketStanding, Responses, StartFailure } from './protocol';
import { classWorld, fileNameOf, firstUnexplained, loadSource, type Session } from './session';
import { kpiSource, summarize } from './summary';
import type { PlayedQuarter } from '../sim/index';

/** A market in play. */
export interface MarketSession {
  source: GameSource;
  json: unknown;
  scenario: ScenarioConfig;
  scenarioHash: string;
  seed: string;
  /** A class's market: its code (the seed) and the class's variant values, the run file's first overrides. */
  classCode?: string;
  overrides?: string[];
  seats: MarketSeat[];
  market: MarketState;
  /** Each seat's firm as a session of its own (its state is the market's state of that firm). */
  firms: Session[];
  /** Each seat's last report (the strategies read it). */
  last: (RoundReport | null)[];
  /** Each quarter's plans as played, in seat order (null: the firm had stopped). */
  plans: (Decisions | null)[][];
  /** Each quarter's market round (flows and values: the reveal). */
  rounds: MarketRound[];
  /** Each quarter's teams that sent no plan (their last plan played again). */
  kept: boolean[][];
  quarters: MarketQuarter[];
  /** The market before the last quarter played, and before the quarter before it: the last quarter's attribution starts from them. */
  before: MarketState | null;
  before2: MarketState | null;
  /** A replay of the market up to an earlier quarter, for explaining it (null until one is asked for). */
  cursor: MarketState | null;
  /** The computer firms' plans for the quarter to come, made ahead in idle time (they depend only on the market as it stands). */
  ahead: { round: number; plans: (Decisions | null)[] } | null;
  /** The explanation being worked out, one counterfactual quarter at a time. */
  pending: { seat: number; round: number; work: Generator<void, QuarterAttribution, void> } | null;
}

function firmSession(ms: Pick<MarketSession, 'source' | 'json' | 'scenario' | 'scenarioHash' | 'seed'>, state: MarketState['firms'][number]['state']): Session {
  return {
    source: ms.source, json: ms.json, scenario: ms.scenario, scenarioHash: ms.scenarioHash, seed: ms.seed,
    decisions: [], summaries: [], truths: [], base: traceBase(state), traces: [], state, table: null, attributions: [], explainer: null, market: true,
  };
}

/** Loads `source` and sets up a market of `seats`, replaying `plans` (each quarter's plans in seat order) if given. */
export async function openMarket(
  source: GameSource,
  seed: string,
  seats: readonly MarketSeat[],
  plans: readonly (readonly (Decisions | null)[])[],
  lang: Lang,
  classCode?: string,
): Promise<{ ok: true; market: MarketSession } | { ok: false; failure: StartFailure }> {
  const loaded = await loadSource(source, lang);
  if (!loaded.ok) return loaded;
  for (const s of seats) if (s.policy !== null && !policyById(s.policy)) throw new Error(`no strategy "${s.policy}"`);
  const world = classCode ? classWorld(loaded, classCode, source, lang) : null;
  if (world && !world.ok) return world;
  const scenario = world ? world.scenario : loaded.scenario;
  if (world) seed = world.code;
  const sizeIssues = marketSizeIssues(scenario, seats.length, fileNameOf(source), lang, loaded.text);
  if (sizeIssues.length > 0) return { ok: false, failure: { kind: 'scenario', errors: sizeIssues } };
  const market = newMarket(scenario, seed, seats.map((s) => s.name));
  const base = { source, json: loaded.json, scenario, scenarioHash: hashJson(scenario), seed };
  const ms: MarketSession = {
    ...base, ...(world ? { classCode: world.code, overrides: world.overrides } : {}), seats: seats.map((s) => ({ ...s })), market, firms: market.firms.map((f) => firmSession(base, f.state)),
    last: seats.map(() => null), plans: [], rounds: [], kept: [], quarters: [], before: null, before2: null, cursor: null, pending: null, ahead: null,
  };
  for (const [r, p] of plans.entries()) {
    // A replay plays exactly the plans recorded: the computer firms' among them.
    const res = playQuarter(ms, p.map((d) => (d ? structuredClone(d) : null)), ms.seats.map(() => false), lang);
    if (!res.ok) return { ok: false, failure: { kind: 'refused', round: r + 1, problems: res.refused[0]?.problems ?? [] } };
  }
  return { ok: true, market: ms };
}

/** Whether the market is over: no firm plays any more. */
export const marketOver = (ms: MarketSession): boolean => ms.market.firms.every((f) => f.state.status !== 'running');

/**
 * Resolves the quarter: each team's plan (null: it sent none, and its last plan plays again,
 * fitted to this quarter ({@link keptPlan}): which the standings say), each computer firm's strategy's plan, nothing for a stopped firm.
 * A refused plan of any firm changes nothing and is named with the engine's reasons.
 */
export function resolveMarket(ms: MarketSession, teamPlans: readonly (Decisions | null)[], lang: Lang): Responses['marketResolve'] {
  if (marketOver(ms)) throw new Error('the market is over');
  const { plans, kept } = quarterPlans(ms, teamPlans);
  const res = playQuarter(ms, plans, kept, lang);
  return res.ok ? { ok: true, market: marketSnapshot(ms), played: structuredClone(ms.plans.at(-1)!) } : res;
}

/**
 * The plans the quarter to come plays, in seat order: each computer firm's strategy's (made ahead
 * in idle time if it was), each team's `teamPlans` entry or, if it sent none, its kept plan
 * (`kept` says which), null for a stopped firm.
 */
export function quarterPlans(ms: MarketSession, teamPlans: readonly (Decisions | null)[]): { plans: (Decisions | null)[]; kept: boolean[] } {
  const kept = ms.seats.map(() => false);
  const plans = ms.seats.map((seat, k): Decisions | null => {
    const st = ms.market.firms[k]!.state;
    if (st.status !== 'running') return null;
    if (seat.policy !== null) return (ms.ahead?.round === ms.market.round ? ms.ahead.plans[k] : null) ?? marketPolicyDecisions(policyById(seat.policy)!, ms.scenario, ms.market, k, ms.last[k]!);
    const d = teamPlans[k];
    if (d) return structuredClone(d);
    kept[k] = true;
    return keptPlan(ms.scenario, st);
  });
  return { plans, kept };
}

/**
 * The plan of a team that sent none: what stands of its last plan (a hire or a lay-off is not
 * made again), this quarter's choice cards answered by their default option (last quarter's
 * answers name last quarter's cards), and its spending and service hours scaled down, never up,
 * to this quarter's budget and staff, as a reference strategy's are. So an absent team never
 * holds the class up with a plan the engine refuses.
 */
export function keptPlan(scenario: ScenarioConfig, state: SimState): Decisions {
  const d = standingDecisions(state.lastDecisions);
  d.choices = defaultChoices(scenario, state);
  fitStaff(scenario, state, d);
  return fitBudget(scenario, state, d);
}

/**
 * One piece of the work a resolve would otherwise do at once, for the worker's idle time while
 * the teams decide: the next computer firm's plan for the quarter to come (a strategy reads only
 * the market as it stands, so the plan is the one the resolve would make). False: nothing left.
 */
export function prepareMarket(ms: MarketSession): boolean {
  if (marketOver(ms)) return false;
  const round = ms.market.round;
  if (ms.ahead?.round !== round) ms.ahead = { round, plans: ms.seats.map(() => null) };
  const plans = ms.ahead.plans;
  const k = ms.seats.findIndex((seat, i) => seat.policy !== null && ms.market.firms[i]!.state.status === 'running' && plans[i] === null);
  if (k < 0) return false;
  plans[k] = marketPolicyDecisions(policyById(ms.seats[k]!.policy!)!, ms.scenario, ms.market, k, ms.last[k]!);
  return true;
}

function playQuarter(ms: MarketSession, plans: (Decisions | null)[], kept: boolean[], lang: Lang): { ok: true } | { ok: false; refused: MarketRefusal[] } {
  const res = stepMarket(ms.scenario, ms.market, plans);
  if (!res.ok) {
    return { ok: false, refused: res.problems.map((p) => ({ seat: p.seat, name: p.name, keptPlan: kept[p.seat] ?? false, problems: showProblems(p.problems, lang, ms.scenario.currency) })) };
  }
  ms.before2 = ms.before;
  ms.before = ms.market;
  ms.market = res.market;
  const firms: MarketStanding[] = [];
  let news: MarketQuarter['news'] = [];
  res.market.firms.forEach((f, k) => {
    const s = ms.firms[k]!;
    s.state = f.state;
    s.table = null;
    const report = res.reports[k];
    const row = res.round.firms[k]!;
    if (report) {
      ms.last[k] = report;
      s.decisions.push(structuredClone(plans[k]!));
      const { summary, truth } = summarize(ms.scenario, report, f.state);
      s.summaries.push(summary);
      s.truths.push(truth);
      s.traces.push(traceRound(f.state, report.events));
      if (news.length === 0) news = summary.news;
    }
    const sum = report ? s.summaries.at(-1)! : null;
    const survey = sum?.surveyFirm ?? null;
    firms.push({
      seat: k,
      name: f.name,
      status: f.state.status,
      customers: row.customers,
      marketShare: row.marketShare,
      revenue: sum?.firm.revenue ?? 0,
      profit: sum?.firm.profit ?? 0,
      customerEquity: sum?.firm.customerEquity ?? 0,
      score: f.state.score,
      satisfaction: survey ? { mean: survey.mean, margin: survey.marginOfError } : null,
      keptPlan: kept[k] ?? false,
    });
  });
  ms.plans.push(plans.map((d) => (d ? structuredClone(d) : null)));
  ms.rounds.push(res.round);
  ms.kept.push(kept);
  ms.quarters.push({ round: res.round.round, hash: res.round.hash, firms, news });
  return { ok: true };
}

/** The market as the console holds it: the standings; the reveal only once it is over. */
export function marketSnapshot(ms: MarketSession): MarketSnapshot {
  const over = marketOver(ms);
  return {
    scenario: ms.scenario,
    scenarioHash: ms.scenarioHash,
    seed: ms.seed,
    classCode: ms.classCode ?? null,
    seats: ms.seats.map((s) => ({ ...s })),
    round: ms.market.round,
    over,
    initialCustomers: ms.firms.map((f) => f.state.initialCount),
    quarters: structuredClone(ms.quarters),
    reveal: over
      ? {
          decisions: structuredClone(ms.plans),
          rounds: ms.rounds.map((r) => ({
            round: r.round,
            firms: r.firms.map((f) => ({ seat: f.seat, value: f.value, wonFrom: [...f.wonFrom], lostTo: [...f.lostTo], lostByTier: structuredClone(f.lostByTier), wonByTier: structuredClone(f.wonByTier), lapsed: f.lapsed })),
          })),
        }
      : null,
  };
}

/** The market's run file so far (`npm run sim -- verify` checks it). */
export function marketExport(ms: MarketSession): Responses['marketExport'] {
  const scenario: RunFile['scenario'] = ms.source.kind === 'builtin' ? { id: ms.source.id, hash: ms.scenarioHash } : { inline: withoutSchemaRef(ms.json) };
  const text = renderMarketRunFile({
    scenario,
    overrides: ms.overrides ?? [],
    ...(ms.classCode ? { classCode: ms.classCode } : {}),
    seed: ms.seed,
    firms: ms.seats.map((s) => (s.policy === null ? { name: s.name } : { name: s.name, policy: s.policy })),
    decisions: ms.plans,
    scores: ms.market.firms.map((f) => f.state.score),
    finalHash: hashMarket(ms.market),
  });
  const safeSeed = ms.seed.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40) || 'seed';
  return { text, fileName: `${ms.scenario.id}-market-${safeSeed}-q${ms.market.round}.crm-run.json` };
}

/**
 * A team's device joins a market from the facilitator's market file (a market run file): read
 * it as `verify` does, replay every quarter and check the claim, so the team's browser holds the
 * very market the console resolved (the engine is deterministic). A file that does not verify is
 * refused with the reader's errors (file, line, field path).
 */
export async function joinMarket(
  bytes: Uint8Array,
  fileName: string,
  lang: Lang,
): Promise<(Extract<Responses['marketJoin'], { ok: true }> & { session: MarketSession }) | Extract<Responses['marketJoin'], { ok: false }>> {
  const r = await readMarketRunFile(bytes, fileName, lang, { builtin: builtinText, builtinIds: BUILTIN_IDS });
  if (!r.ok) return { ok: false, failure: { kind: 'runFile', errors: r.errors } };
  const read = r.read;
  const run = read.run;
  const source: GameSource =
    read.builtin !== null && run.overrides.length === 0 ? { kind: 'builtin', id: read.builtin } : { kind: 'file', name: read.scenarioLabel, text: `${JSON.stringify(read.doc, null, 2)}\n` };
  const seats: MarketSeat[] = run.firms.map((f) => ({ name: f.name, policy: f.policy ?? null }));
  const opened = await openMarket(source, run.seed, seats, run.decisions, lang);
  if (!opened.ok) return opened;
  const ms = opened.market;
  const errors = marketClaimIssues(read, { scores: ms.market.firms.map((f) => f.state.score), finalHash: hashMarket(ms.market), rounds: run.decisions.length }, fileName, lang);
  if (errors.length > 0) return { ok: false, failure: { kind: 'runFile', errors } };
  return { ok: true, session: ms, market: marketSnapshot(ms), source, seats, played: structuredClone(ms.plans) };
}

/**
 * One piece of the work of explaining quarters from..upTo of seat `seat` (the worker does it
 * between requests): the attributions when they are all there, otherwise null after one
 * counterfactual or replayed market quarter. The last quarter is explained from the two markets
 * before it, which the session keeps; an earlier one from a replay of the market up to the
 * quarter before the one before it. Each explanation replays the quarter with the seat's changed groups and each
 * changed rival reverted, and the late effects of the quarter before's changes
 * (src/sim/market/explain.ts).
 */
export function explainMarketUnit(ms: MarketSession, seat: number, upTo: number, from = 1): QuarterAttribution[] | null {
  const s = ms.firms[seat];
  if (!s) throw new Error(`the market has no seat ${seat}`);
  const first = firstUnexplained(s, upTo, from);
  if (Array.isArray(first)) return first;
  const p = ms.pending;
  if (p && p.seat === seat && p.round === first) {
    const r = p.work.next();
    if (r.done) {
      s.attributions[first - 1] = r.value;
      ms.pending = null;
    }
    return null;
  }
  ms.pending = null;
  const tiers = ms.scenario.tiers.length;
  const previous = first >= 2 ? kpiVector(kpiSource(s.summaries[first - 2]!, s.truths[first - 2]!), tiers) : null;
  const plans = ms.plans[first - 1]!;
  const earlierPlans = first >= 2 ? ms.plans[first - 2]! : null;
  const start = (before: MarketState, actual: PlayedQuarter | undefined, earlier: MarketState | null): void => {
    ms.pending = { seat, round: first, work: marketExplanation(ms.scenario, before, plans, seat, previous, { actual, earlier: earlier && earlierPlans ? { market: earlier, plans: earlierPlans } : undefined }) };
  };
  if (first === ms.market.round && ms.before && (first < 2 || ms.before2)) {
    start(ms.before, { market: ms.market, reports: ms.last }, ms.before2);
    return null;
  }
  // From a replay: the cursor stands at the quarter before the one before (or at the start).
  const at = Math.max(0, first - 2);
  if (!ms.cursor || ms.cursor.round > at) ms.cursor = newMarket(ms.scenario, ms.seed, ms.seats.map((x) => x.name));
  const c = ms.cursor;
  if (c.round < at) {
    ms.cursor = stepMarketCounterfactual(ms.scenario, c, ms.plans[c.round]!).market;
    return null;
  }
  if (first < 2) start(c, undefined, null);
  else start(stepMarketCounterfactual(ms.scenario, c, earlierPlans!).market, undefined, c);
  return null;
}

/** How far {@link explainMarketUnit} has come (for the progress it reports). */
export const marketExplainRound = (ms: MarketSession): number => ms.cursor?.round ?? ms.market.round;
