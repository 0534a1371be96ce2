// The publisher's money pages with real data, in Chromium against `npm
// start`'s embedded platform: a new artist uploads a (synthesised) track and
// accepts the demo publisher's invitation; the demo station's device posts
// three captures of it, which become a play; an admin opens, calculates and
// locks a cycle over it (admin API calls straight to the bff, as its portal sends them).
// The publisher then sees the play and the plays-per-station chart, the
// cycle on the earnings page, the statement (page, CSV and PDF), asks for more
// than the balance (refused in words) and then for the balance, and disputes
// the play with a reason and an evidence image. Desktop drives the chain; a
// phone-width session then views the same pages. Screenshots land in
// .test-results/screenshots/publisher-money/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoEmail, signIn } from './support/portal-session';
import { postDeviceCapture } from './support/device-captures';
import { expectFittingLayout } from './support/layout-expectations';
import { usePlatformAndBrowser } from './support/portal-suite';
import { fullPageScreenshot, newContextAt, screenshot } from './support/screenshots';
import { degrade, encodeWav, sliceSeconds, synthesisePiece } from './support/test-audio';

const TEST = 'publisher-money';
const PASSWORD = 'a long passphrase for tests';
const CHAIN_TIMEOUT_MS = 150_000;
const DAY_MS = 86_400_000;
// A portal's first page in a dev server on a busy machine can take long to compile.
const FIRST_LOAD_MS = 120_000;
// A 1×1 PNG: real magic bytes, so the bff's content sniffing accepts it as evidence.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const shot = (page: Page, step: string) => fullPageScreenshot(page, TEST, step);

/**
 * The admin's calls straight to the bff (sign-in, then cookie + CSRF token and
 * the admin portal's Origin, as the admin portal's client sends them).
 */
async function adminApi(bffUrl: string, origin: string) {
  const login = await fetch(`${bffUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: demoEmail('admin'), password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${bffUrl}/api${path}`, {
      method,
      headers: {
        origin,
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
}

/** Signs in; the portal's page may still take long to load on a busy machine. */
async function signInPatiently(page: Page, url: string, email: string) {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  try {
    await page.getByTestId('login-page').waitFor({ timeout: FIRST_LOAD_MS });
  } catch (error) {
    await screenshot(page, TEST, 'failed-sign-in');
    console.log(`[sign-in ${url}]`, (await page.content()).slice(0, 3000));
    throw error;
  }
  await signIn(page, url, email);
}

describe('the publisher money pages with a real play and a locked cycle', () => {
  const suite = usePlatformAndBrowser();
  const run = Date.now().toString(36);

  it(
    'play → cycle locked → earnings, statement, payout and a dispute, desktop then phone',
    async () => {
      const contexts = await Promise.all([1, 2, 3].map(() => newContextAt(suite.browser, 'desktop')));
      const [artist, publisher, station] = await Promise.all(contexts.map((c) => c.newPage()));
      const errors: string[] = [];
      for (const page of [artist!, publisher!, station!])
        page.on('pageerror', (error) => errors.push(error.message));
      const title = `Sankofa ${run}`;
      const artistEmail = `kwesi-${run}@example.com`;
      const piece = synthesisePiece(7_100, 45);
      try {
        // ---- A new artist uploads a track and waits until it is ready.
        await artist!.goto(`${suite.platform.portalUrls.artist}/signup`, { waitUntil: 'domcontentloaded' });
        await artist!.getByTestId('signup-page').waitFor({ timeout: FIRST_LOAD_MS });
        await artist!.getByTestId('signup-name').fill(`Kwesi ${run}`);
        await artist!.getByTestId('signup-email').fill(artistEmail);
        await artist!.getByTestId('signup-password').fill(PASSWORD);
        await artist!.getByTestId('signup-submit').click();
        await artist!.getByTestId('role-home').waitFor({ timeout: 30_000 });
        await artist!.goto(`${suite.platform.portalUrls.artist}/upload`, { waitUntil: 'domcontentloaded' });
        await artist!.getByTestId('track-upload-form').waitFor({ timeout: 30_000 });
        await artist!.getByTestId('track-title').fill(title);
        await artist!.getByTestId('track-audio').setInputFiles({
          name: 'sankofa.wav',
          mimeType: 'audio/wav',
          buffer: encodeWav(piece),
        });
        await artist!.getByTestId('track-upload-submit').click();
        await artist!.waitForURL(/\/tracks\/[0-9a-f-]{36}$/, { timeout: 60_000 });
        await artist!
          .locator('[data-testid="track-facts"] [data-testid="track-status"][data-status="ready"]')
          .waitFor({ timeout: CHAIN_TIMEOUT_MS });

        // ---- The demo publisher invites the artist (20 %); the artist accepts.
        await signInPatiently(publisher!, suite.platform.portalUrls.publisher, demoEmail('publisher'));
        await publisher!.getByTestId('publisher-summary').waitFor({ timeout: FIRST_LOAD_MS });
        await publisher!.goto(`${suite.platform.portalUrls.publisher}/roster`, {
          waitUntil: 'domcontentloaded',
        });
        await publisher!.getByTestId('invite-email').fill(artistEmail);
        await publisher!.getByTestId('invite-split').fill('20');
        // The deal starts yesterday, so the play (posted a minute back) falls inside it.
        await publisher!
          .getByTestId('invite-effective-from')
          .fill(new Date(Date.now() - DAY_MS).toISOString().slice(0, 10));
        await publisher!.getByTestId('invite-submit').click();
        await publisher!
          .getByTestId('roster-status')
          .filter({ hasText: 'Invitation pending' })
          .waitFor({ timeout: 30_000 });
        await artist!.goto(suite.platform.portalUrls.artist, { waitUntil: 'domcontentloaded' });
        await artist!.getByTestId('invitation-accept').click({ timeout: 30_000 });
        await artist!.getByTestId('invitation-end').waitFor({ timeout: 30_000 });

        // ---- The station's device posts three consecutive captures of the track: one play.
        await signInPatiently(station!, suite.platform.portalUrls.station, demoEmail('station'));
        await station!.getByTestId('app-shell').waitFor({ timeout: FIRST_LOAD_MS });
        await station!.goto(`${suite.platform.portalUrls.station}/devices`, {
          waitUntil: 'domcontentloaded',
        });
        await station!.getByTestId('device-name').fill(`Studio ${run}`);
        await station!.getByTestId('issue-device').click();
        const token = (await station!.getByTestId('issued-token-value').textContent())!.trim();
        const start = new Date(Date.now() - 60_000);
        for (const n of [0, 1, 2]) {
          const wav = encodeWav(degrade(sliceSeconds(piece, 5 + n * 10, 15 + n * 10), 70 + n));
          expect(
            (
              await postDeviceCapture(
                suite.platform.bffUrl,
                token,
                `pm-${run}-${n}`,
                new Date(start.getTime() + n * 10_000),
                wav,
              )
            ).status,
          ).toBe(202);
        }

        // ---- The publisher sees the play (and the chart) once it is assembled.
        const plays = `${suite.platform.portalUrls.publisher}/plays`;
        const playRow = publisher!.getByTestId('plays-table').locator('tbody tr', { hasText: title });
        await expect
          .poll(
            async () => {
              await publisher!.goto(plays, { waitUntil: 'domcontentloaded' });
              await publisher!.getByTestId('plays-table').waitFor({ timeout: 30_000 });
              await publisher!.waitForLoadState('networkidle');
              return playRow.count();
            },
            { timeout: CHAIN_TIMEOUT_MS, interval: 3_000 },
          )
          .toBe(1);
        await publisher!.getByText('Plays per station').first().waitFor();
        await expectFittingLayout(publisher!, 'plays');
        await shot(publisher!, 'd-1-plays');

        // ---- An admin opens a cycle over yesterday to tomorrow, calculates and locks it.
        const adminCall = await adminApi(suite.platform.bffUrl, suite.platform.portalUrls.admin);
        const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
        const cycleName = `E2E ${run}`;
        const opened = await adminCall('POST', '/admin/cycles', {
          name: cycleName,
          periodStart: day(-1),
          periodEnd: day(1),
        });
        expect(opened.status).toBe(201);
        const cycleId = (opened.body as { id: string }).id;
        expect((await adminCall('POST', `/admin/cycles/${cycleId}/calculate`)).status).toBe(202);
        await expect
          .poll(
            async () =>
              ((await adminCall('GET', `/admin/cycles/${cycleId}`)).body as { status: string }).status,
            {
              timeout: 60_000,
              interval: 1_000,
            },
          )
          .toBe('calculated');
        expect((await adminCall('POST', `/admin/cycles/${cycleId}/lock`)).status).toBe(200);

        // ---- Earnings: the cycle with a non-zero amount, the chart, the balance.
        await publisher!.goto(`${suite.platform.portalUrls.publisher}/earnings`, {
          waitUntil: 'domcontentloaded',
        });
        const cycleRow = publisher!.getByTestId('earnings-table').locator('tbody tr', { hasText: cycleName });
        await cycleRow.waitFor({ timeout: 30_000 });
        expect(await cycleRow.textContent()).toMatch(/GHS\s\d+\.\d\d/);
        expect(await cycleRow.textContent()).not.toMatch(/Locked.*GHS\s0\.00.*GHS/s);
        const available = (await publisher!.getByTestId('balance-available').textContent())!.replace(
          /\u00a0/g,
          ' ',
        );
        expect(available).toMatch(/^GHS \d+\.\d\d$/);
        expect(available).not.toBe('GHS 0.00');
        await publisher!.getByText('Earnings per month (GHS)').first().waitFor();
        await expectFittingLayout(publisher!, 'earnings');
        await shot(publisher!, 'd-2-earnings');

        // ---- The statement: page, CSV and PDF.
        await cycleRow.getByTestId('earnings-statement').click();
        await publisher!.getByTestId('statement-lines').getByText(title).first().waitFor({ timeout: 30_000 });
        expect(
          (await publisher!.getByTestId('statement-payable').textContent())!.replace(/\u00a0/g, ' '),
        ).toBe(available);
        const csvHref = (await publisher!.getByTestId('statement-csv').getAttribute('href'))!;
        const csv = await publisher!.evaluate(async (href) => {
          const response = await fetch(href);
          return { status: response.status, text: await response.text() };
        }, csvHref);
        expect(csv.status).toBe(200);
        expect(csv.text).toContain(title);
        const pdfHref = (await publisher!.getByTestId('statement-pdf').getAttribute('href'))!;
        const pdf = await publisher!.evaluate(async (href) => {
          const response = await fetch(href);
          const bytes = new Uint8Array(await response.arrayBuffer());
          return {
            status: response.status,
            type: response.headers.get('content-type'),
            head: String.fromCharCode(...bytes.slice(0, 5)),
          };
        }, pdfHref);
        expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
        await expectFittingLayout(publisher!, 'statement');
        await shot(publisher!, 'd-3-statement');

        // ---- Payouts: more than the balance is refused in words; the balance itself is requested.
        await publisher!.goto(`${suite.platform.portalUrls.publisher}/payouts`, {
          waitUntil: 'domcontentloaded',
        });
        await publisher!.getByTestId('payout-form').waitFor({ timeout: 30_000 });
        await publisher!.getByTestId('balance-available').waitFor({ timeout: 30_000 });
        const amount = available.replace('GHS ', '');
        await publisher!.getByTestId('payout-amount').fill((Number(amount) + 1).toFixed(2));
        await publisher!.getByTestId('payout-method').selectOption('mobile_money');
        await publisher!.getByTestId('payout-destination').fill('024 123 4567');
        await publisher!.getByTestId('payout-submit').click();
        await publisher!.getByText(/is more than your available balance of GHS/).waitFor();
        await shot(publisher!, 'd-4-payout-refused');
        await publisher!.getByTestId('payout-amount').fill(amount);
        await publisher!.getByTestId('payout-submit').click();
        await publisher!
          .getByTestId('payout-state')
          .filter({ hasText: 'Requested' })
          .waitFor({ timeout: 30_000 });
        expect(await publisher!.getByTestId('payouts-table').textContent()).toContain(amount);
        await expectFittingLayout(publisher!, 'payouts');
        await shot(publisher!, 'd-5-payout-requested');

        // ---- A dispute of the play, with a reason and an evidence image.
        await publisher!.goto(plays, { waitUntil: 'domcontentloaded' });
        await playRow.getByTestId('play-dispute').click({ timeout: 30_000 });
        const dialog = publisher!.getByRole('dialog');
        await dialog.getByTestId('dispute-submit').click();
        await dialog.getByText(/Say what is wrong with this play/).waitFor();
        await dialog
          .getByTestId('dispute-reason')
          .fill('Our artist did not perform on this station that morning.');
        await dialog
          .getByTestId('dispute-evidence')
          .setInputFiles({ name: 'playlist.png', mimeType: 'image/png', buffer: PNG });
        await shot(publisher!, 'd-6-dispute-dialog');
        await dialog.getByTestId('dispute-submit').click();
        await dialog.waitFor({ state: 'detached', timeout: 30_000 });
        await publisher!.goto(`${suite.platform.portalUrls.publisher}/disputes`, {
          waitUntil: 'domcontentloaded',
        });
        const disputeRow = publisher!.getByTestId('disputes-table').locator('tbody tr', { hasText: title });
        await disputeRow.waitFor({ timeout: 30_000 });
        expect(await disputeRow.getByTestId('dispute-state').textContent()).toBe('Open');
        expect(await disputeRow.textContent()).toContain('Attached');
        await expectFittingLayout(publisher!, 'disputes');
        await shot(publisher!, 'd-7-disputes');

        // ---- The same pages at phone width.
        const phoneContext = await newContextAt(suite.browser, 'phone');
        contexts.push(phoneContext);
        const phone = await phoneContext.newPage();
        phone.on('pageerror', (error) => errors.push(error.message));
        await signInPatiently(phone, suite.platform.portalUrls.publisher, demoEmail('publisher'));
        await phone.getByTestId('publisher-summary').waitFor({ timeout: FIRST_LOAD_MS });
        for (const [path, ready] of [
          ['/', 'summary-available'],
          ['/plays', 'plays-table'],
          ['/earnings', 'earnings-table'],
          [`/statements?cycle=${cycleId}`, 'statement-lines'],
          ['/payouts', 'payouts-table'],
          ['/disputes', 'disputes-table'],
        ] as const) {
          await phone.goto(`${suite.platform.portalUrls.publisher}${path}`, {
            waitUntil: 'domcontentloaded',
          });
          await phone.getByTestId(ready).waitFor({ timeout: 30_000 });
          await phone.waitForLoadState('networkidle');
          await expectFittingLayout(phone, `${path} on a phone`);
          await shot(phone, `p-${path === '/' ? 'home' : path.slice(1).replace(/\?.*/, '')}`);
        }
        expect(errors).toEqual([]);
      } finally {
        for (const context of contexts) await context.close();
      }
    },
    CHAIN_TIMEOUT_MS * 3,
  );
});
