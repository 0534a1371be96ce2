// The publisher signs an artist, in Chromium against `npm start`'s embedded
// platform, at a desktop and a phone width: a new artist signs up and
// registers a track; the publisher's invitation form shows its inline checks,
// then invites the artist with a 20 % split; the artist sees the invitation on
// the artist home page and accepts it; the publisher sees the artist active
// on the roster and the track in the catalog, and the other publisher pages
// (plays, earnings, statements, disputes, payouts) render without sideways
// scroll. Screenshots land in .test-results/screenshots/publisher-roster/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoEmail, signIn } from './support/portal-session';
import { expectFittingLayout } from './support/layout-expectations';
import { usePlatformAndBrowser } from './support/portal-suite';
import { fullPageScreenshot, newContextAt, type ViewportName } from './support/screenshots';

const VIEWPORT_NAMES: ViewportName[] = ['desktop', 'phone'];
const TEST = 'publisher-roster';
const PASSWORD = 'a long passphrase for tests';

/** A full-page picture; the sticky header is made static so it is not painted mid-page. */
const shot = (page: Page, step: string) => fullPageScreenshot(page, TEST, step);

/** Registers a track as the signed-in artist, through the portal's /api proxy with the session's CSRF token. */
async function registerTrack(page: Page, title: string): Promise<number> {
  return page.evaluate(async (trackTitle) => {
    const session = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
    const response = await fetch('/api/artist/tracks', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ title: trackTitle }),
    });
    return response.status;
  }, title);
}

describe('a publisher signs an artist, desktop and phone', () => {
  const suite = usePlatformAndBrowser();
  const run = Date.now().toString(36);

  for (const viewport of VIEWPORT_NAMES) {
    it(`invite → accept → roster and catalog (${viewport})`, async () => {
      const artistContext = await newContextAt(suite.browser, viewport);
      const publisherContext = await newContextAt(suite.browser, viewport);
      const artist = await artistContext.newPage();
      const publisher = await publisherContext.newPage();
      const errors: string[] = [];
      for (const page of [artist, publisher]) page.on('pageerror', (error) => errors.push(error.message));
      const step = (name: string) => `${viewport === 'desktop' ? 'd' : 'p'}-${name}`;
      const artistName = `Efua ${viewport} ${run}`;
      const artistEmail = `efua-${viewport}-${run}@example.com`;
      const trackTitle = `Nkwa ${viewport} ${run}`;
      try {
        // ---- A new artist signs up (straight into the portal) and registers a track.
        await artist.goto(`${suite.platform.portalUrls.artist}/signup`, { waitUntil: 'domcontentloaded' });
        await artist.getByTestId('signup-page').waitFor({ timeout: 60_000 });
        await artist.getByTestId('signup-name').fill(artistName);
        await artist.getByTestId('signup-email').fill(artistEmail);
        await artist.getByTestId('signup-password').fill(PASSWORD);
        await artist.getByTestId('signup-submit').click();
        await artist.getByTestId('role-home').waitFor({ timeout: 30_000 });
        expect(await registerTrack(artist, trackTitle)).toBe(201);
        await artist.getByText(/You are self-published/).waitFor({ timeout: 30_000 });

        // ---- The publisher's dashboard, then the invitation form's inline checks.
        await signIn(publisher, suite.platform.portalUrls.publisher, demoEmail('publisher'));
        await publisher.getByTestId('publisher-summary').waitFor({ timeout: 60_000 });
        await publisher.getByTestId('summary-available').getByText('GHS').waitFor({ timeout: 30_000 });
        await expectFittingLayout(publisher, 'publisher home');
        await shot(publisher, step('1-publisher-home'));

        await publisher.goto(`${suite.platform.portalUrls.publisher}/roster`, {
          waitUntil: 'domcontentloaded',
        });
        await publisher.getByTestId('invite-form').waitFor({ timeout: 30_000 });
        await publisher.getByTestId('invite-email').fill('nobody@example.com');
        await publisher.getByTestId('invite-split').fill('120');
        await publisher.getByTestId('invite-submit').click();
        await publisher.getByText('A share cannot exceed 100 %').waitFor();
        await publisher.getByTestId('invite-split').fill('20');
        await publisher.getByTestId('invite-submit').click();
        await publisher
          .getByText('No artist account with e-mail nobody@example.com')
          .waitFor({ timeout: 30_000 });
        await expectFittingLayout(publisher, 'invitation form with errors');
        await shot(publisher, step('2-invite-errors'));

        // ---- The real invitation: pending on the roster.
        await publisher.getByTestId('invite-email').fill(artistEmail);
        await publisher.getByTestId('invite-submit').click();
        const row = publisher.getByTestId('roster-table').locator('tbody tr').filter({
          hasText: artistName,
        });
        await row.first().waitFor({ timeout: 30_000 });
        await row.first().getByText('Invitation pending').waitFor();
        await expectFittingLayout(publisher, 'roster with a pending invitation');
        await shot(publisher, step('3-roster-pending'));

        // ---- The artist accepts on the home page.
        await artist.reload({ waitUntil: 'domcontentloaded' });
        const invitation = artist.getByTestId('invitation');
        await invitation.waitFor({ timeout: 30_000 });
        expect(await invitation.textContent()).toMatch(/Demo Publishing.*to keep 20[.,]00\s%/s);
        await expectFittingLayout(artist, 'artist home with an invitation');
        await shot(artist, step('4-artist-invitation'));
        await artist.getByTestId('invitation-accept').click();
        await invitation.getByText('Active').waitFor({ timeout: 30_000 });
        await artist.getByTestId('invitation-end').waitFor();
        await shot(artist, step('5-artist-accepted'));

        // ---- The publisher sees the artist active and their track in the catalog.
        await publisher.reload({ waitUntil: 'domcontentloaded' });
        await row.first().getByText('Active').waitFor({ timeout: 30_000 });
        await shot(publisher, step('6-roster-active'));
        await row.first().getByTestId('roster-catalog').click();
        await publisher.getByTestId('catalog-table').getByText(trackTitle).waitFor({ timeout: 30_000 });
        expect(new URL(publisher.url()).search).toContain('artist=');
        expect(await publisher.getByTestId('catalog-table').textContent()).toContain(artistName);
        await expectFittingLayout(publisher, 'catalog');
        await shot(publisher, step('7-catalog'));

        // ---- Every other publisher page renders, without sideways scroll.
        for (const [path, heading] of [
          ['/plays', 'Plays'],
          ['/earnings', 'Earnings'],
          ['/statements', 'Statements'],
          ['/disputes', 'Disputes'],
          ['/payouts', 'Payouts'],
        ] as const) {
          await publisher.goto(`${suite.platform.portalUrls.publisher}${path}`, {
            waitUntil: 'domcontentloaded',
          });
          await publisher.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 30_000 });
          await publisher.waitForLoadState('networkidle');
          await expectFittingLayout(publisher, path);
          await shot(publisher, step(`8${path.replace('/', '-')}`));
        }
        expect(errors).toEqual([]);
      } finally {
        await artistContext.close();
        await publisherContext.close();
      }
    });
  }
});
