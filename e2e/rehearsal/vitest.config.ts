// Production rehearsal (`npm run test:rehearsal`, after the container suite in
// `npm test`): real images behind a Traefik-like proxy, Coolify-like rolling
// updates and faults under open-loop load. One file at a time, long timeouts.
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 900_000,
    pool: 'forks',
    fileParallelism: false,
    sequence: { concurrent: false },
    reporters: [
      'default',
      ['json', { outputFile: resolve(import.meta.dirname, '../../.test-results/e2e-rehearsal.json') }],
    ],
  },
});
