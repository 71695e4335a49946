/**
 * The installable web app's service worker (vite-plugin-pwa, registerType "prompt"): it
 * precaches the whole game on the first visit, so the game then works offline. A new version
 * never takes over by itself: the page shows the update prompt (src/ui/shell/UpdatePrompt.tsx)
 * and updates only when the learner says so. The game open then is opened again after the
 * reload (it is saved after every quarter). Only the served web app registers it: the SCORM
 * package and the offline file have no service worker (main.tsx). This module is in the first
 * bundle (a few lines); the registration (workbox-window) loads when the page is idle.
 */
import { create } from 'zustand';
import { useStore } from './index';

const RESUME_KEY = 'crm-sandbox:resume-after-update';

export interface PwaState {
  /** A new version is installed and waits for the learner's word. */
  needRefresh: boolean;
  /** The game is cached: it works offline from now on (said once). */
  offlineReady: boolean;
  update(): void;
  later(): void;
}

let updateSW: ((reload?: boolean) => Promise<void>) | null = null;

export const usePwa = create<PwaState>()((set) => ({
  needRefresh: false,
  offlineReady: false,
  update: () => {
    const id = useStore.getState().gameId;
    try {
      if (id) sessionStorage.setItem(RESUME_KEY, id);
    } catch {
      // Without session storage the learner continues the game from home's list.
    }
    void updateSW?.(true);
  },
  later: () => set({ needRefresh: false, offlineReady: false }),
}));

/** Registers the service worker once the first screen is up; reopens the game an update reloaded. */
export async function startPwa(): Promise<void> {
  let resume: string | null = null;
  try {
    resume = sessionStorage.getItem(RESUME_KEY);
    sessionStorage.removeItem(RESUME_KEY);
  } catch {
    resume = null;
  }
  if (resume) void useStore.getState().resume(resume);
  if (!('serviceWorker' in navigator)) return;
  // Only the served build has the plugin's module (the other builds drop this block).
  if (import.meta.env.MODE === 'production') {
    const { registerSW } = await import('virtual:pwa-register');
    updateSW = registerSW({
      onNeedRefresh: () => usePwa.setState({ needRefresh: true }),
      onOfflineReady: () => usePwa.setState({ offlineReady: true }),
      onRegisterError: (e: unknown) => console.warn('service worker not registered:', e),
    });
  }
}

/** {@link startPwa} once the page has loaded and the browser is idle (the first screen never waits for it). */
export function startPwaWhenIdle(): void {
  const go = () => {
    const run = () => void startPwa();
    if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 3000 });
    else setTimeout(run, 1000);
  };
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}
