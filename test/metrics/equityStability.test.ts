/**
 * Issue 13, part 2: customer equity that holds still while the play does. Steady play is the
 * value-based reference until quarter 3, then its standing decisions held, with the staff who
 * leave replaced (hires are one-off, so holding them alone lets the team shrink, and then the
 * firm's equity falls for real). Customer equity looks forward and counts a loss-making
 * relationship as one quarter's loss (the option to abandon), so it no longer swings with every
 * move of a thin margin.
 */
import { describe, expect, it } from 'vitest';
import { newGame, standingDecisions, step, stepInPlace, type RoundReport } from '../../src/sim/index';
import { policyById, policyDecisions } from '../../src/policies/index';
import { builtin, seeds } from '../helpers';

const HOLD = 3;

/** Per quarter after the first held one: |Δ ln customer equity| and the relative change in customers. */
function steadyMoves(id: string, seed: string): { dlnCe: number; dCustomers: number; round: number }[] {
  const sc = builtin(id);
  const policy = policyById('value-based')!;
  const s = newGame(sc, seed);
  let last: RoundReport | null = null;
  let headcount = 0;
  const out: { dlnCe: number; dCustomers: number; round: number }[] = [];
  let prev: RoundReport | null = null;
  while (s.status === 'running') {
    let d = policyDecisions(policy, sc, s, last);
    if (s.round === HOLD) headcount = s.firm.headcount;
    if (s.round >= HOLD) {
      const held = standingDecisions(s.lastDecisions);
      held.choices = d.choices;
      held.people.hires = Math.max(0, Math.round(headcount - s.firm.headcount + s.firm.headcount * s.firm.lastTurnover));
      if (step(sc, s, held).ok) d = held;
    }
    const r = stepInPlace(sc, s, d);
    if (!r.ok) throw new Error(`${id}/${seed}: quarter ${s.round} refused`);
    last = r.report;
    if (prev && s.round > HOLD + 1) {
      expect(r.report.firm.customerEquity, `${id}/${seed} Q${s.round}`).toBeGreaterThan(0);
      out.push({ dlnCe: Math.abs(Math.log(r.report.firm.customerEquity / prev.firm.customerEquity)), dCustomers: Math.abs(r.report.firm.customers / prev.firm.customers - 1), round: s.round });
    }
    prev = r.report;
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

describe('customer equity under steady play', () => {
  it.each([
    ['retail-bank', 2],
    ['hotel', 4],
  ] as const)('%s: the median quarter-to-quarter change of ln(customer equity) is at most 0.05', (id, n) => {
    const moves = seeds(n).flatMap((seed) => steadyMoves(id, seed));
    expect(moves.length).toBeGreaterThanOrEqual(8);
    expect(median(moves.map((m) => m.dlnCe))).toBeLessThanOrEqual(0.05);
  }, 240_000);

  it('retail-bank: no quarter moves it by more than 0.15 unless the number of customers moves by more than 5%', () => {
    for (const seed of seeds(2)) {
      for (const m of steadyMoves('retail-bank', seed)) if (m.dCustomers <= 0.05) expect(m.dlnCe, `${seed} Q${m.round}`).toBeLessThanOrEqual(0.15);
    }
  }, 240_000);
});
