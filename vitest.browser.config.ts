// Browser tests: `vitest run -c vitest.browser.config.ts` (a step of `npm test`).
// The tests run in Node and drive Debian's Chromium through playwright-core against the
// production build, which test/browser/globalSetup.ts builds and serves once per run.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/globalSetup.ts'],
    // One file at a time: each file drives its own Chromium, and timings must not compete.
    fileParallelism: false,
    // Tests play whole games; hooks may launch a browser on a slow, cold machine.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
  },
});
