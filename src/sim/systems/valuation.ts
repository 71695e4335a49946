import { loyaltyTarget } from '../model/loyalty';
import { baseHazard } from '../model/risk';
import { shareTarget } from '../model/share';
import { clvWithAbandonment } from '../model/valuation';
import { definePass } from '../pass';
import type { RoundContext } from '../context';
import { ACTIVE } from '../state';
import { assignTiers, dataQualityOf } from '../model/tiers';

/** The rival's pressure and price that last: the scenario's (in a market, the other firms'), plus effects running to the end of the game or beyond (a campaign that ends is not the future). */
export function lastingRival(ctx: Pick<RoundContext, 'scenario' | 's' | 'rivalBase'>): { pressure: number; price: number } {
  let pressure = ctx.rivalBase.pressure;
  let price = ctx.rivalBase.price;
  for (const a of ctx.s.effects) {
    if (a.until < ctx.scenario.rounds) continue;
    if (a.effect.kind === 'rivalPressure') pressure += a.effect.delta;
    else if (a.effect.kind === 'rivalPrice') price += a.effect.delta;
  }
  return { pressure: Math.max(0, pressure), price: Math.min(2, Math.max(0.3, price)) };
}

/**
 * Step 16: valuation, looking forward (Gupta & Lehmann). Each active customer's lifetime value
 * is m r / (1 + i - r).
 *
 * - r: its retention probability next quarter, from its relationship as it stands: its
 *   satisfaction, the loyalty it will have next quarter at that satisfaction and its bond, the
 *   price it will pay against the rival's lasting price, switching costs, the rival's lasting
 *   pressure, and the service problems it can expect at the firm's failure rate as it stands
 *   (the churn a failure adds, on average over complaints and recoveries). Not this quarter's
 *   own problems, offers, campaigns or events: they are past.
 * - m: the margin the relationship earns per quarter as it stands: its smoothed wallet (a
 *   season is not capitalised) x the share of wallet it is heading to x the price, at its gross
 *   margin, minus the routine cost of serving it (staff time and programme) in the tier the
 *   firm's rule will give it next quarter.
 *
 * A relationship that loses money (m < 0) is worth one quarter's expected loss, not a
 * perpetuity of losses: the firm can re-tier, reprice or let it go (the option to abandon,
 * Haenlein, Kaplan & Schoder 2006). Customer equity is then not a small difference of two large
 * sums that swings with every move of the margin.
 *
 * A tier's price is the lower of this quarter's and last quarter's, its cost the higher: a price
 * raised or a service cut for one quarter is not yet the level the relationship runs at, so it
 * cannot lift customer equity, while the harm it does to satisfaction, bonds and loyalty lowers
 * r and the share at once. Lapsed customers are worth nothing.
 */
export const valuationPass = definePass({
  name: 'valuation',
  steps: [16],
  doc: 'Each customer\'s lifetime value from the margin its relationship earns as it stands and its retention probability next quarter (Gupta & Lehmann).',
  reads: [
    'P', 'r', 'scenario', 'rivalBase', 'tiers', 'productivity', 'wagePerHour', 'workDone', 'problemRisk', 'state.effects', 'state.tiering', 'firm.systems', 'firm.valuedPrice', 'firm.valuedServe',
    'customers.status', 'customers.walletAvg', 'customers.shareOfWallet', 'customers.margin', 'customers.loyalty', 'customers.satisfaction', 'customers.orientation',
    'customers.bond', 'customers.tenure', 'customers.priceSensitivity', 'customers.priceOverride', 'customers.overrideUntil', 'customers.revenue', 'customers.influence',
    'customers.errInfluence', 'customers.potential', 'customers.errPotential',
  ],
  writes: ['customers.clv', 'customers.stay', 'firm.valuedPrice', 'firm.valuedServe'],
  run(ctx) {
    const { P, r, tiers, s } = ctx;
    const c = s.customers;
    const f = s.firm;
    const C = P.churn;
    const B = P.purchase;
    const L = P.loyalty;
    const steep = Math.round(L.steepness);
    const rate = P.finance.discountRate;
    // The work the staff get done as they stand (a firm without staff sells nothing).
    const workDone = ctx.workDone;
    const keep = (1 - C.switchingCost) * C.scale;
    // The service problems it can expect at the firm's failure rate as it stands.
    const problems = ctx.problemRisk;
    const { pressure, price: rival } = lastingRival(ctx);
    const k = tiers.hours.length;
    // Each tier's price and routine cost per customer (staff time at this quarter's pay and productivity, and its programme).
    const same = f.valuedPrice.length === k;
    const priceOf = new Float64Array(k);
    const serveOf = new Float64Array(k);
    for (let t = 0; t < k; t++) {
      const p = tiers.price[t]!;
      const serve = (tiers.hours[t]! / ctx.productivity) * ctx.wagePerHour + tiers.relationship[t]!;
      priceOf[t] = same && f.valuedPrice[t]! < p ? f.valuedPrice[t]! : p;
      serveOf[t] = same && f.valuedServe[t]! > serve ? f.valuedServe[t]! : serve;
    }
    f.valuedPrice = Array.from(tiers.price.subarray(0, k));
    f.valuedServe = Array.from({ length: k }, (_, t) => (tiers.hours[t]! / ctx.productivity) * ctx.wagePerHour + tiers.relationship[t]!);
    // The tier each customer will be served in next quarter: the firm's rule on the data it has now.
    const next = new Uint8Array(c.count);
    assignTiers(P, s, s.tiering, dataQualityOf(P, s), next);
    const { status, walletAvg, shareOfWallet, margin, loyalty, satisfaction, priceSensitivity, priceOverride, overrideUntil, clv, stay } = c;
    for (let i = 0; i < c.count; i++) {
      if (status[i] !== ACTIVE) {
        clv[i] = 0;
        stay[i] = 0;
        continue;
      }
      const t = next[i]! < k ? next[i]! : k - 1;
      // An offer running into next quarter is the price then; otherwise the tier's.
      const price = overrideUntil[i]! > r && priceOverride[i]! > 0 && priceOverride[i]! < priceOf[t]! ? priceOverride[i]! : priceOf[t]!;
      // Next quarter's loyalty and share of wallet if the relationship stays as it is.
      const l = loyalty[i]!;
      const loyal = l + L.adjust * (loyaltyTarget(L, steep, c, i) - l);
      const cheaper = price < rival ? B.sowPrice * priceSensitivity[i]! * (rival - price) : 0;
      const share0 = shareOfWallet[i]!;
      const share = share0 + B.sowAdjust * (shareTarget(B.sowFloor, B.sowCeiling, B.sowExponent, loyal, cheaper) - share0);
      const m = walletAvg[i]! * share * workDone * (price - 1 + margin[i]!) - serveOf[t]!;
      let p = (baseHazard(C, pressure, loyal, satisfaction[i]!, price - rival, priceSensitivity[i]!) + problems) * keep;
      p = p > C.maxProbability ? C.maxProbability : p < 0 ? 0 : p;
      clv[i] = clvWithAbandonment(m, 1 - p, rate);
      stay[i] = 1 - p;
    }
  },
});
