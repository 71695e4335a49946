/**
 * The customer-base scene's one texture, drawn in code: dots in every tier colour, the
 * lapsed grey and the reveal's five colours, in three sizes; rings for newcomers, referred
 * and won-back customers, failures, recoveries and the keyboard focus; a complaint bubble.
 * One texture for all of them (redrawn when the dot size changes) keeps the WebGL renderer
 * on one texture unit, which SwiftShader needs, and the Canvas renderer on one image.
 */
import { DOT_SCALE } from './layout';
import { REVEAL, type Palette } from '../palette';

export const RINGS = ['new', 'referred', 'wonBack', 'failure', 'recovered', 'focus', 'unresolved', 'bubble'] as const;
export type Ring = (typeof RINGS)[number];

/** Colour slots of the dots: tiers 0..4, then lapsed, then the reveal's bands. */
export const DOT_LAPSED = 5;
export const DOT_REVEAL = 6;
export const DOT_COLOURS = DOT_REVEAL + REVEAL.length;

/**
 * The marks of a service-failure outcome (OUTCOME_NAMES index): 1-2 failed silently, 3-4
 * complained and not resolved, 5-8 resolved (slowly or quickly). The failure ring comes
 * first; at rest the picture keeps only what came of it.
 */
export function ringsFor(outcome: number): Ring[] {
  if (outcome <= 0) return [];
  if (outcome <= 2) return ['failure'];
  if (outcome <= 4) return ['failure', 'bubble', 'unresolved'];
  return ['failure', 'bubble', 'recovered'];
}

export const dotFrame = (colour: number, size: number) => `d${colour}:${size}`;
export const ringFrame = (ring: Ring, size: number) => `${ring}:${size}`;

/** Cell size of a glyph of size class `s` at small-dot radius `r`: room for the dot and a ring round it. */
export function cellSize(r: number, s: number): number {
  return Math.ceil(2 * (r * DOT_SCALE[s]! + 6));
}

export interface AtlasSpec {
  width: number;
  height: number;
  frames: { name: string; x: number; y: number; size: number }[];
}

/** Where each glyph sits in the atlas, for dot radius `r`. */
export function atlasSpec(r: number): AtlasSpec {
  const frames: AtlasSpec['frames'] = [];
  const names = [...Array.from({ length: DOT_COLOURS }, (_, c) => (s: number) => dotFrame(c, s)), ...RINGS.map((g) => (s: number) => ringFrame(g, s))];
  let y = 0;
  let width = 0;
  for (let s = 0; s < DOT_SCALE.length; s++) {
    const cs = cellSize(r, s);
    names.forEach((name, i) => frames.push({ name: name(s), x: i * cs, y, size: cs }));
    width = Math.max(width, names.length * cs);
    y += cs;
  }
  return { width, height: y, frames };
}

/** Draws every glyph of `spec` into `ctx`. */
export function drawAtlas(ctx: CanvasRenderingContext2D, spec: AtlasSpec, r: number, pal: Palette): void {
  ctx.clearRect(0, 0, spec.width, spec.height);
  const colours = [...pal.tiers, pal.lapsed, ...REVEAL];
  for (const f of spec.frames) {
    const [glyph, sizeText] = f.name.split(':') as [string, string];
    const s = Number(sizeText);
    const cx = f.x + f.size / 2;
    const cy = f.y + f.size / 2;
    const rad = r * DOT_SCALE[s]!;
    ctx.save();
    if (glyph.startsWith('d')) {
      ctx.beginPath();
      ctx.arc(cx, cy, rad, 0, Math.PI * 2);
      ctx.fillStyle = colours[Number(glyph.slice(1))]!;
      ctx.fill();
      if (rad >= 3) {
        ctx.lineWidth = Math.max(0.75, rad / 6);
        ctx.strokeStyle = pal.outline;
        ctx.globalAlpha = 0.55;
        ctx.stroke();
      }
    } else drawRing(ctx, glyph as Ring, cx, cy, rad, pal);
    ctx.restore();
  }
}

function drawRing(ctx: CanvasRenderingContext2D, ring: Ring, cx: number, cy: number, rad: number, pal: Palette): void {
  const outer = rad + 3.5;
  const line = Math.max(1.5, Math.min(3, rad / 2.5));
  ctx.lineWidth = line;
  ctx.beginPath();
  switch (ring) {
    case 'bubble': {
      // A speech bubble with "!" above the dot: a complaint.
      const w = Math.max(7, rad * 1.6);
      const x = cx - w / 2;
      const y = cy - outer - 1;
      ctx.fillStyle = pal.complaint;
      ctx.strokeStyle = pal.outline;
      ctx.lineWidth = 1;
      ctx.rect(x, y - w * 0.2, w, w * 0.8);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = pal.outline;
      ctx.fillRect(cx - 0.75, y - w * 0.08, 1.5, w * 0.36);
      ctx.fillRect(cx - 0.75, y + w * 0.36, 1.5, 1.5);
      return;
    }
    case 'unresolved': {
      // A cross: a complaint that was not resolved.
      const a = outer * 0.75;
      ctx.strokeStyle = pal.failure;
      ctx.moveTo(cx - a, cy - a);
      ctx.lineTo(cx + a, cy + a);
      ctx.moveTo(cx + a, cy - a);
      ctx.lineTo(cx - a, cy + a);
      ctx.stroke();
      return;
    }
    case 'referred':
    case 'wonBack':
      ctx.setLineDash([line * 1.5, line]);
      break;
    default:
      break;
  }
  ctx.strokeStyle = { new: pal.newcomer, referred: pal.referred, wonBack: pal.wonBack, failure: pal.failure, recovered: pal.recovered, focus: pal.focus }[ring];
  if (ring === 'focus') ctx.lineWidth = Math.max(2.5, line + 1);
  ctx.arc(cx, cy, outer, 0, Math.PI * 2);
  ctx.stroke();
}
