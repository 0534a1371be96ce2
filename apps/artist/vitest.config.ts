import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// Component tests opt into jsdom per file (`@vitest-environment jsdom`); the
// kit's setup file unmounts what they rendered after each test.
// tus-js-client picks its browser build through package.json's "browser"
// field, which Vite honours in the portal's build but Vitest (Node
// resolution) does not: jsdom tests get the browser build (XHR, Blob) here.
export default mergeConfig(sharedTestConfig, {
  resolve: { alias: { 'tus-js-client': 'tus-js-client/lib.esm/browser/index.js' } },
  test: { setupFiles: ['@zamio/ui/testing/setup-dom'] },
});
