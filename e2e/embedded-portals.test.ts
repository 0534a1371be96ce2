// `npm start` serves the four portals and the bff. In a real browser, each
// portal shows its sign-in page, accepts its role's demo account, then renders
// its role shell, home page and the bff version fetched through its
// same-origin /api proxy. Accounts of another role are turned away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { PORTALS, startEmbeddedPlatform, type EmbeddedPlatform } from './support/embedded-platform';

const DEMO_PASSWORD = 'zamio-demo-password';
const demoEmail = (role: string) => `${role}@demo.zamio.local`;

async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.getByTestId('login-page').waitFor({ timeout: 60_000 });
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
}

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
    // Stop as a developer does: Ctrl-C with a portal still open in the browser
    // (its HMR socket and keep-alive connections must not hold the shutdown).
    const open = await browser?.newPage();
    await open?.goto(platform.portalUrls.admin, { waitUntil: 'domcontentloaded' });
    await open?.getByTestId('login-page').waitFor();
    if (platform) expect(await platform.stop()).toBe(0);
    await browser?.close();
  });

  it('prints every portal URL and the demo accounts', () => {
    for (const name of PORTALS) {
      expect(platform.output()).toMatch(new RegExp(`${name}\\s+portal\\s+http://localhost:\\d+/`));
      expect(platform.output()).toContain(demoEmail(name));
    }
  });

  for (const name of PORTALS) {
    it(`${name} portal: demo sign-in, role home and the bff version via /api`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        await signIn(page, platform.portalUrls[name], demoEmail(name));
        await page.getByTestId('app-shell').waitFor({ timeout: 60_000 });
        await page.getByTestId('role-home').waitFor();
        const version = page.getByTestId('bff-version');
        await version.waitFor({ timeout: 60_000 });
        expect((await version.textContent())?.trim()).toContain(bffVersion);
        expect(await page.getByTestId('role-label').textContent()).toMatch(new RegExp(name, 'i'));

        // Signing out returns to the sign-in page; the session cookie no longer works.
        await page.getByTestId('sign-out').click();
        await page.getByTestId('login-page').waitFor();
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('turns away an account of another role', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await signIn(page, platform.portalUrls.station, demoEmail('artist'));
      await page.getByTestId('wrong-portal').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('app-shell').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('refuses a wrong password with a clear message', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(platform.portalUrls.artist, { waitUntil: 'domcontentloaded' });
      await page.getByTestId('login-email').fill(demoEmail('artist'));
      await page.getByTestId('login-password').fill('wrong-password-123');
      await page.getByTestId('login-submit').click();
      await page.getByText('Email or password is wrong.').waitFor({ timeout: 30_000 });
    } finally {
      await context.close();
    }
  });
});
