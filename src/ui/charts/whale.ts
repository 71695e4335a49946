/**
 * The whale curve's numbers, words and layout (pure; WhaleChart draws them): the unit of the
 * value axis (shares of total profit, or money when total profit is not above zero), the
 * drawn line with the peak as a vertex, the labels of the peak and of the unprofitable tail,
 * and where those labels fit without crossing the curve.
 */
import type { Lang } from '../../sim/text';
import type { WhaleCurve } from '../../worker/whaleTypes';
import { fmtMoney, fmtNumber, fmtPercent } from '../format';
import { customerShareText, paretoAt } from './pareto';
import { niceTicks, type Ticks } from './scale';
import type { ChartsT } from './useChartsT';

/** What the value axis shows: shares of total profit, or money when total profit is ≤ 0 (a share of a loss means nothing). */
export type WhaleUnit = 'share' | 'money';

export function whaleUnit(curve: WhaleCurve): WhaleUnit {
  return curve.totalProfit > 0 ? 'share' : 'money';
}

/** Whether there is anything to draw: customers, and at least one who made or lost money. */
export function hasProfitData(curve: WhaleCurve): boolean {
  return curve.customers > 0 && curve.points.some((v) => v !== 0);
}

/** Cumulative profit (money) of the most profitable `share` (0..1) of customers, linear between points. */
export function whaleAt(curve: WhaleCurve, share: number): number {
  return paretoAt(curve.points, share);
}

/** A money amount in the axis' unit (a share of total profit, or the amount itself). */
export function inUnit(curve: WhaleCurve, money: number): number {
  return whaleUnit(curve) === 'share' ? money / curve.totalProfit : money;
}

/** One point of the drawn line: share of customers (0..1) and value in the axis' unit. */
export interface WhalePoint {
  share: number;
  value: number;
}

/** The drawn line: every 1% of customers, with the peak as a vertex of its own (so the line reaches it). */
export function whaleLine(curve: WhaleCurve): WhalePoint[] {
  const n = curve.points.length;
  const line = curve.points.map((v, k) => ({ share: n > 1 ? k / (n - 1) : 0, value: inUnit(curve, v) }));
  const s = curve.peak.share;
  if (curve.peak.profit > 0 && s > 0 && s < 1 && !line.some((p) => Math.abs(p.share - s) < 1e-9)) {
    const at = line.findIndex((p) => p.share > s);
    line.splice(at, 0, { share: s, value: inUnit(curve, curve.peak.profit) });
  }
  return line;
}

/** Ticks of the value axis: from 0 (or the lowest point) to the peak, and at least to 100% in shares. */
export function whaleTicks(curve: WhaleCurve, count: number): Ticks {
  const values = whaleLine(curve).map((p) => p.value);
  const share = whaleUnit(curve) === 'share';
  const lo = Math.min(0, ...values);
  const hi = Math.max(share ? 1 : 0, ...values);
  return niceTicks(lo, hi, count);
}

/** A share of total profit: whole percent (182%). */
export function profitShareText(share: number, lang: Lang): string {
  return fmtPercent(share, lang, 0);
}

/** "The most profitable 34% of customers make 182% of the profit" (or the amount, in money). */
export function peakLabel(t: ChartsT, lang: Lang, curve: WhaleCurve, currency: string): string {
  if (curve.peak.profit <= 0) return t('whale.noneProfitable');
  if (curve.unprofitable === 0 && curve.peak.share >= 1) return t('whale.allProfitable');
  const customers = customerShareText(curve.peak.share, lang);
  return whaleUnit(curve) === 'share'
    ? t('whale.peak', { customers, profit: profitShareText(curve.peak.profit / curve.totalProfit, lang) })
    : t('whale.peakMoney', { customers, profit: fmtMoney(curve.peak.profit, currency, lang) });
}

/** "1,234 customers lose ¥2.1M" (the loss as a positive amount), or that no customer loses money. */
export function tailLabel(t: ChartsT, lang: Lang, curve: WhaleCurve, currency: string): string {
  if (curve.unprofitable === 0) return t('whale.noTail');
  return t('whale.tail', { count: curve.unprofitable, n: fmtNumber(curve.unprofitable, lang, { full: true }), loss: fmtMoney(-curve.unprofitableLoss, currency, lang) });
}

/** The label of the reference line: total profit (100% in shares). */
export function totalLabel(t: ChartsT, lang: Lang, curve: WhaleCurve, currency: string): string {
  const total = fmtMoney(curve.totalProfit, currency, lang);
  return whaleUnit(curve) === 'share' ? t('whale.total', { total }) : t('whale.totalMoney', { total });
}

/** The chart's text alternative: peak, tail, the top 20% and the total. */
export function whaleSummary(t: ChartsT, lang: Lang, curve: WhaleCurve, currency: string): string {
  const title = t('whale.title');
  if (!hasProfitData(curve)) return `${title}. ${t('whale.empty')}`;
  const vars = {
    peak: peakLabel(t, lang, curve, currency),
    tail: tailLabel(t, lang, curve, currency),
    total: fmtMoney(curve.totalProfit, currency, lang),
    customers: t('whale.customers', { count: curve.customers, n: fmtNumber(curve.customers, lang, { full: true }) }),
  };
  return curve.topShare20 !== null && whaleUnit(curve) === 'share'
    ? `${title}: ${t('whale.summary', { ...vars, top20: profitShareText(curve.topShare20, lang) })}`
    : `${title}: ${t('whale.summaryMoney', vars)}`;
}

/** What the tooltip and a screen reader say at point k (k% of customers): a heading and the value. */
export function pointText(t: ChartsT, lang: Lang, curve: WhaleCurve, currency: string, k: number): { head: string; value: string } {
  const n = curve.points.length;
  const share = n > 1 ? k / (n - 1) : 0;
  const v = curve.points[k] ?? 0;
  const profit = fmtMoney(v, currency, lang);
  return {
    head: t('whale.pointHead', { customers: customerShareText(share, lang) }),
    value: whaleUnit(curve) === 'share' ? t('whale.pointValue', { share: profitShareText(v / curve.totalProfit, lang), profit }) : t('whale.pointValueMoney', { profit }),
  };
}

/** Rows of the data table: every 10% of customers, plus the peak, in order (profit in money). */
export function whaleRows(curve: WhaleCurve): { share: number; profit: number; peak: boolean }[] {
  const rows = Array.from({ length: 11 }, (_, k) => ({ share: k / 10, profit: whaleAt(curve, k / 10), peak: false }));
  const s = curve.peak.share;
  if (curve.peak.profit > 0) {
    const same = rows.find((r) => Math.abs(r.share - s) < 1e-9);
    if (same) same.peak = true;
    else rows.push({ share: s, profit: curve.peak.profit, peak: true });
  }
  return rows.sort((a, b) => a.share - b.share);
}

// ---------------------------------------------------------------- layout --

/** A rectangle in SVG px. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A point in SVG px. */
export interface Px {
  x: number;
  y: number;
}

/** Whether two boxes overlap, with `pad` px to spare. */
export function overlaps(a: Box, b: Box, pad = 0): boolean {
  return a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
}

/** Whether box `b` is wholly above or wholly below `line` (px, sorted by x) over its width, by `pad` px. */
export function clearsLine(b: Box, line: readonly Px[], pad = 0): boolean {
  const x0 = b.x - pad;
  const x1 = b.x + b.w + pad;
  let lo = Infinity;
  let hi = -Infinity;
  const see = (y: number): void => {
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  };
  // The first point at or right of x0 (binary search: the line is sorted by x).
  let a = 0;
  let z = line.length;
  while (a < z) {
    const m = (a + z) >> 1;
    if (line[m]!.x < x0) a = m + 1;
    else z = m;
  }
  const at = (i: number, ex: number): void => {
    const p = line[i]!;
    const q = line[i - 1];
    if (q && p.x !== q.x && (q.x - ex) * (p.x - ex) < 0) see(q.y + ((p.y - q.y) * (ex - q.x)) / (p.x - q.x));
  };
  if (a < line.length) at(a, x0);
  let i = a;
  for (; i < line.length && line[i]!.x <= x1; i++) see(line[i]!.y);
  if (i < line.length) at(i, x1);
  if (lo > hi) return true;
  return b.y + b.h + pad <= lo || b.y - pad >= hi;
}

/**
 * Boxes of `w` x `h` inside `area`, on a grid of `step` px, nearest to `target` first
 * (distance from the target to the box; ties in reading order, so the result is stable).
 */
export function boxesNear(w: number, h: number, target: Px, area: Box, step = 8): Box[] {
  const out: { box: Box; d: number; i: number }[] = [];
  const nx = Math.floor((area.w - w) / step);
  const ny = Math.floor((area.h - h) / step);
  for (let j = 0; j <= ny; j++)
    for (let i = 0; i <= nx; i++) {
      const box = { x: area.x + i * step, y: area.y + j * step, w, h };
      const dx = Math.max(box.x - target.x, 0, target.x - (box.x + w));
      const dy = Math.max(box.y - target.y, 0, target.y - (box.y + h));
      out.push({ box, d: Math.hypot(dx, dy), i: out.length });
    }
  return out.sort((a, b) => a.d - b.d || a.i - b.i).map((o) => o.box);
}

/** The first of `candidates` clear of `line` and of every box in `avoid`; null if none is. */
export function firstClear(candidates: readonly Box[], line: readonly Px[], avoid: readonly Box[], pad = 4): Box | null {
  return candidates.find((b) => clearsLine(b, line, pad) && !avoid.some((a) => overlaps(a, b, pad))) ?? null;
}

/** `b` moved inside `area` (as far as it fits). */
export function clampBox(b: Box, area: Box): Box {
  return { ...b, x: Math.max(area.x, Math.min(area.x + area.w - b.w, b.x)), y: Math.max(area.y, Math.min(area.y + area.h - b.h, b.y)) };
}

/** The SVG path of the unprofitable tail: between the level of the peak and the falling line, right of the peak. */
export function tailPath(line: readonly Px[], peak: Px): string {
  const after = line.filter((p) => p.x >= peak.x - 1e-6);
  if (after.length < 2) return '';
  const last = after[after.length - 1]!;
  const f = (v: number): string => v.toFixed(1);
  return `M${f(peak.x)},${f(peak.y)}${after.map((p) => `L${f(p.x)},${f(p.y)}`).join('')}L${f(last.x)},${f(peak.y)}Z`;
}
