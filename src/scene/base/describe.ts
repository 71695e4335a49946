/**
 * What the customer-base scene tells the page about its picture, as plain data for the
 * bus: a customer's card, where the labels go, and the summary behind the text alternative.
 * Pure, so the page's words and the picture come from the same frame and layout.
 */
import type { CustomerBaseFrame } from '../../worker/protocol';
import type { BaseLabels, BaseSummary, CustomerCard } from '../events';
import { widthAt, type BaseLayout } from './layout';

/** The card of frame customer k drawn at (x, y) on the canvas; true satisfaction only in the reveal. */
export function cardOf(f: CustomerBaseFrame, k: number, x: number, y: number, reveal: boolean, focused: boolean): CustomerCard {
  const rf = f.referrer[k]!;
  return {
    id: f.id[k]!,
    x,
    y,
    from: f.from[k]!,
    to: f.to[k]!,
    arrival: f.arrival[k]!,
    referrerId: rf >= 0 ? f.id[rf]! : -1,
    outcome: f.outcome[k]!,
    contactLeft: f.contactLeft[k] === 1,
    revenue: f.revenue[k]!,
    joined: f.joined[k]!,
    source: f.source[k]!,
    truth: reveal && f.truth ? f.truth[k]! : null,
    focused,
  };
}

/** Label anchors on the canvas: each tier right of its band's middle, the market and the rival above their areas. */
export function labelsOf(L: BaseLayout, view: { x: number; y: number }): BaseLabels {
  const g = L.geometry;
  return {
    tiers: g.bands.map((b) => {
      const y = (b.y0 + b.y1) / 2;
      return { tier: b.tier, x: view.x + g.cx + widthAt(g, y) / 2 + 8, y: view.y + y, after: L.after[b.tier] ?? 0 };
    }),
    market: { x: view.x + g.market.x + g.market.w / 2, y: view.y + g.market.y },
    rival: { x: view.x + g.rival.x + g.rival.w / 2, y: view.y + g.rival.y, lapsed: L.lapsed },
  };
}

/** The quarter in numbers: who is drawn (and whether it is a sample), per tier, and the firm's event counts. */
export function summaryOf(f: CustomerBaseFrame, L: BaseLayout): BaseSummary {
  return {
    round: f.round,
    shown: f.size,
    population: f.population,
    populationBefore: f.populationBefore,
    sampled: f.sampled,
    tierCount: f.tierCount,
    tierCountBefore: f.tierCountBefore,
    perTier: L.after.slice(0, Math.max(1, f.tierCount)),
    counts: f.counts.slice(),
    canReveal: f.truth !== null,
  };
}
