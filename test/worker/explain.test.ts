// The worker explains quarters on request: after a quarter played in the game, after a
// resume (a replay), and after a rewind, the attributions are those of an explainer run
// from scratch on the same decisions; nothing is recomputed that is already known.
import { describe, expect, it } from 'vitest';
import { explainNext, newExplainer, newGame, type Decisions, type QuarterAttribution } from '../../src/sim/index';
import { policyById, policyDecisions } from '../../src/policies/index';
import { advance, explain, rewind, type Session } from '../../src/worker/session';
import { startBuiltinSession } from './sessions';

/** Plays `n` quarters of the random policy in the session (as the page would, one advance each). */
function playRandom(s: Session, n: number): void {
  const p = policyById('random')!;
  for (let i = 0; i < n; i++) {
    const r = advance(s, policyDecisions(p, s.scenario, s.state, null));
    if (!r.ok) throw new Error('refused');
  }
}

/** The attributions of `decisions` computed from scratch, outside the session. */
function fromScratch(s: Session, decisions: readonly Decisions[]): QuarterAttribution[] {
  const ex = newExplainer(newGame(s.scenario, s.seed));
  return decisions.map((d) => explainNext(s.scenario, ex, d).attribution);
}

describe('worker: explain', () => {
  it('explains each quarter as it is played, the same as from scratch, without replaying known quarters', async () => {
    const s = await startBuiltinSession('ad-agency', 'explain-1');
    playRandom(s, 1);
    const q1 = explain(s, 1);
    expect(q1).toHaveLength(1);
    playRandom(s, 2);
    const seen: number[] = [];
    const all = explain(s, 3, 1, (done) => seen.push(done));
    expect(all).toEqual(fromScratch(s, s.decisions));
    // Quarter 1 was kept, not recomputed: the same object.
    expect(all[0]).toBe(q1[0]);
    expect(seen).toEqual([2, 3]);
    // Asking again computes nothing.
    const again: number[] = [];
    expect(explain(s, 3, 1, (d) => again.push(d))).toEqual(all);
    expect(again).toEqual([]);
    // Past the quarters played, it stops at the last one.
    expect(explain(s, 99)).toHaveLength(3);
  });

  it('after a resume (a replay of the decisions) it catches up from the first quarter', async () => {
    const played = await startBuiltinSession('hotel', 'explain-2');
    playRandom(played, 4);
    const resumed = await startBuiltinSession('hotel', 'explain-2', played.decisions);
    expect(resumed.attributions).toEqual([]);
    expect(explain(resumed, 4)).toEqual(fromScratch(resumed, played.decisions));
  });

  it('after a resume, one late quarter is explained without explaining the early ones', async () => {
    const played = await startBuiltinSession('hotel', 'explain-4');
    playRandom(played, 6);
    const resumed = await startBuiltinSession('hotel', 'explain-4', played.decisions);
    const seen: number[] = [];
    const [q6] = explain(resumed, 6, 6, (done) => seen.push(done));
    const scratch = fromScratch(resumed, played.decisions);
    expect(q6).toEqual(scratch[5]);
    // Quarter 1 was only stepped; 2..5 rebuilt the traced worlds (the hotel traces four
    // quarters), without their own late effects, so they are not kept.
    expect([...resumed.attributions.slice(0, 5)]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(seen.at(-1)).toBe(6);
    // An early quarter asked for later starts the explainer again and fills the hole.
    expect(explain(resumed, 2, 2)).toEqual([scratch[1]]);
    expect(explain(resumed, 6, 1)).toEqual(scratch);
  });

  it('after a rewind it keeps the quarters before, and explains a new quarter played from there', async () => {
    const s = await startBuiltinSession('ad-agency', 'explain-3');
    playRandom(s, 4);
    const before = explain(s, 4);
    const back = rewind(s, 2);
    expect(back.attributions).toEqual(before.slice(0, 2));
    // A different third quarter: the decisions of quarter 2 again.
    const r = advance(back, structuredClone(back.decisions[1]!));
    expect(r.ok).toBe(true);
    const now = explain(back, 3);
    expect(now.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(now[2]).toEqual(fromScratch(back, back.decisions)[2]);
    expect(now[2]).not.toEqual(before[2]);
  });
});
