/**
 * The workbench's reading of a draft scenario (issue 15): the loader's errors and warnings, each
 * at its line and column, and for a draft that loads, a preview of the game it starts: the
 * customer base at the start (value distribution, Pareto curve, value grid, tiers, segments) and
 * the starting firm. Pure: the draft worker (draftWorker.ts) runs it, and Node tests drive it.
 */
import { loadScenario, playableIssues, type ScenarioIssue } from '../scenario/load';
import type { ScenarioConfig } from '../sim/config';
import type { SimState } from '../sim/state';
import { newGame } from '../sim/index';
import type { Lang, LocalText } from '../sim/text';
import { customerAnalytics, customerTable } from './customers';
import type { CustomerAnalytics } from './protocol';

/** A value distribution: customers per band of trailing annual revenue. */
export interface ValueBands {
  /** Lower edges of the bands (money, 1-2-5 steps); the last band has no upper edge. */
  readonly edges: number[];
  readonly counts: number[];
  /** Revenue in each band. */
  readonly revenue: number[];
}

/** What the draft's game starts with. */
export interface DraftPreview {
  readonly title: LocalText;
  readonly currency: string;
  readonly rounds: number;
  readonly customers: number;
  /** Trailing annual revenue of the customer base at the start. */
  readonly revenue: number;
  readonly firm: {
    readonly cash: number;
    readonly budget: number;
    readonly reinvest: number;
    readonly headcount: number;
    readonly staffHours: number;
    readonly wagesPerRound: number;
    readonly fixedCosts: number;
  };
  /** Each scenario tier: its name, and the customers and revenue the starting rule puts in it (tiers the rule leaves unused: 0). */
  readonly tiers: { readonly id: string; readonly name: LocalText; readonly customers: number; readonly revenue: number }[];
  readonly segments: { readonly id: string; readonly name: LocalText; readonly customers: number; readonly revenue: number }[];
  readonly bands: ValueBands;
  readonly analytics: CustomerAnalytics;
  readonly events: number;
  readonly choiceCards: number;
  readonly objectives: number;
  readonly variants: number;
}

export type DraftReading =
  | { readonly ok: false; readonly errors: ScenarioIssue[] }
  | { readonly ok: true; readonly warnings: ScenarioIssue[]; readonly preview: DraftPreview };

const STEPS = [1, 2, 5];

/** Band edges in 1-2-5 steps from below the smallest positive value up to the largest; at most `max` bands. */
export function bandEdges(values: ArrayLike<number>, max = 14): number[] {
  let lo = Infinity;
  let hi = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > 0 && v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > 0)) return [0];
  const all: number[] = [];
  for (let p = 1; p <= 1e15 && all.length < 200; p *= 10) for (const s of STEPS) all.push(s * p);
  // The first edge at or below the smallest value, the last at or below the largest.
  let first = 0;
  while (first + 1 < all.length && all[first + 1]! <= lo) first++;
  let last = first;
  while (last + 1 < all.length && all[last + 1]! <= hi) last++;
  let edges = all.slice(first, last + 1);
  // Too many bands: every other 1-2-5 step, then every decade.
  if (edges.length > max) edges = edges.filter((e) => String(e)[0] !== '2');
  if (edges.length > max) edges = edges.filter((e) => String(e)[0] === '1');
  return [0, ...edges.slice(1)];
}

/** Customers (and revenue) per band of `values`. */
export function valueBands(values: ArrayLike<number>): ValueBands {
  const edges = bandEdges(values);
  const counts = new Array<number>(edges.length).fill(0);
  const revenue = new Array<number>(edges.length).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let b = edges.length - 1;
    while (b > 0 && v < edges[b]!) b--;
    counts[b]! += 1;
    revenue[b]! += v;
  }
  return { edges, counts, revenue };
}

/** The preview of a loaded scenario's new game `state`. */
export function draftPreview(scenario: ScenarioConfig, state: SimState, variants: number): DraftPreview {
  const table = customerTable(scenario, state);
  const n = table.count;
  const active: number[] = [];
  const tiers = scenario.tiers.map((t) => ({ id: t.id, name: t.name, customers: 0, revenue: 0 }));
  const segments = scenario.population.segments.map((s) => ({ id: s.id, name: s.name, customers: 0, revenue: 0 }));
  let revenue = 0;
  for (let i = 0; i < n; i++) {
    if (table.status[i] !== 0) continue;
    const r = table.revenue[i]!;
    active.push(r);
    revenue += r;
    const tier = tiers[table.tier[i]!];
    if (tier) {
      tier.customers++;
      tier.revenue += r;
    }
    const seg = segments[state.customers.segment[i]!];
    if (seg) {
      seg.customers++;
      seg.revenue += r;
    }
  }
  const f = scenario.firm;
  const choiceCards = scenario.events.filter((e) => (e.options?.length ?? 0) > 0).length;
  return {
    title: scenario.title,
    currency: scenario.currency,
    rounds: scenario.rounds,
    customers: active.length,
    revenue,
    firm: {
      cash: f.cash,
      budget: f.budget.base,
      reinvest: f.budget.reinvest,
      headcount: f.headcount,
      staffHours: f.headcount * f.hoursPerStaff,
      wagesPerRound: f.headcount * f.wage,
      fixedCosts: f.fixedCosts,
    },
    tiers,
    segments,
    bands: valueBands(active),
    analytics: customerAnalytics(table),
    events: scenario.events.length - choiceCards,
    choiceCards,
    objectives: scenario.objectives.length,
    variants,
  };
}

/** Reads a draft: the loader's verdict, and the preview of a draft that loads. */
export function readDraft(text: string, name: string, lang: Lang, seed: string): DraftReading {
  const loaded = loadScenario(text, name, lang);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  const state = newGame(loaded.scenario, seed);
  // A draft the loader takes may still leave no plan of quarter 1 that fits.
  const unplayable = playableIssues(loaded.scenario, state, name, lang, text);
  if (unplayable.length > 0) return { ok: false, errors: unplayable };
  return { ok: true, warnings: loaded.warnings, preview: draftPreview(loaded.scenario, state, loaded.variants.length) };
}
