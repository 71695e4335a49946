/**
 * From a quarter's attribution to the bars of its waterfall, and the one sentence that says
 * what mattered most. Pure: the panel supplies the words.
 */
import type { AttributedKpi, GroupId, QuarterAttribution } from '../../sim/attribution';
import type { WaterfallStep } from '../charts/waterfallLayout';

/** At most this many late-effect bars; smaller ones are summed into one. */
export const MAX_LATE_BARS = 4;

/** The words the bars need. */
export interface StepLabels {
  previous: (round: number) => string;
  statusQuo: string;
  now: (round: number) => string;
  outside: string;
  valuation: string;
  interaction: string;
  /** A rival firm's bar (a market): its name; a late one also the quarter of its change. */
  rival: (name: string) => string;
  rivalLate: (name: string, fromRound: number) => string;
  /** A decision group's name; `round`: the quarter it was changed in (a new number of tiers makes the tiering group hold every per-tier lever). */
  group: (g: GroupId, round: number) => string;
  late: (g: GroupId, fromRound: number) => string;
  otherLate: (n: number) => string;
}

/** A bar's source, for the sentence: which decision (and quarter) or which remainder. */
export type StepSource =
  | { kind: 'group'; group: GroupId }
  | { kind: 'late'; group: GroupId; fromRound: number }
  | { kind: 'otherLate'; n: number }
  | { kind: 'outside' }
  | { kind: 'rival'; seat: number; name: string; fromRound?: number }
  | { kind: 'valuation' }
  | { kind: 'interaction' };

export interface ExplainedSteps {
  steps: WaterfallStep[];
  /** Source of each change bar, by step id. */
  sources: Map<string, StepSource>;
  /** Changed groups with no effect at all on this KPI (left out of the chart). */
  noEffect: GroupId[];
}

/** The waterfall of KPI `kpi` in quarter `a`. Bars add up exactly to the value now. */
export function explainSteps(a: QuarterAttribution, kpi: AttributedKpi, labels: StepLabels): ExplainedSteps | null {
  const k = a.kpis.indexOf(kpi);
  if (k < 0) return null;
  const steps: WaterfallStep[] = [];
  const sources = new Map<string, StepSource>();
  const first = a.previous === null;
  steps.push({ id: 'start', kind: 'start', label: first ? labels.statusQuo : labels.previous(a.round - 1), value: first ? a.baseline[k]! : a.previous![k]! });
  if (!first) {
    const late = a.late.map((l) => ({ l, v: l.parts[k]! })).filter((x) => x.v !== 0);
    late.sort((x, y) => Math.abs(y.v) - Math.abs(x.v) || x.l.fromRound - y.l.fromRound);
    const shown = late.length > MAX_LATE_BARS ? late.slice(0, MAX_LATE_BARS - 1) : late;
    const rest = late.slice(shown.length);
    for (const { l, v } of shown) {
      const id = `late:${l.fromRound}:${l.group}`;
      steps.push({ id, kind: 'late', label: labels.late(l.group, l.fromRound), value: v });
      sources.set(id, { kind: 'late', group: l.group, fromRound: l.fromRound });
    }
    if (rest.length > 0) {
      steps.push({ id: 'late:other', kind: 'late', label: labels.otherLate(rest.length), value: rest.reduce((s, x) => s + x.v, 0) });
      sources.set('late:other', { kind: 'otherLate', n: rest.length });
    }
    // A market: the late effects of the rivals' changes of the quarter before.
    rivalSteps(a, k, labels, true, steps, sources);
    steps.push({ id: 'outside', kind: 'outside', label: labels.outside, value: a.outside![k]! });
    sources.set('outside', { kind: 'outside' });
    const points = a.valuation?.[k] ?? 0;
    if (points !== 0) {
      steps.push({ id: 'valuation', kind: 'valuation', label: labels.valuation, value: points });
      sources.set('valuation', { kind: 'valuation' });
    }
  }
  rivalSteps(a, k, labels, false, steps, sources);
  const noEffect: GroupId[] = [];
  for (const g of a.groups) {
    const v = g.parts[k]!;
    if (v === 0) {
      noEffect.push(g.group);
      continue;
    }
    const id = `group:${g.group}`;
    steps.push({ id, kind: 'group', label: labels.group(g.group, a.round), value: v });
    sources.set(id, { kind: 'group', group: g.group });
  }
  if (a.interaction[k] !== 0) {
    steps.push({ id: 'interaction', kind: 'interaction', label: labels.interaction, value: a.interaction[k]! });
    sources.set('interaction', { kind: 'interaction' });
  }
  steps.push({ id: 'end', kind: 'end', label: labels.now(a.round), value: a.actual[k]! });
  return { steps, sources, noEffect };
}

/** A market's rival bars of KPI index `k` (this quarter's, or the late ones), largest first (the seat breaks a tie). */
function rivalSteps(a: QuarterAttribution, k: number, labels: StepLabels, late: boolean, steps: WaterfallStep[], sources: Map<string, StepSource>): void {
  const rivals = (a.rivals ?? []).filter((r) => (r.fromRound !== undefined) === late).map((r) => ({ r, v: r.parts[k]! })).filter((x) => x.v !== 0);
  rivals.sort((x, y) => Math.abs(y.v) - Math.abs(x.v) || x.r.seat - y.r.seat);
  for (const { r, v } of rivals) {
    const id = late ? `rival:${r.seat}:late` : `rival:${r.seat}`;
    steps.push({ id, kind: 'rival', label: r.fromRound !== undefined ? labels.rivalLate(r.name, r.fromRound) : labels.rival(r.name), value: v });
    sources.set(id, r.fromRound !== undefined ? { kind: 'rival', seat: r.seat, name: r.name, fromRound: r.fromRound } : { kind: 'rival', seat: r.seat, name: r.name });
  }
}

/** The change bar that mattered most (largest size; the earlier bar on a tie), or null if nothing changed. */
export function largestStep(ex: ExplainedSteps): { step: WaterfallStep; source: StepSource } | null {
  let best: WaterfallStep | null = null;
  for (const s of ex.steps) {
    if (s.kind === 'start' || s.kind === 'end' || s.value === 0) continue;
    if (!best || Math.abs(s.value) > Math.abs(best.value)) best = s;
  }
  return best ? { step: best, source: ex.sources.get(best.id)! } : null;
}

/** Share of the decisions' effect (the firm's own and, in a market, its rivals') that is interaction: |interaction| / (Σ|parts| + |interaction|), or null when there is none. */
export function interactionShare(a: QuarterAttribution, kpi: AttributedKpi): number | null {
  const k = a.kpis.indexOf(kpi);
  const parts = [...a.groups, ...(a.rivals ?? []).filter((r) => r.fromRound === undefined)].reduce((s, g) => s + Math.abs(g.parts[k]!), 0);
  const inter = Math.abs(a.interaction[k]!);
  return parts + inter > 0 ? inter / (parts + inter) : null;
}

/**
 * Of a rival's part of the change in customers (its bar, or its late bar with `fromRound`), the
 * tier it fell on most: rivals are compared tier by tier, so a rival's service for one's top tier
 * moves one's top tier. The tier, its customers (whole, unsigned), and whether it is all of the
 * part; null with one tier, no such bar, no change in customers, or no tier moved the same way.
 */
export function rivalTier(a: QuarterAttribution, seat: number, fromRound?: number): { tier: number; customers: number; all: boolean } | null {
  const part = a.rivals?.find((r) => r.seat === seat && r.fromRound === fromRound);
  const first = a.kpis.indexOf('customers:0');
  const tiers = a.kpis.filter((k) => k.startsWith('customers:')).length;
  if (!part || first < 0 || tiers < 2) return null;
  const total = part.parts[a.kpis.indexOf('customers')]!;
  let best = -1;
  for (let i = 0; i < tiers; i++) {
    const v = part.parts[first + i]!;
    if (v !== 0 && Math.sign(v) === Math.sign(total) && (best < 0 || Math.abs(v) > Math.abs(part.parts[first + best]!))) best = i;
  }
  if (best < 0) return null;
  const v = Math.abs(part.parts[first + best]!);
  return { tier: best, customers: Math.round(v), all: v >= Math.abs(total) - 0.5 };
}
