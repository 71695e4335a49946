/**
 * The service-profit chain (Heskett et al., C8) as the learner can see it: each link's value
 * this quarter and last, from what the firm observes. Employee and customer satisfaction come
 * from the surveys (null when not bought); customer loyalty shows as the share that would stay
 * a year at this quarter's retention rate (retention to the fourth: the scale of the true loyalty);
 * revenue growth is this quarter's revenue against last quarter's.
 */
import type { Lang } from '../../sim/text';
import type { RoundSummary } from '../../worker/protocol';
import type { Bounds } from '../charts/scale';
import { fmtMoney, fmtNumber, fmtPercent, type DeltaMode } from '../format';
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

/** A link's observed value in a round (`prev`: the round before it, for growth), or null when not measured. */
export function linkValue(id: LinkId, s: RoundSummary, prev?: RoundSummary): number | null {
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
    case 'customerLoyalty': {
      const r2 = s.firm.retention * s.firm.retention;
      return r2 * r2;
    }
    case 'revenue':
      return prev && prev.chain.revenue > 0 ? (s.chain.revenue - prev.chain.revenue) / prev.chain.revenue : null;
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
    case 'revenue':
      return (v) => fmtPercent(v, lang);
    case 'employeeSatisfaction':
    case 'serviceValue':
      return (v) => fmtNumber(v, lang, { digits: 1 });
    case 'productivity':
    case 'customerSatisfaction':
      return (v) => fmtNumber(v, lang, { digits: 2 });
    case 'profit':
      return (v) => fmtMoney(v, currency, lang);
    default: {
      const never: never = id;
      return never;
    }
  }
}

/** How a link's change reads: percentage points for the links that are percentages, money for profit, else relative. */
export function linkDeltaMode(id: LinkId, currency: string): DeltaMode {
  switch (id) {
    case 'internalServiceQuality':
    case 'employeeRetention':
    case 'customerLoyalty':
    case 'revenue':
      return { kind: 'shareOfOne' };
    case 'profit':
      return { kind: 'money', currency };
    default:
      return { kind: 'relative' };
  }
}

/** The range a link's value can take, for its chart's axis (none: unbounded). */
export function linkBounds(id: LinkId): Bounds | undefined {
  switch (id) {
    case 'internalServiceQuality':
    case 'employeeRetention':
    case 'customerLoyalty':
      return [0, 1];
    case 'employeeSatisfaction':
    case 'serviceValue':
      return [0, 100];
    case 'customerSatisfaction':
      return [1, 5];
    default:
      return undefined;
  }
}
