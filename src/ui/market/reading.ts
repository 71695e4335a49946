/**
 * The console's reading of a market, as data (the components only render it): each firm's
 * share before the first quarter and after each one, the quarter's market news, the ranking,
 * what separated the winner from the rest, the reveal's flows per rival and tier, and the
 * levers of the decisions side by side. Pure functions of the snapshot, tested in market.test.ts.
 */
import type { Decisions } from '../../sim/config';
import type { MarketSnapshot } from '../../worker/protocol';
import { scoreKey } from '../compare/Ranking';

/** Each firm's market share per quarter, index 0 = before quarter 1 (seat order). */
export function shareSeries(m: MarketSnapshot): number[][] {
  const total = m.initialCustomers.reduce((a, b) => a + b, 0);
  return m.seats.map((_, seat) => [total > 0 ? m.initialCustomers[seat]! / total : 0, ...m.quarters.map((q) => q.firms[seat]!.marketShare)]);
}

export type NewsItem =
  | { kind: 'leader'; seat: number; share: number }
  | { kind: 'newLeader'; seat: number; prev: number; share: number }
  | { kind: 'gain' | 'loss'; seat: number; delta: number }
  | { kind: 'bankrupt' | 'kept'; seat: number };

/** Smaller changes of share than this are not news. */
const NEWSWORTHY = 0.0005;

/** The market news of quarter `round` (1-based): who went bankrupt, who sent no plan, who leads, who gained and lost the most share. */
export function marketNews(m: MarketSnapshot, round: number): NewsItem[] {
  const q = m.quarters[round - 1];
  if (!q) return [];
  const shares = shareSeries(m);
  const before = (seat: number) => shares[seat]![round - 1]!;
  const after = (seat: number) => shares[seat]![round]!;
  const prevStatus = (seat: number) => (round >= 2 ? m.quarters[round - 2]!.firms[seat]!.status : 'running');
  const out: NewsItem[] = [];
  for (const f of q.firms) if (f.status === 'bankrupt' && prevStatus(f.seat) !== 'bankrupt') out.push({ kind: 'bankrupt', seat: f.seat });
  for (const f of q.firms) if (f.keptPlan) out.push({ kind: 'kept', seat: f.seat });
  const leader = (at: (seat: number) => number): number => m.seats.reduce((best, _, s) => (at(s) > at(best) ? s : best), 0);
  const now = leader(after);
  const was = leader(before);
  if (round > 1 && now !== was && after(now) > after(was)) out.push({ kind: 'newLeader', seat: now, prev: was, share: after(now) });
  else out.push({ kind: 'leader', seat: now, share: after(now) });
  let up = -1;
  let down = -1;
  for (let s = 0; s < m.seats.length; s++) {
    const d = after(s) - before(s);
    if (d > NEWSWORTHY && (up < 0 || d > after(up) - before(up))) up = s;
    if (d < -NEWSWORTHY && (down < 0 || d < after(down) - before(down))) down = s;
  }
  if (up >= 0) out.push({ kind: 'gain', seat: up, delta: after(up) - before(up) });
  if (down >= 0) out.push({ kind: 'loss', seat: down, delta: after(down) - before(down) });
  return out;
}

export interface RankedFirm {
  seat: number;
  rank: number;
  score: number;
  customerEquity: number;
  marketShare: number;
  customers: number;
  status: 'running' | 'finished' | 'bankrupt';
}

/** The firms after the last quarter played, best score first; equal scores (as shown, one decimal) share a rank, then seat order. */
export function rankFirms(m: MarketSnapshot): RankedFirm[] {
  const last = m.quarters.at(-1);
  const total = m.initialCustomers.reduce((a, b) => a + b, 0);
  const rows = m.seats.map((_, seat): Omit<RankedFirm, 'rank'> => {
    const f = last?.firms[seat];
    return f
      ? { seat, score: f.score, customerEquity: f.customerEquity, marketShare: f.marketShare, customers: f.customers, status: f.status }
      : { seat, score: 0, customerEquity: 0, marketShare: total > 0 ? m.initialCustomers[seat]! / total : 0, customers: m.initialCustomers[seat]!, status: 'running' };
  });
  const sorted = rows.slice().sort((a, b) => scoreKey(b.score) - scoreKey(a.score) || a.seat - b.seat);
  return sorted.map((r) => ({ ...r, rank: 1 + sorted.filter((x) => scoreKey(x.score) > scoreKey(r.score)).length }));
}

/** The levers the reveal sets side by side. */
export const LEVERS = ['price', 'serviceHours', 'relationship', 'retention', 'acquisition', 'brand', 'training', 'wage', 'tiers'] as const;
export type RevealLever = (typeof LEVERS)[number];

/** Whether a lever is money (per customer or in all), an index or a count: how it is shown. */
export const LEVER_KIND: Record<RevealLever, 'money' | 'index' | 'hours' | 'count'> = {
  price: 'index', serviceHours: 'hours', relationship: 'money', retention: 'money', acquisition: 'money', brand: 'money', training: 'money', wage: 'index', tiers: 'count',
};

const mean = (xs: readonly number[]): number => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** A plan's value of a lever: per-tier levers as the mean over its tiers (per customer) or the sum (budgets). */
export function leverValue(d: Decisions, lever: RevealLever): number {
  switch (lever) {
    case 'price':
      return mean(d.tiers.map((t) => t.priceIndex));
    case 'serviceHours':
      return mean(d.tiers.map((t) => t.serviceHours));
    case 'relationship':
      return mean(d.tiers.map((t) => t.relationshipSpend));
    case 'retention':
      return sum(d.tiers.map((t) => t.retentionBudget));
    case 'acquisition':
      return sum(d.tiers.map((t) => t.acquisitionSpend));
    case 'brand':
      return d.brandSpend;
    case 'training':
      return d.people.trainingSpend;
    case 'wage':
      return d.people.wageIndex;
    case 'tiers':
      return d.tiering.tierCount;
    default: {
      const never: never = lever;
      return never;
    }
  }
}

/** One rival as a firm saw it over the whole game: customers won from it and lost to it, per tier of this firm, and the mean value gap (this firm minus the rival). */
export interface RivalFlow {
  rival: number;
  won: number;
  lost: number;
  wonByTier: number[];
  lostByTier: number[];
  /** Mean over the quarters both played of this firm's value to customers minus the rival's (null: never both played). */
  gap: number | null;
}

/** Where firm `seat`'s customers went and came from, rival by rival (the reveal; null while the market runs). */
export function rivalFlows(m: MarketSnapshot, seat: number): { rivals: RivalFlow[]; tiers: number; lapsed: number } | null {
  const rv = m.reveal;
  if (!rv) return null;
  const tiers = Math.max(1, ...rv.rounds.map((r) => r.firms[seat]!.lostByTier.length));
  let lapsed = 0;
  const rivals: RivalFlow[] = m.seats.flatMap((_, g) => {
    if (g === seat) return [];
    const f: RivalFlow = { rival: g, won: 0, lost: 0, wonByTier: new Array<number>(tiers).fill(0), lostByTier: new Array<number>(tiers).fill(0), gap: null };
    const gaps: number[] = [];
    rv.rounds.forEach((r, i) => {
      const me = r.firms[seat]!;
      f.won += me.wonFrom[g]!;
      f.lost += me.lostTo[g]!;
      me.wonByTier.forEach((row, t) => (f.wonByTier[t]! += row[g]!));
      me.lostByTier.forEach((row, t) => (f.lostByTier[t]! += row[g]!));
      // Only the quarters both firms played (a plan: the firm was still in the market).
      if (rv.decisions[i]![seat] !== null && rv.decisions[i]![g] !== null) gaps.push(me.value - r.firms[g]!.value);
    });
    f.gap = gaps.length > 0 ? mean(gaps) : null;
    return [f];
  });
  for (const r of rv.rounds) lapsed += r.firms[seat]!.lapsed;
  return { rivals, tiers, lapsed };
}

/** What separated the winner from the rest (the reveal's figures; null while the market runs or with one firm). */
export interface Separation {
  seat: number;
  value: { winner: number; rest: number };
  won: number;
  lost: number;
  share: { from: number; to: number };
  equity: { winner: number; rest: number };
  price: { winner: number; rest: number };
}

export function separation(m: MarketSnapshot): Separation | null {
  const rv = m.reveal;
  if (!rv || m.seats.length < 2 || m.quarters.length === 0) return null;
  const ranked = rankFirms(m);
  const seat = ranked[0]!.seat;
  const others = m.seats.map((_, s) => s).filter((s) => s !== seat);
  const meanValue = (s: number) => mean(rv.rounds.filter((_, i) => rv.decisions[i]![s] !== null).map((r) => r.firms[s]!.value));
  const meanPrice = (s: number) => mean(rv.decisions.flatMap((q) => (q[s] ? [leverValue(q[s], 'price')] : [])));
  const shares = shareSeries(m)[seat]!;
  const last = m.quarters.at(-1)!;
  const flows = rivalFlows(m, seat)!;
  return {
    seat,
    value: { winner: meanValue(seat), rest: mean(others.map(meanValue)) },
    won: sum(flows.rivals.map((f) => f.won)),
    lost: sum(flows.rivals.map((f) => f.lost)),
    share: { from: shares[0]!, to: shares.at(-1)! },
    equity: { winner: last.firms[seat]!.customerEquity, rest: mean(others.map((s) => last.firms[s]!.customerEquity)) },
    price: { winner: meanPrice(seat), rest: mean(others.map(meanPrice)) },
  };
}
