// `npm start` serves the four portals and the bff; each portal renders its
// role shell and the bff version fetched through its same-origin /api proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { PORTALS, startEmbeddedPlatform, type EmbeddedPlatform } from './support/embedded-platform';

describe('embedded platform in a browser', () => {
  let platform: EmbeddedPlatform;
  let browser: Browser;
  let bffVersion: string;

  beforeAll(async () => {
    platform = await startEmbeddedPlatform();
    browser = await launchBrowser();
    bffVersion = ((await (await fetch(`${platform.bffUrl}/version`)).json()) as { version: string }).version;
  });

  afterAll(async () => {
    await browser?.close();
    if (platform) expect(await platform.stop()).toBe(0);
  });

  it('prints the URL of every portal', () => {
    for (const name of PORTALS) expect(platform.output()).toContain(`${name}`);
    expect(platform.output()).toMatch(/artist\s+portal\s+http:\/\/localhost:\d+\//);
  });

  for (const name of PORTALS) {
    it(`${name} portal shows its shell and the bff version via /api`, async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        await page.goto(platform.portalUrls[name], { waitUntil: 'domcontentloaded' });
        await page.getByTestId('app-shell').waitFor({ timeout: 60_000 });
        const version = page.getByTestId('bff-version');
        await version.waitFor({ timeout: 60_000 });
        expect((await version.textContent())?.trim()).toContain(bffVersion);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
