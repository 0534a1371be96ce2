// Shared Vitest defaults: each project's vitest.config.ts extends this, so
// every project runs its tests the same way under `nx run-many -t test`.
// Besides the console output, each run writes a JSON summary to
// .test-results/ (an Nx output, so cached runs restore it) from which
// `npm test` prints one "N passed, N failed" line for the whole workspace.
import { relative, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const workspaceRoot = import.meta.dirname;
const projectKey = relative(workspaceRoot, process.cwd()) || 'root';

export const sharedTestConfig = defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // Integration tests start real databases (PGlite runs every migration in-process)
    // and processes; on a 2-core CI machine running two projects at once that can
    // take tens of seconds. Speed targets live in bench/, not in these limits.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: 'forks',
    setupFiles: [resolve(workspaceRoot, 'vitest.setup.ts')],
    reporters: [
      'default',
      ['json', { outputFile: resolve(workspaceRoot, '.test-results', `${projectKey}.json`) }],
    ],
  },
});
