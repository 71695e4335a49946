import type { RoundContext } from '../context';
import { clamp, sat } from '../math';
import type { ValueBreakdown } from '../report';
import { ACTIVE, type Customers } from '../state';
import { updateLoyalty } from './loyalty';

/** The price index customer `i` pays this round (an event's override wins). */
export function priceOf(ctx: RoundContext, c: Customers, i: number): number {
  return c.overrideUntil[i]! >= ctx.r && c.priceOverride[i]! > 0 ? c.priceOverride[i]! : ctx.tiers.price[c.tier[i]!]!;
}

/** A zeroed value breakdown. */
export function emptyValue(): ValueBreakdown {
  return { product: 0, service: 0, personnel: 0, image: 0, relationship: 0, monetaryCost: 0, timeCost: 0, delivered: 0, expectation: 0 };
}

/**
 * Steps 4-5: customer delivered value (C7) and satisfaction by expectation-disconfirmation
 * (C17). Value = product + service + personnel + image + relationship benefit - monetary
 * cost - time and energy cost. Satisfaction moves part way toward 50 + 50 d/(|d|+k), d =
 * value - expectation; expectations drift toward their anchor plus part of the value
 * above it, so lasting delight stays partly delightful. Relationship programmes
 * build a bond slowly, and it only matters to relationship-oriented customers (C6, C11).
 * Step 6 (loyalty) follows in the same pass, per customer.
 * Fills the per-tier mean value breakdown into `out`.
 */
export function runSatisfaction(ctx: RoundContext, out: ValueBreakdown[]): void {
  const { P, s, scenario } = ctx;
  const V = P.value;
  const Sp = P.satisfaction;
  const c = s.customers;
  const n = c.count;
  const es = s.firm.employeeSatisfaction / 100;
  const image = V.imageWeight * ctx.brandEff;
  const timeCost = V.waitWeight * Math.max(0, ctx.workload - 1);
  const hourCost = scenario.firm.wage / scenario.firm.hoursPerStaff;
  const build = 1 / V.relationshipBuildRounds;
  const k = Sp.disconfirmationHalf;
  const tiers = ctx.tiers;
  const rival = ctx.rivalPrice;
  const L = P.loyalty;
  const steep = Math.round(L.steepness);
  for (let i = 0; i < n; i++) {
    if (c.status[i] !== ACTIVE) continue;
    const t = c.tier[i]!;
    const need = c.need[i]!;
    const spend = tiers.relationship[t]!;
    const bondTarget = sat(spend / (need * hourCost), V.relationshipHalf);
    const bond = c.bond[i]! + (bondTarget - c.bond[i]!) * build;
    c.bond[i] = bond;
    const ratio = tiers.hours[t]! / need;
    const contact = ratio < 1 ? ratio : 1;
    const service = V.serviceWeight * ctx.quality[i]! * 0.01;
    const personnel = V.personnelWeight * es * contact;
    const relationship = V.relationshipWeight * c.orientation[i]! * bond;
    const money = V.priceWeight * c.priceSensitivity[i]! * (priceOf(ctx, c, i) - rival);
    const value = ctx.productValue + service + personnel + image + relationship - money - timeCost;
    const e = c.expectation[i]!;
    const gap = value - e;
    const target = 50 + (50 * gap) / ((gap < 0 ? -gap : gap) + k);
    const sNow = c.satisfaction[i]!;
    c.satisfaction[i] = clamp(sNow + Sp.adjust * (target - sNow), 0, 100);
    const anchor = c.anchor[i]!;
    const eTarget = anchor + Sp.expectationAdapt * (value - anchor);
    const move = eTarget - e;
    c.expectation[i] = clamp(e + Sp.expectationDrift * move * (move > 0 ? Sp.expectationUpShare : 1), 0, 100);
    updateLoyalty(L, steep, c, i);
    const o = out[t]!;
    o.product += ctx.productValue;
    o.service += service;
    o.personnel += personnel;
    o.image += image;
    o.relationship += relationship;
    o.monetaryCost += money;
    o.timeCost += timeCost;
    o.delivered += value;
    o.expectation += e;
  }
}
