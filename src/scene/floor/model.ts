/**
 * The service floor of a quarter, from the round's summary and the decisions that played
 * it: how many staff sit at each tier's desks (the planned service hours decide the split),
 * who was hired and who left, how long the queues are (the model's workload), how many
 * service failures, complaints and recoveries each tier had, and the employees' mood as the
 * employee survey measured it (null when it was not bought). Pure: numbers in, numbers out;
 * every figure is the engine's, this only arranges them for the picture.
 */
import type { Decisions } from '../../sim/config';
import type { RoundSummary } from '../../worker/protocol';

export interface FloorFrame {
  round: number;
  tierCount: number;
  /** Staff at the end of the quarter, and at its start. */
  headcount: number;
  headcountBefore: number;
  hires: number;
  leavers: number;
  layoffs: number;
  /** Staff at each tier's desks (sums to headcount, or 0 for a tier with no service hours). */
  desks: number[];
  /** Customers each tier served (at the quarter's tiering) and the planned hours per customer. */
  customers: number[];
  hoursPerCustomer: number[];
  /** Demand for staff time / capacity (above 1: overload). */
  workload: number;
  /** Time staff give a task as a share of the time they would like to (the engine's figure: 1 up to capacity, less under overload). */
  timePerTask: number;
  failures: number[];
  complaints: number[];
  recovered: number[];
  /** Measured employee satisfaction (0..100) with its margin of error, or null if not surveyed. */
  mood: { mean: number; marginOfError: number } | null;
}

/** Splits `total` in proportion to `weights` (largest remainders; ties to the earlier tier). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + Math.max(0, b), 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (Math.max(0, w) / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, t) => [x - Math.floor(x), t] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, t] of order) {
    if (left <= 0) break;
    out[t]! += 1;
    left--;
  }
  return out;
}

/** The floor of the quarter that `summary` reports, played with `decisions`. */
export function floorFrame(summary: RoundSummary, decisions: Decisions): FloorFrame {
  const k = summary.tiers.length;
  // Customers per tier at the quarter's tiering: the migrations' columns.
  const customers = new Array<number>(k).fill(0);
  for (const row of summary.migrations) row.forEach((n, t) => (customers[t]! += n));
  const hoursPerCustomer = Array.from({ length: k }, (_, t) => decisions.tiers[t]?.serviceHours ?? 0);
  const e = summary.employees;
  const desks = apportion(e.headcount, customers.map((c, t) => c * hoursPerCustomer[t]!));
  return {
    round: summary.round,
    tierCount: k,
    headcount: e.headcount,
    headcountBefore: e.headcount - e.hires + e.leavers + e.layoffs,
    hires: e.hires,
    leavers: e.leavers,
    layoffs: e.layoffs,
    desks,
    customers,
    hoursPerCustomer,
    workload: e.workload,
    timePerTask: e.timePerTask,
    failures: summary.tiers.map((x) => x.failures),
    complaints: summary.tiers.map((x) => x.complaints),
    recovered: summary.tiers.map((x) => x.recovered),
    mood: summary.employeeSurvey,
  };
}

/** The floor before the first quarter: the staff, split evenly, nothing happening yet. */
export function startFloor(headcount: number, tierCount: number): FloorFrame {
  const zeros = new Array<number>(tierCount).fill(0);
  return {
    round: 0,
    tierCount,
    headcount,
    headcountBefore: headcount,
    hires: 0,
    leavers: 0,
    layoffs: 0,
    desks: apportion(headcount, new Array<number>(tierCount).fill(1)),
    customers: zeros.slice(),
    hoursPerCustomer: zeros.slice(),
    workload: 0,
    timePerTask: 1,
    failures: zeros.slice(),
    complaints: zeros.slice(),
    recovered: zeros.slice(),
    mood: null,
  };
}

/** Mood band of a measured satisfaction: the face the staff wear. */
export type Mood = 'happy' | 'neutral' | 'unhappy' | 'unknown';
export function moodOf(m: FloorFrame['mood']): Mood {
  if (!m) return 'unknown';
  return m.mean >= 70 ? 'happy' : m.mean >= 50 ? 'neutral' : 'unhappy';
}

/** Customers waiting per desk in the picture: none below 80% workload, then growing with it. */
export function queuePerDesk(workload: number): number {
  return Math.max(0, Math.min(6, Math.round((workload - 0.8) * 8)));
}

/**
 * How long a desk takes per customer in the picture, ms: more planned hours take longer, and
 * staff under pressure hurry by the engine's own figure (`timePerTask`, Oliva & Sterman's
 * p^-0.64 computed in the worker).
 */
export function serviceMs(hoursPerCustomer: number, meanHours: number, timePerTask: number): number {
  const rel = meanHours > 0 ? hoursPerCustomer / meanHours : 1;
  return Math.max(250, Math.min(2400, 900 * rel * timePerTask));
}
