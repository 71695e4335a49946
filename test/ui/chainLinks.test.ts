/**
 * The service-profit chain's loyalty link, as the learner sees it during the game, reads on the
 * scale of the true loyalty the reveal shows at the end (the share expected to stay a year), not
 * as a quarter's retention beside a yearly share.
 */
import { describe, expect, it } from 'vitest';
import { newGame, step, type RoundReport } from '../../src/sim/index';
import { policyById, policyDecisions } from '../../src/policies/index';
import { summarize } from '../../src/worker/summary';
import { linkValue } from '../../src/ui/chain/links';
import { builtin } from '../helpers';

describe('service-profit chain: customer loyalty', () => {
  it.each(['tutorial', 'ad-agency', 'hotel'])('%s: the observed link is the share staying a year at this quarter\'s retention, within 8 points of the true loyalty', (id) => {
    const sc = builtin(id);
    let s = newGame(sc, '3');
    let last: RoundReport | null = null;
    const gaps: number[] = [];
    while (s.status === 'running') {
      const r = step(sc, s, policyDecisions(policyById('value-based')!, sc, s, last));
      if (!r.ok) throw new Error('refused');
      const { summary, truth } = summarize(sc, r.report, r.state);
      const seen = linkValue('customerLoyalty', summary)!;
      expect(seen).toBeCloseTo(summary.firm.retention ** 4, 12);
      gaps.push(Math.abs(seen - truth.firm.loyalty));
      s = r.state;
      last = r.report;
    }
    gaps.sort((a, b) => a - b);
    expect(gaps[gaps.length >> 1]!).toBeLessThan(0.08);
  });
});
