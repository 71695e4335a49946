/**
 * "Why did it change?": the attribution of a quarter's KPI changes to the learner's groups of
 * decisions, by counterfactual replays of the quarter from the same state with the same
 * random streams (common random numbers), each with one group reverted to last quarter's
 * decisions. With CRN the difference between two replays is the decisions alone, so every
 * part is exact, not estimated:
 *
 *   previous ─ late effects of earlier quarters ─ outside (events, carry-over, luck) ─┐
 *   baseline B = this quarter with last quarter's decisions (one-offs not repeated)  │
 *   part(g)   = actual − replay with group g reverted                                 │
 *   interaction = actual − B − Σ part(g)   (groups that work together or against)    ─┘
 *
 * Late effects: the replay with group g reverted in quarter q is carried forward with the
 * decisions actually taken (up to the explainer's `maxLag` quarters). What g's effect grew or shrank by in
 * quarter q+k is shown in q+k, traced back to quarter q.
 *
 * Pure and deterministic like the rest of `src/sim`.
 */
import type { Decisions, ScenarioConfig } from './config';
import { cloneState } from './clone';
import { BYTES_PER_CUSTOMER, copyCustomers } from './customers';
import { DECISION_GROUPS, fieldsOfGroup, type DecisionField, type DecisionGroup } from './decisions/catalogue';
import { TIER_LISTS, cloneDecisions, getAt, groupPaths as catalogueGroupPaths, listsFit, setAt, standingDecisions } from './decisions/plans';
import { canonicalJson } from './hash';
import type { RoundReport } from './report';
import type { SimState } from './state';
import { stepCounterfactual, step } from './step';
import { problemsText } from './validate';

/** A group of decisions the attribution reverts together (the catalogue's groups); `service:<t>` is tier t's service hours. */
export type GroupId = Exclude<DecisionGroup, 'service'> | `service:${number}`;

/**
 * How many quarters after a decision its late effects are traced (later ones count as
 * carry-over): four for bases up to LONG_LAG_CUSTOMERS customers, two above (each quarter of
 * lag costs about two counterfactual quarters per traced change, and memory for its world).
 */
export const MAX_LAG = 4;
export const SHORT_LAG = 2;
export const LONG_LAG_CUSTOMERS = 20_000;

/** The lag traced for a game that starts from `start`. */
export const lagFor = (start: SimState): number => (start.customers.count <= LONG_LAG_CUSTOMERS ? MAX_LAG : SHORT_LAG);

/**
 * The KPIs attributed, in vector order. Per-tier customers follow as `customers:<t>` for every
 * tier of the scenario (0 for a tier not in use). `satisfaction`, `loyalty` and
 * `employeeSatisfaction` are the true values: the page shows them only in the debrief.
 * `objectives` is the points of the objectives met so far, the part of `score` that arrives
 * whole at an objective's threshold (a decision that tipped one shows it there).
 */
export const FIRM_KPIS = ['profit', 'revenue', 'customers', 'customerEquity', 'satisfaction', 'loyalty', 'employeeSatisfaction', 'score', 'objectives'] as const;
export type FirmKpi = (typeof FIRM_KPIS)[number];
export type AttributedKpi = FirmKpi | `customers:${number}`;

/** The attributed KPI ids of a scenario with `tiers` tiers. */
export function attributedKpis(tiers: number): AttributedKpi[] {
  const out: AttributedKpi[] = [...FIRM_KPIS];
  for (let t = 0; t < tiers; t++) out.push(`customers:${t}`);
  return out;
}

/** The parts of a round's report the attributed KPIs come from (a page summary has them too). */
export type KpiSource = Pick<RoundReport, 'finance' | 'firm' | 'tiers' | 'employees' | 'score' | 'objectivePoints' | 'round'>;

/** The KPI vector of a round's report (order of {@link attributedKpis}). */
export function kpiVector(report: KpiSource, tiers: number): number[] {
  const f = report.firm;
  const out = [report.finance.operatingProfit, f.revenue, f.customers, f.customerEquity, f.satisfaction, f.loyalty, report.employees.satisfaction, report.score, report.objectivePoints];
  for (let t = 0; t < tiers; t++) out.push(report.tiers[t]?.customers ?? 0);
  return out;
}

/** Whether the number of tiers changed (then the rule and every per-tier lever form the one `tiering` group). */
export const mergedTiering = (d: Decisions, prev: Decisions): boolean => d.tiering.tierCount !== prev.tiering.tierCount;

/** Whether a catalogue field is one per tier (or per boundary between tiers). */
const perTier = (f: DecisionField): boolean => f.scope !== 'firm';

/**
 * The groups of `d` against `prev`, in the catalogue's order. With the same number of tiers,
 * each tier's service is its own group; when the learner changed the number of tiers, the
 * per-tier levers cannot be matched tier by tier, so the rule and every per-tier field form the
 * one `tiering` group, and the groups left without a field drop out.
 */
export function decisionGroups(d: Decisions, prev: Decisions): GroupId[] {
  const merged = mergedTiering(d, prev);
  const out: GroupId[] = [];
  for (const g of DECISION_GROUPS) {
    if (g === 'service') {
      if (!merged) for (let t = 0; t < d.tiers.length; t++) out.push(`service:${t}`);
    } else if (g === 'tiering' || g === 'choices' || !merged || fieldsOfGroup(g).some((f) => !perTier(f))) out.push(g);
  }
  return out;
}

type Path = readonly (string | number)[];

/** The lists of per-tier fields outside the rule (`tiers`, `research.surveySample`): the merged group takes them whole. */
const PER_TIER_LISTS: readonly Path[] = TIER_LISTS.filter((l) => l.path[0] !== 'tiering').map((l) => l.path);

/** The fields of group `g` in `d`: the rule and the answers as whole subtrees, the rest field by field. */
function groupPaths(g: GroupId, d: Decisions, merged: boolean): Path[] {
  if (g === 'tiering') return merged ? [['tiering'], ...PER_TIER_LISTS] : [['tiering']];
  // Last quarter's answers name last quarter's cards: this quarter's cards take their default option.
  if (g === 'choices') return [['choices']];
  if (g.startsWith('service:')) return catalogueGroupPaths('service', d, Number(g.slice('service:'.length)));
  return catalogueGroupPaths(g as DecisionGroup, d).filter((p) => !merged || !p.some((x) => typeof x === 'number'));
}

/** A copy of `d` with group `g` taken from `prev`. */
export function revertGroup(d: Decisions, prev: Decisions, g: GroupId): Decisions {
  const x = cloneDecisions(d);
  for (const p of groupPaths(g, d, mergedTiering(d, prev))) setAt(x, p, getAt(prev, p));
  return x;
}

/** Whether every field of group `g` is a one-off (hires, layoffs): made anew each quarter, never held. */
const oneOffGroup = (g: GroupId): boolean => !g.startsWith('service:') && g !== 'tiering' && g !== 'choices' && fieldsOfGroup(g as DecisionGroup).every((f) => f.oneOff === true);

/**
 * The decisions of quarter t in the world where the change of group `g` in quarter q (from
 * `before` to `atQ`) was never made: `d` (quarter t's) with each field of g that still has
 * its quarter-q value set back to its value before q. A later change of the field stands, and
 * a one-off (hires, layoffs) is quarter t's own decision, so it stands too.
 * Null when the result would be malformed (the number of tiers changed in between).
 */
export function holdGroup(d: Decisions, atQ: Decisions, before: Decisions, g: GroupId): Decisions | null {
  const x = cloneDecisions(d);
  if (oneOffGroup(g)) return x;
  for (const p of groupPaths(g, atQ, mergedTiering(atQ, before))) {
    const now = getAt(d, p);
    if (now === undefined || canonicalJson(now) !== canonicalJson(getAt(atQ, p))) continue;
    setAt(x, p, getAt(before, p));
  }
  return listsFit(x) ? x : null;
}

/** The groups whose decisions differ from `prev` (only these can have a part other than 0). */
export function changedGroups(d: Decisions, prev: Decisions): GroupId[] {
  const same = canonicalJson(d);
  return decisionGroups(d, prev).filter((g) => canonicalJson(revertGroup(d, prev, g)) !== same);
}

/** `d` with every group reverted, one after the other (equals `prev` when the groups cover every field). */
export function revertAll(d: Decisions, prev: Decisions): Decisions {
  let x = d;
  for (const g of decisionGroups(d, prev)) x = revertGroup(x, prev, g);
  return x;
}

/** One group's part of every KPI's change. */
export interface GroupPart {
  group: GroupId;
  /** Actual minus the replay with this group reverted, per KPI. */
  parts: number[];
}

/** A late effect arriving this quarter from a decision taken `fromRound`. */
export interface LatePart extends GroupPart {
  fromRound: number;
}

/** The attribution of one quarter's change, per KPI (vectors in the order of `kpis`). */
export interface QuarterAttribution {
  round: number;
  kpis: AttributedKpi[];
  /** The KPIs at the end of last quarter; null in the first quarter (no report before it). */
  previous: number[] | null;
  /** Late effects of earlier quarters' decisions that arrive this quarter. */
  late: LatePart[];
  /** baseline − previous − Σ late − valuation: outside events, earlier decisions' carry-over beyond the traced lag, and luck. Null in the first quarter. */
  outside: number[] | null;
  /**
   * The points the score gets for what the firm is worth rather than what it earned this
   * quarter, in the baseline world: at the end of the game its customer equity (weighted), and
   * the points of objectives met this quarter. Zero for every KPI but the score. Null in the first quarter.
   */
  valuation: number[] | null;
  /** This quarter played with last quarter's decisions. */
  baseline: number[];
  /** This quarter's changed groups and their parts. */
  groups: GroupPart[];
  /** actual − baseline − Σ parts: what the groups did together beyond their separate parts. */
  interaction: number[];
  actual: number[];
  /** Whether the number of tiers changed (then `tiering` holds every per-tier lever). */
  mergedTiering: boolean;
  /** Groups whose late effects are not traced (the memory for their worlds ran out); they count as outside later. */
  untraced: GroupId[];
  /**
   * In a market (src/sim/market/explain.ts): each rival firm whose plan changed, and its part
   * (actual minus the replay with that rival's plan reverted to its last quarter's). Absent in
   * the solo game, whose rival is the scenario's and decides nothing.
   */
  rivals?: RivalPart[];
}

/** A rival firm's part of every KPI's change (a market). */
export interface RivalPart {
  seat: number;
  name: string;
  parts: number[];
  /** Set for a late effect: the quarter the rival's change was made (the quarter before). */
  fromRound?: number;
}

/**
 * A counterfactual world carried forward: the world where the change of `group` in quarter
 * `fromRound` was never made (see {@link holdGroup}), played up to quarter `round`.
 */
interface Chain {
  fromRound: number;
  group: GroupId;
  /** The decisions of quarter `fromRound` and of the quarter before it. */
  atQ: Decisions;
  before: Decisions;
  /** The quarter the world last played, its decisions then, its KPIs after it. */
  round: number;
  decisions: Decisions;
  kpis: number[];
  /** The world after `round`; null once nothing more is played from it. */
  state: SimState | null;
  /** KPIs of the world repeating `decisions` for one more quarter (its momentum), once computed, and that quarter's valuation points. */
  momentum: number[] | null;
  momentumValue: number;
  /** Decisions of quarter round + 1 in this world, once the learner played that quarter (to go on). */
  next: Decisions | null;
  /** |score part| when it was made: the order in which worlds give way when memory runs out. */
  weight: number;
}

/**
 * A cursor that explains quarter after quarter. It holds the actual state at `round` (never
 * changed in place: callers may share it), the KPIs of that round and the counterfactual
 * worlds whose late effects are still traced. Between quarters, {@link prepareNext} does the
 * work that does not depend on the next decisions (the baseline and the worlds' momentum),
 * so that explaining the next quarter only replays its changed groups. Results are the same
 * whether or not it ran.
 */
export interface Explainer {
  round: number;
  state: SimState;
  kpis: number[] | null;
  chains: Chain[];
  /** The next quarter with this quarter's decisions, once computed. */
  baseline: { kpis: number[]; state: SimState } | null;
  /** Most bytes of customer tables the traced worlds may hold. */
  maxBytes: number;
  /** Quarters after a change that its late effects are traced. */
  maxLag: number;
  /** Counterfactual quarters played so far (for the benchmark). */
  replays: number;
}

/** Default memory for traced worlds: about ten worlds of 50,000 customers. */
export const TRACE_BYTES = 96 * 1024 * 1024;

export function newExplainer(start: SimState, maxBytes = TRACE_BYTES, maxLag = lagFor(start)): Explainer {
  return { round: start.round, state: start, kpis: null, chains: [], baseline: null, maxBytes, maxLag, replays: 0 };
}

const stateBytes = (s: SimState | null): number => (s ? s.customers.capacity * BYTES_PER_CUSTOMER : 0);

/** Bytes of customer tables the explainer keeps for its counterfactual worlds. */
export function explainerBytes(ex: Explainer): number {
  let n = stateBytes(ex.baseline?.state ?? null);
  for (const c of ex.chains) n += stateBytes(c.state);
  return n;
}

const minus = (a: readonly number[], b: readonly number[]): number[] => a.map((x, i) => x - b[i]!);

/** A private copy with little room to grow (counterfactual worlds are many; the engine grows a table when it must). */
function compactCopy(s: SimState): SimState {
  const c = cloneState({ ...s, customers: s.customers });
  c.customers = copyCustomers(s.customers, s.customers.count + (s.customers.count >> 4) + 64);
  return c;
}

/** A counterfactual quarter from `from` (copied unless `inPlace`). */
function replay(scenario: ScenarioConfig, ex: Explainer, decisions: Decisions, from: SimState, inPlace: boolean): { state: SimState; kpis: number[] } {
  ex.replays++;
  const r = stepCounterfactual(scenario, inPlace ? from : compactCopy(from), decisions);
  return { state: r.state, kpis: kpiVector(r.report, scenario.tiers.length) };
}

/**
 * The score points of world `after` (one quarter on from `before`, KPI vector `kpis`) for what
 * the firm is worth rather than earned: its weighted customer equity if the game ended there,
 * and the points of the objectives it met that quarter (as `runScoring` adds them).
 */
export function valuationPoints(scenario: ScenarioConfig, metBefore: number, after: SimState, kpis: readonly number[]): number {
  let points = after.status === 'running' ? 0 : (scenario.scoring.equityWeight * kpis[FIRM_KPIS.indexOf('customerEquity')]!) / scenario.scoring.moneyPerPoint;
  for (const id of after.objectivesMet.slice(metBefore)) points += scenario.objectives.find((o) => o.id === id)?.points ?? 0;
  return points;
}

/** Whether chain `c` is still traced in quarter `r`. */
const tracedIn = (ex: Explainer, c: Chain, r: number): boolean => r - c.fromRound <= ex.maxLag;

/**
 * One piece of the work between quarters that needs no new decision: a world's pending
 * quarter, a world's momentum, or the baseline of the next quarter. Returns false when there
 * is nothing left (the caller may stop calling). Never changes what is explained.
 */
export function prepareNext(scenario: ScenarioConfig, ex: Explainer, withBaseline = true): boolean {
  if (ex.state.status !== 'running') return false;
  const next = ex.round + 1;
  for (const c of ex.chains) {
    if (c.next && c.state) {
      const w = replay(scenario, ex, c.next, c.state, true);
      c.round++;
      c.decisions = c.next;
      c.next = null;
      c.kpis = w.kpis;
      c.state = w.state;
      c.momentum = null;
      return true;
    }
  }
  for (const c of ex.chains) {
    if (c.momentum === null && c.state && c.round === ex.round) {
      if (c.state.status !== 'running') {
        c.state = null;
        return true;
      }
      // After this momentum the world goes on only if it is still traced the quarter after.
      const goesOn = tracedIn(ex, c, next + 1);
      // The world's status quo, as the baseline's: what stands of its last decisions.
      const met = c.state.objectivesMet.length;
      const m = replay(scenario, ex, standingDecisions(c.decisions), c.state, !goesOn);
      c.momentum = m.kpis;
      c.momentumValue = valuationPoints(scenario, met, m.state, m.kpis);
      if (!goesOn) c.state = null;
      return true;
    }
  }
  if (withBaseline && !ex.baseline) {
    ex.baseline = replay(scenario, ex, standingDecisions(ex.state.lastDecisions), ex.state, false);
    return true;
  }
  return false;
}

/**
 * Explains the quarter played with `d` from the explainer's state and moves the cursor on.
 * `actual`, when given, is that quarter as the caller already played it (saves a replay);
 * otherwise it is played here. Throws if the engine refuses `d` (the caller only explains
 * accepted quarters).
 *
 * Late effects are measured in the same frame as the baseline: the momentum of a quarter
 * (baseline − previous: what would have changed had the learner repeated last quarter's
 * decisions) against the momentum of the world without an earlier change. Their difference
 * is that change's late effect arriving now.
 */
export function explainNext(scenario: ScenarioConfig, ex: Explainer, d: Decisions, actual?: { state: SimState; report: KpiSource }): { attribution: QuarterAttribution; state: SimState } {
  const before = ex.state;
  // What stands of last quarter's decisions: its one-offs (hires, layoffs) are not repeated.
  const prev = standingDecisions(before.lastDecisions);
  const tiers = scenario.tiers.length;
  let played: { state: SimState; report: KpiSource } | undefined = actual;
  if (!played) {
    const r = step(scenario, before, d);
    if (!r.ok) throw new Error(`explaining a refused quarter: ${problemsText(r.problems)}`);
    played = { state: r.state, report: r.report };
  }
  const A = kpiVector(played.report, tiers);
  const round = played.report.round;
  const running = played.state.status === 'running';
  // Whatever the time between quarters did not finish (the baseline only if something changed).
  while (prepareNext(scenario, ex, false));
  const groups = changedGroups(d, prev);
  if (groups.length > 0) prepareNext(scenario, ex);
  const base = ex.baseline;
  const baseline = groups.length > 0 && base ? base.kpis : A;
  const parts: GroupPart[] = [];
  const made: Chain[] = [];
  const scoreK = FIRM_KPIS.indexOf('score');
  for (const g of groups) {
    // With one changed group, reverting it gives last quarter's decisions: the baseline itself.
    const w = revertGroup(d, prev, g);
    const c = groups.length === 1 && base ? base : replay(scenario, ex, w, before, false);
    const part = minus(A, c.kpis);
    parts.push({ group: g, parts: part });
    if (ex.maxLag > 0 && running && c.state.status === 'running')
      made.push({ fromRound: round, group: g, atQ: d, before: prev, round, decisions: w, kpis: c.kpis, state: c.state, momentum: null, momentumValue: 0, next: null, weight: Math.abs(part[scoreK]!) });
  }

  // Late effects: each traced world's momentum this quarter against the actual momentum.
  // The score's points for what the firm is worth (its own bar): late effects count only what the quarter earned.
  const baseValue = valuationPoints(scenario, before.objectivesMet.length, groups.length > 0 && base ? base.state : played.state, baseline);
  const late: LatePart[] = [];
  const kept: Chain[] = [];
  if (ex.kpis) {
    const momentum = minus(baseline, ex.kpis);
    for (const c of ex.chains) {
      if (c.momentum === null) continue; // its world went bankrupt
      const parts = minus(momentum, minus(c.momentum, c.kpis));
      parts[scoreK]! -= baseValue - c.momentumValue;
      late.push({ fromRound: c.fromRound, group: c.group, parts });
      if (!running || !c.state || !tracedIn(ex, c, round + 1)) continue;
      const next = holdGroup(d, c.atQ, c.before, c.group);
      if (next) kept.push({ ...c, next, momentum: null });
    }
  }
  // Memory: the worlds of this quarter's changes with the smallest effect on the score give way first.
  let bytes = 0;
  for (const c of kept) bytes += stateBytes(c.state);
  const dropped = new Set<Chain>();
  for (const c of [...made].sort((a, b) => b.weight - a.weight || made.indexOf(a) - made.indexOf(b))) {
    const b = stateBytes(c.state);
    if (bytes + b > ex.maxBytes) dropped.add(c);
    else bytes += b;
  }
  const untraced = made.filter((c) => dropped.has(c)).map((c) => c.group);
  for (const c of made) if (!dropped.has(c)) kept.push(c);

  const interaction = minus(A, baseline);
  for (const p of parts) for (let k = 0; k < interaction.length; k++) interaction[k]! -= p.parts[k]!;
  let outside: number[] | null = null;
  let valuation: number[] | null = null;
  if (ex.kpis) {
    outside = minus(baseline, ex.kpis);
    for (const l of late) for (let k = 0; k < outside.length; k++) outside[k]! -= l.parts[k]!;
    valuation = outside.map(() => 0);
    valuation[scoreK] = baseValue;
    outside[scoreK]! -= valuation[scoreK]!;
  }
  const attribution: QuarterAttribution = {
    round,
    kpis: attributedKpis(tiers),
    previous: ex.kpis,
    late,
    outside,
    valuation,
    baseline,
    groups: parts,
    interaction,
    actual: A,
    mergedTiering: mergedTiering(d, prev),
    untraced,
  };
  ex.round = round;
  ex.state = played.state;
  ex.kpis = A;
  ex.chains = kept;
  ex.baseline = null;
  return { attribution, state: played.state };
}

/**
 * Moves the cursor over a quarter without explaining it (catching up after a replay): one
 * step, no counterfactuals; the late effects of earlier quarters are no longer traced.
 */
export function skipNext(scenario: ScenarioConfig, ex: Explainer, d: Decisions): void {
  const r = step(scenario, ex.state, d);
  if (!r.ok) throw new Error(`skipping a refused quarter: ${problemsText(r.problems)}`);
  ex.round = r.report.round;
  ex.state = r.state;
  ex.kpis = kpiVector(r.report, scenario.tiers.length);
  ex.chains = [];
  ex.baseline = null;
}
