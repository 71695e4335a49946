/**
 * Other tabs of the same browser. A tab that plays a save holds that save's Web Lock for as
 * long as the game is loaded (the browser frees it when the tab closes, reloads or crashes), so
 * a second tab that opens the same save learns at once that it is open elsewhere. Without Web
 * Locks (an old browser, or a page not served over HTTPS or from localhost) nothing is known in
 * advance, and the revision check at write time (saves.ts) is what keeps both tabs' quarters.
 * A BroadcastChannel tells the other tabs that the list of saves changed, so their home
 * screens show it.
 */

/** Whether this tab now holds the lock of a save. */
export type Claim = 'held' | 'elsewhere' | 'unsupported';

const lockName = (id: string): string => `crm-sandbox/save/${id}`;

let held: { id: string; release: () => void } | null = null;
/** Claims run one after another, so a release never misses a lock being granted. */
let queue: Promise<unknown> = Promise.resolve();

function lockManager(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks && typeof navigator.locks.request === 'function' ? navigator.locks : null;
}

/**
 * Holds the lock of save `id` (and lets go of any other this tab held): 'held', 'elsewhere'
 * if another tab holds it, or 'unsupported' without Web Locks.
 */
export function claimSave(id: string): Promise<Claim> {
  const next = queue.then(async (): Promise<Claim> => {
    if (held?.id === id) return 'held';
    releaseNow();
    const locks = lockManager();
    if (!locks) return 'unsupported';
    return new Promise<Claim>((resolve) => {
      locks
        .request(lockName(id), { ifAvailable: true }, (lock) => {
          if (!lock) {
            resolve('elsewhere');
            return undefined;
          }
          // The lock is held until this promise settles.
          return new Promise<void>((release) => {
            held = { id, release };
            resolve('held');
          });
        })
        .catch(() => resolve('unsupported'));
    });
  });
  queue = next.catch(() => undefined);
  return next;
}

function releaseNow(): void {
  held?.release();
  held = null;
}

/** Lets go of the save this tab holds, if any. */
export function releaseSave(): Promise<void> {
  const next = queue.then(releaseNow);
  queue = next.catch(() => undefined);
  return next;
}

/** The save whose lock this tab holds (tests). */
export function heldSave(): string | null {
  return held?.id ?? null;
}

const CHANNEL = 'crm-sandbox/saves';
let channel: BroadcastChannel | null | undefined;

function saveChannel(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
    // Node (the store's tests) would otherwise keep running for the channel's sake.
    (channel as { unref?: () => void } | null)?.unref?.();
  }
  return channel;
}

/** Tells the other tabs that the saves changed. */
export function announceSavesChanged(): void {
  saveChannel()?.postMessage('changed');
}

/** Calls `fn` whenever another tab changed the saves; returns the remover. */
export function onSavesChanged(fn: () => void): () => void {
  const c = saveChannel();
  if (!c) return () => undefined;
  const listener = (): void => fn();
  c.addEventListener('message', listener);
  return () => c.removeEventListener('message', listener);
}
