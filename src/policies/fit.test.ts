import { describe, expect, it } from 'vitest';
import { cloneDecisions, isFormProblem, newGame, planLimits, validateDecisions } from '../sim/index';
import { scaled, SCALES } from '../../test/sim/scaled';
import { finish } from './fit';

describe('a policy plan is clamped into the catalogue\'s ranges and limits', () => {
  it('service hours above 10,000 a customer and hires beyond the labour market come back within them', () => {
    // Staff x40: a few customers and thousands of staff hours each, as value-based would plan.
    const sc = scaled('ad-agency', SCALES.find((s) => s.name === 'staff x40')!);
    const state = newGame(sc, 'clamp');
    const d = cloneDecisions(sc.initialDecisions);
    d.tiers[0]!.serviceHours = 25_000;
    d.people.hires = 1e6;
    d.people.layoffs = state.firm.headcount + 5;
    d.research.surveySample[0] = 12.7;
    const before = validateDecisions(sc, state, d).filter(isFormProblem).map((p) => `${p.code}:${p.path}`);
    expect(before).toEqual(['outOfRange:tiers.0.serviceHours', 'outOfRange:people.hires', 'overLimit:people.layoffs', 'outOfRange:research.surveySample.0']);
    const out = finish(sc, state, d, null, 1);
    expect(validateDecisions(sc, state, out).filter(isFormProblem)).toEqual([]);
    expect(out.tiers[0]!.serviceHours).toBeLessThanOrEqual(10_000);
    expect(out.people.hires).toBeLessThanOrEqual(Math.max(50, planLimits(sc, state).headcount * 2));
    expect(out.people.layoffs).toBe(state.firm.headcount);
    expect(Number.isInteger(out.research.surveySample[0])).toBe(true);
  });
});
