/** Checks the game's browser tests share: axe plus a screenshot of a screen, and saving a download. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axe, screenshot } from './harness';
import { ROOT } from './server';

/** axe (WCAG 2.2 AA) on the screen in front, and a screenshot of it named `name`. */
export async function check(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await axe(page), `axe on ${name}`).toEqual([]);
}

/** Saves the download the next `action` starts into test-results/downloads; its bytes, text and path. */
export async function download(page: Page, action: () => Promise<void>): Promise<{ bytes: Buffer; text: string; path: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), action()]);
  const dir = join(ROOT, 'test-results', 'downloads');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  const bytes = readFileSync(path);
  return { bytes, text: bytes.toString('utf8'), path };
}
