/**
 * The KPIs the learner can see, how to read each from a round summary, and how to format
 * and compare it. Only what the firm observes (the summary type has nothing else): satisfaction
 * and NPS come from the surveys it bought (with their margin of error, pooled firm-wide by the
 * worker), never the hidden truth; loyalty shows as retention.
 */
import type { Lang } from '../../sim/text';
import type { RoundSummary } from '../../worker/protocol';
import { fmtMoney, fmtNumber, fmtPercent, type DeltaMode } from '../format';

export type KpiId =
  | 'operatingProfit'
  | 'revenue'
  | 'customers'
  | 'retention'
  | 'measuredSatisfaction'
  | 'measuredNps'
  | 'customerEquity'
  | 'acquired'
  | 'churned'
  | 'failures'
  | 'complaints'
  | 'headcount'
  | 'turnover'
  | 'workload'
  | 'measuredEmployeeSatisfaction'
  | 'cash'
  | 'score';

export interface KpiDef {
  id: KpiId;
  /** The value in a round, or null when the firm did not measure it. */
  read: (s: RoundSummary) => number | null;
  /** Per tier, when the KPI has a per-tier value. */
  readTier?: (s: RoundSummary, t: number) => number | null;
  kind: 'money' | 'count' | 'share' | 'points' | 'ratio';
  /** Higher is better (for the words "better"/"worse"; arrows always show direction). */
  better: 'up' | 'down';
  /** The range its values can take (a rate: 0 to 1), so a chart's axis stops there; none: unbounded. */
  bounds?: readonly [number, number];
}

/** The firm's survey figure on the 1..5 scale with its margin of error, as the worker pooled the tiers' samples; null if no survey. */
export function measuredSatisfaction(s: RoundSummary): { mean: number; moe: number } | null {
  const p = s.surveyFirm;
  return p ? { mean: p.mean, moe: p.marginOfError } : null;
}

/** The firm's measured NPS with its margin of error (pooled by the worker), or null if not asked. */
export function measuredNps(s: RoundSummary): { value: number; moe: number } | null {
  const p = s.surveyFirm;
  return p && p.nps !== null ? { value: p.nps, moe: p.npsMarginOfError ?? 0 } : null;
}

const tierSurvey = (s: RoundSummary, t: number) => s.survey.find((r) => r.tier === t && r.responses > 0) ?? null;

export const KPIS: readonly KpiDef[] = [
  { id: 'operatingProfit', read: (s) => s.finance.operatingProfit, readTier: (s, t) => s.tiers[t]?.profit ?? null, kind: 'money', better: 'up' },
  { id: 'revenue', read: (s) => s.firm.revenue, readTier: (s, t) => s.tiers[t]?.revenue ?? null, kind: 'money', better: 'up' },
  { id: 'customers', read: (s) => s.firm.customers, readTier: (s, t) => s.tiers[t]?.customers ?? null, kind: 'count', better: 'up' },
  { id: 'retention', read: (s) => s.firm.retention, readTier: (s, t) => s.tiers[t]?.retention ?? null, kind: 'share', better: 'up', bounds: [0, 1] },
  { id: 'measuredSatisfaction', read: (s) => measuredSatisfaction(s)?.mean ?? null, readTier: (s, t) => tierSurvey(s, t)?.mean ?? null, kind: 'ratio', better: 'up', bounds: [1, 5] },
  { id: 'measuredNps', read: (s) => measuredNps(s)?.value ?? null, readTier: (s, t) => tierSurvey(s, t)?.nps ?? null, kind: 'points', better: 'up', bounds: [-100, 100] },
  { id: 'customerEquity', read: (s) => s.firm.customerEquity, readTier: (s, t) => s.tiers[t]?.customerEquity ?? null, kind: 'money', better: 'up' },
  { id: 'acquired', read: (s) => s.firm.acquired + s.firm.referred, readTier: (s, t) => (s.tiers[t] ? s.tiers[t].acquired + s.tiers[t].referred : null), kind: 'count', better: 'up' },
  { id: 'churned', read: (s) => s.firm.churned, readTier: (s, t) => s.tiers[t]?.churned ?? null, kind: 'count', better: 'down' },
  { id: 'failures', read: (s) => s.firm.failures, readTier: (s, t) => s.tiers[t]?.failures ?? null, kind: 'count', better: 'down' },
  { id: 'complaints', read: (s) => s.firm.complaints, readTier: (s, t) => s.tiers[t]?.complaints ?? null, kind: 'count', better: 'down' },
  { id: 'headcount', read: (s) => s.employees.headcount, kind: 'count', better: 'up' },
  { id: 'turnover', read: (s) => s.employees.turnover, kind: 'share', better: 'down', bounds: [0, 1] },
  { id: 'workload', read: (s) => s.employees.workload, kind: 'share', better: 'down', bounds: [0, Infinity] },
  { id: 'measuredEmployeeSatisfaction', read: (s) => s.employeeSurvey?.mean ?? null, kind: 'points', better: 'up', bounds: [0, 100] },
  { id: 'cash', read: (s) => s.finance.cashAfter, kind: 'money', better: 'up' },
  { id: 'score', read: (s) => s.score, kind: 'points', better: 'up' },
];

export const kpiById = (id: KpiId): KpiDef => KPIS.find((k) => k.id === id)!;

/** A KPI value in words. */
export function fmtKpi(def: KpiDef, v: number | null, currency: string, lang: Lang): string {
  if (v === null) return '—';
  switch (def.kind) {
    case 'money':
      return fmtMoney(v, currency, lang);
    case 'count':
      return fmtNumber(v, lang, { digits: 0 });
    case 'share':
      return fmtPercent(v, lang);
    case 'points':
      return fmtNumber(v, lang, { digits: 1 });
    case 'ratio':
      return fmtNumber(v, lang, { digits: 2 });
    default: {
      const never: never = def.kind;
      return never;
    }
  }
}

/** How a KPI's change is measured. */
export function deltaMode(def: KpiDef, currency: string): DeltaMode {
  switch (def.kind) {
    case 'money':
      return { kind: 'money', currency };
    case 'share':
      return { kind: 'shareOfOne' };
    case 'points':
      return { kind: 'points' };
    case 'ratio':
      return { kind: 'points', digits: 2 };
    case 'count':
      return { kind: 'relative' };
    default: {
      const never: never = def.kind;
      return never;
    }
  }
}
