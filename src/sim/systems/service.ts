import { logEvent } from '../context';
import { clamp, clamp01, sat } from '../math';
import { EV_COMPLAINED, EV_CONTACT_LEFT, EV_FAILURE, EV_RECOVERED } from '../report';
import { u01 } from '../rng';
import { ACTIVE } from '../state';
import {
  OUT_NONE, OUT_QUICK_LARGE, OUT_QUICK_SMALL, OUT_RESOLVED_LARGE, OUT_RESOLVED_SMALL, OUT_SILENT_LARGE, OUT_SILENT_SMALL,
  OUT_UNRESOLVED_LARGE, OUT_UNRESOLVED_SMALL,
} from '../model/outcomes';
import { definePass } from '../pass';
import { atRisk, expectedProblemHazard } from '../model/risk';


/**
 * Step 3: service quality per customer, service failures and their recovery (C27).
 *
 * Quality rises with delivered hours relative to the customer's own need (big clients need
 * more, so equal hours under-serve them and over-serve small ones: C24), with skill,
 * employee attitude and the service desk. Failures rise with overload and fall with skill
 * and the desk. A complaint is resolved with a probability set by the recovery policy; quick
 * excellent recovery of a first failure lifts satisfaction slightly (the recovery paradox,
 * K4), unresolved problems cost a lot. The employee who served a customer may have left (K8).
 */
export const servicePass = definePass({
  name: 'service',
  steps: [3],
  doc: 'Service quality per customer, service failures and their recovery; who the firm sees as at risk.',
  reads: ['P', 'd', 'r', 'skill', 'desk', 'workload', 'turnover', 'key', 'firm.employeeSatisfaction', 'customers.status', 'customers.tier', 'customers.key', 'customers.need', 'customers.stage', 'customers.revenue'],
  writes: ['problemRisk', 'quality', 'qualitySum', 'served', 'tiers', 'outcome', 'recoverySpent', 'atRisk', 'fin', 'events', 'customers.satisfaction', 'customers.failures', 'customers.complaints'],
  run(ctx) {
    const { P, s, d } = ctx;
    const S = P.service;
    const c = s.customers;
    const n = c.count;
    const es = s.firm.employeeSatisfaction / 100;
    const craft = 1 - S.qualitySkill - S.qualityAttitude + S.qualitySkill * ctx.skill + S.qualityAttitude * es;
    const deskLift = 1 + S.qualityDesk * ctx.desk;
    const pFail = clamp(
      S.failureBase * (1 + S.failureOverload * Math.max(0, ctx.workload - 1)) * (1 - S.failureSkill * ctx.skill) * (1 - S.failureDesk * ctx.desk),
      0,
      0.9,
    );
    const pDetect = S.detectDesk * ctx.desk;
    const pResolve = clamp(
      S.recoverBase + S.recoverBudget * sat(d.recovery.budgetPerFailure, S.recoverBudgetHalf) + S.recoverEmpowerment * d.recovery.empowerment,
      0,
      0.98,
    );
    const quickShare = clamp01(S.quickShareBase + S.quickShareEmpowerment * (d.recovery.empowerment + ctx.desk) * 0.5);
    ctx.problemRisk = expectedProblemHazard(P, pFail, pDetect, pResolve, quickShare);
    const kFail = ctx.key.failure;
    const kRec = ctx.key.recovery;
    const kDrift = ctx.key.drift;
    const hoursHalf = S.hoursHalf;
    const turnover = ctx.turnover;
    const tiers = ctx.tiers;
    const budget = d.recovery.budgetPerFailure;
    for (let i = 0; i < n; i++) {
      if (c.status[i] !== ACTIVE) continue;
      const t = c.tier[i]!;
      const who = c.key[i]!;
      const ratio = tiers.hours[t]! / c.need[i]!;
      // Normalised so an unlimited ratio gives full quality.
      const q = clamp(100 * sat(ratio, hoursHalf) * craft * deskLift, 0, 100);
      ctx.quality[i] = q;
      ctx.qualitySum += q;
      ctx.served++;
      let sat0 = c.satisfaction[i]!;
      // Heskett (K8): if the person who served this customer left, satisfaction drops.
      const contact = ratio < 1 ? ratio : 1;
      if (u01(kDrift, who, 2) < turnover * contact) {
        sat0 -= S.turnoverHit;
        logEvent(ctx, EV_CONTACT_LEFT, i, t);
      }
      const u = u01(kFail, who, 0);
      let out = OUT_NONE;
      if (u < pFail) {
        const large = u / pFail < S.largeLossShare;
        const firstFailure = c.failures[i] === 0;
        c.failures[i] = c.failures[i]! + 1;
        tiers.failures[t]!++;
        const v = u01(kFail, who, 1);
        const complains = v < (large ? S.complainLarge : S.complainSmall) || u01(kFail, who, 2) < pDetect;
        if (!complains) {
          out = large ? OUT_SILENT_LARGE : OUT_SILENT_SMALL;
          sat0 -= large ? S.dropSilentLarge : S.dropSilentSmall;
        } else {
          c.complaints[i] = c.complaints[i]! + 1;
          tiers.complaints[t]!++;
          logEvent(ctx, EV_COMPLAINED, i, t);
          ctx.recoverySpent[i] = budget;
          ctx.fin.recovery += budget;
          const x = u01(kRec, who, 0);
          if (x < pResolve * quickShare) {
            out = large ? OUT_QUICK_LARGE : OUT_QUICK_SMALL;
            sat0 += firstFailure ? S.paradoxLift : -S.dropResolved * 0.5;
          } else if (x < pResolve) {
            out = large ? OUT_RESOLVED_LARGE : OUT_RESOLVED_SMALL;
            sat0 -= S.dropResolved;
          } else {
            out = large ? OUT_UNRESOLVED_LARGE : OUT_UNRESOLVED_SMALL;
            sat0 -= large ? S.dropSilentLarge : S.dropSilentSmall;
          }
          if (out >= OUT_RESOLVED_SMALL) {
            tiers.recovered[t]!++;
            logEvent(ctx, EV_RECOVERED, i, t);
          }
        }
      }
      if (out !== OUT_NONE) logEvent(ctx, EV_FAILURE, i, out);
      ctx.outcome[i] = out;
      c.satisfaction[i] = clamp(sat0, 0, 100);
      // Whom the firm will see as at risk when retention offers go out (step 7), flagged here to save a pass.
      if (atRisk(c, i, out, ctx.r)) {
        tiers.atRisk[t]!++;
        ctx.atRisk[i] = 1;
      }
    }
  },
});
