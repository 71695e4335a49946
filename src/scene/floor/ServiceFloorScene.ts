/**
 * The service floor: each tier's staff at their desks (headcount from the model; planned
 * service hours decide how many sit at each tier's desks), hires walking in and leavers
 * walking out, queues that grow with the workload, desks that serve faster when overloaded
 * staff cut corners, and the quarter's service failures, complaints and recoveries at the
 * desks of the tiers they happened in. Staff wear the mood the employee survey measured, or
 * none when it was not bought.
 *
 * A few hundred shapes at most, so it is drawn with two Graphics: the desks once per
 * layout, the people every frame.
 */
import * as Phaser from 'phaser';
import type { Viewport, SceneDeps } from '../base/CustomerBaseScene';
import { hash01 as stagger } from '../hash';
import { PHASE_SPAN, TRANSITION_MS } from '../playback';
import type { SceneKey } from '../source';
import { layoutFloor, type FloorLayout } from './layout';
import { moodOf, serviceMs, type FloorFrame, type Mood } from './model';
import { numericPalette, type NumericPalette } from '../palette';

/** Flashes shown per tier at most (each stands for failures / shown of them). */
const MAX_FLASHES = 24;

interface Walker {
  tier: number;
  desk: number;
  kind: 'hire' | 'leaver' | 'layoff';
  start: number;
}

interface Flash {
  tier: number;
  desk: number;
  at: number;
  kind: 'failure' | 'complaint' | 'recovered';
}

export class ServiceFloorScene extends Phaser.Scene {
  private readonly deps: SceneDeps;
  private view: Viewport = { x: 0, y: 0, w: 1, h: 1 };
  private frame: FloorFrame | null = null;
  private layout: FloorLayout | null = null;
  private still!: Phaser.GameObjects.Graphics;
  private people!: Phaser.GameObjects.Graphics;
  private walkers: Walker[] = [];
  private flashes: Flash[] = [];
  private idle = 0;
  /** Mean planned hours per customer over the tiers that plan any (the desks' pace is relative to it). */
  private meanHours = 0;
  /** Desks whose staff member is away (walking in or out) this frame: tier * 4096 + desk; reused. */
  private readonly away = new Set<number>();
  private readonly c: NumericPalette;
  private readonly cleanups: (() => void)[] = [];

  constructor(deps: SceneDeps) {
    super({ key: 'floor', active: true });
    this.deps = deps;
    this.c = numericPalette(deps.palette);
  }

  setViewport(v: Viewport): void {
    this.view = { ...v };
    if (!this.sys.isActive() || !this.still) return;
    this.cameras.main.setViewport(v.x, v.y, v.w, v.h);
    this.relayout();
  }

  create(): void {
    const pal = this.deps.palette;
    this.cameras.main.setViewport(this.view.x, this.view.y, this.view.w, this.view.h).setBackgroundColor(pal.floor);
    this.still = this.add.graphics();
    this.people = this.add.graphics();
    this.cleanups.push(this.deps.source.watch((key) => this.show(key)));
    const cleanup = () => {
      while (this.cleanups.length) this.cleanups.pop()!();
    };
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, cleanup);
    this.events.once(Phaser.Scenes.Events.DESTROY, cleanup);
  }

  private show(key: SceneKey): void {
    if (!key.gameId) return;
    const f = this.deps.source.floorFrame(key.round);
    if (!f) return;
    this.frame = f;
    this.relayout();
    this.deps.bus.emit('floorSummary', f);
  }

  private relayout(): void {
    const f = this.frame;
    if (!f) return;
    const L = layoutFloor(f, this.view.w, this.view.h);
    this.layout = L;
    const planned = f.hoursPerCustomer.filter((h) => h > 0);
    this.meanHours = planned.length > 0 ? planned.reduce((a, b) => a + b, 0) / planned.length : 0;
    this.walkers = this.planWalkers(f, L);
    this.flashes = this.planFlashes(f, L);
    this.drawStill();
    const v = this.view;
    this.deps.bus.emit('floorLabels', {
      rows: L.rows.map((r) => ({ tier: r.tier, x: v.x + 12, y: v.y + r.y0 + 2 })),
      door: { x: v.x + L.door.x, y: v.y + L.door.y },
      exit: { x: v.x + L.exit.x, y: v.y + L.exit.y },
      perDesk: L.perDesk,
    });
  }

  /** Hires walk in to the last desks of their rows; leavers and layoffs walk out from desks. */
  private planWalkers(f: FloorFrame, L: FloorLayout): Walker[] {
    const out: Walker[] = [];
    const [a, b] = PHASE_SPAN.tiering;
    const icons = (n: number) => (n > 0 ? Math.max(1, Math.round(n / L.perDesk)) : 0);
    const rowsWithDesks = L.desks.map((d, t) => (d.length > 0 ? t : -1)).filter((t) => t >= 0);
    if (rowsWithDesks.length === 0) return out;
    const add = (kind: Walker['kind'], n: number, salt: number) => {
      for (let i = 0; i < icons(n); i++) {
        const tier = rowsWithDesks[i % rowsWithDesks.length]!;
        const row = L.desks[tier]!;
        out.push({ tier, desk: Math.max(0, row.length - 1 - Math.floor(i / rowsWithDesks.length)), kind, start: a + stagger(i * 7 + salt) * (b - a - 900) });
      }
    };
    add('leaver', f.leavers, 1);
    add('layoff', f.layoffs, 2);
    add('hire', f.hires, 3);
    return out;
  }

  /** Each tier's failures, complaints and recoveries, spread over the service phase at its desks. */
  private planFlashes(f: FloorFrame, L: FloorLayout): Flash[] {
    const out: Flash[] = [];
    const [a, b] = PHASE_SPAN.service;
    for (let t = 0; t < f.tierCount; t++) {
      const desks = L.desks[t]!.length;
      if (desks === 0) continue;
      const fails = f.failures[t] ?? 0;
      const shown = Math.min(fails, MAX_FLASHES);
      for (let i = 0; i < shown; i++) {
        const at = a + stagger(t * 1000 + i) * (b - a - 1200);
        const desk = Math.floor(stagger(t * 7919 + i) * desks);
        out.push({ tier: t, desk, at, kind: 'failure' });
        // The same share of the shown ones are complaints and recoveries as in the whole tier.
        if (fails > 0 && i < Math.round((shown * (f.complaints[t] ?? 0)) / fails)) out.push({ tier: t, desk, at: at + 350, kind: 'complaint' });
        if (fails > 0 && i < Math.round((shown * (f.recovered[t] ?? 0)) / fails)) out.push({ tier: t, desk, at: at + 800, kind: 'recovered' });
      }
    }
    return out;
  }

  private drawStill(): void {
    const L = this.layout!;
    const c = this.c;
    const g = this.still;
    g.clear();
    g.lineStyle(1, c.bandEdge, 1);
    for (const r of L.rows) g.lineBetween(8, r.y1, L.width - 8, r.y1);
    g.fillStyle(c.desk, 1);
    for (const row of L.desks) for (const d of row) g.fillRect(d.x - L.unit * 0.5, d.y, L.unit, L.unit * 0.45);
    // The staff door and the exit.
    g.fillStyle(c.bandEdge, 1);
    g.fillRect(L.door.x - L.unit * 0.4, L.door.y - L.unit * 0.6, L.unit * 0.8, L.unit * 1.2);
    g.fillRect(L.exit.x - L.unit * 0.4, L.exit.y - L.unit * 0.6, L.unit * 0.8, L.unit * 1.2);
  }

  override update(_time: number, delta: number): void {
    const f = this.frame;
    const L = this.layout;
    if (!f || !L) return;
    const pb = this.deps.playback;
    const inSync = pb.round === f.round;
    const t = inSync ? pb.t : TRANSITION_MS;
    // After the transition the floor keeps working (unless motion is reduced or the clock is paused).
    if (!this.deps.reducedMotion && (pb.playing || (inSync && pb.done) || !inSync)) this.idle += delta * pb.speed;
    this.drawPeople(f, L, t);
  }

  private drawPeople(f: FloorFrame, L: FloorLayout, t: number): void {
    const g = this.people;
    const c = this.c;
    const u = L.unit;
    g.clear();
    const mood = moodOf(f.mood);
    const clock = this.idle;
    // Who is at a desk now: a hire only once arrived, a leaver only until it leaves.
    const away = this.away;
    away.clear();
    for (const w of this.walkers) if ((w.kind === 'hire' && t < w.start + 900) || (w.kind !== 'hire' && t >= w.start)) away.add(w.tier * 4096 + w.desk);
    L.desks.forEach((row, tier) => {
      const cycle = serviceMs(f.hoursPerCustomer[tier] ?? 0, this.meanHours, f.timePerTask);
      row.forEach((d, i) => {
        if (!away.has(tier * 4096 + i)) this.person(g, d.x, d.y - u * 0.35, u, mood);
        // The customer being served, and its progress through the desk's cycle.
        const phase = ((clock + stagger(tier * 100 + i) * cycle) % cycle) / cycle;
        if (phase < 0.8) this.customer(g, d.x, d.y + u * 0.8, u, 1);
      });
      // The row's queue: waiting customers, longer as the workload rises; a row with no desks is unserved.
      const waiting = row.length > 0 ? Math.min(L.queue * row.length, Math.floor((L.deskX0 - L.laneX) / (u * 0.55))) : f.customers[tier]! > 0 ? 4 : 0;
      const shift = row.length > 0 ? ((clock / cycle) % 1) * u * 0.55 : 0;
      for (let q = 0; q < waiting; q++) {
        const x = L.deskX0 - u * 0.4 - q * u * 0.55 + (q === 0 ? 0 : shift * 0.3);
        this.customer(g, x, L.rows[tier]!.mid + u * 0.25, u * 0.8, row.length > 0 ? 1 : 0.5);
      }
    });
    // Hires from the staff door to a desk; leavers and layoffs from their desk to the exit.
    for (const w of this.walkers) {
      const d = L.desks[w.tier]?.[w.desk];
      if (!d) continue;
      const p = Math.min(1, Math.max(0, (t - w.start) / 900));
      if (p <= 0 || p >= 1) continue;
      const [x0, y0, x1, y1] = w.kind === 'hire' ? [L.door.x, L.door.y, d.x, d.y - u * 0.35] : [d.x, d.y - u * 0.35, L.exit.x, L.exit.y];
      const x = x0 + (x1 - x0) * p;
      const y = y0 + (y1 - y0) * p;
      this.person(g, x, y, u, w.kind === 'hire' ? 'unknown' : mood);
      if (w.kind === 'layoff') {
        g.fillStyle(c.desk, 1);
        g.fillRect(x + u * 0.2, y, u * 0.4, u * 0.3);
      }
    }
    // Incidents at the desks: a red burst for a failure, a yellow bubble for a complaint, a green tick for a recovery.
    for (const fl of this.flashes) {
      const age = t - fl.at;
      if (age < 0 || age > 900) continue;
      const d = L.desks[fl.tier]?.[fl.desk];
      if (!d) continue;
      const a = this.deps.reducedMotion ? 1 : 1 - age / 900;
      if (fl.kind === 'failure') {
        g.lineStyle(Math.max(2, u / 8), c.failure, a);
        g.strokeCircle(d.x, d.y - u * 0.3, u * (0.45 + (this.deps.reducedMotion ? 0.2 : age / 1800)));
      } else if (fl.kind === 'complaint') {
        // A bubble with a dark outline: the yellow alone is too light on the floor (WCAG 1.4.11).
        g.fillStyle(c.complaint, a);
        g.fillRect(d.x + u * 0.3, d.y - u * 1.1, u * 0.5, u * 0.4);
        g.lineStyle(1, c.outline, a);
        g.strokeRect(d.x + u * 0.3, d.y - u * 1.1, u * 0.5, u * 0.4);
      } else {
        g.lineStyle(Math.max(2, u / 8), c.recovered, a);
        g.beginPath();
        g.moveTo(d.x - u * 0.25, d.y - u * 0.3);
        g.lineTo(d.x - u * 0.05, d.y - u * 0.1);
        g.lineTo(d.x + u * 0.3, d.y - u * 0.55);
        g.strokePath();
      }
    }
  }

  /** A staff member: head and shoulders; the face shows the measured mood (none if not measured). */
  private person(g: Phaser.GameObjects.Graphics, x: number, y: number, u: number, mood: Mood): void {
    const c = this.c;
    g.fillStyle(c.staff, 1);
    g.fillRect(x - u * 0.3, y + u * 0.05, u * 0.6, u * 0.35);
    g.fillStyle(c.mood[mood], 1);
    g.fillCircle(x, y - u * 0.12, u * 0.24);
    if (mood === 'unknown') return;
    g.lineStyle(Math.max(1, u / 14), c.outline, 1);
    const my = y - u * 0.06;
    const w = u * 0.11;
    g.beginPath();
    if (mood === 'neutral') {
      g.moveTo(x - w, my);
      g.lineTo(x + w, my);
    } else {
      const dy = mood === 'happy' ? u * 0.05 : -u * 0.05;
      g.moveTo(x - w, my - dy);
      g.lineTo(x, my + dy);
      g.lineTo(x + w, my - dy);
    }
    g.strokePath();
  }

  private customer(g: Phaser.GameObjects.Graphics, x: number, y: number, u: number, alpha: number): void {
    g.fillStyle(this.c.customer, alpha);
    g.fillCircle(x, y, u * 0.18);
  }
}
