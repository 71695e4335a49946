/**
 * How a played game is shown: an aligned table of per-round KPIs for people, or one JSON
 * document for scripts. Numbers go through `Intl.NumberFormat`; money in the scenario's currency.
 */
import type { RoundReport } from '../sim/report';

/** The KPIs of one round shown by `run` and `replay`. Money per round; shares 0..1; points 0..100. */
export interface RoundKpis {
  customers: number;
  revenue: number;
  /** Operating profit of the round. */
  profit: number;
  /** Cash at the end of the round. */
  cash: number;
  /** True mean customer satisfaction (hidden from the learner during play), points. */
  satisfaction: number;
  shareOfWallet: number;
  retention: number;
  customerEquity: number;
  employeeSatisfaction: number;
  /** Staff demand / capacity; above 1 is overload. */
  workload: number;
}

/** The table's KPIs of a round report. */
export function roundKpis(r: RoundReport): RoundKpis {
  return {
    customers: r.firm.customers,
    revenue: r.firm.revenue,
    profit: r.finance.operatingProfit,
    cash: r.finance.cashAfter,
    satisfaction: r.firm.satisfaction,
    shareOfWallet: r.firm.shareOfWallet,
    retention: r.firm.retention,
    customerEquity: r.firm.customerEquity,
    employeeSatisfaction: r.employees.satisfaction,
    workload: r.employees.workload,
  };
}

/** One round in the JSON output: the table's KPIs, the full firm, employee and money figures, and the hash. */
export function roundJson(r: RoundReport): Record<string, unknown> {
  return {
    round: r.round,
    status: r.status,
    kpis: roundKpis(r),
    roundScore: r.roundScore,
    score: r.score,
    hash: r.hash,
    firm: r.firm,
    tiers: r.tiers,
    employees: r.employees,
    finance: r.finance,
  };
}

type Column = { head: string; cell: (k: RoundKpis, r: RoundReport) => string; left?: boolean };

function columns(currency: string): Column[] {
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
  const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const pct = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pts = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const ratio = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return [
    { head: 'round', cell: (_, r) => int.format(r.round) },
    { head: 'customers', cell: (k) => int.format(k.customers) },
    { head: 'revenue', cell: (k) => money.format(k.revenue) },
    { head: 'profit', cell: (k) => money.format(k.profit) },
    { head: 'cash', cell: (k) => money.format(k.cash) },
    { head: 'sat.(true)', cell: (k) => pts.format(k.satisfaction) },
    { head: 'wallet share', cell: (k) => pct.format(k.shareOfWallet) },
    { head: 'retention', cell: (k) => pct.format(k.retention) },
    { head: 'cust. equity', cell: (k) => money.format(k.customerEquity) },
    { head: 'emp. sat.', cell: (k) => pts.format(k.employeeSatisfaction) },
    { head: 'workload', cell: (k) => ratio.format(k.workload) },
    { head: 'hash', cell: (_, r) => r.hash, left: true },
  ];
}

/** Lines of the per-round table: a heading, then one aligned line per round. */
export function roundsTable(reports: readonly RoundReport[], currency: string): string[] {
  const cols = columns(currency);
  return aligned([cols.map((c) => c.head), ...reports.map((r) => cols.map((c) => c.cell(roundKpis(r), r)))], cols.map((c) => c.left ?? false));
}

/** Rows of cells as aligned lines: numbers to the right, the columns marked `left` to the left. */
export function aligned(rows: readonly (readonly string[])[], left: readonly boolean[]): string[] {
  const widths = left.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows.map((row) =>
    row
      .map((cell, i) => ((left[i] ?? false) ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/** A score as people read it: two decimals. */
export function scoreText(score: number): string {
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(score);
}

/** The table, then the outcome: status, score and final hash. */
export function gameLines(reports: readonly RoundReport[], currency: string, score: number, finalHash: string): string[] {
  const last = reports.at(-1);
  const status = last ? (last.status === 'bankrupt' ? `bankrupt in round ${last.round}` : last.status) : 'not started';
  return [
    ...roundsTable(reports, currency),
    '',
    `status     ${status}`,
    `score      ${scoreText(score)}`,
    `finalHash  ${finalHash}`,
  ];
}
