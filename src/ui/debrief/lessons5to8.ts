/**
 * Lessons 5 to 8 of MODEL.md section 6, each one function from this run's numbers to its parts
 * (claims with their stance and sentences, and context); `judged` reads the verdict from the
 * stances. Pure.
 */
import type { RoundSummary, RoundTruth } from '../../worker/protocol';
import {
  differentiated, hoursOf, judged, materiality, mergedAt, mergedMsg, mergedWith, sum, tieringMoves, truthAt,
  type LessonsInput, type LessonVerdict,
} from './lessonHelpers';
import { part, type Part } from './lessonParts';
import { before, immediateOf, lastTraced, lateOf, totalOf, valueOf, type DebriefInput, type Move } from './moves';
import { money, msg, num, pct, points, quarter, quartersVal, runsOf, tierVal } from './msg';

export function lesson5(input: LessonsInput): LessonVerdict {
  const s = input.summaries;
  const over = s.filter((x) => x.employees.workload > 1).map((x) => x.round);
  if (over.length === 0) {
    const peak = Math.max(0, ...s.map((x) => x.employees.workload));
    return judged(5, [part('untested', msg('lesson.l5.never', { peak: pct(peak, 0) }))]);
  }
  const peak = Math.max(...s.map((x) => x.employees.workload));
  const parts: Part[] = [part(null, msg('lesson.l5.over', { quarters: quartersVal(over), peak: pct(peak, 0) }))];
  // While staff stay overloaded (two quarters or more in a row): from the first overloaded
  // quarter to the last. The first quarter's own jump is left out: it mostly reflects the
  // service hours that caused the overload.
  const stretches = runsOf(over).filter((r) => r.to > r.from);
  if (stretches.length === 0) return judged(5, [...parts, part('untested', msg('lesson.l5.brief'))]);
  let dService = 0;
  let dEs = 0;
  for (const r of stretches) {
    dService += s[r.to - 1]!.chain.serviceValue - s[r.from - 1]!.chain.serviceValue;
    dEs += (truthAt(input, r.to)?.employees.satisfaction ?? 0) - (truthAt(input, r.from)?.employees.satisfaction ?? 0);
  }
  const changes = msg('lesson.l5.changes', { service: points(dService), es: points(dEs) });
  if (dService < 0 && dEs < 0) parts.push(part('for', changes, msg('lesson.l5.bothFell')));
  else if (dService > 0 && dEs > 0 && peak >= 1.05) parts.push(part('against', changes, msg('lesson.l5.rose')));
  else parts.push(part('unclear', changes, msg('lesson.l5.mixed')));
  return judged(5, parts);
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

/** The mean change of the price index in quarter q over the tiers (negative: prices lowered). */
function priceMove(input: DebriefInput, q: number): number {
  const b = before(input, q);
  const a = input.decisions[q - 1]!;
  let x = 0;
  for (let t = 0; t < a.tiers.length; t++) if (b.tiers[t]) x += a.tiers[t]!.priceIndex - b.tiers[t]!.priceIndex;
  return x;
}

/** Quarters listed one by one (merged changes) before the rest is left out. */
const MAX_MERGED = 2;

export function lesson6(input: DebriefInput, moves: Move[]): LessonVerdict {
  const mat = materiality(input);
  const parts: Part[] = [];

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
  // What the learner changed with a new number of tiers, even where the attribution cannot split it.
  const relMerged = mergedWith(input, ['relationship']);
  for (const q of relMerged.slice(0, MAX_MERGED)) parts.push(part(null, mergedMsg(input, q, ['relationship'])));
  if (relQuarters.length === 0) {
    parts.push(relMerged.length > 0 ? part('untested', msg('lesson.l6.programmeMerged', { quarters: quartersVal(relMerged) })) : part('untested', msg('lesson.l6.noProgramme')));
  } else if (lateCount === 0) parts.push(part('untested', msg('lesson.l6.programmeUntraced', { quarters: quartersVal(relQuarters) })));
  else {
    const said = msg('lesson.l6.programme', { quarters: quartersVal(relQuarters), cost: money(cost, true), back: money(back, true) });
    if (cost < 0 && back > 0) parts.push(part('for', said, msg(back >= -cost ? 'lesson.l6.paidBack' : 'lesson.l6.payingBack')));
    else if (back <= -mat) parts.push(part('against', said, msg('lesson.l6.noPayback')));
    else parts.push(part('unclear', said, msg('lesson.l6.programmeUnclear')));
  }
  // Only on relationship-oriented customers: the debrief has no figures by orientation.
  parts.push(part('untested', msg('lesson.l6.orientation')));

  // Discounts: the gross margin with and without them, and what the price moves did.
  const disc = input.decisions.map((d, i) => (d.tiers.some((t) => t.priceIndex < 1) ? i + 1 : 0)).filter((q) => q > 0);
  if (disc.length === 0) parts.push(part('untested', msg('lesson.l6.noDiscount')));
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
    parts.push(part(null, msg('lesson.l6.discount', { quarters: quartersVal(disc), deepest: pct(deepest, 0) })));
    if (withD !== null && without !== null) {
      const margins = { with: pct(withD), without: pct(without) };
      parts.push(withD < without ? part('for', msg('lesson.l6.marginLower', margins)) : part('against', msg('lesson.l6.marginNotLower', margins)));
    } else parts.push(part('untested', msg('lesson.l6.allDiscounted')));
    const cuts = moves.filter((m) => m.group === 'price' && !m.merged && priceMove(input, m.round) < 0);
    if (cuts.length > 0) {
      parts.push(part(null, msg('lesson.l6.priceCuts', {
        profit: money(sum(cuts.map((m) => immediateOf(m, 'profit'))), true),
        customers: num(Math.round(sum(cuts.map((m) => totalOf(m, 'customers')))), 0, true),
        quarter: quarter(Math.max(...cuts.map(lastTraced))),
      })));
    }
    for (const q of mergedWith(input, ['price']).slice(0, MAX_MERGED)) if (!relMerged.includes(q)) parts.push(part(null, mergedMsg(input, q, ['price'])));
  }
  return judged(6, parts);
}

export function lesson7(input: DebriefInput): LessonVerdict {
  const spend = input.decisions.map((d) => d.systems.dataPlatform);
  const total = sum(spend);
  const qs = spend.map((x, i) => (x > 0 ? i + 1 : 0)).filter((q) => q > 0);
  const facts = [total > 0 ? msg('lesson.l7.invested', { money: money(total), quarters: quartersVal(qs) }) : msg('lesson.l7.noInvestment')];
  if (input.finalDataQuality !== undefined) facts.push(msg('lesson.l7.quality', { quality: pct(input.finalDataQuality, 0) }));
  return judged(7, [part(null, ...facts), part('untested', msg('lesson.l7.cannotShow'))]);
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

export function lesson8(input: LessonsInput, moves: Move[]): LessonVerdict {
  if (input.decisions.every((d) => d.tiering.tierCount === 1)) {
    // The hours of the one tier over the game (a quarter's figure alone would misreport the others).
    const hours = (input.decisions.length > 0 ? input.decisions : [input.scenario.initialDecisions]).map((d) => hoursOf(d, 0));
    const low = Math.min(...hours);
    const high = Math.max(...hours);
    return judged(8, [
      part('untested', low === high ? msg('lesson.l8.oneTier', { hours: num(low, 1) }) : msg('lesson.l8.oneTierRange', { low: num(low, 1), high: num(high, 1) })),
    ]);
  }
  const mat = materiality(input);
  const parts: Part[] = [];

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
      const said = msg('lesson.l8.equal', {
        quarters: quartersVal(equal), topTier: tierVal(0, k), bottomTier: tierVal(k - 1, k), top: num(topSat, 1), bottom: num(bottomSat, 1), profit: money(bottomProfit),
      });
      if (topSat < bottomSat) parts.push(part('for', said, msg('lesson.l8.underServed')));
      else if (topSat > bottomSat + TOP_CLEARLY_HAPPIER) parts.push(part('against', said, msg('lesson.l8.topHappier')));
      else parts.push(part('unclear', said, msg('lesson.l8.noGap')));
    }
  }

  // (ii) Moves of service time between the top and the bottom: the switch to differentiated
  // service (or back), or hours moved in opposite directions (or one kept) for the top and the bottom.
  // A quarter that changed the number of tiers is left out: its service hours are inside the tiering group.
  let value = 0;
  let sat = 0;
  let count = 0;
  for (let q = 1; q <= input.decisions.length; q++) {
    if (mergedAt(input, q)) continue;
    const b = before(input, q);
    const a = input.decisions[q - 1]!;
    const ms = tieringMoves(moves, q);
    if (ms.length === 0) continue;
    let dir = 0;
    let used = ms;
    if (differentiated(a) !== differentiated(b)) dir = differentiated(a) ? 1 : -1;
    else if (a.tiering.tierCount > 1) {
      const bottom = a.tiers.length - 1;
      const dTop = Math.sign(hoursOf(a, 0) - hoursOf(b, 0));
      const dBottom = Math.sign(hoursOf(a, bottom) - hoursOf(b, bottom));
      if (dTop !== dBottom) dir = dTop - dBottom > 0 ? 1 : -1;
      used = ms.filter((m) => m.group === 'service:0' || m.group === `service:${bottom}`);
    }
    if (dir === 0 || used.length === 0) continue;
    value += dir * sum(used.map(valueOf));
    sat += dir * sum(used.map((m) => totalOf(m, 'satisfaction')));
    count++;
  }
  const merged = mergedWith(input, ['service']);
  if (count > 0) {
    const tail = { count: num(count), value: money(value, true), satisfaction: points(sat) };
    if (value >= mat) parts.push(part('for', msg('lesson.l8.paid', tail)));
    else if (value <= -mat) parts.push(part('against', msg('lesson.l8.didNotPay', tail)));
    else parts.push(part('unclear', msg('lesson.l8.even', tail)));
  }
  for (const q of merged.slice(0, MAX_MERGED)) parts.push(part(null, mergedMsg(input, q, ['service'])));
  if (equal.length === 0 && count === 0) {
    if (merged.length > 0) parts.push(part('untested', msg('lesson.l8.movesMerged', { quarters: quartersVal(merged) })));
    else {
      const last = [...input.decisions].reverse().find((d) => d.tiering.tierCount > 1)!;
      parts.push(part('untested', msg('lesson.l8.noMoves', { top: num(hoursOf(last, 0), 1), bottom: num(hoursOf(last, last.tiers.length - 1), 1) })));
    }
  }
  return judged(8, parts);
}
