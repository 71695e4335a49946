// The survey's answer scale the page shows beside satisfaction objectives: the cut points are
// the scenario's own (its overrides included), and the answer given at an objective's target
// lies in the band the cut points name.
import { describe, expect, it } from 'vitest';
import { builtin, withOverrides } from '../../test/helpers';
import { answerScale } from './summary';

const band = (x: number, cuts: { 2: number; 3: number; 4: number; 5: number }): number => (x >= cuts[5] ? 5 : x >= cuts[4] ? 4 : x >= cuts[3] ? 3 : x >= cuts[2] ? 2 : 1);

describe('answerScale', () => {
  it('names the answer of every satisfaction objective of the built-in scenarios within the cut points', () => {
    for (const id of ['tutorial', 'ad-agency', 'hotel', 'retail-bank']) {
      const sc = builtin(id);
      const a = answerScale(sc);
      expect(a.cuts[2]).toBeLessThan(a.cuts[3]);
      expect(a.cuts[4]).toBeLessThan(a.cuts[5]);
      const sat = sc.objectives.filter((o) => o.kpi === 'satisfaction');
      expect(a.objectives.map((o) => o.id)).toEqual(sat.map((o) => o.id));
      expect(sat.length).toBeGreaterThan(0);
      for (const o of a.objectives) expect(o.answer).toBe(band(sc.objectives.find((x) => x.id === o.id)!.target, a.cuts));
    }
  });

  it('follows the scenario\'s own answer model: a higher cut for 4 puts a target of 79 points at 3', () => {
    const sc = builtin('tutorial');
    expect(answerScale(sc).objectives.find((o) => o.id === 'satisfaction')!.answer).toBe(4);
    const moved = withOverrides(sc, { model: { survey: { cut4: 80, cut5: 90 } } });
    const a = answerScale(moved);
    expect(a.cuts[4]).toBe(80);
    expect(a.objectives.find((o) => o.id === 'satisfaction')!.answer).toBe(3);
  });
});
