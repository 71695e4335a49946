/**
 * The one component that owns the firm view's Phaser game: it loads the scenes' chunk,
 * creates the game in its element, gives it the element's size (and every resize), and
 * destroys it on unmount. StrictMode's double mount and hot reload go through the same
 * path (`mountLoaded`), so there is never a second game or a leftover canvas. Keys pressed
 * on it become typed bus events; the canvas itself never takes focus.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { errorText } from '../../scenario/errorText';
import type { Bus } from '../../scene/bus';
import type { SceneEvents } from '../../scene/events';
import type { Speed } from '../../scene/playback';
import { NAV_KEYS, type NavKey } from '../../scene/base/nav';
import { canvasHeight, mountLoaded } from './mount';

const loadScenes = () => import('../../scene/index');

export interface PhaserHostProps {
  bus: Bus<SceneEvents>;
  speed: Speed;
  reducedMotion: boolean;
  label: string;
  describedBy: string;
}

export function PhaserHost({ bus, speed, reducedMotion, label, describedBy }: PhaserHostProps) {
  const ref = useRef<HTMLDivElement>(null);
  // The speed the game starts with; later changes go through the bus.
  const startSpeed = useRef(speed);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const size = () => {
      const w = Math.max(1, el.clientWidth);
      // The window's height below the canvas's top on the page (a small margin under it).
      const room = window.innerHeight - (el.getBoundingClientRect().top + window.scrollY) - 16;
      return { w, h: canvasHeight(w, room) };
    };
    el.style.height = `${size().h}px`;
    const mounted = mountLoaded(
      loadScenes,
      (m) => {
        const { w, h } = size();
        return m.createFirmGame({ parent: el, bus, source: m.storeSource, width: w, height: h, speed: startSpeed.current, reducedMotion });
      },
      (e) => bus.emit('error', { message: errorText(e) }),
    );
    let last = '';
    const fit = () => {
      const { w, h } = size();
      if (`${w}x${h}` === last) return;
      last = `${w}x${h}`;
      el.style.height = `${h}px`;
      mounted.current()?.resize(w, h);
    };
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    // A taller or shorter window changes the room below the canvas, not its width.
    window.addEventListener('resize', fit);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', fit);
      mounted.dispose();
    };
  }, [bus, reducedMotion]);

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((NAV_KEYS as readonly string[]).includes(e.key)) bus.emit('nav', e.key as NavKey);
    else if (e.key === 'Enter' || e.key === 'Escape') bus.emit('nav', e.key);
    else if (e.key === ' ') bus.emit('command', { kind: 'toggle' });
    else return;
    e.preventDefault();
  };

  return (
    <div
      ref={ref}
      className="firm-canvas"
      data-testid="firm-canvas"
      role="application"
      tabIndex={0}
      aria-label={label}
      aria-describedby={describedBy}
      onKeyDown={onKey}
      // Tabbing away takes the keyboard focus ring and its card off the picture.
      onBlur={() => bus.emit('nav', 'Escape')}
    />
  );
}
