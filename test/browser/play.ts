/** Playing whole games in the page, by keyboard, and reading what it shows. */
import type { Page } from 'playwright-core';
import { waitForHtml, waitForScreen } from './harness';
import { builtin } from '../helpers';
import { press, tabTo, typeInto } from './keyboard';

/** From home: picks a built-in scenario, sets the seed and starts; ends on the briefing. */
export async function startBuiltin(page: Page, id: string, seed: string): Promise<void> {
  await press(page, `[data-testid="scenario-${id}"]`);
  await typeInto(page, '#seed', seed);
  await press(page, '[data-testid="start"]');
  await waitForScreen(page, 'briefing');
}

/** The default option of every built-in scenario's choice cards, by the card's id. */
export const DEFAULT_OPTION = new Map(
  ['tutorial', 'ad-agency', 'hotel', 'retail-bank'].flatMap((id) => builtin(id).events.filter((e) => e.options).map((e) => [e.id, e.defaultOption ?? e.options![0]!.id] as const)),
);

/**
 * Answers, by keyboard, each choice card the quarter screen still lists beside the advance
 * button, with the card's default option (what the engine takes for a card left out, so a game
 * played this way is the game the tests played before cards had to be answered).
 */
export async function answerCards(page: Page): Promise<void> {
  for (const id of await page.$$eval('[data-testid^="unanswered-"]', (es) => es.map((e) => e.getAttribute('data-testid')!.slice('unanswered-'.length)))) {
    const option = DEFAULT_OPTION.get(id);
    if (!option) throw new Error(`no built-in card ${id}`);
    // With none checked, Tab stops at the group's first radio button; the arrow keys move and check.
    await tabTo(page, `[name="card-${id}"]`);
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    if ((await focused()) === `opt-${id}-${option}`) await page.keyboard.press('Space');
    for (let i = 0; i < 10 && (await focused()) !== `opt-${id}-${option}`; i++) await page.keyboard.press('ArrowDown');
    await page.waitForSelector(`[data-testid="unanswered-${id}"]`, { state: 'detached' });
  }
}

/** Plays the quarter in front of it (quarter screen) and waits for its report; returns the state hash shown. Open choice cards take their default option. */
export async function playQuarter(page: Page, round: number): Promise<string> {
  await page.waitForSelector('[data-testid="meters"]');
  await answerCards(page);
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
