/** Reference strategies as the firms of a market (MODEL.md section 8): computer-run firms, and the lessons' tests. */
import seedrandom from 'seedrandom';
import { newMarket, problemsText, stepMarket, type Decisions, type MarketRound, type MarketState, type RoundReport, type ScenarioConfig } from '../sim/index';
import type { Policy } from './types';

/** One firm of a market run by a reference strategy. */
export interface MarketSeat {
  name: string;
  policy: Policy;
}

/** One quarter of a market game: each seat's plan and report (null once the firm has stopped) and what the market did. */
export interface PlayedMarketRound {
  decisions: (Decisions | null)[];
  reports: (RoundReport | null)[];
  market: MarketRound;
}

/**
 * The next plan of a firm of a market run by `policy`. Its generator is seeded by the game's
 * seed, the strategy, the quarter and the firm's name, so two firms playing the same strategy
 * do not draw alike, and a firm's plan does not depend on its seat.
 */
export function marketPolicyDecisions(policy: Policy, scenario: ScenarioConfig, m: MarketState, seat: number, lastReport: RoundReport | null): Decisions {
  const firm = m.firms[seat]!;
  const random = seedrandom(`${m.seed}|policy|${policy.id}|${m.round + 1}|${firm.name}`);
  return policy.decide({ scenario, state: firm.state, lastReport, random: () => random.quick() });
}

/** Plays a whole market game with each seat's strategy, to the end (or until no firm plays). Throws only if a strategy produced a refused plan (a bug). */
export function playMarketGame(scenario: ScenarioConfig, seed: string, seats: readonly MarketSeat[]): { market: MarketState; rounds: PlayedMarketRound[] } {
  let m = newMarket(scenario, seed, seats.map((s) => s.name));
  const last: (RoundReport | null)[] = seats.map(() => null);
  const rounds: PlayedMarketRound[] = [];
  while (m.firms.some((f) => f.state.status === 'running')) {
    const decisions = seats.map((s, seat) => (m.firms[seat]!.state.status === 'running' ? marketPolicyDecisions(s.policy, scenario, m, seat, last[seat]!) : null));
    const res = stepMarket(scenario, m, decisions);
    if (!res.ok) throw new Error(`a strategy made a refused plan in quarter ${m.round + 1}: ${res.problems.map((p) => `${p.name}: ${problemsText(p.problems)}`).join('; ')}`);
    m = res.market;
    res.reports.forEach((r, seat) => {
      if (r) last[seat] = r;
    });
    rounds.push({ decisions, reports: res.reports, market: res.round });
  }
  return { market: m, rounds };
}
