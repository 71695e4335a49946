/**
 * A verdict on each lesson of MODEL.md section 6 with the evidence of this run's numbers
 * (the decisions' effects from `moves.ts`, the quarters' summaries, and the truth the worker
 * sends once the game is over: lessons 2, 3, 5 and 8 read true satisfaction). Pure: no React,
 * no engine.
 */
import type { AttributedKpi, GroupId } from '../../sim/attribution';
import type { Decisions } from '../../sim/config';
import type { GameTruth, RoundSummary, RoundTruth } from '../../worker/protocol';
import { changeMsg, fieldChange } from './changes';
import { before, collectMoves, effectByQuarter, immediateOf, lastTraced, lateOf, totalOf, valueOf, type DebriefInput, type Move } from './moves';
import { money, msg, num, pct, points, quarter, quartersVal, runsOf, scoreVal, tierVal, type Msg } from './msg';
import { MIN_SCORE_EFFECT } from './topDecisions';

/** What the lessons read: the debrief's input and the game's truth (a game that is over has one). */
export interface LessonsInput extends DebriefInput {
  truth: GameTruth;
}

/** The truth of quarter `q` (1-based), if the truth covers it. */
const truthAt = (input: LessonsInput, q: number): RoundTruth | undefined => input.truth.rounds.find((x) => x.round === q);

export type Verdict = 'shown' | 'broken' | 'notTested';
export type LessonId = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface LessonVerdict {
  lesson: LessonId;
  verdict: Verdict;
  /** The lesson's statement (MODEL.md section 6), as a message. */
  title: Msg;
  /** Sentences with this run's numbers. */
  evidence: Msg[];
}

const hoursOf = (d: Decisions, t: number): number => d.tiers[t]?.serviceHours ?? 0;
/** Differentiated service: more than one tier, and more service hours per customer for the top tier than for the bottom. */
export function differentiated(d: Decisions): boolean {
  return d.tiering.tierCount > 1 && d.tiers.length > 1 && hoursOf(d, 0) > hoursOf(d, d.tiers.length - 1);
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const EPS_MONEY = 1;

/** Moves at quarter q of the tiering and service groups. */
function tieringMoves(moves: readonly Move[], q: number): Move[] {
  return moves.filter((m) => m.round === q && (m.group === 'tiering' || m.group.startsWith('service:')));
}

/** Switches between differentiated and undifferentiated service described one by one before "and n more". */
const MAX_SWITCHES = 2;

function lesson1(input: DebriefInput, moves: Move[]): LessonVerdict {
  const title = msg('lesson.l1.title');
  const n = input.decisions.length;
  const diffQuarters = input.decisions.map((d, i) => (differentiated(d) ? i + 1 : 0)).filter((q) => q > 0);
  const switches: { q: number; toward: boolean }[] = [];
  for (let q = 1; q <= n; q++) {
    const was = differentiated(before(input, q));
    const now = differentiated(input.decisions[q - 1]!);
    if (was !== now) switches.push({ q, toward: now });
  }
  // The lesson is about whole games: the reference strategies on this scenario and seed judge it.
  const ref = input.references;
  const byReferences = (own: LessonVerdict): LessonVerdict => {
    if (!ref) return own;
    const evidence = [msg('lesson.l1.references', { vb: money(ref.valueBased), un: money(ref.uniform) }), ...own.evidence];
    const verdict: Verdict = ref.valueBased > ref.uniform + EPS_MONEY ? 'shown' : ref.valueBased < ref.uniform - EPS_MONEY ? 'broken' : 'notTested';
    return { ...own, verdict, evidence };
  };
  if (switches.length === 0) {
    if (diffQuarters.length === 0) {
      const oneTier = input.decisions.every((d) => d.tiering.tierCount === 1);
      return byReferences({ lesson: 1, verdict: 'notTested', title, evidence: [msg(oneTier ? 'lesson.l1.neverOneTier' : 'lesson.l1.neverSameHours', { n: num(n) })] });
    }
    const last = input.decisions[n - 1]!;
    return byReferences({
      lesson: 1, verdict: 'notTested', title,
      evidence: [msg('lesson.l1.always', { top: num(hoursOf(last, 0), 1), bottom: num(hoursOf(last, last.tiers.length - 1), 1) })],
    });
  }
  const evidence: Msg[] = [];
  let value = 0;
  let score = 0;
  let traced = 0;
  switches.forEach((s, i) => {
    const d = input.decisions[s.q - 1]!;
    if (i < MAX_SWITCHES) evidence.push(
      s.toward
        ? msg('lesson.l1.toward', { quarter: quarter(s.q), tiers: num(d.tiering.tierCount), top: num(hoursOf(d, 0), 1), bottom: num(hoursOf(d, d.tiers.length - 1), 1) })
        : msg('lesson.l1.away', { quarter: quarter(s.q) }),
    );
    const ms = tieringMoves(moves, s.q);
    if (ms.length === 0) return;
    traced++;
    const sign = s.toward ? 1 : -1;
    value += sign * sum(ms.map(valueOf));
    score += sign * sum(ms.map((m) => totalOf(m, 'score')));
  });
  if (switches.length > MAX_SWITCHES) evidence.push(msg('lesson.l1.moreSwitches', { count: num(switches.length - MAX_SWITCHES) }));
  if (traced === 0) return byReferences({ lesson: 1, verdict: 'notTested', title, evidence: [...evidence, msg('lesson.noAttribution')] });
  const tail = { value: money(Math.abs(value)), score: scoreVal(score) };
  if (value > EPS_MONEY) return byReferences({ lesson: 1, verdict: 'shown', title, evidence: [...evidence, msg('lesson.l1.paid', tail)] });
  if (value < -EPS_MONEY) return byReferences({ lesson: 1, verdict: 'broken', title, evidence: [...evidence, msg('lesson.l1.didNotPay', tail)] });
  return byReferences({ lesson: 1, verdict: 'notTested', title, evidence: [...evidence, msg('lesson.l1.even', tail)] });
}

/** A cut of training (by a quarter of the spend or more) or of wages (by 5 points of the market wage or more). */
export function cutsOf(b: Decisions, a: Decisions): { training: boolean; wages: boolean } {
  return {
    training: b.people.trainingSpend > 0 && a.people.trainingSpend <= 0.75 * b.people.trainingSpend,
    wages: a.people.wageIndex <= b.people.wageIndex - 0.05,
  };
}

/** The effect of several moves of one quarter on `kpi`, quarter by quarter. */
function combinedByQuarter(ms: readonly Move[], kpi: AttributedKpi): { round: number; value: number }[] {
  const rows = new Map<number, number>();
  for (const m of ms) for (const e of effectByQuarter(m, kpi)) rows.set(e.round, (rows.get(e.round) ?? 0) + e.value);
  return [...rows].sort((a, b) => a[0] - b[0]).map(([round, value]) => ({ round, value }));
}

/** Points below which a fall of satisfaction does not read as one. */
const FELT = 0.5;

function lesson2(input: LessonsInput, moves: Move[]): LessonVerdict {
  const title = msg('lesson.l2.title');
  const n = input.decisions.length;
  let q = 0;
  let cut = { training: false, wages: false };
  for (let r = 1; r <= n; r++) {
    const c = cutsOf(before(input, r), input.decisions[r - 1]!);
    if (c.training || c.wages) {
      q = r;
      cut = c;
      break;
    }
  }
  if (q === 0) return { lesson: 2, verdict: 'notTested', title, evidence: [msg('lesson.l2.noCut')] };
  const b = before(input, q);
  const a = input.decisions[q - 1]!;
  const what: Msg[] = [];
  if (cut.training) what.push(changeMsg(fieldChange('people.trainingSpend', b, a)!));
  if (cut.wages) what.push(changeMsg(fieldChange('people.wageIndex', b, a)!));
  const evidence: Msg[] = [msg('lesson.l2.cut', { quarter: quarter(q), what: { kind: 'list', items: what } })];
  const ms = moves.filter((m) => m.round === q && (m.group === 'training' || m.group === 'wages'));
  if (q === n && ms.every((m) => m.late.length === 0)) return { lesson: 2, verdict: 'notTested', title, evidence: [...evidence, msg('lesson.l2.tooLate')] };
  if (ms.length === 0) return { lesson: 2, verdict: 'notTested', title, evidence: [...evidence, msg('lesson.noAttribution')] };

  const profit = combinedByQuarter(ms, 'profit');
  const es = combinedByQuarter(ms, 'employeeSatisfaction');
  const cs = combinedByQuarter(ms, 'satisfaction');
  const p0 = profit[0]!.value;
  const pEnd = profit[profit.length - 1]!;
  const esEnd = es[es.length - 1]!;
  const csEnd = cs[cs.length - 1]!;
  const esFelt = es.find((e) => e.value <= -FELT);
  const csFelt = cs.find((e) => e.value <= -FELT);

  evidence.push(msg('lesson.l2.profit', { profit: money(p0, true), quarter: quarter(q) }));
  if (profit.length > 1)
    evidence.push(msg(pEnd.value < p0 ? 'lesson.l2.profitShrank' : 'lesson.l2.profitHeld', { profit: money(pEnd.value, true), quarter: quarter(pEnd.round) }));
  evidence.push(msg('lesson.l2.people', { es: points(esEnd.value), cs: points(csEnd.value), quarter: quarter(esEnd.round) }));
  if (esFelt && csFelt) {
    const key = csFelt.round > esFelt.round ? 'lesson.l2.lag' : csFelt.round === esFelt.round ? 'lesson.l2.together' : 'lesson.l2.customersFirst';
    evidence.push(msg(key, { esQuarter: quarter(esFelt.round), csQuarter: quarter(csFelt.round) }));
  } else if (esFelt) evidence.push(msg('lesson.l2.employeesOnly', { esQuarter: quarter(esFelt.round) }));
  else if (csFelt) evidence.push(msg('lesson.l2.customersOnly', { csQuarter: quarter(csFelt.round) }));

  // The rest of the game, from the truth of each quarter (the attribution traces two quarters).
  const tBefore = q >= 2 ? truthAt(input, q - 1) : undefined;
  const tEnd = truthAt(input, input.summaries.length);
  const tCut = truthAt(input, q);
  if (tEnd && tCut && tEnd.round > lastTraced(ms[0]!)) {
    const esFrom = tBefore ? tBefore.employees.satisfaction : input.scenario.firm.employeeSatisfaction;
    const csFrom = tBefore ?? tCut;
    evidence.push(msg('lesson.l2.end', {
      esFrom: num(esFrom, 1), esTo: num(tEnd.employees.satisfaction, 1), csFrom: num(csFrom.firm.satisfaction, 1), csTo: num(tEnd.firm.satisfaction, 1),
      csQuarter: quarter(csFrom.round), to: quarter(tEnd.round),
    }));
  }

  if (p0 <= 0) return { lesson: 2, verdict: 'broken', title, evidence: [...evidence, msg('lesson.l2.noGain')] };
  if (esFelt || csFelt) return { lesson: 2, verdict: 'shown', title, evidence };
  if (esEnd.value >= 0 && csEnd.value >= 0) return { lesson: 2, verdict: 'broken', title, evidence: [...evidence, msg('lesson.l2.noHarm')] };
  return { lesson: 2, verdict: 'notTested', title, evidence: [...evidence, msg('lesson.l2.tooSmall')] };
}

/** Tier-quarters by true mean satisfaction: below 50, satisfied (50 to 80), highly satisfied (80 and up). */
interface Zone { cells: number; churned: number; customers: number; retained: number }
const SATISFIED = 50;
const HIGHLY = 80;

function lesson3(input: LessonsInput): LessonVerdict {
  const title = msg('lesson.l3.title');
  const zones = { low: zone(), mid: zone(), high: zone() };
  function zone(): Zone {
    return { cells: 0, churned: 0, customers: 0, retained: 0 };
  }
  for (const s of input.summaries) {
    const truth = truthAt(input, s.round);
    for (const [i, t] of s.tiers.entries()) {
      const satisfaction = truth?.tiers[i]?.satisfaction;
      if (satisfaction === undefined || t.customers + t.churned <= 0) continue;
      const z = satisfaction >= HIGHLY ? zones.high : satisfaction >= SATISFIED ? zones.mid : zones.low;
      z.cells++;
      z.churned += t.churned;
      // Customers at risk this quarter: those at the end plus those who left (a weight for the retention rate).
      const w = t.customers + t.churned;
      z.customers += w;
      z.retained += t.retention * w;
    }
  }
  const rate = (z: Zone): number => (z.customers > 0 ? z.retained / z.customers : 0);
  const mid = zones.mid;
  if (mid.cells === 0) return { lesson: 3, verdict: 'notTested', title, evidence: [msg('lesson.l3.noSatisfied')] };
  const evidence: Msg[] = [msg('lesson.l3.satisfied', { count: num(mid.cells), churned: num(mid.churned), retention: pct(rate(mid)) })];
  const high = zones.high;
  if (high.cells > 0)
    evidence.push(msg(rate(high) > rate(mid) ? 'lesson.l3.highBetter' : 'lesson.l3.highNotBetter', { count: num(high.cells), retention: pct(rate(high)) }));
  else evidence.push(msg('lesson.l3.noHigh'));
  if (zones.low.cells > 0) evidence.push(msg('lesson.l3.low', { count: num(zones.low.cells), retention: pct(rate(zones.low)) }));
  // Satisfied customers never leaving over many customer-quarters would contradict the lesson.
  if (mid.churned === 0) {
    if (mid.customers >= 200) return { lesson: 3, verdict: 'broken', title, evidence: [...evidence, msg('lesson.l3.noneLeft')] };
    return { lesson: 3, verdict: 'notTested', title, evidence: [...evidence, msg('lesson.l3.tooFew')] };
  }
  return { lesson: 3, verdict: 'shown', title, evidence };
}

const isRetentionGroup = (g: GroupId): boolean => g === 'relationship' || g.startsWith('service:');
const isMarginOrAcquisitionGroup = (g: GroupId): boolean => g === 'price' || g === 'acquisition';

function lesson4(input: DebriefInput, moves: Move[]): LessonVerdict {
  const title = msg('lesson.l4.title');
  const last = input.summaries[input.summaries.length - 1];
  if (!last || last.firm.customers <= 0 || last.firm.customerEquity <= 0) return { lesson: 4, verdict: 'notTested', title, evidence: [msg('lesson.l4.noEquity')] };
  const evidence: Msg[] = [];
  const ret = moves.filter((m) => !m.merged && isRetentionGroup(m.group));
  const other = moves.filter((m) => !m.merged && isMarginOrAcquisitionGroup(m.group));
  if (ret.length > 0 && other.length > 0)
    evidence.push(msg('lesson.l4.attributed', {
      retention: money(sum(ret.map((m) => totalOf(m, 'customerEquity'))), true),
      other: money(sum(other.map((m) => totalOf(m, 'customerEquity'))), true),
    }));
  // Gupta & Lehmann on the final customer base (the engine's valuation, computed by the worker).
  const r = last.firm.retention;
  const E = last.firm.customerEquity;
  const gainRetention = last.equityPerRetentionPoint;
  if (gainRetention === null) return { lesson: 4, verdict: 'notTested', title, evidence: [...evidence, msg('lesson.l4.noEquity')] };
  const gainMargin = E * 0.01;
  const acquired = sum(input.summaries.map((s) => s.firm.acquired));
  const gainAcquisition = 0.01 * Math.min(acquired, last.firm.customers) * Math.max(0, last.firm.clv);
  evidence.push(msg('lesson.l4.arithmetic', {
    retention: pct(r), equity: money(E), gainRetention: money(gainRetention), gainMargin: money(gainMargin), gainAcquisition: money(gainAcquisition),
  }));
  if (ret.length > 0 && other.length > 0) evidence.push(msg('lesson.l4.costNote'));
  if (gainRetention > gainMargin && gainRetention > gainAcquisition) return { lesson: 4, verdict: 'shown', title, evidence };
  return { lesson: 4, verdict: 'broken', title, evidence: [...evidence, msg('lesson.l4.notMore')] };
}


function lesson5(input: LessonsInput): LessonVerdict {
  const title = msg('lesson.l5.title');
  const s = input.summaries;
  const over = s.filter((x) => x.employees.workload > 1).map((x) => x.round);
  if (over.length === 0) {
    const peak = Math.max(0, ...s.map((x) => x.employees.workload));
    return { lesson: 5, verdict: 'notTested', title, evidence: [msg('lesson.l5.never', { peak: pct(peak, 0) })] };
  }
  const peak = Math.max(...s.map((x) => x.employees.workload));
  const evidence: Msg[] = [msg('lesson.l5.over', { quarters: quartersVal(over), peak: pct(peak, 0) })];
  // While staff stay overloaded (two quarters or more in a row): from the first overloaded
  // quarter to the last. The first quarter's own jump is left out: it mostly reflects the
  // service hours that caused the overload.
  const stretches = runsOf(over).filter((r) => r.to > r.from);
  if (stretches.length === 0) return { lesson: 5, verdict: 'notTested', title, evidence: [...evidence, msg('lesson.l5.brief')] };
  let dService = 0;
  let dEs = 0;
  for (const r of stretches) {
    dService += s[r.to - 1]!.chain.serviceValue - s[r.from - 1]!.chain.serviceValue;
    dEs += (truthAt(input, r.to)?.employees.satisfaction ?? 0) - (truthAt(input, r.from)?.employees.satisfaction ?? 0);
  }
  evidence.push(msg('lesson.l5.changes', { service: points(dService), es: points(dEs) }));
  if (dService < 0 && dEs < 0) return { lesson: 5, verdict: 'shown', title, evidence };
  if (dService > 0 && dEs > 0 && peak >= 1.05) return { lesson: 5, verdict: 'broken', title, evidence: [...evidence, msg('lesson.l5.rose')] };
  return { lesson: 5, verdict: 'notTested', title, evidence: [...evidence, msg('lesson.l5.mixed')] };
}

/** Money the relationship group moved in quarter q: per-customer spend times customers, plus retention offers. */
function relationshipMoney(input: DebriefInput, q: number): number {
  const b = before(input, q);
  const a = input.decisions[q - 1]!;
  const s = input.summaries[q - 1];
  let x = 0;
  for (let t = 0; t < a.tiers.length; t++) {
    const y = b.tiers[t];
    if (!y) continue;
    const n = s?.tiers[t]?.customers ?? 0;
    x += (a.tiers[t]!.relationshipSpend - y.relationshipSpend) * n + a.tiers[t]!.retentionBudget - y.retentionBudget;
  }
  return x;
}

function lesson6(input: DebriefInput, moves: Move[]): LessonVerdict {
  const title = msg('lesson.l6.title');
  const evidence: Msg[] = [];
  const parts: Verdict[] = [];

  // Relationship programmes: cost at once, benefits later (each cut counted as the reverse of an increase).
  const rel = moves.filter((m) => m.group === 'relationship' && !m.merged);
  let cost = 0;
  let back = 0;
  let lateCount = 0;
  const relQuarters: number[] = [];
  for (const m of rel) {
    const dir = Math.sign(relationshipMoney(input, m.round));
    if (dir === 0) continue;
    relQuarters.push(m.round);
    cost += dir * immediateOf(m, 'profit');
    back += dir * lateOf(m, 'profit');
    lateCount += m.late.length;
  }
  if (relQuarters.length === 0) evidence.push(msg('lesson.l6.noProgramme'));
  else if (lateCount === 0) evidence.push(msg('lesson.l6.programmeUntraced', { quarters: quartersVal(relQuarters) }));
  else {
    evidence.push(msg('lesson.l6.programme', { quarters: quartersVal(relQuarters), cost: money(cost, true), back: money(back, true) }));
    if (cost < 0 && back > 0) {
      parts.push('shown');
      evidence.push(msg(back >= -cost ? 'lesson.l6.paidBack' : 'lesson.l6.payingBack'));
    } else if (back < -EPS_MONEY) {
      parts.push('broken');
      evidence.push(msg('lesson.l6.noPayback'));
    }
  }
  evidence.push(msg('lesson.l6.orientation'));

  // Discounts: the gross margin with and without them, and what the price moves did.
  const disc = input.decisions.map((d, i) => (d.tiers.some((t) => t.priceIndex < 1) ? i + 1 : 0)).filter((q) => q > 0);
  if (disc.length === 0) evidence.push(msg('lesson.l6.noDiscount'));
  else {
    const gm = (qs: number[]): number | null => {
      const ss = qs.map((q) => input.summaries[q - 1]).filter((x): x is RoundSummary => !!x && x.finance.revenue > 0);
      if (ss.length === 0) return null;
      return sum(ss.map((x) => x.finance.grossProfit)) / sum(ss.map((x) => x.finance.revenue));
    };
    const others = input.summaries.map((x) => x.round).filter((q) => !disc.includes(q));
    const deepest = Math.min(...input.decisions.flatMap((d) => d.tiers.map((t) => t.priceIndex)));
    const withD = gm(disc);
    const without = gm(others);
    evidence.push(msg('lesson.l6.discount', { quarters: quartersVal(disc), deepest: pct(deepest, 0) }));
    if (withD !== null && without !== null) {
      evidence.push(msg('lesson.l6.margin', { with: pct(withD), without: pct(without) }));
      parts.push(withD < without ? 'shown' : 'broken');
    }
    const cuts = moves.filter((m) => m.group === 'price' && !m.merged && priceMove(input, m.round) < 0);
    if (cuts.length > 0) {
      const last = Math.max(...cuts.map(lastTraced));
      evidence.push(msg('lesson.l6.priceCuts', {
        profit: money(sum(cuts.map((m) => immediateOf(m, 'profit'))), true),
        customers: num(Math.round(sum(cuts.map((m) => totalOf(m, 'customers')))), 0, true),
        quarter: quarter(last),
      }));
      if (withD === null || without === null) parts.push(sum(cuts.map((m) => immediateOf(m, 'profit'))) < 0 ? 'shown' : 'broken');
    }
  }
  const verdict: Verdict = parts.includes('broken') ? 'broken' : parts.includes('shown') ? 'shown' : 'notTested';
  return { lesson: 6, verdict, title, evidence };
}

/** The mean change of the price index in quarter q over the tiers (negative: prices lowered). */
function priceMove(input: DebriefInput, q: number): number {
  const b = before(input, q);
  const a = input.decisions[q - 1]!;
  let x = 0;
  for (let t = 0; t < a.tiers.length; t++) if (b.tiers[t]) x += a.tiers[t]!.priceIndex - b.tiers[t]!.priceIndex;
  return x;
}

function lesson7(input: DebriefInput): LessonVerdict {
  const title = msg('lesson.l7.title');
  const spend = input.decisions.map((d) => d.systems.dataPlatform);
  const total = sum(spend);
  const qs = spend.map((x, i) => (x > 0 ? i + 1 : 0)).filter((q) => q > 0);
  const evidence: Msg[] = [];
  if (total > 0) evidence.push(msg('lesson.l7.invested', { money: money(total), quarters: quartersVal(qs) }));
  else evidence.push(msg('lesson.l7.noInvestment'));
  if (input.finalDataQuality !== undefined) evidence.push(msg('lesson.l7.quality', { quality: pct(input.finalDataQuality, 0) }));
  evidence.push(msg('lesson.l7.cannotShow'));
  return { lesson: 7, verdict: 'notTested', title, evidence };
}

/** Mean of `f` over the summaries (and truths) of quarters `qs`. */
function meanOver(input: LessonsInput, qs: readonly number[], f: (s: RoundSummary, truth: RoundTruth | undefined) => number | undefined): number | null {
  const xs = qs
    .map((q) => input.summaries[q - 1])
    .filter((x): x is RoundSummary => !!x)
    .map((x) => f(x, truthAt(input, x.round)))
    .filter((x): x is number => x !== undefined && Number.isFinite(x));
  return xs.length ? sum(xs) / xs.length : null;
}

/** Points by which the top tier must be more satisfied than the bottom under equal service to contradict the lesson. */
const TOP_CLEARLY_HAPPIER = 2;

function lesson8(input: LessonsInput, moves: Move[]): LessonVerdict {
  const title = msg('lesson.l8.title');
  if (input.decisions.every((d) => d.tiering.tierCount === 1)) {
    const d = input.decisions[input.decisions.length - 1] ?? input.scenario.initialDecisions;
    return { lesson: 8, verdict: 'notTested', title, evidence: [msg('lesson.l8.oneTier', { hours: num(hoursOf(d, 0), 1) })] };
  }
  const evidence: Msg[] = [];
  const parts: Verdict[] = [];

  // (i) Several tiers, the same service for the top and the bottom: who was served too little?
  const equal = input.decisions.map((d, i) => (d.tiering.tierCount > 1 && !differentiated(d) ? i + 1 : 0)).filter((q) => q > 0);
  if (equal.length > 0) {
    const bottomOf = (q: number): number => input.decisions[q - 1]!.tiers.length - 1;
    const topSat = meanOver(input, equal, (_, truth) => truth?.tiers[0]?.satisfaction);
    const bottomSat = meanOver(input, equal, (s, truth) => truth?.tiers[bottomOf(s.round)]?.satisfaction);
    const bottomProfit = meanOver(input, equal, (s) => {
      const t = s.tiers[bottomOf(s.round)];
      return t && t.customers > 0 ? t.profit / t.customers : undefined;
    });
    const d = input.decisions[equal[0]! - 1]!;
    if (topSat !== null && bottomSat !== null && bottomProfit !== null) {
      const k = d.tiering.tierCount;
      evidence.push(msg('lesson.l8.equal', {
        quarters: quartersVal(equal), topTier: tierVal(0, k), bottomTier: tierVal(k - 1, k),
        top: num(topSat, 1), bottom: num(bottomSat, 1), profit: money(bottomProfit),
      }));
      if (topSat < bottomSat) parts.push('shown');
      else if (topSat > bottomSat + TOP_CLEARLY_HAPPIER) {
        parts.push('broken');
        evidence.push(msg('lesson.l8.topHappier'));
      } else evidence.push(msg('lesson.l8.noGap'));
    }
  }

  // (ii) Moves of service time between the top and the bottom: the switch to differentiated
  // service (or back), or hours moved in opposite directions (or one kept) for the top and the bottom.
  let score = 0;
  let sat = 0;
  let count = 0;
  for (let q = 1; q <= input.decisions.length; q++) {
    const b = before(input, q);
    const a = input.decisions[q - 1]!;
    const ms = tieringMoves(moves, q);
    if (ms.length === 0) continue;
    let dir = 0;
    let used = ms;
    if (differentiated(a) !== differentiated(b)) dir = differentiated(a) ? 1 : -1;
    else if (a.tiering.tierCount > 1 && a.tiering.tierCount === b.tiering.tierCount) {
      const bottom = a.tiers.length - 1;
      const dTop = Math.sign(hoursOf(a, 0) - hoursOf(b, 0));
      const dBottom = Math.sign(hoursOf(a, bottom) - hoursOf(b, bottom));
      if (dTop !== dBottom) dir = dTop - dBottom > 0 ? 1 : -1;
      used = ms.filter((m) => m.group === 'service:0' || m.group === `service:${bottom}`);
    }
    if (dir === 0 || used.length === 0) continue;
    score += dir * sum(used.map((m) => totalOf(m, 'score')));
    sat += dir * sum(used.map((m) => totalOf(m, 'satisfaction')));
    count++;
  }
  if (count > 0) {
    const tail = { count: num(count), score: scoreVal(score), satisfaction: points(sat) };
    if (score > MIN_SCORE_EFFECT) {
      parts.push('shown');
      evidence.push(msg('lesson.l8.paid', tail));
    } else if (score < -MIN_SCORE_EFFECT) {
      parts.push('broken');
      evidence.push(msg('lesson.l8.didNotPay', tail));
    } else evidence.push(msg('lesson.l8.even', tail));
  }
  if (equal.length === 0 && count === 0) {
    const last = [...input.decisions].reverse().find((d) => d.tiering.tierCount > 1)!;
    evidence.push(msg('lesson.l8.noMoves', { top: num(hoursOf(last, 0), 1), bottom: num(hoursOf(last, last.tiers.length - 1), 1) }));
  }
  const verdict: Verdict = parts.includes('broken') ? 'broken' : parts.includes('shown') ? 'shown' : 'notTested';
  return { lesson: 8, verdict, title, evidence };
}

/** The eight lessons of MODEL.md section 6, in order, each with its verdict on this run (a game that is over: it needs the truth). */
export function detectLessons(input: LessonsInput): LessonVerdict[] {
  const moves = collectMoves(input.attributions).filter((m) => m.round >= 1 && m.round <= input.decisions.length);
  return [
    lesson1(input, moves),
    lesson2(input, moves),
    lesson3(input),
    lesson4(input, moves),
    lesson5(input),
    lesson6(input, moves),
    lesson7(input),
    lesson8(input, moves),
  ];
}
