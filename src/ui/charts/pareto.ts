/** The Pareto curve's numbers and words: where 80% of revenue is reached, and how to say it. */
import type { Lang } from '../../sim/text';
import { fmtPercent } from '../format';
import type { ChartsT } from './useChartsT';

/** Whether the curve has any revenue (an empty or all-zero curve has none). */
export function hasRevenue(pareto: readonly number[]): boolean {
  return pareto.some((v) => v > 0);
}

/** The revenue share held by the top `share` (0..1) of customers, interpolated on the curve. */
export function paretoAt(pareto: readonly number[], share: number): number {
  const n = pareto.length;
  if (n === 0) return 0;
  if (n === 1) return pareto[0]!;
  const pos = Math.max(0, Math.min(1, share)) * (n - 1);
  const k = Math.min(n - 2, Math.floor(pos));
  const f = pos - k;
  return pareto[k]! * (1 - f) + pareto[k + 1]! * f;
}

/** A share of customers as a percentage: whole percent from 10% up, one decimal below (2.5%, not 3%). */
export function customerShareText(share: number, lang: Lang): string {
  return fmtPercent(share, lang, share >= 0.1 || share === 0 ? 0 : 1);
}

/** "23% of customers make 80% of revenue" (二八法则 wording in Chinese). */
export function paretoLabel(t: ChartsT, lang: Lang, shareFor80: number): string {
  return t('pareto.label80', { customers: customerShareText(shareFor80, lang) });
}

/** The chart's text alternative: the 80% point and what the top 10% and top half hold. */
export function paretoSummary(t: ChartsT, lang: Lang, pareto: readonly number[], shareFor80: number): string {
  const title = t('pareto.title');
  if (!hasRevenue(pareto)) return `${title}. ${t('pareto.noRevenue')}`;
  return `${title}: ${t('pareto.summary', {
    label: paretoLabel(t, lang, shareFor80),
    top10: fmtPercent(paretoAt(pareto, 0.1), lang, 0),
    top50: fmtPercent(paretoAt(pareto, 0.5), lang, 0),
  })}`;
}

/** Rows of the data table: every 10% of customers, plus the 80% point, in order. */
export function paretoRows(pareto: readonly number[], shareFor80: number): { share: number; revenue: number }[] {
  const rows = Array.from({ length: 11 }, (_, k) => ({ share: k / 10, revenue: paretoAt(pareto, k / 10) }));
  if (hasRevenue(pareto) && !rows.some((r) => Math.abs(r.share - shareFor80) < 1e-9)) rows.push({ share: shareFor80, revenue: 0.8 });
  return rows.sort((a, b) => a.share - b.share);
}
