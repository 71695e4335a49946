import { describe, expect, it } from 'vitest';
import { EV_LAPSED, EV_WONBACK } from '../../sim/report';
import { historyRows } from './history';

describe('historyRows', () => {
  it('marks tier moves by position: a lower position is a higher tier', () => {
    const rows = historyRows({ id: 1, tiers: [2, 1, 1, 2], revenue: [10, 20, 30, 40], events: [], referred: [], before: [] });
    expect(rows.map((r) => r.move)).toEqual([null, 'up', null, 'down']);
    expect(rows.map((r) => r.revenue)).toEqual([10, 20, 30, 40]);
    expect(rows.map((r) => r.round)).toEqual([1, 2, 3, 4]);
  });

  it('shows quarters before the customer joined as not yet a customer', () => {
    const rows = historyRows({ id: 1, tiers: [255, 255, 2, 1], revenue: [0, 0, 5, 8], events: [], referred: [], before: [] });
    expect(rows.map((r) => r.state)).toEqual(['notYet', 'notYet', 'active', 'active']);
    expect(rows[2]!.move).toBeNull();
    expect(rows[3]!.move).toBe('up');
  });

  it('takes lapsed quarters from the events, since a lapsed customer keeps its last tier', () => {
    const rows = historyRows({
      id: 1,
      tiers: [1, 1, 1, 0, 0],
      revenue: [5, 5, 0, 0, 6],
      events: [
        { round: 2, kind: EV_LAPSED, other: 1 },
        { round: 5, kind: EV_WONBACK, other: 0 },
      ],
      referred: [],
      before: [],
    });
    expect(rows.map((r) => r.state)).toEqual(['active', 'lapsed', 'lapsed', 'lapsed', 'active']);
    expect(rows.map((r) => r.tier)).toEqual([1, null, null, null, 0]);
    // No move is claimed across a lapse.
    expect(rows[4]!.move).toBeNull();
  });
});

describe('historyRows before the game', () => {
  it('puts the quarters before the game that the trailing revenue counts first, without a tier or a move', () => {
    const rows = historyRows({ id: 1, tiers: [0, 1], revenue: [30, 40], events: [], referred: [], before: [{ round: -1, revenue: 10 }, { round: 0, revenue: 20 }] });
    expect(rows.map((r) => [r.round, r.state, r.tier, r.move, r.revenue])).toEqual([
      [-1, 'beforeGame', null, null, 10],
      [0, 'beforeGame', null, null, 20],
      [1, 'active', 0, null, 30],
      [2, 'active', 1, 'down', 40],
    ]);
  });
});
