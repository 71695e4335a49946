/**
 * Lessons 1 to 4 of MODEL.md section 6, each one function from this run's numbers to its parts
 * (claims with their stance and sentences, and context); `judged` reads the verdict from the
 * stances. Pure.
 */
import type { AttributedKpi } from '../../sim/attribution';
import type { Decisions } from '../../sim/config';
import type { DecisionGroup } from '../../sim/decisions/catalogue';
import { changeMsg, fieldChange } from './changes';
import {
  differentiated, hoursOf, isRetentionGroup, judged, materiality, mergedAt, mergedMsg, mergedWith, sum, tieringMoves, truthAt,
  type LessonsInput, type LessonVerdict,
} from './lessonHelpers';
import { part, type Part } from './lessonParts';
import { before, effectByQuarter, lastTraced, totalOf, valueOf, type DebriefInput, type Move } from './moves';
import { money, msg, num, pct, points, quarter, quartersVal, type Msg } from './msg';

/** Switches between differentiated and undifferentiated service described one by one before "and n more". */
const MAX_SWITCHES = 2;
/** Levers that, changed with a new number of tiers, mix into the tiering group's effect more than tiers and service hours. */
const NOT_TIERED_SERVICE: readonly DecisionGroup[] = ['relationship', 'price', 'acquisition', 'winBack', 'research'];

export function lesson1(input: DebriefInput, moves: Move[]): LessonVerdict {
  const n = input.decisions.length;
  const mat = materiality(input);
  const parts: Part[] = [];
  // The reference strategies on this scenario and seed: the game's answer, beside what this run did (context).
  const ref = input.references;
  if (ref) parts.push(part(null, msg('lesson.l1.references', { vb: money(ref.valueBased), un: money(ref.uniform) })));
  const diffQuarters = input.decisions.map((d, i) => (differentiated(d) ? i + 1 : 0)).filter((q) => q > 0);
  const switches: { q: number; toward: boolean }[] = [];
  for (let q = 1; q <= n; q++) {
    const was = differentiated(before(input, q));
    const now = differentiated(input.decisions[q - 1]!);
    if (was !== now) switches.push({ q, toward: now });
  }
  if (switches.length === 0) {
    if (diffQuarters.length === 0) {
      const oneTier = input.decisions.every((d) => d.tiering.tierCount === 1);
      parts.push(part('untested', msg(oneTier ? 'lesson.l1.neverOneTier' : 'lesson.l1.neverSameHours', { n: num(n) })));
    } else {
      const last = input.decisions[n - 1]!;
      parts.push(part('untested', msg('lesson.l1.always', { top: num(hoursOf(last, 0), 1), bottom: num(hoursOf(last, last.tiers.length - 1), 1) })));
    }
    return judged(1, parts);
  }
  const what: Msg[] = [];
  switches.forEach((s, i) => {
    const d = input.decisions[s.q - 1]!;
    if (i < MAX_SWITCHES)
      what.push(
        s.toward
          ? msg('lesson.l1.toward', { quarter: quarter(s.q), tiers: num(d.tiering.tierCount), top: num(hoursOf(d, 0), 1), bottom: num(hoursOf(d, d.tiers.length - 1), 1) })
          : msg('lesson.l1.away', { quarter: quarter(s.q) }),
      );
  });
  if (switches.length > MAX_SWITCHES) what.push(msg('lesson.l1.moreSwitches', { count: num(switches.length - MAX_SWITCHES) }));
  parts.push(part(null, ...what));

  // Each switch's effect on profit plus customer equity (a move back to uniform counts as the reverse),
  // apart where the switch came with a new number of tiers and other per-tier levers: those cannot be split.
  const mixed = new Set(mergedWith(input, NOT_TIERED_SERVICE));
  const clean = { value: 0, quarters: [] as number[] };
  const notSplit = { value: 0, quarters: [] as number[] };
  for (const s of switches) {
    const ms = tieringMoves(moves, s.q);
    if (ms.length === 0) continue;
    const sign = s.toward ? 1 : -1;
    if (mixed.has(s.q)) {
      notSplit.value += sign * sum(ms.map(valueOf));
      notSplit.quarters.push(s.q);
      continue;
    }
    clean.value += sign * sum(ms.map(valueOf));
    clean.quarters.push(s.q);
  }
  for (const q of notSplit.quarters) parts.push(part(null, mergedMsg(input, q, NOT_TIERED_SERVICE)));
  if (clean.quarters.length > 0) {
    const tail = { quarters: quartersVal(clean.quarters), value: money(Math.abs(clean.value)) };
    if (clean.value >= mat) parts.push(part('for', msg('lesson.l1.paid', tail)));
    else if (clean.value <= -mat) parts.push(part('against', msg('lesson.l1.didNotPay', tail)));
    else parts.push(part('unclear', msg('lesson.l1.even', tail)));
  } else if (notSplit.quarters.length > 0) {
    parts.push(part('unclear', msg('lesson.l1.notSplit', { quarters: quartersVal(notSplit.quarters), value: money(notSplit.value, true) })));
  } else parts.push(part('untested', msg('lesson.noAttribution')));
  return judged(1, parts);
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

export function lesson2(input: LessonsInput, moves: Move[]): LessonVerdict {
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
  if (q === 0) return judged(2, [part('untested', msg('lesson.l2.noCut'))]);
  const b = before(input, q);
  const a = input.decisions[q - 1]!;
  const what: Msg[] = [];
  if (cut.training) what.push(changeMsg(fieldChange('people.trainingSpend', b, a)!));
  if (cut.wages) what.push(changeMsg(fieldChange('people.wageIndex', b, a)!));
  const parts: Part[] = [part(null, msg('lesson.l2.cut', { quarter: quarter(q), what: { kind: 'list', items: what } }))];
  const ms = moves.filter((m) => m.round === q && (m.group === 'training' || m.group === 'wages'));
  if (q === n && ms.every((m) => m.late.length === 0)) return judged(2, [...parts, part('untested', msg('lesson.l2.tooLate'))]);
  if (ms.length === 0) return judged(2, [...parts, part('untested', msg('lesson.noAttribution'))]);

  const mat = materiality(input);
  const profit = combinedByQuarter(ms, 'profit');
  const es = combinedByQuarter(ms, 'employeeSatisfaction');
  const cs = combinedByQuarter(ms, 'satisfaction');
  const p0 = profit[0]!.value;
  const pEnd = profit[profit.length - 1]!;
  const esEnd = es[es.length - 1]!;
  const csEnd = cs[cs.length - 1]!;
  const esFelt = es.find((e) => e.value <= -FELT);
  const csFelt = cs.find((e) => e.value <= -FELT);

  // It raises profit at first...
  parts.push(p0 >= mat ? part('for', msg('lesson.l2.profitUp', { profit: money(p0), quarter: quarter(q) })) : part('against', msg('lesson.l2.profitDown', { profit: money(p0, true), quarter: quarter(q) })));
  // ...and lowers it later (only a gain can shrink).
  if (profit.length > 1 && p0 >= mat) {
    const later = { profit: money(pEnd.value, true), quarter: quarter(pEnd.round) };
    parts.push(pEnd.value < p0 ? part('for', msg('lesson.l2.profitShrank', later)) : part('unclear', msg('lesson.l2.profitHeld', later)));
  }
  // Customers feel it with a lag.
  parts.push(part(null, msg('lesson.l2.people', { es: points(esEnd.value), cs: points(csEnd.value), quarter: quarter(esEnd.round) })));
  const felt = { esQuarter: quarter(esFelt?.round ?? q), csQuarter: quarter(csFelt?.round ?? q) };
  if (esFelt && csFelt) {
    if (csFelt.round > esFelt.round) parts.push(part('for', msg('lesson.l2.lag', felt)));
    else parts.push(part('unclear', msg(csFelt.round === esFelt.round ? 'lesson.l2.together' : 'lesson.l2.customersFirst', felt)));
  } else if (esFelt) parts.push(part('unclear', msg('lesson.l2.employeesOnly', felt)));
  else if (csFelt) parts.push(csFelt.round > q ? part('for', msg('lesson.l2.customersLater', felt)) : part('unclear', msg('lesson.l2.customersAtOnce', felt)));
  else if (esEnd.value >= 0 && csEnd.value >= 0) parts.push(part('against', msg('lesson.l2.noHarm')));
  else parts.push(part('unclear', msg('lesson.l2.tooSmall')));

  // The rest of the game, from the truth of each quarter (the attribution traces a few quarters).
  const tBefore = q >= 2 ? truthAt(input, q - 1) : undefined;
  const tEnd = truthAt(input, input.summaries.length);
  const tCut = truthAt(input, q);
  if (tEnd && tCut && tEnd.round > lastTraced(ms[0]!)) {
    const esFrom = tBefore ? tBefore.employees.satisfaction : input.scenario.firm.employeeSatisfaction;
    const csFrom = tBefore ?? tCut;
    parts.push(part(null, msg('lesson.l2.end', {
      esFrom: num(esFrom, 1), esTo: num(tEnd.employees.satisfaction, 1), csFrom: num(csFrom.firm.satisfaction, 1), csTo: num(tEnd.firm.satisfaction, 1),
      csQuarter: quarter(csFrom.round), to: quarter(tEnd.round),
    })));
  }
  return judged(2, parts);
}

/** Tier-quarters by true mean satisfaction: below 50, satisfied (50 to 80), highly satisfied (80 and up). */
interface Zone { cells: number; churned: number; customers: number; retained: number }
const SATISFIED = 50;
const HIGHLY = 80;
/** Customer-quarters of merely satisfied customers below which none leaving says nothing. */
const ENOUGH = 200;
/** How much more retention (a share) the highly satisfied must show for the rise at the top to read as steep. */
const STEEP = 0.01;

export function lesson3(input: LessonsInput): LessonVerdict {
  const zone = (): Zone => ({ cells: 0, churned: 0, customers: 0, retained: 0 });
  const zones = { low: zone(), mid: zone(), high: zone() };
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
  const { mid, high, low } = zones;
  if (mid.cells === 0) return judged(3, [part('untested', msg('lesson.l3.noSatisfied'))]);
  const parts: Part[] = [];
  // Merely satisfied customers still defect.
  const m = { count: num(mid.cells), churned: num(mid.churned), retention: pct(rate(mid)) };
  if (mid.churned > 0) parts.push(part('for', msg('lesson.l3.satisfied', m)));
  else parts.push(mid.customers >= ENOUGH ? part('against', msg('lesson.l3.satisfiedNoneLeft', m)) : part('untested', msg('lesson.l3.satisfiedTooFew', m)));
  // Loyalty rises steeply only at the top.
  if (high.cells === 0) parts.push(part('untested', msg('lesson.l3.noHigh')));
  else {
    const h = { count: num(high.cells), retention: pct(rate(high)), mid: pct(rate(mid)) };
    const gap = rate(high) - rate(mid);
    parts.push(gap >= STEEP ? part('for', msg('lesson.l3.highBetter', h)) : gap > 0 ? part('unclear', msg('lesson.l3.highSlightly', h)) : part('against', msg('lesson.l3.highNotBetter', h)));
  }
  if (low.cells > 0) parts.push(part(null, msg('lesson.l3.low', { count: num(low.cells), retention: pct(rate(low)) })));
  return judged(3, parts);
}

const isMarginOrAcquisitionGroup = (g: string): boolean => g === 'price' || g === 'acquisition';

export function lesson4(input: DebriefInput, moves: Move[]): LessonVerdict {
  const last = input.summaries[input.summaries.length - 1];
  if (!last || last.firm.customers <= 0 || last.firm.customerEquity <= 0 || last.equityPerRetentionPoint === null)
    return judged(4, [part('untested', msg('lesson.l4.noEquity'))]);
  const mat = materiality(input);
  const parts: Part[] = [];
  // Gupta & Lehmann on the final customer base (the engine's valuation, computed by the worker).
  const E = last.firm.customerEquity;
  const gainRetention = last.equityPerRetentionPoint;
  const gainMargin = E * 0.01;
  const acquired = sum(input.summaries.map((s) => s.firm.acquired));
  const gainAcquisition = 0.01 * Math.min(acquired, last.firm.customers) * Math.max(0, last.firm.clv);
  const arithmetic = msg('lesson.l4.arithmetic', {
    retention: pct(last.firm.retention), equity: money(E), gainRetention: money(gainRetention), gainMargin: money(gainMargin), gainAcquisition: money(gainAcquisition),
  });
  parts.push(gainRetention > gainMargin && gainRetention > gainAcquisition ? part('for', arithmetic, msg('lesson.l4.more')) : part('against', arithmetic, msg('lesson.l4.notMore')));

  // The run's own retention levers (relationship programmes, service levels), by what they did to the customers kept.
  const ret = moves.filter((m) => !m.merged && isRetentionGroup(m.group));
  const kept = ret.filter((m) => totalOf(m, 'customers') >= 0.5);
  const lost = ret.filter((m) => totalOf(m, 'customers') <= -0.5);
  const side = (ms: Move[]) => ({
    customers: num(Math.round(sum(ms.map((m) => totalOf(m, 'customers')))), 0, true),
    // The sentences say "raised" or "lowered": the amount without its sign.
    equity: money(Math.abs(sum(ms.map((m) => totalOf(m, 'customerEquity'))))),
    quarter: quarter(Math.max(...ms.map(lastTraced))),
    raw: sum(ms.map((m) => totalOf(m, 'customerEquity'))),
  });
  if (kept.length > 0) {
    const { raw, ...v } = side(kept);
    if (raw >= mat) parts.push(part('for', msg('lesson.l4.keptRaised', v)));
    else if (raw <= -mat) parts.push(part('against', msg('lesson.l4.keptLowered', v)));
  }
  if (lost.length > 0) {
    const { raw, ...v } = side(lost);
    if (raw <= -mat) parts.push(part('for', msg('lesson.l4.lostLowered', v)));
    else if (raw >= mat) parts.push(part('against', msg('lesson.l4.lostRaised', v)));
  }
  const other = moves.filter((m) => !m.merged && isMarginOrAcquisitionGroup(m.group));
  if (other.length > 0) parts.push(part(null, msg('lesson.l4.otherMoves', { equity: money(sum(other.map((m) => totalOf(m, 'customerEquity'))), true) })));
  for (const q of mergedWith(input, ['relationship', 'service'])) if (mergedAt(input, q)) parts.push(part(null, mergedMsg(input, q, ['relationship', 'service'])));
  return judged(4, parts);
}
