// Sign-up and approval through the portals in Chromium, against `npm start`'s
// embedded platform, at a desktop and a phone width: an artist signs up (rules
// shown inline) and lands on the artist home at once; a station and a
// publisher sign up and see that they wait for approval; the admin finds them
// on Users, approves the station and rejects the publisher with a reason in a
// dialog; the station signs in and reaches its home; the publisher signs in
// and reads the reason. The admin then sees the rejection in the audit log,
// the station on Stations and every service on System status. Screenshots of
// every step land in .test-results/screenshots/accounts-approval/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startEmbeddedPlatform, type EmbeddedPlatform } from './support/embedded-platform';
import { expectFittingLayout } from './support/layout-expectations';
import { demoEmail, signIn } from './support/portal-session';
import { newContextAt, screenshot, type ViewportName } from './support/screenshots';

const VIEWPORT_NAMES: ViewportName[] = ['desktop', 'phone'];
const TEST = 'accounts-approval';
const PASSWORD = 'a long passphrase for tests';

/** A full-page picture of the step (the sticky header made static so it is not painted mid-page). */
async function shot(page: Page, step: string, options: { fullPage?: boolean } = {}) {
  await page.addStyleTag({ content: '.zamio-header { position: static; }' });
  return screenshot(page, TEST, step, options);
}

/** From the portal's sign-in page, through "Create an account", to a submitted sign-up form. */
async function signUp(page: Page, portalUrl: string, name: string, email: string) {
  await page.goto(portalUrl, { waitUntil: 'domcontentloaded' });
  await page.getByTestId('login-page').waitFor({ timeout: 60_000 });
  await page.getByTestId('sign-up-link').click();
  await page.getByTestId('signup-page').waitFor({ timeout: 30_000 });
  await page.getByTestId('signup-name').fill(name);
  await page.getByTestId('signup-email').fill(email);
  await page.getByTestId('signup-password').fill(PASSWORD);
  await page.getByTestId('signup-submit').click();
}

describe('sign-up, approval and rejection through the portals, desktop and phone', () => {
  let platform: EmbeddedPlatform;
  let browser: Browser;
  const run = Date.now().toString().slice(-6);

  beforeAll(async () => {
    platform = await startEmbeddedPlatform();
    browser = await launchBrowser();
    // Each portal's dev server compiles its modules on the first visit: load each once, so
    // the steps below time the portals, not the compiler.
    const context = await browser.newContext();
    for (const url of Object.values(platform.portalUrls)) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.getByTestId('login-page').waitFor({ timeout: 120_000 });
      await page.close();
    }
    await context.close();
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    if (platform) expect(await platform.stop()).toBe(0);
  });

  (process.env.E2E_VIEWPORT
    ? VIEWPORT_NAMES.filter((name) => name === process.env.E2E_VIEWPORT)
    : VIEWPORT_NAMES
  ).forEach((viewport) => {
    it(`sign-up → admin approves one, rejects one with a reason → sign-in (${viewport})`, async () => {
      const pages: Page[] = [];
      const open = async () => {
        const page = await (await newContextAt(browser, viewport)).newPage();
        page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
        pages.push(page);
        return page;
      };
      const errors: string[] = [];
      const step = (name: string) => `${viewport === 'desktop' ? 'd' : 'p'}-${name}`;
      const tag = `${viewport}-${run}`;
      const emails = {
        artist: `artist-${tag}@example.test`,
        station: `station-${tag}@example.test`,
        publisher: `publisher-${tag}@example.test`,
      };
      const reason = `Company registration ${tag} could not be verified.`;
      try {
        // ---- An artist signs up: rules inline, then straight into the portal.
        const artist = await open();
        await artist.goto(platform.portalUrls.artist, { waitUntil: 'domcontentloaded' });
        await artist.getByTestId('login-page').waitFor({ timeout: 60_000 });
        await artist.getByTestId('sign-up-link').click();
        await artist.getByTestId('signup-page').waitFor({ timeout: 30_000 });
        await artist.getByTestId('signup-email').fill('not-an-address');
        await artist.getByTestId('signup-password').fill('short');
        await artist.getByTestId('signup-name').click();
        await artist.getByText('Enter an e-mail address like name@example.com').waitFor();
        expect(await artist.getByTestId('password-rule-min-length').getAttribute('data-met')).toBe('false');
        await artist.getByTestId('signup-submit').click();
        await artist.getByText('Enter the artist or band name').waitFor();
        await expectFittingLayout(artist, 'artist sign-up with errors');
        await shot(artist, step('1-artist-signup-rules'));
        await artist.getByTestId('signup-name').fill(`Kwame ${tag}`);
        await artist.getByTestId('signup-email').fill(emails.artist);
        await artist.getByTestId('signup-password').fill(PASSWORD);
        expect(await artist.getByTestId('password-rule-min-length').getAttribute('data-met')).toBe('true');
        await artist.getByTestId('signup-submit').click();
        await artist.getByTestId('app-shell').waitFor({ timeout: 60_000 });
        await artist.getByTestId('role-home').waitFor({ timeout: 30_000 });
        expect(new URL(artist.url()).pathname).toBe('/');
        await shot(artist, step('2-artist-home'));

        // ---- A station and a publisher sign up and are told they wait for approval.
        const station = await open();
        await signUp(station, platform.portalUrls.station, `Adom FM ${tag}`, emails.station);
        await station.getByTestId('account-state').waitFor({ timeout: 60_000 });
        expect(await station.getByTestId('account-state-badge').textContent()).toBe('Waiting for approval');
        expect(await station.getByTestId('account-state-message').textContent()).toContain(emails.station);
        await expectFittingLayout(station, 'station pending');
        await shot(station, step('3-station-pending'));

        const publisher = await open();
        await signUp(publisher, platform.portalUrls.publisher, `Kente Songs ${tag}`, emails.publisher);
        await publisher.getByTestId('account-state').waitFor({ timeout: 60_000 });
        expect(await publisher.getByTestId('account-state-badge').textContent()).toBe('Waiting for approval');
        // Signing in before a decision shows the same state.
        await signIn(publisher, platform.portalUrls.publisher, emails.publisher, PASSWORD);
        await publisher.getByTestId('account-state').waitFor({ timeout: 60_000 });
        expect(await publisher.getByTestId('account-state-badge').textContent()).toBe('Waiting for approval');

        // ---- The admin approves the station and rejects the publisher with a reason.
        const admin = await open();
        await signIn(admin, platform.portalUrls.admin, demoEmail('admin'));
        await admin.getByTestId('app-shell').waitFor({ timeout: 60_000 });
        await admin.goto(`${platform.portalUrls.admin}/users`, { waitUntil: 'domcontentloaded' });
        const users = admin.getByTestId('users-table');
        await users.waitFor({ timeout: 30_000 });
        // The list opens on accounts waiting for approval; narrow it to this run's.
        expect(await admin.getByTestId('users-status').inputValue()).toBe('pending');
        await admin.getByTestId('users-search').fill(tag);
        const stationRow = users.locator('tbody tr', { hasText: emails.station });
        const publisherRow = users.locator('tbody tr', { hasText: emails.publisher });
        await stationRow.waitFor({ timeout: 30_000 });
        await publisherRow.waitFor({ timeout: 30_000 });
        // The artist is active already, so it is not waiting.
        expect(await users.locator('tbody tr', { hasText: emails.artist }).count()).toBe(0);
        await expectFittingLayout(admin, 'users pending');
        await shot(admin, step('4-admin-pending-users'));

        await stationRow.getByTestId('user-approve').click();
        await admin.getByTestId('approve-dialog').waitFor();
        await admin.getByTestId('approve-dialog').getByTestId('confirm-action').click();
        await admin.getByTestId('approve-dialog').waitFor({ state: 'detached' });
        await stationRow.waitFor({ state: 'detached', timeout: 30_000 });

        await publisherRow.getByTestId('user-reject').click();
        const dialog = admin.getByTestId('reject-dialog');
        await dialog.waitFor();
        // A reason is required: confirming without one says so on the field.
        await dialog.getByTestId('confirm-action').click();
        await dialog.getByText('Say why, in at least 3 characters').first().waitFor();
        await dialog.getByTestId('reject-reason').fill(reason);
        await shot(admin, step('5-admin-reject-dialog'), { fullPage: false });
        await dialog.getByTestId('confirm-action').click();
        await dialog.waitFor({ state: 'detached', timeout: 30_000 });
        await publisherRow.waitFor({ state: 'detached', timeout: 30_000 });

        // All states: the station active, the publisher rejected with its reason.
        await admin.getByTestId('users-status').selectOption('');
        const stationActive = users.locator('tbody tr', { hasText: emails.station });
        await stationActive.getByTestId('user-status').getByText('Active').waitFor({ timeout: 30_000 });
        const publisherRejected = users.locator('tbody tr', { hasText: emails.publisher });
        expect(await publisherRejected.getByTestId('user-rejection-reason').textContent()).toBe(reason);
        await expectFittingLayout(admin, 'users after review');
        await shot(admin, step('6-admin-users-reviewed'));

        // ---- The station signs in and reaches its home.
        await signIn(station, platform.portalUrls.station, emails.station, PASSWORD);
        await station.getByTestId('app-shell').waitFor({ timeout: 60_000 });
        await station.getByTestId('role-home').waitFor({ timeout: 30_000 });
        expect(new URL(station.url()).pathname).toBe('/');
        await shot(station, step('7-station-home'));

        // ---- The publisher signs in and reads why it was not approved.
        await signIn(publisher, platform.portalUrls.publisher, emails.publisher, PASSWORD);
        await publisher.getByTestId('account-state-reason').waitFor({ timeout: 60_000 });
        expect(await publisher.getByTestId('account-state-badge').textContent()).toBe('Not approved');
        expect(await publisher.getByTestId('account-state-reason').textContent()).toBe(reason);
        expect(await publisher.getByTestId('app-shell').count()).toBe(0);
        await expectFittingLayout(publisher, 'publisher rejected');
        await shot(publisher, step('8-publisher-rejected'));

        // ---- The admin's operations pages show what happened.
        await admin.goto(`${platform.portalUrls.admin}/audit`, { waitUntil: 'domcontentloaded' });
        const audit = admin.getByTestId('audit-table');
        await audit.locator('tbody tr', { hasText: reason }).waitFor({ timeout: 30_000 });
        expect(
          await audit
            .locator('tbody tr', { hasText: reason })
            .getByTestId('audit-action')
            .getAttribute('title'),
        ).toBe('account.reject');
        await expectFittingLayout(admin, 'audit log');
        await shot(admin, step('9-admin-audit'));

        await admin.goto(`${platform.portalUrls.admin}/stations`, { waitUntil: 'domcontentloaded' });
        const stations = admin.getByTestId('stations-table');
        const stationListed = stations.locator('tbody tr', { hasText: emails.station });
        await stationListed.waitFor({ timeout: 30_000 });
        expect(await stationListed.getByTestId('station-account').textContent()).toBe('Active');
        await expectFittingLayout(admin, 'stations');
        await shot(admin, step('10-admin-stations'));

        await admin.goto(`${platform.portalUrls.admin}/system`, { waitUntil: 'domcontentloaded' });
        const services = admin.getByTestId('services-table');
        await services.locator('tbody tr', { hasText: 'bff' }).waitFor({ timeout: 60_000 });
        await admin.getByTestId('queues-table').locator('tbody tr', { hasText: 'system' }).waitFor();
        // A heartbeat through the queue: the embedded worker records it and appears as a service.
        await admin.getByTestId('request-heartbeat').click();
        await services.locator('tbody tr', { hasText: 'worker' }).waitFor({ timeout: 60_000 });
        await expectFittingLayout(admin, 'system status');
        await shot(admin, step('11-admin-system'));

        expect(errors).toEqual([]);
      } finally {
        for (const page of pages) await page.context().close();
      }
    }, 300_000);
  });
});
