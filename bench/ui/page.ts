/** Pages for `npm run bench:ui`: a fresh context each, the viewport of the browser tests. */
import type { Browser, Page } from 'playwright-core';

export const log = (msg: string) => console.error(`[bench:ui] ${msg}`); // stderr: stdout stays JSON with --json

export const message = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0]! : String(e));

/**
 * `cpuThrottle`: Chromium's CPU throttling (CDP Emulation.setCPUThrottlingRate) for the page, as
 * DevTools' "4x slowdown" does: a student's old laptop.
 */
export async function newPage(browser: Browser, { noCache = false, cpuThrottle = 1 } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en', serviceWorkers: 'block' });
  // tsx compiles with esbuild's keepNames, which wraps named functions in __name(); the
  // functions in bench/ui/*.ts that run in the page have no __name there.
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  const page = await context.newPage();
  if (noCache || cpuThrottle > 1) {
    const cdp = await context.newCDPSession(page);
    if (noCache) {
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    }
    if (cpuThrottle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
  }
  return page;
}
