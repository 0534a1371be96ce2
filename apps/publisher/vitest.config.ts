import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// Component tests opt into jsdom per file (`@vitest-environment jsdom`); the
// kit's setup file unmounts what they rendered after each test.
export default mergeConfig(sharedTestConfig, {
  test: { setupFiles: ['@zamio/ui/testing/setup-dom'] },
});
