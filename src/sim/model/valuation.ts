/**
 * Customer lifetime value (Gupta & Lehmann): CLV = m r / (1 + i - r), with m the customer's
 * profit contribution this round, r = 1 - its churn probability, i the discount rate per
 * round. A customer who costs more than it brings has a negative CLV (Reinartz & Kumar).
 */
export function clvOf(margin: number, retention: number, discountRate: number): number {
  return (margin * retention) / (1 + discountRate - retention);
}

/**
 * Lifetime value with the option to abandon (Haenlein, Kaplan & Schoder 2006): a relationship
 * that earns its margin m > 0 is worth the perpetuity m r / (1 + i - r); one that loses money is
 * not carried at a loss for ever, since the firm can re-tier, reprice or let it go once it sees the
 * loss, so it is worth its expected loss of one quarter, m r / (1 + i).
 */
export function clvWithAbandonment(margin: number, retention: number, discountRate: number): number {
  return margin < 0 ? (margin * retention) / (1 + discountRate) : clvOf(margin, retention, discountRate);
}
