/**
 * The books from the tiers to operating profit: each tier's profit after cost to serve sums to
 * the customers' profit, and every outflow the books have beyond the cost to serve inside it
 * takes it, line by line, to the quarter's operating profit. Every line is one of the engine's
 * own figures (`Finance`) or the difference of two of them (what the books spent minus what
 * went into the customers' profit): the page shows them and adds nothing.
 */
import type { Finance } from '../sim/report';

/** The lines between the customers' profit and operating profit, in the order they are shown. */
export const BRIDGE_LINES = [
  /** Wages of staff time not in any customer's service hours: spare capacity, onboarding, failure handling. */
  'idleWages',
  /** Relationship programmes, retention offers and recovery money of customers who left during the quarter (they bought nothing). */
  'lapsedRelationship',
  'lapsedRetention',
  'lapsedRecovery',
  /** In a market: the profit of what other firms' customers bought from this firm as their secondary supplier, after its cost of goods and the staff time it took (in no tier: they are not its customers). */
  'secondary',
  'hiring',
  'severance',
  'training',
  'systems',
  'brand',
  'acquisition',
  'winBack',
  'research',
  'fixedCosts',
  'interest',
  /** Event payments, in (positive) or out (negative). */
  'events',
] as const;
export type BridgeLine = (typeof BRIDGE_LINES)[number];

/** From the customers' profit to operating profit: `customers + Σ lines = operatingProfit` (money; lines are signed, costs negative). */
export interface ProfitBridge {
  /** Profit after cost to serve of the customers who bought this quarter: the sum of the tiers' profit. */
  customers: number;
  lines: { id: BridgeLine; amount: number }[];
  operatingProfit: number;
}

/** The quarter's bridge from the tiers' profit (`tierProfits`, the report's per-tier profit) to operating profit. */
export function profitBridge(fin: Finance, tierProfits: readonly number[]): ProfitBridge {
  const amount: Record<BridgeLine, number> = {
    idleWages: -(fin.wages - fin.servedWages),
    lapsedRelationship: -(fin.relationship - fin.servedRelationship),
    lapsedRetention: -(fin.retention - fin.servedRetention),
    lapsedRecovery: -(fin.recovery - fin.servedRecovery),
    secondary: fin.secondaryRevenue - fin.secondaryCostOfGoods - fin.secondaryServe,
    hiring: -fin.hiring,
    severance: -fin.severance,
    training: -fin.training,
    systems: -fin.systems,
    brand: -fin.brand,
    acquisition: -fin.acquisition,
    winBack: -fin.winBack,
    research: -fin.research,
    fixedCosts: -fin.fixedCosts,
    interest: -fin.interest,
    events: fin.events,
  };
  let customers = 0;
  for (const p of tierProfits) customers += p;
  return { customers, lines: BRIDGE_LINES.map((id) => ({ id, amount: amount[id] })), operatingProfit: fin.operatingProfit };
}
