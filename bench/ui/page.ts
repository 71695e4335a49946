/** Pages for `npm run bench:ui`: a fresh context each, the viewport of the browser tests. */
import type { Browser, Page } from 'playwright-core';

export const log = (msg: string) => console.error(`[bench:ui] ${msg}`); // stderr: stdout stays JSON with --json

export const message = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0]! : String(e));

export async function newPage(browser: Browser, { noCache = false } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en' });
  // tsx compiles with esbuild's keepNames, which wraps named functions in __name(); the
  // functions in bench/ui/*.ts that run in the page have no __name there.
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  const page = await context.newPage();
  if (noCache) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  }
  return page;
}
