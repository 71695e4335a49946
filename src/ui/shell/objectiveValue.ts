/**
 * An objective's value and target in its KPI's own unit: shares as percentages (94.6%), money in
 * the scenario's currency, satisfaction in points of 100, loyalty as its 0–1 index, counts whole.
 */
import type { KpiName } from '../../sim/config';
import type { Lang } from '../../sim/text';
import { fmtMoney, fmtNumber, fmtPercent } from '../format';

/** The kind of number a KPI an objective can name is. */
export type ObjectiveKind = 'percent' | 'money' | 'points' | 'index' | 'count';

/** A Record, so that a new KPI fails to compile until it has a kind. */
const KIND: Record<KpiName, ObjectiveKind> = {
  profit: 'money',
  cumulativeProfit: 'money',
  revenue: 'money',
  customerEquity: 'money',
  cash: 'money',
  retention: 'percent',
  shareOfWallet: 'percent',
  satisfaction: 'points',
  employeeSatisfaction: 'points',
  loyalty: 'index',
  customers: 'count',
  acquired: 'count',
};

export const objectiveKind = (kpi: KpiName): ObjectiveKind => KIND[kpi];

/** `v` written in the unit of `kpi`. */
export function fmtObjective(kpi: KpiName, v: number, currency: string, lang: Lang): string {
  switch (KIND[kpi]) {
    case 'percent':
      return fmtPercent(v, lang, 1);
    case 'money':
      return fmtMoney(v, currency, lang);
    case 'points':
      return fmtNumber(v, lang, { digits: 1 });
    case 'index':
      return fmtNumber(v, lang, { digits: 2 });
    case 'count':
      return fmtNumber(v, lang, { digits: 0 });
    default: {
      const never: never = KIND[kpi];
      return String(never);
    }
  }
}
