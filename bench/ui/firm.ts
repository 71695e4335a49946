/**
 * Driving the firm view (html[data-screen="firm"]) for `npm run bench:ui`, through its DOM
 * contract only: [data-testid="firm-stage"] with data-renderer, data-scene-round,
 * data-scene-phase and data-scene-playing; the controls firm-replay, firm-skip, firm-speed;
 * the way in (watch-quarter on the report, nav-firm) and out (the header nav).
 *
 * Waits go through locators, never page.waitForSelector: an ElementHandle that a wait
 * returns keeps its element alive in the page (in Chromium's "DevTools console" object
 * group), so a detached firm screen would stay on the heap because of the bench itself.
 */
import type { Page } from 'playwright-core';
import { click, waitHtml } from './flows';

const STAGE = '[data-testid="firm-stage"]';

/** Waits until the stage matches `attrs`, e.g. '[data-scene-playing="false"]'. */
export async function waitStage(page: Page, attrs: string, timeout = 30_000): Promise<void> {
  try {
    await page.locator(`${STAGE}${attrs}`).first().waitFor({ state: 'attached', timeout });
  } catch {
    const now = await page.evaluate((sel) => {
      const el = document.querySelector<HTMLElement>(sel);
      return el ? Array.from(el.attributes, (a) => `${a.name}="${a.value}"`).join(' ') : 'no stage on the page';
    }, STAGE);
    throw new Error(`${STAGE}${attrs} did not appear within ${timeout / 1000} s (${now})`);
  }
}

/** The renderer the stage reports once the game is ready ('canvas' or 'webgl'). */
export async function readyRenderer(page: Page, timeout = 60_000): Promise<string> {
  await waitStage(page, ':not([data-renderer=""])', timeout);
  return (await page.locator(STAGE).first().getAttribute('data-renderer')) ?? '';
}

/**
 * From the report of the quarter just played: opens the firm view with watch-quarter and
 * waits for the game; the first opening of a quarter autoplays its transition.
 */
export async function watchQuarter(page: Page, timeout = 60_000): Promise<string> {
  await waitHtml(page, '[data-screen="report"]', timeout);
  await click(page, 'watch-quarter');
  await waitHtml(page, '[data-screen="firm"]', timeout);
  return readyRenderer(page, timeout);
}

/** Leaves the firm view by the header nav (`nav-quarter`, `nav-end`, ...) and waits for that screen. */
export async function leaveFirm(page: Page, screen: 'quarter' | 'end' | 'report', timeout = 15_000): Promise<void> {
  // The header's buttons change when the game ends (nav-quarter goes, nav-end comes): click
  // again if the first click landed while React was swapping them.
  for (let attempt = 0; ; attempt++) {
    await click(page, `nav-${screen}`, timeout);
    try {
      await waitHtml(page, `[data-screen="${screen}"]`, attempt < 2 ? 3000 : timeout);
      break;
    } catch (e) {
      if (attempt >= 2) throw e;
    }
  }
  // Phaser finishes destroying the game on its next step.
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/** Canvas elements in the document (the firm view's one, or none elsewhere). */
export function canvasesInDocument(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('canvas').length);
}

/** The firm view's sentence saying how many customers the picture shows, e.g. "5,000 of 49,119 customers are shown: ...". */
export async function shownSentence(page: Page): Promise<string> {
  const text = await page.locator('[data-testid="firm-summary"]').first().innerText({ timeout: 5000 }).catch(() => '');
  return /[^.\n]*customers are shown[^.\n]*/.exec(text)?.[0]?.trim() ?? '';
}

export interface PhaseFrames {
  frames: number;
  ms: number;
}

export interface TransitionResult {
  /** Animation frames from the replay click to the end (or the cut). */
  frames: number;
  /** Wall time, ms, from the replay click to the end (or the cut). */
  ms: number;
  /** Fewest frames in any whole second since the click (null if it lasted under a second). */
  minPerSecond: number | null;
  /** Longest gap between two frames, ms. */
  worstMs: number;
  /** Frames that took longer than 50 ms (under 20 fps). */
  longFrames: number;
  /** Frames and time by data-scene-phase as the page showed it at each frame. */
  phases: Record<string, PhaseFrames>;
  /** True if data-scene-playing became "false" before the cut. */
  completed: boolean;
  /** Where the transition was when counting stopped: phase and progress (ms at 1x of the duration). */
  endPhase: string;
  endT: number | null;
  duration: number | null;
}

/**
 * Clicks firm-replay inside the page and counts requestAnimationFrame callbacks from the
 * click until the stage's data-scene-playing goes from "true" to "false", or `capMs` of wall
 * time (then the transition is skipped to its end). The count is every frame the page
 * produced while the scenes played (Phaser draws in its own rAF callback of the same frames).
 */
export async function measureTransition(page: Page, capMs: number): Promise<TransitionResult> {
  const r = await page.evaluate(
    ({ capMs, stageSel }) =>
      new Promise<TransitionResult>((resolve, reject) => {
        const stage = document.querySelector<HTMLElement>(stageSel);
        const replay = document.querySelector<HTMLButtonElement>('[data-testid="firm-replay"]');
        if (!stage || !replay) return reject(new Error('the firm view has no stage or no replay button'));
        if (replay.disabled) return reject(new Error('[data-testid="firm-replay"] is disabled'));
        const progress = document.querySelector<HTMLProgressElement>('progress.firm-progress');
        const perSecond: number[] = [];
        const phases: Record<string, { frames: number; ms: number }> = {};
        let frames = 0;
        let worstMs = 0;
        let longFrames = 0;
        let seenPlaying = false;
        const t0 = performance.now();
        let last = t0;
        const tick = (now: number) => {
          const playing = stage.dataset.scenePlaying === 'true';
          if (playing) seenPlaying = true;
          // Before the first step after the click the stage may still say "false".
          const ended = seenPlaying && !playing;
          const cut = !ended && now - t0 >= capMs;
          if (!ended && !cut && !seenPlaying && now - t0 > 5000) return reject(new Error('data-scene-playing never became "true" after replay'));
          if (ended || cut) {
            const whole = Math.floor((now - t0) / 1000);
            resolve({
              frames,
              ms: now - t0,
              minPerSecond: whole >= 1 ? Math.min(...perSecond.slice(0, whole)) : null,
              worstMs,
              longFrames,
              phases,
              completed: ended,
              endPhase: stage.dataset.scenePhase ?? '',
              endT: progress ? progress.value : null,
              duration: progress ? progress.max : null,
            });
            return;
          }
          frames++;
          const gap = now - last;
          worstMs = Math.max(worstMs, gap);
          if (gap > 50) longFrames++;
          const s = Math.floor((now - t0) / 1000);
          while (perSecond.length <= s) perSecond.push(0);
          perSecond[s]!++;
          const p = (phases[stage.dataset.scenePhase || '?'] ??= { frames: 0, ms: 0 });
          p.frames++;
          p.ms += gap;
          last = now;
          requestAnimationFrame(tick);
        };
        replay.click();
        requestAnimationFrame(tick);
      }),
    { capMs, stageSel: STAGE },
  );
  if (!r.completed) await click(page, 'firm-skip').catch(() => undefined);
  await waitStage(page, '[data-scene-playing="false"]', 10_000);
  return r;
}

/** Sets the playback speed with [data-testid="firm-speed"] (0.5, 1, 2, 4); it carries over to later quarters. */
export async function setSpeed(page: Page, speed: 0.5 | 1 | 2 | 4): Promise<void> {
  try {
    await page.locator('[data-testid="firm-speed"]').first().selectOption(String(speed), { timeout: 5000 });
  } catch {
    throw new Error(`[data-testid="firm-speed"] did not take the value ${speed}`);
  }
}
