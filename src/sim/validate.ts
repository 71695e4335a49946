import { LEVER_NAMES, LEVERS, type Decisions, type Lever, type ScenarioConfig } from './config';
import { canonicalJson } from './hash';
import { sat } from './math';
import { resolveParams } from './params';
import type { SimState } from './state';
import { pendingChoices } from './systems/events';
import { contractedHours, plannedStaffHours, productivityOf, skillOf } from './systems/employees';
import { researchCost } from './systems/finance';
import { assignTiers, dataQualityOf } from './systems/tiering';
import type { LocalText } from './text';

/** Why a decision cannot be played. The same reasons label the UI's disabled controls. */
export interface DecisionProblem {
  code: 'gameOver' | 'overBudget' | 'overStaff' | 'outOfRange' | 'shape' | 'locked' | 'choice';
  /** Path of the offending field, e.g. `tiers.1.serviceHours`; '' for the whole decision. */
  path: string;
  message: LocalText;
  value?: number;
  limit?: number;
}

/** What the decisions would use of the round's budget and staff. */
export interface PlanUse {
  /** Active customers per tier under the decisions' tiering rule. */
  tierCounts: number[];
  /** Discretionary spend and the budget for it (money). */
  spend: number;
  budget: number;
  /**
   * Service hours the plan needs and the most that can be planned (contracted x max
   * overtime). Onboarding and failure handling left by the last round come on top of the
   * plan as workload; they never make every decision impossible.
   */
  staffHours: number;
  staffLimit: number;
  /** Contracted staff hours (workload 1). */
  contracted: number;
}

const fmt = (x: number): string => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 100) / 100));

/**
 * Budget and staff the decisions would use (assumes a well-formed decision). The tier each
 * customer would land in is written to `tiersOut` when given (the engine reuses it).
 */
export function planUse(scenario: ScenarioConfig, state: SimState, d: Decisions, tiersOut?: Uint8Array): PlanUse {
  const P = resolveParams(scenario.model);
  const f = state.firm;
  const tierCounts = assignTiers(P, state, d.tiering, dataQualityOf(P, state), tiersOut ?? new Uint8Array(state.customers.count));
  let spend = d.people.trainingSpend + d.brandSpend + d.people.hires * scenario.firm.hireCost;
  spend += d.systems.salesAutomation + d.systems.marketingAutomation + d.systems.serviceDesk + d.systems.dataPlatform;
  for (let t = 0; t < d.tiers.length; t++) {
    const x = d.tiers[t]!;
    spend += (tierCounts[t] ?? 0) * x.relationshipSpend + x.retentionBudget + x.acquisitionSpend + x.winBackSpend;
  }
  spend += researchCost({ P, d });
  const trainingEff = sat(f.trainingStock, P.capability.trainingHalfSaturation);
  const sfa = sat(f.systems.salesAutomation, P.capability.systemsHalfSaturation);
  const prod = productivityOf(P, skillOf(P, f.experience, trainingEff), sfa);
  const staffHours = plannedStaffHours(d, tierCounts, prod);
  const contracted = contractedHours(scenario, f, d);
  return { tierCounts, spend, budget: f.budget, staffHours, staffLimit: contracted * P.employees.maxOvertime, contracted };
}

function isNum(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** The lever-level parts of a decision, for comparing against the status quo. */
function leverPart(d: Decisions, lever: Lever): unknown {
  switch (lever) {
    case 'tiering': return d.tiering;
    case 'service': return d.tiers.map((t) => t.serviceHours);
    case 'relationship': return d.tiers.map((t) => t.relationshipSpend);
    case 'price': return d.tiers.map((t) => t.priceIndex);
    case 'retention': return d.tiers.map((t) => t.retentionBudget);
    case 'acquisition': return d.tiers.map((t) => t.acquisitionSpend);
    case 'winBack': return d.tiers.map((t) => t.winBackSpend);
    case 'people': return [d.people.hires, d.people.layoffs];
    case 'wages': return d.people.wageIndex;
    case 'training': return d.people.trainingSpend;
    case 'systems': return d.systems;
    case 'research': return d.research;
    case 'brand': return d.brandSpend;
    case 'recovery': return d.recovery;
    default: {
      const never: never = lever;
      return never;
    }
  }
}

/** Levers still locked in round `r` (tutorial unlocks). */
export function lockedLevers(scenario: ScenarioConfig, r: number): Lever[] {
  if (!scenario.unlocks) return [];
  const open = new Set<Lever>();
  for (const u of scenario.unlocks) if (u.round <= r) for (const l of u.levers) open.add(l);
  return LEVERS.filter((l) => !open.has(l));
}

/**
 * Every reason the decisions cannot be played on `state`: the game is over, a value is out
 * of range or malformed, a locked lever was changed, a choice is unknown, the plan spends
 * more than the budget or needs more staff time than the staff has. Empty: playable.
 * Never throws, whatever `d` holds. `tiersOut`, when given, receives each customer's tier
 * under the decisions' rule (written only when the decisions are well-formed).
 */
export function validateDecisions(scenario: ScenarioConfig, state: SimState, d: Decisions, tiersOut?: Uint8Array): DecisionProblem[] {
  const out: DecisionProblem[] = [];
  const bad = (code: DecisionProblem['code'], path: string, en: string, zh: string, value?: number, limit?: number): void => {
    const p: DecisionProblem = { code, path, message: { en, 'zh-CN': zh } };
    if (value !== undefined) p.value = value;
    if (limit !== undefined) p.limit = limit;
    out.push(p);
  };
  if (state.status !== 'running') {
    bad('gameOver', '', 'The game is over; no more quarters can be played.', '游戏已结束，不能再进行新的季度。');
    return out;
  }
  const range = (path: string, x: unknown, lo: number, hi: number, integer = false): void => {
    if (!isNum(x) || x < lo || x > hi || (integer && Math.floor(x) !== x)) {
      const what = integer ? 'a whole number' : 'a number';
      const zhWhat = integer ? '整数' : '数值';
      bad('outOfRange', path, `${path} must be ${what} from ${fmt(lo)} to ${fmt(hi)}, not ${String(x)}.`, `${path} 必须是 ${fmt(lo)} 到 ${fmt(hi)} 之间的${zhWhat}，当前为 ${String(x)}。`, isNum(x) ? x : undefined);
    }
  };
  if (!d || typeof d !== 'object' || !d.tiering || !Array.isArray(d.tiers) || !d.people || !d.systems || !d.research || !d.recovery || !Array.isArray(d.choices)) {
    bad('shape', '', 'The decisions are incomplete: tiering, tiers, people, systems, research, recovery and choices are all needed.', '决策不完整：需要分级规则、各级杠杆、人员、系统、调研、补救和选择。');
    return out;
  }
  const maxTiers = scenario.tiers.length;
  const k = d.tiering.tierCount;
  range('tiering.tierCount', k, 1, maxTiers, true);
  if (out.length > 0) return out;
  const w = d.tiering.weights;
  if (!w || typeof w !== 'object') bad('shape', 'tiering.weights', 'The tiering weights are missing.', '缺少分级维度权重。');
  else {
    for (const dim of ['revenue', 'margin', 'influence', 'potential', 'tenure'] as const) range(`tiering.weights.${dim}`, w[dim], 0, 100);
    if (k > 1 && isNum(w.revenue) && w.revenue + w.margin + w.influence + w.potential + w.tenure <= 0)
      bad('outOfRange', 'tiering.weights', 'With more than one tier, at least one tiering weight must be above 0.', '分为多个等级时，至少一个分级维度的权重必须大于 0。');
  }
  const cut = d.tiering.cutoffs;
  if (!cut || (cut.mode !== 'share' && cut.mode !== 'score')) bad('shape', 'tiering.cutoffs', 'The tier cut-offs must be by share or by score.', '分级界限必须按比例或按得分设定。');
  else if (cut.mode === 'share') {
    if (!Array.isArray(cut.shares) || cut.shares.length !== k) bad('shape', 'tiering.cutoffs.shares', `Give one share per tier (${k}).`, `每个等级需要一个比例（共 ${k} 个）。`);
    else {
      let sum = 0;
      cut.shares.forEach((x, i) => { range(`tiering.cutoffs.shares.${i}`, x, 0, 1); sum += isNum(x) ? x : 0; });
      if (Math.abs(sum - 1) > 1e-6) bad('outOfRange', 'tiering.cutoffs.shares', `The tier shares must add up to 1, not ${fmt(sum)}.`, `各等级比例之和必须为 1，当前为 ${fmt(sum)}。`, sum, 1);
    }
  } else {
    if (!Array.isArray(cut.thresholds) || cut.thresholds.length !== k - 1) bad('shape', 'tiering.cutoffs.thresholds', `Give one score threshold between each pair of tiers (${k - 1}).`, `相邻等级之间各需一个得分界限（共 ${k - 1} 个）。`);
    else {
      cut.thresholds.forEach((x, i) => {
        range(`tiering.cutoffs.thresholds.${i}`, x, 0, 1e6);
        if (i > 0 && isNum(x) && x > cut.thresholds[i - 1]!) bad('outOfRange', `tiering.cutoffs.thresholds.${i}`, 'Score thresholds must fall from the top tier down.', '得分界限必须从高等级到低等级递减。', x, cut.thresholds[i - 1]);
      });
    }
  }
  if (d.tiering.topIfRevenueAbove !== undefined) range('tiering.topIfRevenueAbove', d.tiering.topIfRevenueAbove, 0, 1e15);
  if (d.tiers.length !== k) bad('shape', 'tiers', `Give the levers of each tier in use: ${k}, not ${d.tiers.length}.`, `需要为每个使用中的等级设定杠杆：应为 ${k} 个，当前为 ${d.tiers.length} 个。`, d.tiers.length, k);
  d.tiers.forEach((t, i) => {
    const p = `tiers.${i}`;
    if (!t || typeof t !== 'object') return bad('shape', p, 'Tier levers are missing.', '缺少该等级的杠杆设定。');
    range(`${p}.serviceHours`, t.serviceHours, 0, 10_000);
    range(`${p}.relationshipSpend`, t.relationshipSpend, 0, 1e9);
    range(`${p}.priceIndex`, t.priceIndex, 0.5, 1.5);
    range(`${p}.retentionBudget`, t.retentionBudget, 0, 1e12);
    range(`${p}.acquisitionSpend`, t.acquisitionSpend, 0, 1e12);
    range(`${p}.winBackSpend`, t.winBackSpend, 0, 1e12);
  });
  const f = state.firm;
  range('people.hires', d.people.hires, 0, Math.max(50, f.headcount * 2), true);
  range('people.layoffs', d.people.layoffs, 0, f.headcount, true);
  range('people.wageIndex', d.people.wageIndex, 0.5, 2);
  range('people.trainingSpend', d.people.trainingSpend, 0, 1e12);
  for (const m of ['salesAutomation', 'marketingAutomation', 'serviceDesk', 'dataPlatform'] as const) range(`systems.${m}`, d.systems[m], 0, 1e12);
  range('brandSpend', d.brandSpend, 0, 1e12);
  range('recovery.budgetPerFailure', d.recovery.budgetPerFailure, 0, 1e9);
  range('recovery.empowerment', d.recovery.empowerment, 0, 1);
  if (typeof d.research.employeeSurvey !== 'boolean' || typeof d.research.nps !== 'boolean') bad('shape', 'research', 'The employee survey and NPS choices must be yes or no.', '员工调研和净推荐值调研必须选择是或否。');
  if (!Array.isArray(d.research.surveySample) || d.research.surveySample.length !== k) bad('shape', 'research.surveySample', `Give a survey sample size per tier (${k}).`, `每个等级需要一个调研样本量（共 ${k} 个）。`);
  else d.research.surveySample.forEach((x, i) => range(`research.surveySample.${i}`, x, 0, 100_000, true));
  // Choice cards.
  const pending = pendingChoices(scenario, state);
  const seen = new Set<string>();
  d.choices.forEach((ch, i) => {
    const ev = pending.find((e) => e.id === ch?.event);
    if (!ev) return bad('choice', `choices.${i}.event`, `"${String(ch?.event)}" is not a choice card of this quarter.`, `"${String(ch?.event)}" 不是本季度的选择卡。`);
    if (seen.has(ev.id)) bad('choice', `choices.${i}.event`, `The card "${ev.id}" is answered twice.`, `选择卡 "${ev.id}" 被回答了两次。`);
    seen.add(ev.id);
    if (!ev.options!.some((o) => o.id === ch.option)) bad('choice', `choices.${i}.option`, `"${String(ch.option)}" is not an option of "${ev.id}".`, `"${String(ch.option)}" 不是 "${ev.id}" 的选项。`);
  });
  if (out.length > 0) return out;
  // Locked levers must keep the status quo.
  const r = state.round + 1;
  for (const lever of lockedLevers(scenario, r)) {
    if (canonicalJson(leverPart(d, lever)) !== canonicalJson(leverPart(scenario.initialDecisions, lever))) {
      const until = scenario.unlocks?.filter((u) => u.levers.includes(lever)).map((u) => u.round).sort((a, b) => a - b)[0];
      const name = LEVER_NAMES[lever];
      bad('locked', lever, `The ${name.en} lever is locked${until ? ` until quarter ${until}` : ' in this scenario'}.`, `“${name['zh-CN']}”${until ? `在第 ${until} 季度前` : '在本情景中'}不可调整。`, undefined, until);
    }
  }
  if (out.length > 0) return out;
  const use = planUse(scenario, state, d, tiersOut);
  if (use.spend > use.budget + 1e-6) bad('overBudget', '', `The plan spends ${fmt(use.spend)}, more than this quarter's budget of ${fmt(use.budget)}.`, `计划支出 ${fmt(use.spend)}，超过本季度预算 ${fmt(use.budget)}。`, use.spend, use.budget);
  if (use.staffHours > use.staffLimit + 1e-6) bad('overStaff', '', `The plan needs ${fmt(use.staffHours)} staff hours; the staff can give at most ${fmt(use.staffLimit)} (with overtime).`, `计划需要 ${fmt(use.staffHours)} 员工工时，员工最多只能提供 ${fmt(use.staffLimit)}（含加班）。`, use.staffHours, use.staffLimit);
  return out;
}
