/**
 * The service-profit chain (Heskett et al., C8) as the learner can see it: each link's value
 * this quarter and last, from what the firm observes. Employee and customer satisfaction come
 * from the surveys (null when not bought); customer loyalty shows as the retention rate.
 */
import type { Lang } from '../../sim/text';
import type { RoundSummary } from '../../worker/protocol';
import { fmtMoney, fmtNumber, fmtPercent } from '../format';
import { measuredSatisfaction } from '../shell/kpis';

export type LinkId =
  | 'internalServiceQuality'
  | 'employeeSatisfaction'
  | 'employeeRetention'
  | 'productivity'
  | 'serviceValue'
  | 'customerSatisfaction'
  | 'customerLoyalty'
  | 'revenue'
  | 'profit';

export const LINK_IDS: readonly LinkId[] = [
  'internalServiceQuality', 'employeeSatisfaction', 'employeeRetention', 'productivity', 'serviceValue', 'customerSatisfaction', 'customerLoyalty', 'revenue', 'profit',
];

/** A link's observed value in a round, or null when not measured. */
export function linkValue(id: LinkId, s: RoundSummary): number | null {
  switch (id) {
    case 'internalServiceQuality':
      return s.chain.internalServiceQuality;
    case 'employeeSatisfaction':
      return s.employeeSurvey?.mean ?? null;
    case 'employeeRetention':
      return s.chain.employeeRetention;
    case 'productivity':
      return s.chain.productivity;
    case 'serviceValue':
      return s.chain.serviceValue;
    case 'customerSatisfaction':
      return measuredSatisfaction(s)?.mean ?? null;
    case 'customerLoyalty':
      return s.firm.retention;
    case 'revenue':
      return s.chain.revenue;
    case 'profit':
      return s.finance.operatingProfit;
    default: {
      const never: never = id;
      return never;
    }
  }
}

/** How a link's value reads. */
export function linkFormat(id: LinkId, currency: string, lang: Lang): (v: number) => string {
  switch (id) {
    case 'internalServiceQuality':
    case 'employeeRetention':
    case 'customerLoyalty':
      return (v) => fmtPercent(v, lang);
    case 'employeeSatisfaction':
    case 'serviceValue':
      return (v) => fmtNumber(v, lang, { digits: 1 });
    case 'productivity':
    case 'customerSatisfaction':
      return (v) => fmtNumber(v, lang, { digits: 2 });
    case 'revenue':
    case 'profit':
      return (v) => fmtMoney(v, currency, lang);
    default: {
      const never: never = id;
      return never;
    }
  }
}
