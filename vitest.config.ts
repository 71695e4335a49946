import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Browser tests get their own runner in a later issue.
    exclude: ['test/browser/**', 'node_modules/**', 'dist/**'],
    // Some model tests play many seeds.
    testTimeout: 60_000,
    pool: 'forks',
  },
});
