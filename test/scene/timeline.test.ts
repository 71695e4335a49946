// When and how customers move in a quarter's transition: each role travels in its own phase
// of the model's round (re-tiering, then service, lapses, arrivals), incidents light up in the
// service phase, paths run from the start to the end place, and what a phase draws still
// agrees with where positionAt puts the customer during that phase.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutBase, type BaseLayout, type Role } from '../../src/scene/base/layout';
import { MAX_IN_FLIGHT, incidentSpan, motionPhase, positionAt, stagger, stillAt, travelSpan, waveAt, waveOf, wavesFor } from '../../src/scene/base/timeline';
import { PHASE_SPAN, TRANSITION_MS, phaseAt, type Phase } from '../../src/scene/playback';
import { makeFrame } from './frames';

const ROLES: Role[] = ['stay', 'move', 'lapse', 'arrive'];
const PHASE_ORDER: Phase[] = ['intro', 'tiering', 'service', 'lapses', 'arrivals', 'done'];
const id = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });

/** A layout of one customer going from (x0, y0) to (x1, y1). */
function oneCustomer(x0: number, y0: number, x1: number, y1: number): BaseLayout {
  const L = layoutBase(makeFrame([], 1, 1), 1000, 600);
  return { ...L, x0: Float32Array.of(x0), y0: Float32Array.of(y0), x1: Float32Array.of(x1), y1: Float32Array.of(y1) };
}

/** Times inside `phase` of a transition (the intro before tiering; done from the end on). */
function timesIn(phase: Phase): number[] {
  const [a, b] = phase === 'intro' ? [0, PHASE_SPAN.tiering[0]] : phase === 'done' ? [TRANSITION_MS, TRANSITION_MS + 1000] : PHASE_SPAN[phase];
  return Array.from({ length: 9 }, (_, i) => a + ((b - a - 1e-6) * i) / 8);
}

describe('stagger', () => {
  it('is in [0, 1) and the same every time for the same id', () => {
    fc.assert(
      fc.property(id, (n) => {
        const s = stagger(n);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThan(1);
        expect(stagger(n)).toBe(s);
      }),
    );
  });
});

describe('travelSpan', () => {
  it('lies inside the phase in which the role moves, and is null for a stayer', () => {
    fc.assert(
      fc.property(id, (n) => {
        expect(travelSpan('stay', n)).toBeNull();
        for (const [role, phase] of [['move', 'tiering'], ['lapse', 'lapses'], ['arrive', 'arrivals']] as const) {
          const span = travelSpan(role, n)!;
          const [a, b] = PHASE_SPAN[phase];
          expect(span[0]).toBeGreaterThanOrEqual(a);
          expect(span[1]).toBeLessThanOrEqual(b);
          expect(span[1]).toBeGreaterThan(span[0]);
          expect(phaseAt(span[0])).toBe(phase);
          expect(travelSpan(role, n)).toEqual(span);
        }
      }),
    );
  });

  it('staggers the starts: different customers do not all leave at once', () => {
    const starts = new Set(Array.from({ length: 200 }, (_, n) => travelSpan('move', n)![0]));
    expect(starts.size).toBeGreaterThan(150);
  });
});

describe('incidentSpan', () => {
  it('lies inside the service phase, its parts in order: failure, complaint, recovery, end', () => {
    fc.assert(
      fc.property(id, (n) => {
        const s = incidentSpan(n);
        const [a, b] = PHASE_SPAN.service;
        expect(s.failure).toBeGreaterThanOrEqual(a);
        expect(s.complaint).toBeGreaterThan(s.failure);
        expect(s.recovery).toBeGreaterThan(s.complaint);
        expect(s.end).toBeGreaterThan(s.recovery);
        expect(s.end).toBeLessThanOrEqual(b);
        expect(incidentSpan(n)).toEqual(s);
      }),
    );
  });
});

describe('positionAt', () => {
  const coord = fc.double({ min: -2000, max: 2000, noNaN: true }).map(Math.fround);
  const span = fc.tuple(fc.double({ min: 0, max: 8000, noNaN: true }), fc.double({ min: 1, max: 2000, noNaN: true })).map(([a, d]) => [a, a + d] as const);

  it('is at the start before the span, at the end after it, and at the end without a span', () => {
    fc.assert(
      fc.property(coord, coord, coord, coord, span, fc.double({ min: 0, max: 1, noNaN: true }), (x0, y0, x1, y1, s, f) => {
        const L = oneCustomer(x0, y0, x1, y1);
        const p = { x: NaN, y: NaN };
        positionAt(L, 0, s, s[0] * f, p);
        expect(p).toEqual({ x: x0, y: y0 });
        positionAt(L, 0, s, s[1] + f * 1000, p);
        expect(p).toEqual({ x: x1, y: y1 });
        positionAt(L, 0, null, s[0] * f, p);
        expect(p).toEqual({ x: x1, y: y1 });
      }),
    );
  });

  it('stays finite and close to the straight path in between, and never goes back along it', () => {
    fc.assert(
      fc.property(coord, coord, coord, coord, span, (x0, y0, x1, y1, s) => {
        const L = oneCustomer(x0, y0, x1, y1);
        const dx = x1 - x0;
        const dy = y1 - y0;
        const len = Math.hypot(dx, dy);
        const p = { x: 0, y: 0 };
        let along = -Infinity;
        for (let i = 1; i < 40; i++) {
          positionAt(L, 0, s, s[0] + ((s[1] - s[0]) * i) / 40, p);
          expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
          if (len < 1e-3) {
            expect(Math.hypot(p.x - x0, p.y - y0)).toBeLessThan(1e-3);
            continue;
          }
          // Progress along the segment (0 at the start, 1 at the end) and distance from it.
          const u = ((p.x - x0) * dx + (p.y - y0) * dy) / (len * len);
          const off = Math.abs((p.x - x0) * dy - (p.y - y0) * dx) / len;
          expect(u).toBeGreaterThanOrEqual(-1e-9);
          expect(u).toBeLessThanOrEqual(1 + 1e-9);
          expect(u).toBeGreaterThanOrEqual(along - 1e-9);
          along = u;
          // A gentle arc: at most a tenth of the path's length sideways.
          expect(off).toBeLessThanOrEqual(0.1 * len + 1e-6);
        }
      }),
    );
  });

  it('moves continuously: just inside the span it is next to the start and to the end', () => {
    const L = oneCustomer(100, 100, 500, 400);
    const p = { x: 0, y: 0 };
    positionAt(L, 0, [1000, 2000], 1001, p);
    expect(Math.hypot(p.x - 100, p.y - 100)).toBeLessThan(1);
    positionAt(L, 0, [1000, 2000], 1999, p);
    expect(Math.hypot(p.x - 500, p.y - 400)).toBeLessThan(1);
    positionAt(L, 0, [1000, 2000], 1500, p);
    expect(Math.hypot(p.x - 300, p.y - 250)).toBeLessThan(0.1 * 500);
  });
});

describe('stillAt', () => {
  it('follows the model\'s order: movers in tiering, lapsed customers in lapses, newcomers in arrivals', () => {
    const expected: Record<Role, Record<Phase, ReturnType<typeof stillAt>>> = {
      stay: { intro: 'end', tiering: 'end', service: 'end', lapses: 'end', arrivals: 'end', done: 'end' },
      move: { intro: 'start', tiering: 'moving', service: 'end', lapses: 'end', arrivals: 'end', done: 'end' },
      lapse: { intro: 'start', tiering: 'start', service: 'start', lapses: 'moving', arrivals: 'end', done: 'end' },
      arrive: { intro: 'hidden', tiering: 'hidden', service: 'hidden', lapses: 'hidden', arrivals: 'moving', done: 'end' },
    };
    for (const role of ROLES) for (const phase of PHASE_ORDER) expect(stillAt(role, phase), `${role} in ${phase}`).toBe(expected[role][phase]);
  });

  it('agrees with positionAt: a customer drawn still in a phase is at that place all through the phase', () => {
    fc.assert(
      fc.property(id, (n) => {
        const L = oneCustomer(10, 20, 700, 450);
        const p = { x: 0, y: 0 };
        for (const role of ROLES) {
          const span = travelSpan(role, n);
          expect(motionPhase(role) === null).toBe(span === null);
          for (const phase of PHASE_ORDER) {
            const still = stillAt(role, phase);
            if (still === 'moving' || still === 'hidden') continue;
            for (const t of timesIn(phase)) {
              expect(phaseAt(t)).toBe(phase);
              positionAt(L, 0, span, t, p);
              expect(p, `${role} at ${t} ms (${phase})`).toEqual(still === 'start' ? { x: 10, y: 20 } : { x: 700, y: 450 });
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('waves: many movers in one phase go a wave at a time', () => {
  it('needs one wave up to MAX_IN_FLIGHT movers, and enough waves beyond', () => {
    expect(wavesFor(0)).toBe(1);
    expect(wavesFor(MAX_IN_FLIGHT)).toBe(1);
    expect(wavesFor(MAX_IN_FLIGHT + 1)).toBe(2);
    expect(wavesFor(5000)).toBe(Math.ceil(5000 / MAX_IN_FLIGHT));
  });

  it('puts each customer in one wave and keeps its travel inside that wave’s share of the phase', () => {
    const waves = wavesFor(5000);
    const [a, b] = PHASE_SPAN.tiering;
    const len = (b - a) / waves;
    const perWave = new Array<number>(waves).fill(0);
    for (let id = 0; id < 5000; id++) {
      const w = waveOf(id, waves);
      expect(w).toBeGreaterThanOrEqual(0);
      expect(w).toBeLessThan(waves);
      perWave[w]!++;
      const [s, e] = travelSpan('move', id, waves)!;
      expect(s).toBeGreaterThanOrEqual(a + w * len - 1e-9);
      expect(e).toBeLessThanOrEqual(a + (w + 1) * len + 1e-9);
      // While a wave is under way, only its own customers travel.
      expect(waveAt('tiering', (s + e) / 2, waves)).toBe(w);
    }
    // The hash spreads customers evenly: no wave holds far more than its share.
    for (const n of perWave) expect(n).toBeLessThan((5000 / waves) * 1.15);
  });

  it('with one wave, travel is what it always was: staggered over the whole phase', () => {
    for (let id = 0; id < 200; id++) expect(travelSpan('lapse', id, 1)).toEqual(travelSpan('lapse', id));
    const [a, b] = PHASE_SPAN.lapses;
    const starts = Array.from({ length: 500 }, (_, id) => travelSpan('lapse', id, 1)![0]);
    expect(Math.min(...starts)).toBeLessThan(a + (b - a) * 0.1);
    expect(Math.max(...starts)).toBeGreaterThan(a + (b - a) * 0.3);
  });

  it('waveAt is the first wave before the phase and the last after it', () => {
    expect(waveAt('arrivals', 0, 4)).toBe(0);
    expect(waveAt('arrivals', 1e9, 4)).toBe(3);
  });
});
