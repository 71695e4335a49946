/**
 * The customer base: every customer of the firm (or a stable sample of 5,000) as a dot in
 * the firm's tier pyramid, and the quarter's events as motion: customers re-tiered move
 * between bands, service failures flash, complaints and recoveries show, lapsed customers
 * leave for the rival, newcomers arrive from the market (referred ones from the customer who
 * referred them, with a line between them). Only what the firm observes; true satisfaction
 * colours appear only in the end-of-game reveal.
 *
 * Drawing: the dots that stand still in a phase are baked into one texture when the phase
 * starts; only the ones that move are drawn each frame (a Blitter), so 5,000 customers stay
 * smooth on the Canvas renderer.
 */
import * as Phaser from 'phaser';
import type { CustomerBaseFrame } from '../../worker/protocol';
import { errorText } from '../../scenario/errorText';
import type { Bus } from '../bus';
import type { SceneEvents, CustomerCard } from '../events';
import { TRANSITION_MS, type Phase, type Playback } from '../playback';
import { hexToNumber, numericPalette, revealBand, type NumericPalette, type Palette } from '../palette';
import type { SceneKey, SceneSource } from '../source';
import { DOT_LAPSED, DOT_REVEAL, atlasSpec, cellSize, dotFrame, drawAtlas, ringFrame, ringsFor } from './atlas';
import { NO_TIER, layoutBase, roleOf, widthAt, type BaseLayout, type Role } from './layout';
import { groupOrder, navigate, pick, type NavKey, type Points } from './nav';
import { cardOf, labelsOf, summaryOf } from './describe';
import { incidentSpan, motionPhase, positionAt, stillAt, travelSpan, waveAt, waveOf, wavesFor } from './timeline';

const ATLAS = 'base-atlas';
const BAKE = 'base-bake';
const ROLES: readonly Role[] = ['stay', 'move', 'lapse', 'arrive'];

export interface SceneDeps {
  bus: Bus<SceneEvents>;
  playback: Playback;
  source: SceneSource;
  palette: Palette;
  reducedMotion: boolean;
}

export interface Viewport {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Mover {
  k: number;
  bob: Phaser.GameObjects.Bob;
  span: readonly [number, number];
  half: number;
  /** Frame to switch to halfway (a mover takes its new tier's colour), or null. */
  later: string | null;
}

interface Incident {
  bob: Phaser.GameObjects.Bob;
  from: number;
  to: number;
}

export class CustomerBaseScene extends Phaser.Scene {
  private readonly deps: SceneDeps;
  private view: Viewport = { x: 0, y: 0, w: 1, h: 1 };
  private frame: CustomerBaseFrame | null = null;
  private layout: BaseLayout | null = null;
  private role = new Uint8Array(0);
  private atlasRadius = 0;
  /** The phase and wave the bake was made for (null: rebuild on the next frame). */
  private shown: { phase: Phase; wave: number } | null = null;
  /** Waves of each motion phase (many movers go in waves). */
  private waves = { tiering: 1, lapses: 1, arrivals: 1 };
  private reveal = false;
  private focusK = -1;
  private hoverK = -1;
  private token = 0;
  private key: SceneKey | null = null;
  private bands!: Phaser.GameObjects.Graphics;
  private bake!: Phaser.Textures.DynamicTexture;
  private bakeImage!: Phaser.GameObjects.Image;
  private movers!: Phaser.GameObjects.Blitter;
  private overlay!: Phaser.GameObjects.Blitter;
  private links!: Phaser.GameObjects.Graphics;
  private top!: Phaser.GameObjects.Blitter;
  private moving: Mover[] = [];
  private incidents: Incident[] = [];
  private focusBob: Phaser.GameObjects.Bob | null = null;
  private readonly cleanups: (() => void)[] = [];
  private readonly p = { x: 0, y: 0 };
  private pts: Points | null = null;
  private readonly c: NumericPalette;

  constructor(deps: SceneDeps) {
    super({ key: 'base' });
    this.deps = deps;
    this.c = numericPalette(deps.palette);
  }

  /** Where on the canvas this scene draws (the game calls it on resize). */
  setViewport(v: Viewport): void {
    this.view = { ...v };
    if (!this.sys.isActive() || !this.bake) return;
    this.cameras.main.setViewport(v.x, v.y, v.w, v.h);
    this.bake.setSize(Math.max(1, Math.round(v.w)), Math.max(1, Math.round(v.h)));
    this.relayout();
  }

  create(): void {
    const { bus, source, palette } = this.deps;
    this.cameras.main.setViewport(this.view.x, this.view.y, this.view.w, this.view.h).setBackgroundColor(palette.background);
    this.bands = this.add.graphics();
    const dt = this.textures.addDynamicTexture(BAKE, Math.max(1, Math.round(this.view.w)), Math.max(1, Math.round(this.view.h)));
    if (!dt) throw new Error('the customer base could not make its texture');
    this.bake = dt;
    this.bakeImage = this.add.image(0, 0, BAKE).setOrigin(0, 0);
    this.ensureAtlas(4);
    this.links = this.add.graphics();
    this.movers = this.add.blitter(0, 0, ATLAS);
    this.overlay = this.add.blitter(0, 0, ATLAS);
    this.top = this.add.blitter(0, 0, ATLAS);
    this.cleanups.push(
      source.watch((key) => void this.show(key)),
      bus.on('reveal', (on) => {
        this.reveal = on && this.frame?.truth != null;
        this.shown = null;
      }),
      bus.on('nav', (key) => this.onNav(key)),
    );
    const move = (pointer: Phaser.Input.Pointer) => this.onPointer(pointer.x, pointer.y, false);
    const down = (pointer: Phaser.Input.Pointer) => this.onPointer(pointer.x, pointer.y, true);
    const out = () => this.setHover(-1);
    this.input.on('pointermove', move);
    this.input.on('pointerdown', down);
    this.input.on('gameout', out);
    this.cleanups.push(() => {
      this.input.off('pointermove', move);
      this.input.off('pointerdown', down);
      this.input.off('gameout', out);
    });
    const cleanup = () => {
      this.token++;
      while (this.cleanups.length) this.cleanups.pop()!();
    };
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, cleanup);
    this.events.once(Phaser.Scenes.Events.DESTROY, cleanup);
  }

  private async show(key: SceneKey): Promise<void> {
    this.key = key;
    const token = ++this.token;
    if (!key.gameId) return;
    let frame: CustomerBaseFrame | null;
    try {
      frame = await this.deps.source.baseFrame(key.round);
    } catch (e) {
      if (token === this.token) this.deps.bus.emit('error', { message: errorText(e) });
      return;
    }
    if (token !== this.token || !frame) return;
    this.frame = frame;
    this.reveal = this.reveal && frame.truth !== null;
    this.role = new Uint8Array(frame.size);
    for (let k = 0; k < frame.size; k++) this.role[k] = ROLES.indexOf(roleOf(frame.from[k]!, frame.to[k]!));
    // A new quarter: no card from the last one stays up.
    this.focusK = -1;
    this.hoverK = -1;
    this.deps.bus.emit('hover', null);
    this.relayout();
    const { playback, source, reducedMotion } = this.deps;
    const atEnd = frame.round === 0 || reducedMotion || source.watched(frame.round);
    playback.load(frame.round, frame.round > 0 ? TRANSITION_MS : 0, { atEnd });
    if (!atEnd) source.markWatched(frame.round);
    this.emitSummary();
  }

  private relayout(): void {
    const f = this.frame;
    if (!f) return;
    this.layout = layoutBase(f, this.view.w, this.view.h);
    this.waves = { tiering: wavesFor(this.layout.movers.length), lapses: wavesFor(this.layout.lapsers.length), arrivals: wavesFor(this.layout.arrivals.length) };
    this.ensureAtlas(this.layout.geometry.radius);
    this.drawBands();
    this.shown = null;
    this.emitLabels();
  }

  private ensureAtlas(r: number): void {
    if (Math.abs(r - this.atlasRadius) < 0.01 && this.textures.exists(ATLAS)) return;
    if (this.textures.exists(ATLAS)) {
      this.movers?.clear();
      this.overlay?.clear();
      this.top?.clear();
      this.focusBob = null;
      this.textures.remove(ATLAS);
    }
    const spec = atlasSpec(r);
    const tex = this.textures.createCanvas(ATLAS, spec.width, spec.height);
    if (!tex) throw new Error('the customer base could not make its atlas');
    drawAtlas(tex.getContext(), spec, r, this.deps.palette);
    for (const f of spec.frames) tex.add(f.name, 0, f.x, f.y, f.size, f.size);
    tex.refresh();
    this.atlasRadius = r;
    for (const b of [this.movers, this.overlay, this.top]) b?.setTexture(ATLAS);
  }

  private drawBands(): void {
    const L = this.layout;
    if (!L) return;
    const g = L.geometry;
    const pal = this.deps.palette;
    this.bands.clear();
    g.bands.forEach((b, i) => {
      const wa = widthAt(g, b.y0) / 2;
      const wb = widthAt(g, b.y1) / 2;
      this.bands.fillStyle(hexToNumber(pal.band[i % 2]!), 1);
      this.bands.fillPoints([
        { x: g.cx - wa, y: b.y0 },
        { x: g.cx + wa, y: b.y0 },
        { x: g.cx + wb, y: b.y1 },
        { x: g.cx - wb, y: b.y1 },
      ] as Phaser.Math.Vector2[], true);
      this.bands.lineStyle(1, this.c.bandEdge, 1);
      this.bands.lineBetween(g.cx - wb, b.y1, g.cx + wb, b.y1);
    });
    this.bands.lineStyle(1, this.c.bandEdge, 1);
    for (const r of [g.market, g.rival]) this.bands.strokeRect(r.x, r.y, r.w, r.h);
  }

  /** The colour slot of customer k drawn at its start or end place. */
  private colourOf(k: number, at: 'start' | 'end'): number {
    const f = this.frame!;
    if (this.reveal && f.truth) return DOT_REVEAL + revealBand(f.truth[k]!);
    const tier = at === 'start' ? f.from[k]! : f.to[k]!;
    return tier === NO_TIER ? DOT_LAPSED : tier % DOT_LAPSED;
  }

  private currentPhase(): Phase {
    const pb = this.deps.playback;
    return this.frame && pb.round === this.frame.round ? pb.phase : 'done';
  }

  private now(): number {
    const pb = this.deps.playback;
    return this.frame && pb.round === this.frame.round ? pb.t : TRANSITION_MS;
  }

  /** The wave under way in `phase` at `t` (0 outside the motion phases). */
  private waveNow(phase: Phase, t: number): number {
    return phase === 'tiering' || phase === 'lapses' || phase === 'arrivals' ? waveAt(phase, t, this.waves[phase]) : 0;
  }

  /** How customer k is drawn in `phase` during `wave`: still at its start or end, moving, or not at all. */
  private stateOf(k: number, role: Role, phase: Phase, wave: number): 'start' | 'end' | 'moving' | 'hidden' {
    const st = stillAt(role, phase);
    if (st !== 'moving') return st;
    const w = waveOf(this.frame!.id[k]!, this.waves[motionPhase(role)!]);
    if (w < wave) return 'end';
    if (w > wave) return role === 'arrive' ? 'hidden' : 'start';
    return 'moving';
  }

  /** The travel of customer k (null: it stands still). */
  private spanOf(k: number, role: Role): readonly [number, number] | null {
    const mp = motionPhase(role);
    return mp ? travelSpan(role, this.frame!.id[k]!, this.waves[mp]) : null;
  }

  /** Re-bakes the still customers and makes sprites for the ones that move in `phase` (its wave `wave`). */
  private build(phase: Phase, wave: number): void {
    const f = this.frame!;
    const L = this.layout!;
    const r = L.geometry.radius;
    this.shown = { phase, wave };
    this.moving = [];
    this.incidents = [];
    this.movers.clear();
    this.overlay.clear();
    this.links.clear();
    this.bake.clear();
    for (let k = 0; k < f.size; k++) {
      const role = ROLES[this.role[k]!]!;
      const st = this.stateOf(k, role, phase, wave);
      if (st === 'hidden') continue;
      const s = L.size[k]!;
      if (st === 'moving') {
        const span = this.spanOf(k, role)!;
        const half = cellSize(r, s) / 2;
        const start = role === 'arrive' ? this.colourOf(k, 'end') : this.colourOf(k, 'start');
        const end = role === 'lapse' ? DOT_LAPSED : this.colourOf(k, 'end');
        const bob = this.movers.create(0, 0, dotFrame(start, s));
        this.moving.push({ k, bob, span, half, later: start !== end ? dotFrame(end, s) : null });
        continue;
      }
      const x = st === 'start' ? L.x0[k]! : L.x1[k]!;
      const y = st === 'start' ? L.y0[k]! : L.y1[k]!;
      if (Number.isNaN(x)) continue;
      this.bake.stamp(ATLAS, dotFrame(this.colourOf(k, st), s), x, y);
    }
    if (phase === 'service') this.buildIncidents();
    if (phase === 'done' && f.round > 0) this.bakeMarkers();
    this.bake.render();
    this.refreshFocus();
  }

  private buildIncidents(): void {
    const f = this.frame!;
    const L = this.layout!;
    const r = L.geometry.radius;
    for (let k = 0; k < f.size; k++) {
      const rings = ringsFor(f.outcome[k]!);
      if (rings.length === 0 || Number.isNaN(L.x1[k]!)) continue;
      const s = L.size[k]!;
      const half = cellSize(r, s) / 2;
      const span = incidentSpan(f.id[k]!);
      const role = ROLES[this.role[k]!]!;
      const x = (stillAt(role, 'service') === 'start' ? L.x0[k]! : L.x1[k]!) - half;
      const y = (stillAt(role, 'service') === 'start' ? L.y0[k]! : L.y1[k]!) - half;
      for (const ring of rings) {
        const bob = this.overlay.create(x, y, ringFrame(ring, s), false);
        const from = ring === 'failure' ? span.failure : ring === 'bubble' ? span.complaint : span.recovery;
        // A failure's ring gives way to its recovery (or its cross); the rest stay to the phase's end.
        const to = ring === 'failure' && rings.length > 1 ? span.recovery : Infinity;
        this.incidents.push({ bob, from, to });
      }
    }
  }

  /** The end of the quarter keeps its events in view: rings round newcomers and incidents, referral lines. */
  private bakeMarkers(): void {
    const f = this.frame!;
    const L = this.layout!;
    this.links.lineStyle(1, this.c.link, 0.55);
    for (let k = 0; k < f.size; k++) {
      const x = L.x1[k]!;
      const y = L.y1[k]!;
      if (Number.isNaN(x)) continue;
      const s = L.size[k]!;
      const a = f.arrival[k]!;
      if (a !== 0) this.bake.stamp(ATLAS, ringFrame(a === 2 ? 'referred' : a === 3 ? 'wonBack' : 'new', s), x, y);
      const rf = f.referrer[k]!;
      if (a === 2 && rf >= 0 && !Number.isNaN(L.x1[rf]!)) this.links.lineBetween(L.x1[rf]!, L.y1[rf]!, x, y);
      const rings = ringsFor(f.outcome[k]!);
      // At rest, a recovered or unresolved failure shows its outcome, not the failure ring under it.
      for (const ring of rings.length > 1 ? rings.slice(1) : rings) this.bake.stamp(ATLAS, ringFrame(ring, s), x, y);
    }
  }

  override update(): void {
    if (!this.frame || !this.layout) return;
    const phase = this.currentPhase();
    const t = this.now();
    const wave = this.waveNow(phase, t);
    if (this.shown?.phase !== phase || this.shown.wave !== wave) this.build(phase, wave);
    const L = this.layout;
    for (const m of this.moving) {
      positionAt(L, m.k, m.span, t, this.p);
      m.bob.x = this.p.x - m.half;
      m.bob.y = this.p.y - m.half;
      if (m.later && t >= (m.span[0] + m.span[1]) / 2) {
        m.bob.setFrame(m.later);
        m.later = null;
      }
    }
    if (phase === 'service') {
      for (const inc of this.incidents) {
        const on = t >= inc.from && t < inc.to;
        inc.bob.visible = on;
        // A fresh incident pulses for a moment, then stays.
        if (on) inc.bob.alpha = this.deps.reducedMotion ? 1 : 0.55 + 0.45 * Math.min(1, (t - inc.from) / 250);
      }
    }
    if (phase === 'arrivals') this.drawLinks(t);
    if (this.focusK >= 0) this.refreshFocus();
  }

  /** Lines from each referrer to the customer it brought, as the newcomer travels. */
  private drawLinks(t: number): void {
    const f = this.frame!;
    const L = this.layout!;
    this.links.clear();
    this.links.lineStyle(1.5, this.c.link, 0.8);
    for (const m of this.moving) {
      const rf = f.referrer[m.k]!;
      if (f.arrival[m.k] !== 2 || rf < 0 || t < m.span[0] || Number.isNaN(L.x1[rf]!)) continue;
      positionAt(L, m.k, m.span, t, this.p);
      this.links.lineBetween(L.x1[rf]!, L.y1[rf]!, this.p.x, this.p.y);
    }
  }

  /** Where customer k is now (NaN: not shown), into `out`; returns its group (tier band, the rival's corner, or -1). */
  private placeOf(k: number, phase: Phase, t: number, out: { x: number; y: number }): number {
    const f = this.frame!;
    const L = this.layout!;
    const role = ROLES[this.role[k]!]!;
    const st = this.stateOf(k, role, phase, this.waveNow(phase, t));
    if (st === 'hidden') return -1;
    if (st === 'start') {
      out.x = L.x0[k]!;
      out.y = L.y0[k]!;
    } else positionAt(L, k, st === 'moving' ? this.spanOf(k, role) : null, st === 'end' ? Infinity : t, out);
    if (Number.isNaN(out.x)) return -1;
    const bands = L.geometry.bands.length;
    const tier = st === 'start' ? f.from[k]! : f.to[k]!;
    return tier === NO_TIER ? bands : Math.min(tier, bands - 1);
  }

  /** Where every customer is now, for picking and the keyboard (into arrays kept for the frame: pointer moves allocate nothing). */
  private points(): Points {
    const n = this.frame!.size;
    if (this.pts?.x.length !== n) this.pts = { x: new Float32Array(n), y: new Float32Array(n), group: new Int16Array(n), groups: 0 };
    const { x, y, group } = this.pts;
    const phase = this.currentPhase();
    const t = this.now();
    for (let k = 0; k < n; k++) {
      group[k] = this.placeOf(k, phase, t, this.p);
      x[k] = this.p.x;
      y[k] = this.p.y;
    }
    this.pts.groups = this.layout!.geometry.bands.length + 1;
    return this.pts;
  }

  private onPointer(cx: number, cy: number, click: boolean): void {
    if (!this.frame || !this.layout) return;
    const v = this.view;
    const lx = cx - v.x;
    const ly = cy - v.y;
    if (lx < 0 || ly < 0 || lx > v.w || ly > v.h) return this.setHover(-1);
    const r = this.layout.geometry.radius * 2 + 4;
    const k = pick(this.points(), lx, ly, Math.max(7, r));
    if (click) {
      if (k >= 0) this.deps.bus.emit('open', { id: this.frame.id[k]! });
      return;
    }
    this.setHover(k);
  }

  private setHover(k: number): void {
    if (k === this.hoverK) return;
    this.hoverK = k;
    this.game.canvas.style.cursor = k >= 0 ? 'pointer' : '';
    this.deps.bus.emit('hover', k >= 0 ? this.card(k, false) : this.focusK >= 0 ? this.card(this.focusK, true) : null);
  }

  private onNav(key: NavKey | 'Enter' | 'Escape'): void {
    if (!this.frame || !this.layout) return;
    if (key === 'Escape') {
      this.focusK = -1;
      this.refreshFocus();
      this.deps.bus.emit('hover', null);
      return;
    }
    if (key === 'Enter') {
      if (this.focusK >= 0) this.deps.bus.emit('open', { id: this.frame.id[this.focusK]! });
      return;
    }
    const pts = this.points();
    const next = navigate(pts, groupOrder(pts), this.focusK, key);
    if (next < 0) return;
    this.focusK = next;
    this.refreshFocus();
    this.deps.bus.emit('hover', this.card(next, true));
  }

  /** Keeps the focus ring on the focused customer as it moves (one customer's place per frame, not everyone's). */
  private refreshFocus(): void {
    const k = this.focusK;
    const shown = k >= 0 && this.layout !== null && this.placeOf(k, this.currentPhase(), this.now(), this.p) >= 0;
    if (!shown) {
      if (this.focusBob) this.focusBob.visible = false;
      return;
    }
    const s = this.layout!.size[k]!;
    const half = cellSize(this.layout!.geometry.radius, s) / 2;
    if (!this.focusBob || !this.top.children.exists(this.focusBob)) this.focusBob = this.top.create(0, 0, ringFrame('focus', s));
    this.focusBob.setFrame(ringFrame('focus', s));
    this.focusBob.visible = true;
    this.focusBob.x = this.p.x - half;
    this.focusBob.y = this.p.y - half;
  }

  private card(k: number, focused: boolean): CustomerCard {
    this.placeOf(k, this.currentPhase(), this.now(), this.p);
    return cardOf(this.frame!, k, this.view.x + this.p.x, this.view.y + this.p.y, this.reveal, focused);
  }

  private emitLabels(): void {
    if (this.layout) this.deps.bus.emit('baseLabels', labelsOf(this.layout, this.view));
  }

  private emitSummary(): void {
    this.deps.bus.emit('baseSummary', summaryOf(this.frame!, this.layout!));
  }
}
