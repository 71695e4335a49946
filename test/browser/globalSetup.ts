/**
 * Once per `vitest run -c vitest.browser.config.ts`: make sure Chromium (and a Chinese font)
 * are installed, build the production app, serve dist/ (plus test/browser/fixtures under
 * /fixtures/) and hand the base URL to the tests as inject('baseUrl').
 */
import type { TestProject } from 'vitest/node';
import { ensureChromium } from './chromium';
import { buildApp, serveStatic } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port>, no trailing slash */
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureChromium();
  const t0 = performance.now();
  buildApp();
  console.log(`[browser] vite build: ${Math.round(performance.now() - t0)} ms`);
  const server = await serveStatic();
  console.log(`[browser] serving dist/ at ${server.url}`);
  project.provide('baseUrl', server.url);
  return () => server.close();
}
