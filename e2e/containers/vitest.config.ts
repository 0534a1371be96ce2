// Container suite (`npm run test:containers`): builds and runs the real images
// and the compose stack. Slow by nature, so one file at a time, long timeouts.
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 900_000,
    pool: 'forks',
    fileParallelism: false,
    // The JSON summary joins the other suites' in `npm test`'s closing count.
    reporters: [
      'default',
      ['json', { outputFile: resolve(import.meta.dirname, '../../.test-results/e2e-containers.json') }],
    ],
  },
});
