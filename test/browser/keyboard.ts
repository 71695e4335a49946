/**
 * Driving the app by keyboard only: Tab until the wanted control has focus (proving it is
 * reachable), then press a key on it (proving it is operable).
 */
import type { Page } from 'playwright-core';

/** Presses Tab (or Shift+Tab) until `selector` has focus; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, { max = 400, back = false }: { max?: number; back?: boolean } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  const where = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing');
  throw new Error(`${selector} never took focus after ${max} Tab presses; focus is on ${where}`);
}

/** Tabs to `selector` and presses `key` (Enter by default). */
export async function press(page: Page, selector: string, key = 'Enter'): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press(key);
}

/** Tabs to an input, selects its text and types `text`. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Tabs to a select and moves its choice with the arrow keys until it is `value` (ArrowDown, or ArrowUp with `up`). */
export async function tabToSelect(page: Page, selector: string, value: string, { up = false }: { up?: boolean } = {}): Promise<void> {
  await tabTo(page, selector);
  for (let i = 0; i < 12 && (await page.inputValue(selector)) !== value; i++) await page.keyboard.press(up ? 'ArrowUp' : 'ArrowDown');
  const got = await page.inputValue(selector);
  if (got !== value) throw new Error(`${selector} shows ${got}, not ${value}, after the arrow keys`);
}
