/**
 * Issue 13, part 1: the end of the game is not a harvest. The final score counts customer
 * equity, and customer equity looks forward (each customer's margin as its relationship stands
 * and its retention next quarter), so a last quarter of neglect must cost more than it saves.
 */
import { describe, expect, it } from 'vitest';
import { cloneState, newGame, problemsText, stepInPlace, type RoundReport, type ScenarioConfig } from '../../src/sim/index';
import { policyById, policyDecisions } from '../../src/policies/index';
import { harvest } from '../../src/policies/lab';
import { builtin, seeds } from '../helpers';

const SCENARIOS = ['tutorial', 'ad-agency', 'hotel', 'hotel-district', 'retail-bank'];

/** The value-based game to its last quarter, then that quarter played as planned and harvested. */
function lastQuarter(sc: ScenarioConfig, seed: string): { kept: RoundReport; cut: RoundReport } {
  const p = policyById('value-based')!;
  const s = newGame(sc, seed);
  let last: RoundReport | null = null;
  while (s.round < sc.rounds - 1) {
    const r = stepInPlace(sc, s, policyDecisions(p, sc, s, last));
    if (!r.ok) throw new Error(`${sc.id} seed ${seed} round ${s.round + 1}: ${problemsText(r.problems)}`);
    last = r.report;
  }
  const d = policyDecisions(p, sc, s, last);
  const kept = stepInPlace(sc, cloneState(s), d);
  const cut = stepInPlace(sc, cloneState(s), harvest(d));
  if (!kept.ok) throw new Error(`${sc.id} seed ${seed}: the plan was refused: ${problemsText(kept.problems)}`);
  if (!cut.ok) throw new Error(`${sc.id} seed ${seed}: the harvest was refused: ${problemsText(cut.problems)}`);
  return { kept: kept.report, cut: cut.report };
}

describe('the end-game harvest does not pay', () => {
  for (const id of SCENARIOS) {
    it(`${id}: over 10 seeds, cutting the last quarter lowers the score in at least 9 and the final customer equity in every one`, () => {
      const sc = builtin(id);
      const rows = seeds(10).map((seed) => lastQuarter(sc, seed));
      // The harvest does save money this quarter: the test is about what it costs.
      expect(rows.filter((r) => r.cut.finance.operatingProfit > r.kept.finance.operatingProfit).length).toBeGreaterThanOrEqual(9);
      expect(rows.filter((r) => r.cut.score < r.kept.score).length).toBeGreaterThanOrEqual(9);
      for (const r of rows) expect(r.cut.firm.customerEquity).toBeLessThan(r.kept.firm.customerEquity);
    });
  }
});
