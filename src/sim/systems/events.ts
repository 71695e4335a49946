import type { EventEffect, EventTarget, ScenarioConfig, ScenarioEvent } from '../config';
import type { RoundContext } from '../context';
import { clamp, clamp01, selectKth } from '../math';
import { ACTIVE, type SimState } from '../state';
import { trailingRevenue } from '../model/revenue';
import { definePass } from '../pass';

/** Choice cards the learner must answer with the next round's decisions. */
export function pendingChoices(scenario: ScenarioConfig, state: SimState): ScenarioEvent[] {
  const r = state.round + 1;
  return scenario.events.filter((e) => e.round === r && e.options !== undefined && e.options.length > 0);
}

/** Marks in `out` (1 = touched) the active customers an effect targets. */
function selectTarget(ctx: Pick<RoundContext, 's' | 'scenario'>, target: EventTarget, out: Uint8Array): void {
  const c = ctx.s.customers;
  const n = c.count;
  out.fill(0, 0, n);
  if ('all' in target) {
    for (let i = 0; i < n; i++) if (c.status[i] === ACTIVE) out[i] = 1;
  } else if ('tier' in target) {
    const t = ctx.scenario.tiers.findIndex((x) => x.id === target.tier);
    for (let i = 0; i < n; i++) if (c.status[i] === ACTIVE && c.tier[i] === t) out[i] = 1;
  } else if ('segment' in target) {
    const g = ctx.scenario.population.segments.findIndex((x) => x.id === target.segment);
    for (let i = 0; i < n; i++) if (c.status[i] === ACTIVE && c.segment[i] === g) out[i] = 1;
  } else {
    // The `largest` customers by trailing revenue; ties broken by slot order.
    let active = 0;
    for (let i = 0; i < n; i++) if (c.status[i] === ACTIVE) active++;
    const want = Math.min(target.largest, active);
    if (want <= 0) return;
    const vals = new Float64Array(active);
    let a = 0;
    for (let i = 0; i < n; i++) if (c.status[i] === ACTIVE) vals[a++] = trailingRevenue(c.revenue, i);
    const thr = selectKth(vals, active, active - want);
    let taken = 0;
    for (let i = 0; i < n && taken < want; i++) {
      if (c.status[i] === ACTIVE && trailingRevenue(c.revenue, i) > thr) {
        out[i] = 1;
        taken++;
      }
    }
    for (let i = 0; i < n && taken < want; i++) {
      if (c.status[i] === ACTIVE && out[i] === 0 && trailingRevenue(c.revenue, i) === thr) {
        out[i] = 1;
        taken++;
      }
    }
  }
}

function applyOnce(ctx: Pick<RoundContext, 's' | 'scenario' | 'r' | 'fin' | 'eventChurn'>, e: EventEffect, source: string, mask: Uint8Array): void {
  const c = ctx.s.customers;
  const n = c.count;
  switch (e.kind) {
    case 'rivalPressure':
    case 'rivalPrice':
    case 'productValue':
    case 'wageFactor':
      ctx.s.effects.push({ effect: e, until: ctx.r + e.rounds - 1, source });
      return;
    case 'cash':
      ctx.fin.events += e.amount;
      return;
    case 'employeeSatisfaction':
      ctx.s.firm.employeeSatisfaction = clamp(ctx.s.firm.employeeSatisfaction + e.delta, 0, 100);
      return;
    case 'expectation':
      selectTarget(ctx, e.target, mask);
      for (let i = 0; i < n; i++) if (mask[i]) c.expectation[i] = clamp(c.expectation[i]! + e.delta, 0, 100);
      return;
    case 'satisfaction':
      selectTarget(ctx, e.target, mask);
      for (let i = 0; i < n; i++) if (mask[i]) c.satisfaction[i] = clamp(c.satisfaction[i]! + e.delta, 0, 100);
      return;
    case 'wallet':
      selectTarget(ctx, e.target, mask);
      for (let i = 0; i < n; i++) if (mask[i]) c.wallet[i] = c.wallet[i]! * e.factor;
      return;
    case 'priceOverride':
      selectTarget(ctx, e.target, mask);
      for (let i = 0; i < n; i++) {
        if (!mask[i]) continue;
        c.priceOverride[i] = e.priceIndex;
        c.overrideUntil[i] = ctx.r + e.rounds - 1;
      }
      return;
    case 'churn':
      selectTarget(ctx, e.target, mask);
      for (let i = 0; i < n; i++) {
        if (!mask[i]) continue;
        const p = ctx.eventChurn[i]!;
        ctx.eventChurn[i] = 1 - (1 - p) * (1 - clamp01(e.probability));
      }
      return;
    default: {
      const never: never = e;
      return never;
    }
  }
}

/**
 * Fires the scenario events and news of this round (after re-tiering, so tier targets mean
 * the tiers of this round), applies the chosen options of choice cards, drops expired
 * lasting effects and sums the lasting ones into the round's rival pressure, rival price,
 * product value and wage factor.
 */
export const eventsPass = definePass({
  name: 'events',
  steps: [],
  doc: 'The scenario\'s events and news of the quarter, the options chosen on its cards, and the lasting effects in force.',
  reads: ['scenario', 'd', 'r', 'customers.status', 'customers.tier', 'customers.segment', 'customers.revenue'],
  writes: ['state.effects', 'fin', 'firm.employeeSatisfaction', 'customers.expectation', 'customers.satisfaction', 'customers.wallet', 'customers.priceOverride', 'customers.overrideUntil', 'eventChurn', 'fired', 'news', 'rivalPressure', 'rivalPrice', 'productValue', 'wageFactor'],
  run(ctx) {
    const { scenario, s, d, r } = ctx;
    s.effects = s.effects.filter((a) => a.until >= r);
    const mask = new Uint8Array(s.customers.count);
    for (const ev of scenario.events) {
      if (ev.round !== r) continue;
      let option: string | undefined;
      const effects = [...ev.effects];
      if (ev.options && ev.options.length > 0) {
        option = d.choices.find((ch) => ch.event === ev.id)?.option ?? ev.defaultOption ?? ev.options[0]!.id;
        const opt = ev.options.find((o) => o.id === option);
        if (opt) effects.push(...opt.effects);
      }
      for (const e of effects) applyOnce(ctx, e, ev.id, mask);
      ctx.fired.push(option === undefined ? { id: ev.id, title: ev.title, text: ev.text } : { id: ev.id, title: ev.title, text: ev.text, option });
    }
    for (const item of scenario.news) if (item.round === r) ctx.news.push(item.text);
    for (const a of s.effects) {
      const e = a.effect;
      if (e.kind === 'rivalPressure') ctx.rivalPressure += e.delta;
      else if (e.kind === 'rivalPrice') ctx.rivalPrice += e.delta;
      else if (e.kind === 'productValue') ctx.productValue += e.delta;
      else if (e.kind === 'wageFactor') ctx.wageFactor *= e.factor;
    }
    ctx.rivalPressure = Math.max(0, ctx.rivalPressure);
    ctx.rivalPrice = clamp(ctx.rivalPrice, 0.3, 2);
  },
});
