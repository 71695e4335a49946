// The game as the LMS keeps it (cmi.suspend_data): it replays to the very game, and the longest
// built-in game, played by any reference strategy or by a restless student who changes every
// lever every quarter, fits SCORM 1.2's 4,096 characters.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import type { Decisions } from '../../src/sim/config';
import { REFERENCE_POLICIES } from '../../src/worker/referenceProtocol';
import { decodeSuspend, diffJson, encodeSuspend, patchJson, SUSPEND_LIMIT, type SuspendedGame } from '../../src/lms/suspend';
import { hashJson } from '../../src/sim/index';
import { openSession, snapshot } from '../../src/worker/session';
import { builtin, play } from '../helpers';

const IDS = ['tutorial', 'hotel', 'retail-bank', 'ad-agency', 'hotel-district'];
const longest = IDS.map((id) => builtin(id)).reduce((a, b) => (b.rounds > a.rounds ? b : a));

/** A student's plan: every number of `d` typed anew (two decimals, or a whole number where the plan has one). */
function restless(d: Decisions, rng: () => number): Decisions {
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'number') {
      if (key === 'tierCount') return v;
      const x = v * (0.5 + rng());
      return Number.isInteger(v) ? Math.round(x) : Math.round(x * 100) / 100;
    }
    if (typeof v === 'boolean') return rng() < 0.5;
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(d, '') as Decisions;
}

const game = (decisions: Decisions[], classCode: string | null = null): SuspendedGame => ({ scenarioHash: hashJson(longest), seed: '424242', classCode, decisions });

describe('suspend data', () => {
  it(`keeps the longest built-in game (${longest.id}, ${longest.rounds} quarters) under ${SUSPEND_LIMIT} characters, for every reference strategy`, async () => {
    expect(longest.rounds).toBeGreaterThanOrEqual(16);
    for (const p of REFERENCE_POLICIES) {
      const { decisions } = play(longest, '7', p);
      expect(decisions).toHaveLength(longest.rounds);
      const text = await encodeSuspend(game(decisions, 'CRM-2026-A'));
      expect(text.length, p).toBeLessThanOrEqual(SUSPEND_LIMIT);
      const back = await decodeSuspend(text);
      expect(back.ok && back.game).toEqual(game(decisions, 'CRM-2026-A'));
    }
  });

  it('keeps a restless student\'s longest game (every lever changed every quarter, typed to the cent) under the limit, and replays it exactly', async () => {
    const { decisions } = play(longest, '7', 'value-based');
    const rng = seedrandom('restless');
    const typed = decisions.map((d) => restless(d, rng));
    const text = await encodeSuspend(game(typed));
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    const back = await decodeSuspend(text);
    expect(back.ok && JSON.stringify(back.game.decisions)).toBe(JSON.stringify(typed));
  });

  it('replays to the same game: the engine\'s state hash after the kept quarters is the original\'s', async () => {
    const sc = builtin('tutorial');
    const { decisions } = play(sc, '11', 'discounter');
    const back = await decodeSuspend(await encodeSuspend({ scenarioHash: hashJson(sc), seed: '11', classCode: null, decisions }));
    if (!back.ok) throw new Error(back.problem);
    const a = await openSession({ kind: 'builtin', id: 'tutorial' }, '11', decisions, 'en');
    const b = await openSession({ kind: 'builtin', id: 'tutorial' }, back.game.seed, back.game.decisions, 'en');
    if (!a.ok || !b.ok) throw new Error('no session');
    const [x, y] = [snapshot(a.session), snapshot(b.session)];
    expect(y.summaries).toHaveLength(sc.rounds);
    expect(y.summaries).toEqual(x.summaries);
    expect(y.view.score).toBe(x.view.score);
  });

  it('patches only what changed, and falls back to whole plans when a patch would not replay (a null field)', async () => {
    const a = { x: 1, tiers: [{ h: 2 }, { h: 3 }], c: [] as { e: string }[] };
    const b = { x: 1, tiers: [{ h: 2 }, { h: 4 }], c: [{ e: 'e1' }] };
    const d = diffJson(a, b);
    expect(d).toEqual({ tiers: { 1: { h: 4 } }, c: [{ e: 'e1' }] });
    expect(patchJson(a, d!)).toEqual(b);
    expect(diffJson(b, b)).toBeUndefined();
    const odd = [{ a: 1 }, { a: null }] as unknown as Decisions[];
    const back = await decodeSuspend(await encodeSuspend({ scenarioHash: 'h', seed: '1', classCode: null, decisions: odd }));
    expect(back.ok && back.game.decisions).toEqual(odd);
  });

  it('says why a text cannot be read, and never throws', async () => {
    const good = await encodeSuspend(game(play(builtin('tutorial'), '1', 'uniform').decisions));
    expect(await decodeSuspend('')).toEqual({ ok: false, problem: 'notOurs' });
    expect(await decodeSuspend('viewed=1,2,3|lastslide=4')).toEqual({ ok: false, problem: 'notOurs' });
    expect(await decodeSuspend(good.slice(0, good.length - 40))).toEqual({ ok: false, problem: 'damaged' });
    expect(await decodeSuspend('CRMS1.!!!')).toEqual({ ok: false, problem: 'damaged' });
    const { deflateRaw, toBase64Url } = await import('../../src/scenario/deflate');
    const packed = async (v: unknown) => `CRMS1.${toBase64Url(await deflateRaw(new TextEncoder().encode(JSON.stringify(v))))}`;
    expect(await decodeSuspend(await packed({ v: 2, h: 'h', s: '1', c: null, d: [] }))).toEqual({ ok: false, problem: 'version' });
    expect(await decodeSuspend(await packed({ v: 1, h: 'h', s: '', c: null, d: [] }))).toEqual({ ok: false, problem: 'shape' });
    expect(await decodeSuspend(await packed({ v: 1, h: 'h', s: '1', c: null, d: [1, 2] }))).toEqual({ ok: false, problem: 'shape' });
    expect(await decodeSuspend(await packed([1]))).toEqual({ ok: false, problem: 'shape' });
  });
});
