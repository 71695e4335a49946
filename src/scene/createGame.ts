/**
 * The firm view's Phaser game: one canvas with two scenes side by side (the customer base
 * and the service floor; stacked on narrow screens), one playback clock they share, and the
 * bus to the React host. `createFirmGame` is the only way in; `destroy` takes everything
 * down (canvas, listeners, textures) and may be called more than once.
 */
import * as Phaser from 'phaser';
import type { Bus } from './bus';
import type { SceneEvents } from './events';
import { Playback, type PlaybackState, type Speed } from './playback';
import { currentPalette } from './palette';
import { pickRenderer, type RendererChoice } from './renderer';
import type { SceneSource } from './source';
import { CustomerBaseScene, type Viewport } from './base/CustomerBaseScene';
import { ServiceFloorScene } from './floor/ServiceFloorScene';

export interface FirmGameOptions {
  parent: HTMLElement;
  bus: Bus<SceneEvents>;
  source: SceneSource;
  width: number;
  height: number;
  speed: Speed;
  reducedMotion: boolean;
  renderer?: RendererChoice;
}

export interface FirmGame {
  readonly renderer: RendererChoice;
  resize(width: number, height: number): void;
  destroy(): void;
}

/** Side by side from this canvas width up; stacked below it. */
const SIDE_BY_SIDE = 900;

/** The two scenes' places on a canvas of `w` x `h`. */
export function splitViewports(w: number, h: number): { base: Viewport; floor: Viewport } {
  if (w >= SIDE_BY_SIDE) {
    const bw = Math.round(w * 0.64);
    return { base: { x: 0, y: 0, w: bw, h }, floor: { x: bw, y: 0, w: w - bw, h } };
  }
  const bh = Math.round(h * 0.62);
  return { base: { x: 0, y: 0, w, h: bh }, floor: { x: 0, y: bh, w, h: h - bh } };
}

/** How often the controls hear the clock while it runs. */
const STATE_EVERY_MS = 100;

export function createFirmGame(o: FirmGameOptions): FirmGame {
  const renderer = o.renderer ?? pickRenderer();
  const playback = new Playback(o.speed);
  const palette = currentPalette();
  const deps = { bus: o.bus, playback, source: o.source, palette, reducedMotion: o.reducedMotion };
  const base = new CustomerBaseScene(deps);
  const floor = new ServiceFloorScene(deps);
  let size = { w: Math.max(1, Math.round(o.width)), h: Math.max(1, Math.round(o.height)) };
  const place = () => {
    const v = splitViewports(size.w, size.h);
    base.setViewport(v.base);
    floor.setViewport(v.floor);
  };
  place();
  // Our own canvas, not one from Phaser's page-wide CanvasPool: Phaser 4.2 leaves its mouse
  // manager's wheel listener on the game canvas after destroy, and a pooled canvas would keep
  // that listener, and through it the whole game and this screen, alive. Ours is dropped with it.
  const canvas = document.createElement('canvas');
  const game = new Phaser.Game({
    type: renderer.kind === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
    canvas,
    parent: o.parent,
    width: size.w,
    height: size.h,
    backgroundColor: palette.background,
    banner: false,
    audio: { noAudio: true },
    // Keys go to the React host (it owns focus and labels); Phaser only hears the pointer.
    input: { keyboard: false, gamepad: false },
    disableContextMenu: false,
    scale: { mode: Phaser.Scale.NONE },
    render: { antialias: true, powerPreference: 'default' },
    scene: [base, floor],
  });
  let destroyed = false;
  let last: PlaybackState | null = null;
  let lastSent = 0;
  const offs: (() => void)[] = [];
  offs.push(o.bus.on('command', (c) => playback.apply(c)));
  const send = (now: number) => {
    const s = playback.state();
    const changed = !last || s.round !== last.round || s.phase !== last.phase || s.playing !== last.playing || s.speed !== last.speed || s.duration !== last.duration;
    if (changed || (s.playing && now - lastSent >= STATE_EVERY_MS) || (!s.playing && s.t !== last!.t)) {
      last = s;
      lastSent = now;
      o.bus.emit('playback', s);
    }
  };
  const step = (time: number, delta: number) => {
    playback.tick(delta);
    send(time);
  };
  game.events.on(Phaser.Core.Events.PRE_STEP, step);
  game.events.once(Phaser.Core.Events.READY, () => o.bus.emit('ready', renderer));
  return {
    renderer,
    resize(width, height) {
      if (destroyed) return;
      const w = Math.max(1, Math.round(width));
      const h = Math.max(1, Math.round(height));
      if (w === size.w && h === size.h) return;
      size = { w, h };
      game.scale.resize(w, h);
      place();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      while (offs.length) offs.pop()!();
      game.events.off(Phaser.Core.Events.PRE_STEP, step);
      // Phaser finishes destroying on its next step; take the canvas off the page now, so a
      // remount (StrictMode, hot reload) never shows two.
      canvas.remove();
      // Phaser 4.2's TextureManager.destroy leaves its helper TileSprite, which on the Canvas
      // renderer owns a canvas of Phaser's page-wide CanvasPool; the pool would keep the whole
      // game (and through its parent element, this screen) alive. Measured: one game per visit
      // kept until this line. Scenes are still up here, so the sprite can go cleanly.
      game.textures?.tileSprite?.destroy();
      game.destroy(true);
    },
  };
}
