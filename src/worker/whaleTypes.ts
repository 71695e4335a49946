/**
 * The whale curve of customer profitability (Kaplan & Narayanan): customers sorted from most
 * to least profitable by lifetime profit so far, and the cumulative profit against the share
 * of customers. Plain numbers only, so it crosses the worker boundary as it is.
 */
export interface WhaleCurve {
  /** Customers on the curve: every slot that was ever a customer, active or lapsed. */
  customers: number;
  /** Sum of every customer's lifetime profit (money; may be ≤ 0). */
  totalProfit: number;
  /**
   * Cumulative profit (money) of the most profitable k% of customers, k = 0..100 (101 points):
   * points[0] = 0, points[100] = totalProfit. Between whole customers the curve is linear
   * (k% of 50 customers is 0.5k customers: the last one counts in part).
   */
  points: number[];
  /** The top of the curve: after the last customer with a positive profit (share 0, profit 0 if there is none). */
  peak: {
    /** Share of customers (0..1) with a positive lifetime profit. */
    share: number;
    /** Their profit (money, ≥ 0). */
    profit: number;
  };
  /** Customers whose lifetime profit is below zero. */
  unprofitable: number;
  /** Sum of their (negative) profit: money, ≤ 0. */
  unprofitableLoss: number;
  /** Profit of the top 20% of customers as a share of total profit; null if total profit is ≤ 0. */
  topShare20: number | null;
}
