/**
 * What separated the top quarter of a class from the bottom quarter: each decision a student
 * makes (a tier's service hours, training, price…), averaged over the student's quarters, and the
 * difference between the two quarters' means in standard deviations of the whole class. The
 * debrief's projector shows the three largest. Pure: the class results screen computes it from
 * the verified games' decision logs.
 */
import type { Decisions } from '../../sim/config';

export const FEATURES = [
  'tierCount', 'topService', 'bottomService', 'topRelationship', 'priceIndex', 'retention', 'acquisition', 'winBack',
  'training', 'wageIndex', 'layoffs', 'brand', 'systems', 'recovery', 'empowerment',
] as const;
export type Feature = (typeof FEATURES)[number];
/** How a feature's value reads. */
export const FEATURE_UNIT: Record<Feature, 'count' | 'hours' | 'money' | 'index' | 'share'> = {
  tierCount: 'count', topService: 'hours', bottomService: 'hours', topRelationship: 'money', priceIndex: 'index', retention: 'money', acquisition: 'money',
  winBack: 'money', training: 'money', wageIndex: 'index', layoffs: 'count', brand: 'money', systems: 'money', recovery: 'money', empowerment: 'share',
};

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const mean = (xs: readonly number[]): number => (xs.length ? sum(xs) / xs.length : 0);

/** A feature of one quarter's plan. */
export function featureOf(d: Decisions, f: Feature): number {
  const tiers = d.tiers;
  switch (f) {
    case 'tierCount':
      return d.tiering.tierCount;
    case 'topService':
      return tiers[0]?.serviceHours ?? 0;
    case 'bottomService':
      return tiers[tiers.length - 1]?.serviceHours ?? 0;
    case 'topRelationship':
      return tiers[0]?.relationshipSpend ?? 0;
    case 'priceIndex':
      return mean(tiers.map((t) => t.priceIndex));
    case 'retention':
      return sum(tiers.map((t) => t.retentionBudget));
    case 'acquisition':
      return sum(tiers.map((t) => t.acquisitionSpend));
    case 'winBack':
      return sum(tiers.map((t) => t.winBackSpend));
    case 'training':
      return d.people.trainingSpend;
    case 'wageIndex':
      return d.people.wageIndex;
    case 'layoffs':
      return d.people.layoffs;
    case 'brand':
      return d.brandSpend;
    case 'systems':
      return sum(Object.values(d.systems));
    case 'recovery':
      return d.recovery.budgetPerFailure;
    case 'empowerment':
      return d.recovery.empowerment;
  }
}

/** A feature over a whole game: the mean of its quarters. */
export const gameFeature = (log: readonly Decisions[], f: Feature): number => mean(log.map((d) => featureOf(d, f)));

export interface Separator {
  feature: Feature;
  /** The feature's mean over the top quarter's games, and the bottom quarter's. */
  top: number;
  bottom: number;
  /** (top − bottom) / the class's standard deviation of the feature. */
  effect: number;
}

/** Games ranked by score: the top and bottom quarters (at least one game each; none with fewer than 4 games). */
export function quarters<T extends { score: number }>(games: readonly T[]): { top: T[]; bottom: T[] } | null {
  if (games.length < 4) return null;
  const ranked = [...games].sort((a, b) => b.score - a.score);
  const k = Math.max(1, Math.floor(ranked.length / 4));
  return { top: ranked.slice(0, k), bottom: ranked.slice(-k) };
}

/** The `n` decisions that most separated the top quarter from the bottom (largest |effect| first); empty with fewer than 4 games. */
export function separatingDecisions(games: readonly { score: number; decisions: readonly Decisions[] }[], n = 3): Separator[] {
  const q = quarters(games);
  if (!q) return [];
  const out: Separator[] = [];
  for (const f of FEATURES) {
    const all = games.map((g) => gameFeature(g.decisions, f));
    const m = mean(all);
    const sd = Math.sqrt(mean(all.map((x) => (x - m) * (x - m))));
    if (!(sd > 1e-9 * Math.max(1, Math.abs(m)))) continue;
    const top = mean(q.top.map((g) => gameFeature(g.decisions, f)));
    const bottom = mean(q.bottom.map((g) => gameFeature(g.decisions, f)));
    out.push({ feature: f, top, bottom, effect: (top - bottom) / sd });
  }
  return out.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect) || FEATURES.indexOf(a.feature) - FEATURES.indexOf(b.feature)).slice(0, n);
}
