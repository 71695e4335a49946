/**
 * Customer lifetime value (Gupta & Lehmann): CLV = m r / (1 + i - r), with m the customer's
 * profit contribution this round, r = 1 - its churn probability, i the discount rate per
 * round. A customer who costs more than it brings has a negative CLV (Reinartz & Kumar).
 */
export function clvOf(margin: number, retention: number, discountRate: number): number {
  return (margin * retention) / (1 + discountRate - retention);
}
