/**
 * Edits of the decision draft that keep it well-formed: changing the number of tiers
 * resizes every per-tier list. Pure functions over plain data (they run inside Immer
 * producers); whether a draft is allowed is the engine's call (`preview`), never ours.
 */
import type { Decisions, ScenarioEvent } from '../sim/config';
import { NUMBER_FIELDS, type DecisionField } from '../sim/decisions/catalogue';
import { TIER_LISTS, blankTier, clonePlain, getAt, setAt, standingDecisions } from '../sim/decisions/plans';

/** Even shares for `k` tiers that sum to exactly 1 (the last takes the rounding). */
export function evenShares(k: number): number[] {
  const base = Math.floor(1000 / k) / 1000;
  const shares = new Array<number>(k).fill(base);
  shares[k - 1] = Math.round((1 - base * (k - 1)) * 1000) / 1000;
  return shares;
}

/** The per-tier fields that are a budget for the whole tier (not per customer): a tier count change moves their money, never copies it. */
const TIER_TOTALS = NUMBER_FIELDS.filter((f) => f.path[0] === 'tiers' && f.budget === 'total').map((f) => f.path[2]!);

/**
 * Resizes the draft to `k` tiers. When `k` is the number of tiers of `last` (last quarter's
 * plan), the tiering rule and every per-tier list come back as they were then. Otherwise every
 * per-tier list of the catalogue (the tiers' levers, the survey samples) keeps its first `k`
 * items and new tiers copy the lowest tier's values (a blank tier if there is none), except the
 * tier budgets (retention, acquisition, win-back), which are split between the lowest tier and
 * the new ones, or, with fewer tiers, go to the new lowest tier: the plan's money stays the same.
 * Shares restart even, thresholds halve downwards.
 */
export function setTierCount(d: Decisions, k: number, last?: Decisions): void {
  const old = d.tiering.tierCount;
  if (k === old || k < 1) return;
  if (last && last.tiering.tierCount === k) {
    d.tiering = clonePlain(last.tiering);
    for (const l of TIER_LISTS) if (l.path[0] !== 'tiering') setAt(d, l.path, getAt(last, l.path));
    return;
  }
  d.tiering.tierCount = k;
  // The tier budgets of the tiers that go, or of the lowest tier that is copied, before the lists change.
  const tiers = d.tiers;
  const moved = Object.fromEntries(TIER_TOTALS.map((key) => [key, 0])) as Record<string, number>;
  if (k < old) for (const t of tiers.slice(k)) for (const key of TIER_TOTALS) moved[key]! += (t as unknown as Record<string, number>)[key]!;
  for (const l of TIER_LISTS) {
    if (l.path[0] === 'tiering') continue;
    const list = getAt(d, l.path) as unknown[] | undefined;
    if (!Array.isArray(list)) continue;
    const n = l.scope === 'tier' ? k : k - 1;
    if (list.length > n) list.splice(n);
    const item = NUMBER_FIELDS.find((f) => f.path.length === l.path.length + 1 && f.path.join('.').startsWith(`${l.path.join('.')}.`));
    const lowest = list[list.length - 1] ?? (l.path[0] === 'tiers' ? blankTier() : item?.default ?? 0);
    while (list.length < n) list.push(clonePlain(lowest));
  }
  const bottom = tiers[tiers.length - 1] as unknown as Record<string, number> | undefined;
  if (bottom && k < old) for (const key of TIER_TOTALS) bottom[key]! += moved[key]!;
  if (k > old && old >= 1) {
    // The lowest tier's budgets, copied into each new tier, are shared out instead.
    const share = k - old + 1;
    for (const t of tiers.slice(old - 1)) for (const key of TIER_TOTALS) (t as unknown as Record<string, number>)[key]! /= share;
  }
  if (d.tiering.cutoffs.mode === 'share') d.tiering.cutoffs.shares = evenShares(k);
  else {
    const th = d.tiering.cutoffs.thresholds;
    while (th.length > k - 1) th.pop();
    while (th.length < k - 1) th.push(th.length ? th[th.length - 1]! / 2 : 1);
  }
}

/**
 * Sets tier `t`'s share and takes the difference from the tier below it (or above, for
 * the last tier), so the shares still sum to 1. Shares are kept to 0.001.
 */
export function setShare(d: Decisions, t: number, share: number): void {
  // Text that is no number changes nothing here (the field shows the share again when left).
  if (d.tiering.cutoffs.mode !== 'share' || !Number.isFinite(share)) return;
  const s = d.tiering.cutoffs.shares;
  if (s.length < 2) return;
  const other = t < s.length - 1 ? t + 1 : t - 1;
  const pool = (s[t] ?? 0) + (s[other] ?? 0);
  const v = Math.round(Math.max(0, Math.min(pool, share)) * 1000) / 1000;
  s[t] = v;
  s[other] = Math.round((pool - v) * 1000) / 1000;
  // Rounding may leave a residue of 0.001: give it to the lowest tier.
  const sum = s.reduce((a, b) => a + b, 0);
  const last = s.length - 1;
  s[last] = Math.round(((s[last] ?? 0) + (1 - sum)) * 1000) / 1000;
}

/**
 * Sets field `f` (of tier or boundary `i` for a per-tier field) to `v`, as typed (2.5 hires stay
 * 2.5, a NaN stays NaN): whether the value is allowed is the engine's call, and it says why not.
 */
export function setField(d: Decisions, f: DecisionField, i: number, v: number | boolean): void {
  setAt(d, f.path.map((s) => (s === '*' ? i : s)), v);
}

/**
 * The draft for the next quarter: what stands of last quarter's decisions (hires and layoffs
 * back to 0) with this quarter's cards not yet answered. No option is picked for the learner: the
 * quarter waits until each open card has one (`unansweredCards`). The engine's own rule (a card
 * left out takes its default option) stays, so run files without an answer replay as before.
 */
export function draftFrom(last: Decisions): Decisions {
  const d = standingDecisions(last);
  d.choices = [];
  return d;
}

/** The open cards the draft has not answered with one of their options, in the cards' order. */
export function unansweredCards(d: Decisions, cards: readonly ScenarioEvent[]): ScenarioEvent[] {
  return cards.filter((c) => !d.choices.some((x) => x.event === c.id && (c.options ?? []).some((o) => o.id === x.option)));
}
