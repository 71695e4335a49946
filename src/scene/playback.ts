/**
 * The clock of a quarter's transition, shared by both scenes: time into the transition,
 * speed, pause, skip and replay. Scenes read `t`; the game advances it once per frame.
 * Pure: no Phaser, so its rules are tested in Node.
 */

/** Playback speeds the learner can choose. */
export const SPEEDS = [0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

/** The phases of a transition, in the order of the model's round (re-tiering, service, churn, acquisition). */
export const PHASES = ['tiering', 'service', 'lapses', 'arrivals'] as const;
export type Phase = (typeof PHASES)[number] | 'intro' | 'done';

/** Start and end of each phase at 1x, ms. */
export const PHASE_SPAN: Record<(typeof PHASES)[number], readonly [number, number]> = {
  tiering: [400, 2200],
  service: [2200, 4800],
  lapses: [4800, 6500],
  arrivals: [6500, 9000],
};
/** Length of a transition at 1x, ms: the phases follow each other without a gap. */
export const TRANSITION_MS = PHASE_SPAN.arrivals[1];

export function phaseAt(t: number, duration = TRANSITION_MS): Phase {
  if (duration <= 0 || t >= duration) return 'done';
  for (const p of PHASES) if (t < PHASE_SPAN[p][1]) return t < PHASE_SPAN[p][0] ? 'intro' : p;
  return 'done';
}

/** What the controls show. */
export interface PlaybackState {
  /** The quarter being shown (0: the base before the first quarter). */
  round: number;
  phase: Phase;
  /** Time into the transition and its length, ms at 1x. */
  t: number;
  duration: number;
  playing: boolean;
  speed: Speed;
}

export type PlaybackCommand = { kind: 'play' } | { kind: 'pause' } | { kind: 'toggle' } | { kind: 'skip' } | { kind: 'replay' } | { kind: 'speed'; speed: Speed };

export class Playback {
  round = 0;
  t = 0;
  duration = 0;
  playing = false;
  speed: Speed = 1;

  constructor(speed: Speed = 1) {
    this.speed = speed;
  }

  /** Starts a new transition: playing from the start, or (reduced motion, or nothing to play) at its end. */
  load(round: number, duration: number, { atEnd = false }: { atEnd?: boolean } = {}): void {
    this.round = round;
    this.duration = duration;
    this.t = atEnd ? duration : 0;
    this.playing = !atEnd && duration > 0;
  }

  get done(): boolean {
    return this.t >= this.duration;
  }

  get phase(): Phase {
    return phaseAt(this.t, this.duration);
  }

  /** Advances by `dtMs` of wall time (scaled by speed); returns true if `t` changed. */
  tick(dtMs: number): boolean {
    if (!this.playing || this.done) return false;
    // A long stall (a background tab) must not skip the whole quarter in one frame.
    const dt = Math.min(Math.max(0, dtMs), 100) * this.speed;
    this.t = Math.min(this.duration, this.t + dt);
    if (this.done) this.playing = false;
    return dt > 0;
  }

  apply(c: PlaybackCommand): void {
    switch (c.kind) {
      case 'play':
        if (this.done) this.t = 0;
        this.playing = this.duration > 0;
        return;
      case 'pause':
        this.playing = false;
        return;
      case 'toggle':
        this.apply({ kind: this.playing ? 'pause' : 'play' });
        return;
      case 'skip':
        this.t = this.duration;
        this.playing = false;
        return;
      case 'replay':
        this.t = 0;
        this.playing = this.duration > 0;
        return;
      case 'speed':
        this.speed = c.speed;
        return;
      default: {
        const never: never = c;
        throw new Error(`unknown playback command ${JSON.stringify(never)}`);
      }
    }
  }

  state(): PlaybackState {
    return { round: this.round, phase: this.phase, t: this.t, duration: this.duration, playing: this.playing, speed: this.speed };
  }
}
