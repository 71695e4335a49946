/**
 * Mounting something that must be loaded first (the Phaser game, in its own chunk) from a
 * React effect. React may unmount before the load finishes (StrictMode mounts, unmounts and
 * mounts again; hot reload disposes a module mid-load); then nothing is created, and what
 * was created is destroyed exactly once. Pure: tested in Node without React or Phaser.
 */
export interface Destroyable {
  destroy(): void;
}

export interface Mounted<T> {
  /** What was created, once the load finished (null before, and after dispose). */
  current(): T | null;
  dispose(): void;
}

export function mountLoaded<M, T extends Destroyable>(
  load: () => Promise<M>,
  create: (module: M) => T,
  onError: (e: unknown) => void,
): Mounted<T> {
  let live = true;
  let made: T | null = null;
  load().then(
    (m) => {
      if (!live) return;
      try {
        made = create(m);
      } catch (e) {
        onError(e);
      }
    },
    (e: unknown) => {
      if (live) onError(e);
    },
  );
  return {
    current: () => made,
    dispose() {
      if (!live) return;
      live = false;
      made?.destroy();
      made = null;
    },
  };
}

/** The smallest canvas height the scenes side by side read at, px. */
export const MIN_WIDE_HEIGHT = 380;

/**
 * The canvas height for a host `width` px wide: the scenes side by side on wide screens
 * (SIDE_BY_SIDE in src/scene/createGame.ts), no taller than `room` (the window's height below
 * the canvas's top, so the whole picture is in view with the controls above it) down to
 * MIN_WIDE_HEIGHT; stacked on narrow ones (a phone scrolls down the page).
 */
export function canvasHeight(width: number, room = Infinity): number {
  if (width < 900) return Math.round(Math.min(980, Math.max(560, width * 1.25)));
  return Math.round(Math.max(MIN_WIDE_HEIGHT, Math.min(640, width * 0.44, room)));
}
