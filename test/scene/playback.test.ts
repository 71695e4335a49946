// The transition's clock: the phases follow the model's round without gaps, and the controls
// (play, pause, toggle, skip, replay, speed) do what the learner expects; a stalled tab does
// not skip the quarter, and a transition with nothing to play never plays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHASES, PHASE_SPAN, Playback, SPEEDS, TRANSITION_MS, phaseAt, type Phase, type PlaybackCommand } from '../../src/scene/playback';

const ORDER: Phase[] = ['intro', ...PHASES, 'done'];

describe('phaseAt', () => {
  it('runs the phases in the model\'s order, back to back, ending at the transition\'s length', () => {
    expect(PHASES).toEqual(['tiering', 'service', 'lapses', 'arrivals']);
    expect(PHASE_SPAN.tiering[0]).toBeGreaterThan(0);
    for (let i = 1; i < PHASES.length; i++) expect(PHASE_SPAN[PHASES[i]!][0]).toBe(PHASE_SPAN[PHASES[i - 1]!][1]);
    for (const p of PHASES) expect(PHASE_SPAN[p][1]).toBeGreaterThan(PHASE_SPAN[p][0]);
    expect(TRANSITION_MS).toBe(PHASE_SPAN.arrivals[1]);
  });

  it('is the intro before tiering, each phase inside its span, and done from the end on', () => {
    expect(phaseAt(0)).toBe('intro');
    expect(phaseAt(PHASE_SPAN.tiering[0] - 1)).toBe('intro');
    for (const p of PHASES) {
      const [a, b] = PHASE_SPAN[p];
      expect(phaseAt(a), `${p} starts at ${a}`).toBe(p);
      expect(phaseAt((a + b) / 2)).toBe(p);
      expect(phaseAt(b - 1e-6), `${p} lasts until ${b}`).toBe(p);
    }
    expect(phaseAt(TRANSITION_MS)).toBe('done');
    expect(phaseAt(TRANSITION_MS + 5000)).toBe('done');
  });

  it('never goes back to an earlier phase as time passes, and is done at or after any duration', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2 * TRANSITION_MS, noNaN: true }), fc.double({ min: 0, max: 2 * TRANSITION_MS, noNaN: true }), (a, b) => {
        const [t0, t1] = a <= b ? [a, b] : [b, a];
        expect(ORDER.indexOf(phaseAt(t1))).toBeGreaterThanOrEqual(ORDER.indexOf(phaseAt(t0)));
        // A shorter transition ends at its own length.
        const duration = t0;
        expect(phaseAt(t1, duration)).toBe('done');
      }),
    );
  });

  it('is done for a transition of length 0', () => {
    for (const t of [0, 500, 3000, TRANSITION_MS]) expect(phaseAt(t, 0)).toBe('done');
  });
});

describe('Playback', () => {
  it('starts a transition playing from the start', () => {
    const pb = new Playback();
    pb.load(3, TRANSITION_MS);
    expect(pb.state()).toEqual({ round: 3, phase: 'intro', t: 0, duration: TRANSITION_MS, playing: true, speed: 1 });
    expect(pb.done).toBe(false);
  });

  it('loads at the end (reduced motion): done and not playing', () => {
    const pb = new Playback(2);
    pb.load(4, TRANSITION_MS, { atEnd: true });
    expect(pb.state()).toEqual({ round: 4, phase: 'done', t: TRANSITION_MS, duration: TRANSITION_MS, playing: false, speed: 2 });
    expect(pb.done).toBe(true);
    expect(pb.tick(16)).toBe(false);
  });

  it('never plays a transition of length 0, whatever the learner presses', () => {
    const pb = new Playback();
    pb.load(0, 0);
    expect(pb.playing).toBe(false);
    for (const c of [{ kind: 'play' }, { kind: 'toggle' }, { kind: 'replay' }] as const) {
      pb.apply(c);
      expect(pb.playing, c.kind).toBe(false);
      expect(pb.tick(16)).toBe(false);
      expect(pb.state().phase).toBe('done');
    }
  });

  it('advances by wall time times the speed', () => {
    for (const speed of SPEEDS) {
      const pb = new Playback(speed);
      pb.load(1, TRANSITION_MS);
      expect(pb.tick(40)).toBe(true);
      expect(pb.t).toBeCloseTo(40 * speed, 9);
      pb.tick(10);
      expect(pb.t).toBeCloseTo(50 * speed, 9);
    }
  });

  it('caps a long stall at 100 ms of wall time per frame, so a background tab does not skip the quarter', () => {
    const pb = new Playback(4);
    pb.load(1, TRANSITION_MS);
    pb.tick(60_000);
    expect(pb.t).toBe(400);
    expect(pb.playing).toBe(true);
  });

  it('ignores negative or zero frame times', () => {
    const pb = new Playback();
    pb.load(1, TRANSITION_MS);
    expect(pb.tick(-50)).toBe(false);
    expect(pb.tick(0)).toBe(false);
    expect(pb.t).toBe(0);
  });

  it('stops exactly at the end and stays there', () => {
    const pb = new Playback(4);
    pb.load(1, 1000);
    let frames = 0;
    while (pb.playing && frames < 1000) {
      pb.tick(33);
      frames++;
    }
    expect(pb.t).toBe(1000);
    expect(pb.playing).toBe(false);
    expect(pb.phase).toBe('done');
    expect(frames).toBe(Math.ceil(1000 / (33 * 4)));
    expect(pb.tick(33)).toBe(false);
    expect(pb.t).toBe(1000);
  });

  it('does not advance while paused, and resumes where it was', () => {
    const pb = new Playback();
    pb.load(1, TRANSITION_MS);
    pb.tick(80);
    pb.apply({ kind: 'pause' });
    expect(pb.tick(80)).toBe(false);
    expect(pb.t).toBe(80);
    pb.apply({ kind: 'play' });
    expect(pb.playing).toBe(true);
    pb.tick(20);
    expect(pb.t).toBe(100);
  });

  it('plays again from the start when play is pressed at the end', () => {
    const pb = new Playback();
    pb.load(1, TRANSITION_MS, { atEnd: true });
    pb.apply({ kind: 'play' });
    expect(pb.t).toBe(0);
    expect(pb.playing).toBe(true);
  });

  it('toggles between playing and paused', () => {
    const pb = new Playback();
    pb.load(1, TRANSITION_MS);
    pb.tick(50);
    pb.apply({ kind: 'toggle' });
    expect(pb.playing).toBe(false);
    pb.apply({ kind: 'toggle' });
    expect(pb.playing).toBe(true);
    expect(pb.t).toBe(50);
    // At the end, toggling plays again from the start.
    pb.apply({ kind: 'skip' });
    pb.apply({ kind: 'toggle' });
    expect(pb.state()).toMatchObject({ t: 0, playing: true });
  });

  it('skips to the end, and replays from the start', () => {
    const pb = new Playback();
    pb.load(2, TRANSITION_MS);
    pb.tick(90);
    pb.apply({ kind: 'skip' });
    expect(pb.state()).toMatchObject({ t: TRANSITION_MS, playing: false, phase: 'done' });
    pb.apply({ kind: 'replay' });
    expect(pb.state()).toMatchObject({ t: 0, playing: true, phase: 'intro' });
    // Replay mid-way also starts over, playing.
    pb.tick(90);
    pb.apply({ kind: 'pause' });
    pb.apply({ kind: 'replay' });
    expect(pb.state()).toMatchObject({ t: 0, playing: true });
  });

  it('changes speed without moving the clock or starting and stopping it', () => {
    const pb = new Playback();
    pb.load(1, TRANSITION_MS);
    pb.tick(50);
    pb.apply({ kind: 'pause' });
    pb.apply({ kind: 'speed', speed: 4 });
    expect(pb.state()).toMatchObject({ t: 50, playing: false, speed: 4 });
    pb.apply({ kind: 'play' });
    pb.tick(25);
    expect(pb.t).toBe(150);
  });

  it('keeps the clock within the transition and its state consistent under any sequence of commands and frames', () => {
    const command: fc.Arbitrary<PlaybackCommand> = fc.oneof(
      fc.constantFrom<PlaybackCommand>({ kind: 'play' }, { kind: 'pause' }, { kind: 'toggle' }, { kind: 'skip' }, { kind: 'replay' }),
      fc.constantFrom(...SPEEDS).map((speed): PlaybackCommand => ({ kind: 'speed', speed })),
    );
    // Frame times as requestAnimationFrame gives them: whole or fractional milliseconds, sometimes a long stall.
    const step = fc.oneof(command, fc.integer({ min: -100, max: 10_000 }), fc.double({ min: 0.1, max: 200, noNaN: true }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: TRANSITION_MS }), fc.boolean(), fc.array(step, { maxLength: 60, size: 'max' }), (duration, atEnd, steps) => {
        const pb = new Playback();
        pb.load(1, duration, { atEnd });
        for (const s of steps) {
          const before = pb.state();
          if (typeof s === 'number') {
            const moved = pb.tick(s);
            const after = pb.state();
            expect(after.t).toBeGreaterThanOrEqual(before.t);
            expect(after.t - before.t).toBeLessThanOrEqual(100 * before.speed + 1e-9);
            expect(moved).toBe(after.t > before.t);
            if (!before.playing) expect(after.t).toBe(before.t);
          } else pb.apply(s);
          const st = pb.state();
          expect(st.t).toBeGreaterThanOrEqual(0);
          expect(st.t).toBeLessThanOrEqual(duration);
          expect(st.phase).toBe(phaseAt(st.t, duration));
          if (duration === 0) expect(st.playing).toBe(false);
          if (st.playing) expect(st.t).toBeLessThan(duration);
        }
      }),
    );
  });
});
