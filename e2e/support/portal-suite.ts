// One embedded platform and one Chromium per describe block of a browser
// test: started before its tests, closed after them (the platform's exit
// code must be 0).
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startEmbeddedPlatform, type EmbeddedPlatform } from './embedded-platform';

export interface PortalSuite {
  /** The running platform (read inside a test, after beforeAll). */
  readonly platform: EmbeddedPlatform;
  /** The shared Chromium (read inside a test, after beforeAll). */
  readonly browser: Browser;
}

/** Call at the top of a describe block: registers the beforeAll/afterAll that start and stop both. */
export function usePlatformAndBrowser(): PortalSuite {
  let platform: EmbeddedPlatform | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    platform = await startEmbeddedPlatform();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (platform) expect(await platform.stop()).toBe(0);
  });

  return {
    get platform() {
      if (!platform) throw new Error('the embedded platform is not started (read it inside a test)');
      return platform;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not launched (read it inside a test)');
      return browser;
    },
  };
}
