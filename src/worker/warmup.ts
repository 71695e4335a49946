/**
 * Warming the engine while the teams decide. A worker's first market quarters run on code the
 * JavaScript engine has not optimized yet, and on objects whose shapes it is still learning: in
 * Node, a market of 8 firms sharing 50,000 customers took 190-300 ms a quarter for its first
 * three quarters and 40-60 ms once warm, and the same market played a second time in the same
 * worker took half the time of the first (bench/market.bench.ts measures warm quarters).
 *
 * So the facilitator's worker spends its idle time, once, one piece at a time, on a throwaway
 * market: a small copy of the market just set up (the same scenario and firms, `SMALL` customers a
 * firm), played quarter by quarter with each seat's strategy (value-based for a team's seat), and
 * then the quarter to come of the real market at full size, with the plans the resolve would play
 * if no team sent one, and the three quarters after it of that throwaway market, their results
 * dropped. Nothing of it reaches the game: every call is pure (the engine copies what it changes)
 * and its results are discarded; a failure only ends the warm-up. A team's own device never
 * resolves a quarter, so it does not warm up.
 *
 * Each piece is one quarter (a small one, or a full-size one: about what the resolve takes), and
 * the worker runs a piece only when no request waits, so a click on "resolve" waits at most for
 * the piece under way.
 */
import { newMarket, stepMarket, type Decisions, type MarketState, type RoundReport, type ScenarioConfig } from '../sim/index';
import { policyById } from '../policies/index';
import { marketPolicyDecisions } from '../policies/market';
import { quarterPlans, type MarketSession } from './market';

/** Customers a firm in the small market. */
const SMALL = 100;
/** Quarters of the small market (its whole game if shorter). */
const SMALL_QUARTERS = 12;
/**
 * Full-size quarters: the quarter to come, then the quarters after it of the same throwaway
 * market. Measured in Node (8 firms of 6,250): after the small market and one full-size quarter,
 * the first real quarters took 80-115 ms, against 45-60 ms once a worker had played some six
 * full-size quarters; small quarters do not warm the loops over tens of thousands of customers.
 */
const FULL_QUARTERS = 4;

interface Warmup {
  session: MarketSession;
  small: { scenario: ScenarioConfig; market: MarketState; last: (RoundReport | null)[] } | null;
  /** The throwaway full-size market after its first quarter (the quarter to come). */
  full: { market: MarketState; last: (RoundReport | null)[] } | null;
}

/** The worker's warm-up: one a worker (the engine stays warm), for the first market it sets up. */
export class Warmer {
  /** The warm-up under way; 'done' once the worker is warm. */
  private warm: Warmup | 'done' | null = null;
  /** What it has played: quarters of the small market, and of the full-size one. */
  readonly played = { small: 0, full: 0 };

  /** Starts warming for the market `ms` just set up (nothing if this worker is warm already). */
  start(ms: MarketSession): void {
    if (this.warm !== 'done') this.warm = { session: ms, small: null, full: null };
  }

  /** Stops a warm-up that has not finished (its market has closed); a later market starts again. */
  drop(): void {
    if (this.warm !== 'done') this.warm = null;
  }

  /** Whether the worker has warmed up (or given up: a market played its first quarter first). */
  get done(): boolean {
    return this.warm === 'done';
  }

  /** One piece of the warm-up, for the worker's idle time. False: nothing left to do. */
  step(): boolean {
    if (this.warm === null || this.warm === 'done') return false;
    try {
      if (!warmStep(this.warm, this.played)) this.warm = 'done';
    } catch (error: unknown) {
      // The warm-up only ever costs time: a failure ends it and touches nothing.
      console.warn('warming the engine stopped', error);
      this.warm = 'done';
    }
    return this.warm !== 'done';
  }
}

/** A seat's plan in the warm-up: its strategy's, or value-based for a team's seat. */
function strategyPlan(ms: MarketSession, scenario: ScenarioConfig, m: MarketState, seat: number, last: RoundReport | null): Decisions | null {
  if (m.firms[seat]!.state.status !== 'running') return null;
  return marketPolicyDecisions(policyById(ms.seats[seat]!.policy ?? 'value-based')!, scenario, m, seat, last);
}

/** Plays the next piece; false when the warm-up is over. */
function warmStep(w: Warmup, played: Warmer['played']): boolean {
  const ms = w.session;
  if (ms.market.round > 0) return false;
  const n = ms.market.firms.length;
  if (n < 2) return false;
  if (!w.small) {
    const size = Math.min(SMALL, ms.scenario.population.size);
    const scenario: ScenarioConfig = { ...ms.scenario, population: { ...ms.scenario.population, size } };
    w.small = { scenario, market: newMarket(scenario, `${ms.seed}|warm-up`, ms.market.firms.map((f) => f.name)), last: ms.seats.map(() => null) };
    return true;
  }
  const small = w.small;
  if (played.small < Math.min(SMALL_QUARTERS, small.scenario.rounds) && small.market.firms.some((f) => f.state.status === 'running')) {
    const plans = small.market.firms.map((_, seat) => strategyPlan(ms, small.scenario, small.market, seat, small.last[seat]!));
    const res = stepMarket(small.scenario, small.market, plans);
    if (!res.ok) return false;
    small.market = res.market;
    small.last = res.reports;
    played.small++;
    return true;
  }
  // Then the quarter to come at full size, as the resolve would play it if no team sent a plan, and
  // the quarters after it of that throwaway market, with each seat's strategy.
  const from = w.full?.market ?? ms.market;
  if (from.round >= ms.scenario.rounds || !from.firms.some((f) => f.state.status === 'running')) return false;
  const plans = w.full ? from.firms.map((_, seat) => strategyPlan(ms, ms.scenario, from, seat, w.full!.last[seat]!)) : quarterPlans(ms, ms.seats.map(() => null)).plans;
  const res = stepMarket(ms.scenario, from, plans);
  if (!res.ok) return false;
  played.full++;
  w.full = { market: res.market, last: res.reports };
  return played.full < FULL_QUARTERS;
}
