import { clamp } from '../math';
import { ACTIVE, STAGE_DECLINING, STAGE_GROWING } from '../state';
import { gauss4 } from '../rng';
import { definePass } from '../pass';
import { priceOf } from '../model/price';
import { rivalPriceByTier } from '../model/rival';
import { shareTarget } from '../model/share';


/**
 * Step 8: purchases (C9). Share of wallet moves toward a function of loyalty (and of a
 * price below the rival's, for price-sensitive customers); wallets drift with potential,
 * lifecycle stage and a seeded shock; revenue = wallet x share x price; gross profit at the
 * customer's margin; cost to serve from service hours, programme, offers and recovery. The
 * books keep that cost to serve by kind (`fin.served*`) and each tier's profit after it, so
 * the tiers' profit reconciles with operating profit line by line (a customer who did not buy
 * this quarter, lapsed or just won back, adds nothing to its tier's profit).
 * In the same pass (the data they read is final by then): step 9's referral scan, into
 * `referrers`, and the tier profile acquisition aims at (`ctx.profile`).
 */
export const purchasesPass = definePass({
  name: 'purchases',
  steps: [8],
  doc: 'Share of wallet, wallets, revenue, gross profit and cost to serve of every customer; the tiers\' profile acquisition aims at.',
  reads: ['P', 'r', 'key', 'tiers', 'tierCount', 'rivalPrice', 'rivalTiers', 'wagePerHour', 'productivity', 'workDone', 'offerGiven', 'recoverySpent', 'customers.status', 'customers.tier', 'customers.priceOverride', 'customers.overrideUntil', 'customers.priceSensitivity', 'customers.loyalty', 'customers.stage', 'customers.potential', 'customers.key', 'customers.margin'],
  writes: ['fin', 'profile', 'tiers', 'customers.revenue', 'customers.shareOfWallet', 'customers.wallet', 'customers.walletAvg', 'customers.profit', 'customers.cumRevenue', 'customers.cumProfit'],
  run(ctx) {
    const { P, s, r } = ctx;
    const B = P.purchase;
    const c = s.customers;
    const n = c.count;
    const slot = r % 4;
    const key = ctx.key.drift;
    const tiers = ctx.tiers;
    const rivalAt = rivalPriceByTier(ctx);
    const wagePerHour = ctx.wagePerHour;
    const prod = ctx.productivity;
    const fin = ctx.fin;
    const smooth = P.finance.walletSmoothing;
    // With too few staff, the work left undone is not sold (employees.maxStretch).
    const workDone = ctx.workDone;
    let revenue = 0;
    let cogs = 0;
    let servedWages = 0;
    let servedRelationship = 0;
    let servedRetention = 0;
    let servedRecovery = 0;
    const prof = ctx.profile;
    for (let i = 0; i < n; i++) {
      if (c.status[i] !== ACTIVE) {
        c.revenue[i * 4 + slot] = 0;
        continue;
      }
      const t = c.tier[i]!;
      const price = priceOf(ctx, c, i);
      const rival = rivalAt[t]!;
      const cheaper = price < rival ? B.sowPrice * c.priceSensitivity[i]! * (rival - price) : 0;
      const target = shareTarget(B.sowFloor, B.sowCeiling, B.sowExponent, c.loyalty[i]!, cheaper);
      const share = c.shareOfWallet[i]! + B.sowAdjust * (target - c.shareOfWallet[i]!);
      c.shareOfWallet[i] = share;
      const stage = c.stage[i]!;
      const growth =
        c.potential[i]! * 0.25 + (stage === STAGE_GROWING ? B.growingBoost : stage === STAGE_DECLINING ? B.decliningDrag : 0) +
        B.walletShock * gauss4(key, c.key[i]!, 0);
      const wallet = clamp(c.wallet[i]! * (1 + growth), 1, B.walletMax);
      c.wallet[i] = wallet;
      c.walletAvg[i] = c.walletAvg[i]! + smooth * (wallet - c.walletAvg[i]!);
      const volume = wallet * share * workDone;
      const rev = volume * price;
      const cost = volume * (1 - c.margin[i]!);
      const time = (tiers.hours[t]! / prod) * wagePerHour;
      const programme = tiers.relationship[t]!;
      const offer = ctx.offerGiven[i]!;
      const recovery = ctx.recoverySpent[i]!;
      const serve = time + programme + offer + recovery;
      const profit = rev - cost - serve;
      servedWages += time;
      servedRelationship += programme;
      servedRetention += offer;
      servedRecovery += recovery;
      tiers.profit[t]! += profit;
      c.revenue[i * 4 + slot] = rev;
      c.profit[i] = profit;
      c.cumRevenue[i] = c.cumRevenue[i]! + rev;
      c.cumProfit[i] = c.cumProfit[i]! + profit;
      revenue += rev;
      cogs += cost;
      prof.active[t]!++;
      prof.wallet[t]! += wallet;
      const o = i * 4;
      prof.revenue[t]! += c.revenue[o]! + c.revenue[o + 1]! + c.revenue[o + 2]! + c.revenue[o + 3]!;
    }
    fin.revenue = revenue;
    fin.costOfGoods = cogs;
    fin.grossProfit = revenue - cogs;
    fin.servedWages = servedWages;
    fin.servedRelationship = servedRelationship;
    fin.servedRetention = servedRetention;
    fin.servedRecovery = servedRecovery;
  },
});
