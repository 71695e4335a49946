// Warming the engine while the teams decide (warmup.ts): it plays the small market and the
// quarter to come, changes nothing of the market it warms for (its quarters resolve to the same
// hashes as in a worker that never warmed, and the computer firms' plans made ahead stay), ends
// after a bounded number of pieces, runs once a worker, and never for a market under way or
// after the market it was for has closed.
import { describe, expect, it } from 'vitest';
import { hashJson, hashMarket } from '../sim/index';
import { openMarket, prepareMarket, resolveMarket, type MarketSession } from './market';
import type { MarketSeat } from './protocol';
import { Warmer } from './warmup';

const SEATS: MarketSeat[] = [
  { name: 'Alpha', policy: null },
  { name: 'Beta', policy: 'value-based' },
  { name: 'Gamma', policy: 'cost-cutter' },
  { name: 'Delta', policy: 'discounter' },
];

async function open(seed = '11'): Promise<MarketSession> {
  const r = await openMarket({ kind: 'builtin', id: 'ad-agency' }, seed, SEATS, [], 'en');
  if (!r.ok) throw new Error(JSON.stringify(r.failure));
  return r.market;
}

/** Runs the warm-up to its end; the number of pieces it took. */
function warmAll(w: Warmer): number {
  let pieces = 0;
  while (w.step()) {
    pieces++;
    if (pieces > 100) throw new Error('the warm-up does not end');
  }
  return pieces;
}

const resolveAll = (ms: MarketSession) => {
  const r = resolveMarket(ms, ms.seats.map(() => null), 'en');
  if (!r.ok) throw new Error(JSON.stringify(r.refused));
  return r.market.quarters.at(-1)!.hash;
};

describe('warming the engine', () => {
  it('plays a small market and the quarter to come, and changes nothing of the market', async () => {
    const warmed = await open();
    const cold = await open();
    while (prepareMarket(warmed));
    const ahead = hashJson(warmed.ahead);
    const before = hashMarket(warmed.market);
    const w = new Warmer();
    w.start(warmed);
    const pieces = warmAll(w);
    expect(w.done).toBe(true);
    // The small market's set-up and its quarters (12, or the scenario's game if shorter), then four
    // full-size quarters: the quarter to come and three after it. The last piece says it is the
    // last (warmAll does not count it), so the pieces counted are the set-up and all but one quarter.
    expect(w.played.small).toBe(Math.min(12, warmed.scenario.rounds));
    expect(w.played.full).toBe(Math.min(4, warmed.scenario.rounds));
    expect(pieces).toBe(w.played.small + w.played.full);
    expect(hashMarket(warmed.market)).toBe(before);
    expect(hashJson(warmed.ahead)).toBe(ahead);
    expect(warmed.quarters).toEqual([]);
    for (let q = 0; q < 3; q++) expect(resolveAll(warmed)).toBe(resolveAll(cold));
  });

  it('runs once a worker, not before a market starts it, not after it closed, not for a market under way', async () => {
    const idle = new Warmer();
    expect(idle.step()).toBe(false);
    const ms = await open();
    const dropped = new Warmer();
    dropped.start(ms);
    dropped.drop();
    expect(dropped.step()).toBe(false);
    expect(dropped.done).toBe(false);
    // A market that has played a quarter: the engine is warming on its quarters; nothing to do.
    resolveAll(ms);
    const late = new Warmer();
    late.start(ms);
    expect(late.step()).toBe(false);
    expect(late.played).toEqual({ small: 0, full: 0 });
    // Warm once: a second market in the same worker does not warm again.
    const once = new Warmer();
    once.start(await open('12'));
    warmAll(once);
    once.start(await open('13'));
    expect(once.step()).toBe(false);
  });
});
