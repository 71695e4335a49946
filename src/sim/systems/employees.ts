import type { ScenarioConfig, Decisions } from '../config';

import { clamp, clamp01, sat } from '../math';
import type { ModelParams } from '../params';
import type { Firm, SimState } from '../state';
import { pressedTime } from '../model/pressure';
import { definePass } from '../pass';

/** Staff skill 0..1 from experience and training. */
export function skillOf(P: ModelParams, experience: number, trainingEff: number): number {
  const e = P.employees;
  return clamp01(e.skillExperience * sat(experience, e.experienceHalf) + e.skillTraining * trainingEff);
}

/** Service output per staff hour (1 = an unskilled employee with no tools). */
export function productivityOf(P: ModelParams, skill: number, sfa: number): number {
  return 1 + P.employees.productivitySkill * skill + P.employees.productivitySfa * sfa;
}

/** Staff hours the decisions plan for service this round at productivity `prod`. */
export function plannedStaffHours(d: Decisions, tierCounts: readonly number[], prod: number): number {
  let h = 0;
  for (let t = 0; t < tierCounts.length; t++) h += tierCounts[t]! * (d.tiers[t]?.serviceHours ?? 0);
  return h / prod;
}

/** Staff hours the last round left behind: onboarding its new customers and handling its failures. */
export function carriedStaffHours(P: ModelParams, firm: Firm, prod: number): number {
  return (P.employees.onboardingHours * firm.lastAcquired + P.employees.failureHours * firm.lastFailures) / prod;
}

/**
 * Employees who leave this round of their own accord, of the `afterLayoffs` who stay on:
 * turnover rises as satisfaction falls, and at once with pay below the market (`wageIndex`,
 * the firm's pay against the market's: staff who can earn more elsewhere go).
 */
export function leaversOf(P: ModelParams, firm: Pick<Firm, 'employeeSatisfaction'>, afterLayoffs: number, wageIndex: number): number {
  const E = P.employees;
  const unhappy = 1 - firm.employeeSatisfaction / 100;
  const below = wageIndex < 1 ? 1 - wageIndex : 0;
  return Math.round(afterLayoffs * clamp01(E.turnoverMin + (E.turnoverMax - E.turnoverMin) * unhappy * unhappy * unhappy + E.quitWageGap * below));
}

/** Of the `hires` asked for, how many come at pay `wageIndex` against the market (fewer below it). */
export function hiresFilled(P: ModelParams, hires: number, wageIndex: number): number {
  const below = wageIndex < 1 ? 1 - wageIndex : 0;
  return Math.round(hires * clamp01(1 - P.employees.hireWageGap * below));
}

/** The factor on the firm's pay from the lasting effects in force in round `r` (a pay cut headquarters imposes). */
export function payFactorOf(effects: SimState['effects'], r: number): number {
  let f = 1;
  for (const a of effects) if (a.until >= r && a.effect.kind === 'wageFactor') f *= a.effect.factor;
  return f;
}

/** Contracted staff hours after this round's hires and layoffs. */
export function contractedHours(scenario: ScenarioConfig, firm: Firm, d: Decisions): number {
  return Math.max(0, firm.headcount + d.people.hires - d.people.layoffs) * scenario.firm.hoursPerStaff;
}

/**
 * Step 2: the inside of the service-profit chain (C8). Hires, layoffs and leavers; skill and
 * productivity; workload; Oliva & Sterman's eroding service standard (K6); internal service
 * quality; employee satisfaction moving toward its target through two lag stages.
 */
export const employeesPass = definePass({
  name: 'employees',
  steps: [2],
  doc: 'The inside of the service-profit chain: staff, skill, productivity, workload, the service standard, internal service quality and employee satisfaction.',
  reads: ['P', 'd', 'scenario', 'trainingEff', 'sfa', 'mkt', 'desk', 'dataEff', 'wageFactor', 'tierCount', 'firm.adoptionStrain', 'firm.lastAcquired', 'firm.lastFailures'],
  writes: ['firm.lastWageIndex', 'firm.headcount', 'firm.experience', 'firm.employeeSatisfaction', 'firm.employeeSatisfactionLag', 'firm.serviceStandard', 'firm.lastWorkload', 'firm.lastTurnover', 'hires', 'leavers', 'layoffs', 'turnover', 'skill', 'productivity', 'workload', 'timeFactor', 'workDone', 'tiers', 'isq', 'wagePerHour', 'fin', 'hiresAsked'],
  run(ctx) {
    const { P, d, s, scenario } = ctx;
    const E = P.employees;
    const f = s.firm;
    const h0 = f.headcount;
    const wageIndex = d.people.wageIndex * ctx.wageFactor;
    const layoffs = Math.min(d.people.layoffs, h0);
    const afterLayoff = h0 - layoffs;
    const leavers = leaversOf(P, f, afterLayoff, wageIndex);
    const stayers = afterLayoff - leavers;
    const hires = hiresFilled(P, d.people.hires, wageIndex);
    const h1 = stayers + hires;
    f.experience = h1 > 0 ? (stayers * (f.experience + 1)) / h1 : 0;
    f.headcount = h1;
    ctx.hires = hires;
    ctx.hiresAsked = d.people.hires;
    ctx.leavers = leavers;
    ctx.layoffs = layoffs;
    ctx.turnover = h0 > 0 ? leavers / h0 : 0;
    ctx.skill = skillOf(P, f.experience, ctx.trainingEff);
    ctx.productivity = productivityOf(P, ctx.skill, ctx.sfa);
    const capacity = h1 * scenario.firm.hoursPerStaff;
    const demand = plannedStaffHours(d, Array.from(ctx.tiers.count), ctx.productivity) + carriedStaffHours(P, f, ctx.productivity);
    const W = capacity > 0 ? demand / capacity : demand > 0 ? 10 : 0;
    ctx.workload = W;
    // Work past what the staff can stretch to is left undone, and not sold.
    ctx.workDone = capacity <= 0 ? 0 : demand > 0 ? Math.min(1, (E.maxStretch * capacity) / demand) : 1;
    // Under pressure staff cut time per task (Oliva & Sterman: desired x p^-0.64), and the
    // standard of what counts as enough time erodes toward what is given; only training restores it.
    const pressed = pressedTime(P, W);
    const given = f.serviceStandard * pressed;
    if (given < f.serviceStandard) f.serviceStandard += (given - f.serviceStandard) / Math.max(1, E.standardErosionRounds);
    f.serviceStandard += E.standardTrainingLift * ctx.trainingEff * (1 - f.serviceStandard) * 0.5;
    f.serviceStandard = clamp(f.serviceStandard, 0.05, 1);
    ctx.timeFactor = given;
    for (let t = 0; t < ctx.tierCount; t++) ctx.tiers.hours[t] = (d.tiers[t]?.serviceHours ?? 0) * given;
    const tools = (ctx.sfa + ctx.mkt + ctx.desk + ctx.dataEff) / 4;
    ctx.isq = clamp01(E.isqBase + E.isqTraining * ctx.trainingEff + E.isqTools * tools);
    const target = clamp(
      E.esBase + E.esIsq * ctx.isq + E.esWage * (wageIndex - 1) - E.esOverload * Math.max(0, W - 1) -
        E.esLayoff * (h0 > 0 ? layoffs / h0 : 0) - E.esAdoption * f.adoptionStrain,
      0,
      100,
    );
    // A pay cut from last round's hurts morale at once (Bewley), on top of the lower target.
    const cut = f.lastWageIndex - wageIndex;
    f.lastWageIndex = wageIndex;
    if (cut > 0) {
      f.employeeSatisfaction = clamp(f.employeeSatisfaction - E.esPayCut * cut, 0, 100);
      f.employeeSatisfactionLag = clamp(f.employeeSatisfactionLag - E.esPayCut * cut, 0, 100);
    }
    f.employeeSatisfactionLag += E.esAdjust * (target - f.employeeSatisfactionLag);
    f.employeeSatisfaction += E.esAdjust * (f.employeeSatisfactionLag - f.employeeSatisfaction);
    f.lastWorkload = W;
    f.lastTurnover = ctx.turnover;
    ctx.wagePerHour = (scenario.firm.wage * wageIndex) / scenario.firm.hoursPerStaff;
    const fin = ctx.fin;
    fin.wages = h1 * scenario.firm.wage * wageIndex;
    fin.hiring = hires * scenario.firm.hireCost;
    fin.severance = layoffs * scenario.firm.severance;
  },
});
