/**
 * Driving the app for `npm run bench:ui`, through the UI contract only (html data-* attributes
 * and data-testid selectors). Every wait has a deadline and fails with a message that says
 * what was missing, which the bench prints as "not measured: <reason>".
 */
import type { Page } from 'playwright-core';

/** Default deadline for a UI step; starting a 200,000-customer game takes longer (see `start`). */
const STEP_MS = 15_000;

/**
 * Waits for `html<attrSelector>`, e.g. '[data-ready="home"]'. Through a locator: the
 * ElementHandle page.waitForSelector returns would stay referenced in the page, and the
 * memory figures must not count what the bench itself keeps alive.
 */
export async function waitHtml(page: Page, attrSelector: string, timeout = STEP_MS): Promise<void> {
  try {
    await page.locator(`html${attrSelector}`).waitFor({ state: 'attached', timeout });
  } catch {
    throw new Error(`html${attrSelector} did not appear within ${timeout / 1000} s`);
  }
}

/**
 * Waits in the page, without polling, for the performance mark `name` and returns its time from
 * navigation start. For the cold loads: Playwright's own waits poll the page from its injected
 * script on the page's thread, which cost a throttled load tens of milliseconds (measured: 78 ms
 * of its checks in a 4x load's profile; median 563 ms against 491 with this wait, same build).
 */
export async function waitMark(page: Page, name: string, timeout = STEP_MS): Promise<number> {
  return page.evaluate(
    ([name, timeout]) =>
      new Promise<number>((resolve, reject) => {
        const found = (): boolean => {
          const mark = performance.getEntriesByName(name, 'mark')[0];
          if (!mark) return false;
          observer.disconnect();
          clearTimeout(timer);
          resolve(mark.startTime);
          return true;
        };
        const observer = new PerformanceObserver(() => void found());
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`performance mark '${name}' did not come within ${timeout / 1000} s`));
        }, timeout);
        if (!found()) observer.observe({ type: 'mark' });
      }),
    [name, timeout] as const,
  );
}

export async function click(page: Page, testId: string, timeout = STEP_MS): Promise<void> {
  const el = page.locator(`[data-testid="${testId}"]`).first();
  try {
    await el.click({ timeout });
  } catch {
    throw new Error(`[data-testid="${testId}"] was not clickable within ${timeout / 1000} s`);
  }
}

/** Home (already interactive) -> scenario `id` if given -> start -> briefing -> begin -> a playable quarter. */
export async function startGame(page: Page, scenarioId: string | null, timeout = STEP_MS): Promise<void> {
  if (scenarioId) await click(page, `scenario-${scenarioId}`);
  await click(page, 'start');
  await click(page, 'begin', timeout); // the worker builds the population meanwhile
  await toQuarter(page, timeout);
}

/**
 * Waits until `advance` can be clicked, going on through a report (`continue`) if that is
 * where the app is, answering a choice card left open with its first option, and hiring when
 * the plan needs more staff hours than are left.
 */
export async function toQuarter(page: Page, timeout = STEP_MS): Promise<void> {
  const deadline = Date.now() + timeout;
  const advance = page.locator('[data-testid="advance"]').first();
  const cont = page.locator('[data-testid="continue"]').first();
  let disabledSince = Infinity; // advance shown, app idle, button disabled: the plan cannot be played
  while (Date.now() < deadline) {
    const idle = await page.evaluate(() => document.documentElement.dataset.busy !== 'true');
    const shown = idle && (await advance.isVisible());
    if (shown && (await advance.isEnabled())) return;
    // A choice card still open holds the quarter (the retail bank's credit squeeze in quarter 5): take its first option.
    const open = page.locator('.choice-card.unanswered input[type="radio"]').first();
    if (shown && (await open.count()) > 0) {
      await open.check();
      continue;
    }
    // Staff short of the plan's hours (leavers not replaced in a long game): hire five more, as a student would.
    const hires = page.locator('[data-testid="hires"]').first();
    const reasons = page.locator('[data-testid="advance-reasons"]');
    if (shown && (await reasons.count()) > 0 && /staff hours/.test((await reasons.first().textContent()) ?? '') && (await hires.count()) > 0 && (await hires.isEnabled())) {
      const now = Number(await hires.inputValue()) || 0;
      await hires.fill(String(now + 5));
      await page.waitForTimeout(200);
      continue;
    }
    disabledSince = shown ? Math.min(disabledSince, Date.now()) : Infinity;
    if (Date.now() - disabledSince > 3000) {
      const reasons = page.locator('[data-testid="advance-reasons"]');
      const why = (await reasons.count()) > 0 ? (await reasons.first().textContent())?.trim() : null;
      const round = await page.evaluate(() => document.documentElement.dataset.round);
      throw new Error(`[data-testid="advance"] stays disabled in quarter ${Number(round) + 1}: ${why ?? 'no reason shown (no preview from the worker?)'}`);
    }
    if (idle && (await cont.isVisible()) && (await cont.isEnabled())) await cont.click();
    else await page.waitForTimeout(20);
  }
  throw new Error(`[data-testid="advance"] did not become clickable within ${timeout / 1000} s`);
}

/**
 * Clicks `advance` inside the page and returns the milliseconds until html[data-round]
 * changes (performance.now() in the page, so no round trip to this process is counted).
 */
export function timeAdvance(page: Page, timeout = 60_000): Promise<number> {
  return page.evaluate(
    (timeout) =>
      new Promise<number>((resolve, reject) => {
        const html = document.documentElement;
        const before = html.dataset.round;
        const button = document.querySelector<HTMLElement>('[data-testid="advance"]');
        if (!button) throw new Error('[data-testid="advance"] is not on the page');
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`html[data-round] did not change within ${timeout / 1000} s of clicking advance`));
        }, timeout);
        const observer = new MutationObserver(() => {
          if (html.dataset.round === before) return;
          const ms = performance.now() - t0;
          observer.disconnect();
          clearTimeout(timer);
          resolve(ms);
        });
        observer.observe(html, { attributes: true, attributeFilter: ['data-round'] });
        const t0 = performance.now();
        button.click();
      }),
    timeout,
  );
}

export interface ScrollResult {
  frames: number;
  ms: number;
  /** Longest gap between two animation frames. */
  worstMs: number;
  /** Frames that took longer than 1.5 frame times at 60 Hz. */
  longFrames: number;
  rowsInDom: number;
}

/**
 * Scrolls [data-testid="customer-grid"] by `px` every animation frame for `warmupMs` + `ms`,
 * counting the frames of the last `ms` (the first frames pay for layout and rasterising).
 */
export function scrollGrid(page: Page, px = 400, ms = 3000, warmupMs = 500): Promise<ScrollResult> {
  return page.evaluate(
    ({ px, ms, warmupMs }) =>
      new Promise<ScrollResult>((resolve) => {
        const grid = document.querySelector<HTMLElement>('[data-testid="customer-grid"]');
        if (!grid) throw new Error('[data-testid="customer-grid"] is not on the page');
        if (grid.scrollHeight <= grid.clientHeight + px) {
          throw new Error(`[data-testid="customer-grid"] does not scroll (scrollHeight ${grid.scrollHeight}, clientHeight ${grid.clientHeight})`);
        }
        let frames = 0;
        let worstMs = 0;
        let longFrames = 0;
        let start = -1;
        let t0 = -1;
        let last = 0;
        const tick = (now: number) => {
          if (start < 0) start = now;
          if (t0 < 0) {
            if (now - start >= warmupMs) t0 = now; // this callback only starts the clock
          } else {
            frames++;
            worstMs = Math.max(worstMs, now - last);
            if (now - last > 25) longFrames++;
          }
          last = now;
          // Wrap around at the bottom so the scroll never stalls on a fixed view.
          grid.scrollTop = grid.scrollTop + grid.clientHeight + px >= grid.scrollHeight ? 0 : grid.scrollTop + px;
          if (t0 < 0 || now - t0 < ms) requestAnimationFrame(tick);
          else resolve({ frames, ms: now - t0, worstMs, longFrames, rowsInDom: grid.querySelectorAll('[role=row]').length });
        };
        requestAnimationFrame(tick);
      }),
    { px, ms, warmupMs },
  );
}

/** Animation frames per second of an idle page: the most the scroll can reach here. */
export function idleFps(page: Page, ms = 1000): Promise<number> {
  return page.evaluate(
    (ms) =>
      new Promise<number>((resolve) => {
        let frames = -1;
        let t0 = 0;
        const tick = (now: number) => {
          if (frames++ < 0) t0 = now;
          if (t0 < 0 || now - t0 < ms) requestAnimationFrame(tick);
          else resolve((frames * 1000) / (now - t0));
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}
