import type { ScenarioConfig, TieringRule } from '../config';
import { logEvent } from '../context';
import { trailingRevenue } from '../model/revenue';
import { definePass } from '../pass';
import { assignTiers, dataQualityOf } from '../model/tiers';
import { resolveParams } from '../params';
import { EV_DOWNTIER, EV_UPTIER } from '../report';
import { NO_TIER, type SimState } from '../state';
import { clonePlain } from '../decisions/plans';

/** How many active customers each tier would hold under `rule` now (the tiering tool's preview). */
export function previewTiers(scenario: ScenarioConfig, state: SimState, rule: TieringRule): number[] {
  const P = resolveParams(scenario.model);
  const out = new Uint8Array(state.customers.count);
  return assignTiers(P, state, rule, dataQualityOf(P, state), out);
}

/**
 * Re-tiers at the start of the round with the tiers `assigned` by the decisions' rule on
 * the data of the start of the quarter (computed once, while the decisions were checked),
 * logs migrations and builds the per-tier member lists.
 */
export const tieringPass = definePass({
  name: 'tiering',
  steps: [13],
  doc: 'Re-tiering by the decisions\' rule on the data of the start of the quarter (so the plan\'s preview holds): migrations, each tier\'s members.',
  reads: ['d', 'assigned', 'tierCount'],
  writes: ['tiers', 'memberStart', 'members', 'migrations', 'events', 'state.tiering', 'customers.tier', 'customers.prevTier'],
  run(ctx) {
    const { s, d, assigned } = ctx;
    const c = s.customers;
    const n = c.count;
    const k = ctx.tierCount;
    const prevK = s.tiering.tierCount;
    c.prevTier.set(c.tier.subarray(0, n));
    c.tier.set(assigned.subarray(0, n));
    const counts = new Array<number>(k).fill(0);
    for (let i = 0; i < n; i++) if (assigned[i]! < k) counts[assigned[i]!]!++;
    const mig: number[][] = [];
    for (let f = 0; f <= prevK; f++) mig.push(new Array<number>(k).fill(0));
    const start = ctx.memberStart;
    let acc = 0;
    for (let t = 0; t < k; t++) {
      start[t] = acc;
      acc += counts[t]!;
      ctx.tiers.count[t] = counts[t]!;
    }
    start[k] = acc;
    const fill = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const t = c.tier[i]!;
      if (t === NO_TIER) {
        // A lapsed customer keeps its last tier for win-back.
        c.tier[i] = c.prevTier[i]! < k ? c.prevTier[i]! : k - 1;
        continue;
      }
      ctx.members[start[t]! + fill[t]!] = i;
      fill[t]!++;
      const p = c.prevTier[i]!;
      const row = p < prevK ? p : prevK;
      mig[row]![t]!++;
      if (p < prevK && p !== t && prevK === k) logEvent(ctx, t < p ? EV_UPTIER : EV_DOWNTIER, i, p);
    }
    ctx.migrations = mig;
    s.tiering = clonePlain(d.tiering);
  },
});

/** What the firm can see of each tier under `rule`: customers and mean trailing annual revenue (observed data). */
export interface TierProfile {
  counts: number[];
  meanRevenue: number[];
}

/** Observed profile of the tiers `rule` would make now (for planning tools and reference strategies). */
export function tierProfile(scenario: ScenarioConfig, state: SimState, rule: TieringRule): TierProfile {
  const P = resolveParams(scenario.model);
  const c = state.customers;
  const out = new Uint8Array(c.count);
  const counts = assignTiers(P, state, rule, dataQualityOf(P, state), out);
  const sum = new Array<number>(rule.tierCount).fill(0);
  for (let i = 0; i < c.count; i++) {
    const t = out[i]!;
    if (t !== NO_TIER) sum[t]! += trailingRevenue(c.revenue, i);
  }
  return { counts, meanRevenue: sum.map((x, t) => (counts[t]! > 0 ? x / counts[t]! : 0)) };
}
