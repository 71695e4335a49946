/** Playing whole games in the page, by keyboard, and reading what it shows. */
import type { Page } from 'playwright-core';
import { waitForHtml, waitForScreen } from './harness';
import { press, typeInto } from './keyboard';

/** From home: picks a built-in scenario, sets the seed and starts; ends on the briefing. */
export async function startBuiltin(page: Page, id: string, seed: string): Promise<void> {
  await press(page, `[data-testid="scenario-${id}"]`);
  await typeInto(page, '#seed', seed);
  await press(page, '[data-testid="start"]');
  await waitForScreen(page, 'briefing');
}

/** Plays the quarter in front of it (quarter screen) and waits for its report; returns the state hash shown. */
export async function playQuarter(page: Page, round: number): Promise<string> {
  await page.waitForSelector('[data-testid="advance"]:not([disabled])');
  await press(page, '[data-testid="advance"]');
  await waitForHtml(page, `[data-round="${round}"]`);
  await waitForScreen(page, 'report');
  return (await page.textContent('[data-testid="state-hash"]'))!.trim();
}

/** From the report, on to the next quarter (or the end). */
export async function carryOn(page: Page): Promise<void> {
  await press(page, '[data-testid="continue"]');
}
