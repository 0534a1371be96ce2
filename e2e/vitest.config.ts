// Browser tests of the whole platform in embedded mode (`npm start`), driven by
// playwright-core in Debian's Chromium.
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: [
      'default',
      ['json', { outputFile: resolve(import.meta.dirname, '../.test-results/e2e.json') }],
    ],
  },
});
