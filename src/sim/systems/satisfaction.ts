import { clamp, sat } from '../math';
import { updateLoyalty } from '../model/loyalty';
import { rivalPriceByTier } from '../model/rival';
import { definePass } from '../pass';
import { ACTIVE } from '../state';

/**
 * Steps 4-5: customer delivered value (C7) and satisfaction by expectation-disconfirmation
 * (C17). Value = product + service + personnel + image + relationship benefit - monetary
 * cost - time and energy cost. Satisfaction moves part way toward 50 + 50 d/(|d|+k), d =
 * value - expectation; expectations drift toward their anchor plus part of the value
 * above it, so lasting delight stays partly delightful. Relationship programmes
 * build a bond slowly and lose it fast when cut, and it only matters to relationship-oriented
 * customers (C6, C11).
 * Step 6 (loyalty) follows in the same pass, per customer.
 * Adds the per-tier sums of the value breakdown into `ctx.values`.
 */
export const satisfactionPass = definePass({
  name: 'satisfaction, loyalty',
  steps: [4, 5, 6],
  doc: 'Customer delivered value, satisfaction by expectation-disconfirmation, expectations, relationship bonds and loyalty.',
  reads: ['P', 'scenario', 'r', 'tierCount', 'tiers', 'brandEff', 'workload', 'rivalPrice', 'rivalTiers', 'productValue', 'quality', 'firm.employeeSatisfaction', 'customers.status', 'customers.tier', 'customers.need', 'customers.orientation', 'customers.priceSensitivity', 'customers.anchor', 'customers.overrideUntil', 'customers.priceOverride', 'customers.tenure'],
  writes: ['values', 'customers.bond', 'customers.satisfaction', 'customers.expectation', 'customers.loyalty'],
  run(ctx) {
    const { P, s, scenario, r } = ctx;
    const V = P.value;
    const Sp = P.satisfaction;
    const c = s.customers;
    const n = c.count;
    const es = s.firm.employeeSatisfaction / 100;
    const image = V.imageWeight * ctx.brandEff;
    const timeCost = V.waitWeight * Math.max(0, ctx.workload - 1);
    const hourCost = scenario.firm.wage / scenario.firm.hoursPerStaff;
    const build = 1 / V.relationshipBuildRounds;
    const lose = 1 / V.relationshipLossRounds;
    const k = Sp.disconfirmationHalf;
    const { hours, price, relationship: programme } = ctx.tiers;
    const rivalAt = rivalPriceByTier(ctx);
    const L = P.loyalty;
    const steep = Math.round(L.steepness);
    // Everything the loop reads, as locals (the engine need not prove they never change).
    const product = ctx.productValue;
    const relHalf = V.relationshipHalf, wService = V.serviceWeight * 0.01, wPersonnel = V.personnelWeight * es;
    const wRelation = V.relationshipWeight, wPrice = V.priceWeight;
    const adjust = Sp.adjust, adapt = Sp.expectationAdapt, drift = Sp.expectationDrift, up = Sp.expectationUpShare;
    const quality = ctx.quality;
    const { status, tier, need: needs, bond: bonds, orientation, priceSensitivity, expectation, satisfaction, anchor, overrideUntil, priceOverride } = c;
    // Per-tier sums of the value breakdown: service, personnel, relationship, money, delivered, expectation; and customers.
    const k6 = ctx.tierCount;
    const sums = new Float64Array(k6 * 7);
    for (let i = 0; i < n; i++) {
      if (status[i] !== ACTIVE) continue;
      const t = tier[i]!;
      const invNeed = 1 / needs[i]!;
      const bondTarget = sat((programme[t]! / hourCost) * invNeed, relHalf);
      const bond = bonds[i]! + (bondTarget - bonds[i]!) * (bondTarget < bonds[i]! ? lose : build);
      bonds[i] = bond;
      const ratio = hours[t]! * invNeed;
      const service = wService * quality[i]!;
      const personnel = wPersonnel * (ratio < 1 ? ratio : 1);
      const relationship = wRelation * orientation[i]! * bond;
      const paid = overrideUntil[i]! >= r && priceOverride[i]! > 0 ? priceOverride[i]! : price[t]!;
      const money = wPrice * priceSensitivity[i]! * (paid - rivalAt[t]!);
      const value = product + service + personnel + image + relationship - money - timeCost;
      const e = expectation[i]!;
      const gap = value - e;
      const target = 50 + (50 * gap) / ((gap < 0 ? -gap : gap) + k);
      const sNow = satisfaction[i]!;
      satisfaction[i] = clamp(sNow + adjust * (target - sNow), 0, 100);
      const a = anchor[i]!;
      const move = a + adapt * (value - a) - e;
      expectation[i] = clamp(e + drift * move * (move > 0 ? up : 1), 0, 100);
      updateLoyalty(L, steep, c, i);
      const o = t * 7;
      sums[o]! += service;
      sums[o + 1]! += personnel;
      sums[o + 2]! += relationship;
      sums[o + 3]! += money;
      sums[o + 4]! += value;
      sums[o + 5]! += e;
      sums[o + 6]!++;
    }
    for (let t = 0; t < k6; t++) {
      const o = ctx.values[t]!;
      const m = sums[t * 7 + 6]!;
      o.product += product * m;
      o.service += sums[t * 7]!;
      o.personnel += sums[t * 7 + 1]!;
      o.image += image * m;
      o.relationship += sums[t * 7 + 2]!;
      o.monetaryCost += sums[t * 7 + 3]!;
      o.timeCost += timeCost * m;
      o.delivered += sums[t * 7 + 4]!;
      o.expectation += sums[t * 7 + 5]!;
    }
  },
});
