/**
 * When each customer moves during a transition, and where it is at time `t`: movers travel
 * in the tiering phase, lapsed customers in the lapses phase, newcomers in the arrivals phase;
 * service incidents (failure, complaint, recovery) light up in the service phase. Starts are
 * staggered by a hash of the customer id, so the picture is the same every time it plays.
 */
import { hash01 } from '../hash';
import { PHASE_SPAN, type Phase } from '../playback';
import type { BaseLayout, Role } from './layout';

/** How long one customer takes to travel, ms at 1x (the rest of its phase staggers the starts). */
const TRAVEL_MS = 1000;
const INCIDENT_MS = 1400;

/** A stable value in [0, 1) from an id. */
export const stagger = hash01;

/** The phase in which a customer of `role` moves (null: it stands still all quarter). */
export function motionPhase(role: Role): 'tiering' | 'lapses' | 'arrivals' | null {
  return role === 'move' ? 'tiering' : role === 'lapse' ? 'lapses' : role === 'arrive' ? 'arrivals' : null;
}

/**
 * Most customers drawn moving at once. When more move in a phase (a quarter that re-tiers the
 * whole base), they go in waves: each customer is drawn still before and after its wave, so
 * only one wave at a time costs a sprite per frame.
 */
export const MAX_IN_FLIGHT = 1200;

/** Waves a phase with `moving` customers needs. */
export function wavesFor(moving: number): number {
  return Math.max(1, Math.ceil(moving / MAX_IN_FLIGHT));
}

/** The wave (0..waves-1) customer `id` moves in. */
export function waveOf(id: number, waves: number): number {
  return Math.min(waves - 1, Math.floor(stagger(id) * waves));
}

/** The wave under way at `t` in `phase` (0 before the phase, the last after it). */
export function waveAt(phase: 'tiering' | 'lapses' | 'arrivals', t: number, waves: number): number {
  const [a, b] = PHASE_SPAN[phase];
  return Math.min(waves - 1, Math.max(0, Math.floor(((t - a) * waves) / (b - a))));
}

/** Start and end of a customer's travel, ms: inside its wave's share of its phase. */
export function travelSpan(role: Role, id: number, waves = 1): readonly [number, number] | null {
  const p = motionPhase(role);
  if (!p) return null;
  const [a, b] = PHASE_SPAN[p];
  const len = (b - a) / waves;
  const w = waveOf(id, waves);
  const travel = Math.min(TRAVEL_MS, len);
  // Where in its wave it starts: the rest of its stagger, so one wave is as spread as a whole phase.
  const within = stagger(id) * waves - w;
  const start = a + w * len + within * (len - travel);
  return [start, start + travel];
}

/** When an incident starts and each of its parts shows, ms. */
export function incidentSpan(id: number): { failure: number; complaint: number; recovery: number; end: number } {
  const [a, b] = PHASE_SPAN.service;
  const start = a + stagger(id ^ 0x5bd1e995) * (b - a - INCIDENT_MS);
  return { failure: start, complaint: start + 300, recovery: start + 800, end: start + INCIDENT_MS };
}

const ease = (u: number) => (u < 0.5 ? 4 * u * u * u : 1 - (-2 * u + 2) ** 3 / 2);

/** Position of customer k at `t` along its path (a gentle arc), into `out`. */
export function positionAt(L: BaseLayout, k: number, span: readonly [number, number] | null, t: number, out: { x: number; y: number }): void {
  const x0 = L.x0[k]!;
  const y0 = L.y0[k]!;
  const x1 = L.x1[k]!;
  const y1 = L.y1[k]!;
  if (!span || t >= span[1]) {
    out.x = x1;
    out.y = y1;
    return;
  }
  if (t <= span[0]) {
    out.x = x0;
    out.y = y0;
    return;
  }
  const u = ease((t - span[0]) / (span[1] - span[0]));
  const dx = x1 - x0;
  const dy = y1 - y0;
  // Bend the path sideways by a tenth of its length, so crossing paths stay apart.
  const bend = 0.4 * u * (1 - u);
  out.x = x0 + dx * u - dy * bend * 0.5;
  out.y = y0 + dy * u + dx * bend * 0.5;
}

/** Which customers a phase draws still, and where: the ones that move in it are drawn each frame. */
export function stillAt(role: Role, phase: Phase): 'start' | 'end' | 'moving' | 'hidden' {
  const order: Phase[] = ['intro', 'tiering', 'service', 'lapses', 'arrivals', 'done'];
  const mp = motionPhase(role);
  if (!mp) return 'end';
  const now = order.indexOf(phase);
  const own = order.indexOf(mp);
  if (now === own) return 'moving';
  if (now < own) return role === 'arrive' ? 'hidden' : 'start';
  return 'end';
}
