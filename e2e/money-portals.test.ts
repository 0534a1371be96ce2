// The money side through the admin and artist portals in Chromium, against
// `npm start`'s embedded platform, at a desktop and a phone width. Seeding as
// in airplay-portals: the artist's track is uploaded and fingerprinted, the
// station's device posts three consecutive captures of it (dated in the
// past), and the worker turns them into a play. Then, in the browsers: the
// admin saves a new rate table version (a bad field is refused on the field
// first), opens a cycle over the play's day, calculates it (the progress bar
// shows the cycle's progress), checks the recipients and locks it; the artist
// opens the statement and downloads the CSV and the PDF, whose bytes are
// checked (CSV header and rows, PDF text through unpdf) against the page.
// Then a payout (an overdraft refused in words, a smaller request approved
// and marked paid with a reference) and a dispute from a statement line that
// the admin rejects with a note, as the artist's disputes page shows.
// Screenshots land in .test-results/screenshots/money-portals/.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extractText } from 'unpdf';
import { apiSession, type ApiSession } from './support/api-session';
import type { EmbeddedPlatform } from './support/embedded-platform';
import { demoEmail, signIn } from './support/portal-session';
import { postDeviceCapture } from './support/device-captures';
import { expectFittingLayout } from './support/layout-expectations';
import { usePlatformAndBrowser } from './support/portal-suite';
import { fullPageScreenshot, newContextAt, type ViewportName } from './support/screenshots';
import { degrade, encodeWav, sliceSeconds, synthesisePiece } from './support/test-audio';

const VIEWPORT_NAMES: ViewportName[] = ['desktop', 'phone'];
const TEST = 'money-portals';
const CHAIN_TIMEOUT_MS = 120_000;
const DAY_MS = 86_400_000;

const shot = (page: Page, step: string) => fullPageScreenshot(page, TEST, step);

const pad = (n: number) => String(n).padStart(2, '0');
/** The value a datetime-local input shows for this instant (Node and Chromium share the zone). */
const localInput = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/** Upload and fingerprint a track, post three consecutive captures of it at `playStart`; wait for the play. */
async function seedPlay(
  platform: EmbeddedPlatform,
  { title, isrc, seed, playStart }: { title: string; isrc: string; seed: number; playStart: Date },
): Promise<{ artist: ApiSession; trackId: string }> {
  const artist = await apiSession(platform.bffUrl, demoEmail('artist'));
  const station = await apiSession(platform.bffUrl, demoEmail('station'));
  // The amounts below assume the demo station: community class, Accra time (07:30 = prime).
  expect(await station.get('/station/profile')).toMatchObject({
    stationClass: 'community',
    timezone: 'Africa/Accra',
  });
  const piece = synthesisePiece(seed, 45);
  const track = await artist.send<{ id: string }>('POST', '/artist/tracks', { title, isrc });
  const audio = new FormData();
  audio.append(
    'file',
    new Blob([new Uint8Array(encodeWav(piece))], { type: 'audio/wav' }),
    'money-track.wav',
  );
  await artist.upload('PUT', `/artist/tracks/${track.id}/audio`, audio);
  await expect
    .poll(async () => (await artist.get<{ status: string }>(`/artist/tracks/${track.id}`)).status, {
      timeout: CHAIN_TIMEOUT_MS,
      interval: 1_000,
    })
    .toBe('ready');

  const device = await station.send<{ token: string }>('POST', '/station/devices', {
    name: `Money ${title}`,
  });
  for (const n of [0, 1, 2]) {
    const from = 5 + n * 10;
    const answer = await postDeviceCapture(
      platform.bffUrl,
      device.token,
      `money-${isrc}-${n}`,
      new Date(playStart.getTime() + n * 10_000),
      encodeWav(degrade(sliceSeconds(piece, from, from + 10), 40 + n)),
    );
    expect(answer.status, answer.text).toBe(202);
  }
  const from = new Date(playStart.getTime() - 60_000).toISOString();
  const to = new Date(playStart.getTime() + 10 * 60_000).toISOString();
  await expect
    .poll(
      async () =>
        (
          await artist.get<{ items: { trackId: string; durationSeconds: number }[] }>(
            `/artist/plays?track=${track.id}&from=${from}&to=${to}&limit=10`,
          )
        ).items.filter((play) => play.durationSeconds >= 25).length,
      { timeout: CHAIN_TIMEOUT_MS, interval: 1_000 },
    )
    .toBe(1);
  return { artist, trackId: track.id };
}

/**
 * Chromium aborts loads with ERR_NETWORK_CHANGED while a Docker network comes
 * or goes on the machine (CI runners and dev machines run other containers);
 * a module request lost that way leaves the portal blank. A page load is
 * therefore tried up to four times, a few seconds apart; the errors of an
 * abandoned load are dropped with it (the test still fails on any error of
 * the load that counts).
 */
async function withReloads(page: Page, errors: string[], attempt: () => Promise<void>) {
  for (let tries = 1; ; tries++) {
    const before = errors.length;
    try {
      await attempt();
      return;
    } catch (error) {
      if (tries === 4) throw error;
      console.log(`[retry ${tries}] ${page.url()}: ${errors.slice(before).join(' | ') || String(error)}`);
      errors.splice(before);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
  }
}

/** Opens a portal page and waits for one of its elements. */
async function open(page: Page, errors: string[], url: string, testId: string) {
  await withReloads(page, errors, async () => {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.getByTestId(testId).first().waitFor({ timeout: 30_000 });
  });
}

/** Signs in and waits for the portal's shell. */
async function signInTo(page: Page, errors: string[], url: string, email: string) {
  await withReloads(page, errors, async () => {
    await signIn(page, url, email);
    await page.getByTestId('app-shell').waitFor({ timeout: 60_000 });
  });
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

describe('rate table → cycle → lock → statement downloads, desktop and phone', () => {
  const suite = usePlatformAndBrowser();
  const run = Date.now().toString().slice(-5);

  (process.env.E2E_VIEWPORT
    ? VIEWPORT_NAMES.filter((name) => name === process.env.E2E_VIEWPORT)
    : VIEWPORT_NAMES
  ).forEach((viewport) => {
    const index = VIEWPORT_NAMES.indexOf(viewport);
    it(
      `admin edits rates, runs a cycle to lock; the artist downloads the statement (${viewport})`,
      async () => {
        // Each width has its own day: the desktop's play three days ago, the
        // phone's yesterday; the phone's rate version starts after the
        // desktop's priced play (a version never reprices priced plays).
        const today = new Date(`${utcDay(new Date())}T00:00:00Z`);
        const playDay = new Date(today.getTime() - (index === 0 ? 3 : 1) * DAY_MS);
        const playStart = new Date(playDay.getTime() + 7.5 * 3_600_000); // 07:30, prime time
        const effective = new Date(playDay.getTime() - DAY_MS + index * 60_000);
        const title = `Sika ${viewport} ${run}`;
        const isrc = `GHZM${index + 1}26${run}`;
        const cycleName = `E2E ${viewport} ${run}`;
        await seedPlay(suite.platform, { title, isrc, seed: 6_000 + index, playStart });

        const admin = await (await newContextAt(suite.browser, viewport)).newPage();
        const artist = await (await newContextAt(suite.browser, viewport)).newPage();
        const errors: string[] = [];
        for (const page of [admin, artist]) {
          page.on('pageerror', (error) => errors.push(error.message));
          page.on('console', (message) => {
            if (message.type() === 'error') console.log(`[${viewport} console] ${message.text()}`);
          });
        }
        const step = (name: string) => `${viewport === 'desktop' ? 'd' : 'p'}-${name}`;
        try {
          // ---- The admin saves a new rate table version.
          await signInTo(admin, errors, suite.platform.portalUrls.admin, demoEmail('admin'));
          await open(admin, errors, `${suite.platform.portalUrls.admin}/rate-table`, 'rate-table-current');
          const versionsBefore = await admin.getByTestId('rate-table-history').locator('tbody tr').count();
          await admin.getByTestId('rate-table-new').click();
          await admin.getByTestId('rate-effective-from').fill(localInput(effective));
          await admin.getByTestId('rate-note').fill(`E2E rates ${viewport} ${run}`);
          // A bad base rate and multiplier are named on their fields; nothing is saved.
          await admin.getByTestId('rate-community-baseRate').fill('0.0150001');
          await admin.getByTestId('rate-class_b-prime').fill('one');
          await admin.getByTestId('rate-table-save').click();
          await admin.getByTestId('rate-table-problems').getByText('2 fields need attention').waitFor();
          await admin.getByText('Enter GHS per second with at most 6 decimals').waitFor();
          await admin.getByText('Enter a multiplier with at most 4 decimals').waitFor();
          await expectFittingLayout(admin, 'rate table form with errors');
          await shot(admin, step('1-rate-table-errors'));
          // The demo station is a community station: 0.02 GHS/s, prime × 1.5 from now on.
          await admin.getByTestId('rate-community-baseRate').fill('0.02');
          await admin.getByTestId('rate-community-prime').fill('1.5');
          await admin.getByTestId('rate-class_b-prime').fill('1.4');
          await admin.getByTestId('rate-table-save').click();
          await admin.getByTestId('rate-table-form').waitFor({ state: 'detached', timeout: 30_000 });
          await expect
            .poll(() => admin.getByTestId('rate-table-history').locator('tbody tr').count())
            .toBe(versionsBefore + 1);
          await admin.getByTestId('rate-table-history').getByText(`E2E rates ${viewport} ${run}`).waitFor();
          await expectFittingLayout(admin, 'rate table');
          await shot(admin, step('2-rate-table-saved'));

          // ---- A cycle over the play's day: open, calculate, lock.
          await open(admin, errors, `${suite.platform.portalUrls.admin}/cycles`, 'cycle-form');
          await admin.getByTestId('cycle-name').fill(cycleName);
          await admin.getByTestId('cycle-first-day').fill(utcDay(playDay));
          await admin.getByTestId('cycle-last-day').fill(utcDay(new Date(playDay.getTime() - DAY_MS)));
          await admin.getByTestId('cycle-open').click();
          await admin.getByText('The last day must be on or after the first day').waitFor();
          await admin.getByTestId('cycle-last-day').fill(utcDay(playDay));
          await admin.getByTestId('cycle-open').click();
          await admin.waitForURL(/\/cycles\/[0-9a-f-]{36}$/, { timeout: 30_000 });
          expect(await admin.getByTestId('cycle-heading').textContent()).toBe(cycleName);
          await admin.getByTestId('cycle-progress-text').getByText('Not calculated yet.').waitFor();
          await shot(admin, step('3-cycle-open'));

          await admin.getByTestId('cycle-calculate').click();
          const progress = admin.getByTestId('cycle-progress-bar');
          await progress.waitFor();
          expect(await progress.isVisible()).toBe(true);
          await admin
            .getByTestId('cycle-progress-text')
            .getByText(/^1 of 1 plays priced/)
            .waitFor({ timeout: CHAIN_TIMEOUT_MS });
          expect(await admin.getByTestId('cycle-progress').getAttribute('data-percent')).toBe('100');
          expect(await progress.getAttribute('value')).toBe('100');
          const recipients = admin.getByTestId('cycle-recipients');
          await recipients.locator('tbody tr').first().waitFor({ timeout: 30_000 });
          await admin.getByTestId('usage-station').locator('tbody tr').first().waitFor({ timeout: 30_000 });
          // The collecting society's report: the station's plays, seconds and amount.
          const usage = await download(admin, 'usage-csv-station');
          const [usageHeader, ...usageRows] = usage.bytes.toString('utf8').trim().split(/\r?\n/);
          expect(usageHeader).toBe('station_id,station,plays,seconds,amount_ghs');
          expect(usageRows).toHaveLength(1);
          expect(usageRows[0]).toMatch(/^[0-9a-f-]{36},Demo FM,1,\d+(\.\d+)?,\d+\.\d\d$/);
          await expectFittingLayout(admin, 'calculated cycle');
          await shot(admin, step('4-cycle-calculated'));

          await admin.getByTestId('cycle-lock').click();
          await admin.getByTestId('cycle-lock-dialog').getByRole('button', { name: 'Lock cycle' }).click();
          await admin.getByTestId('cycle-status').getByText('Locked').waitFor({ timeout: 30_000 });
          expect(await admin.getByTestId('cycle-calculate').count()).toBe(0);
          await shot(admin, step('5-cycle-locked'));

          // ---- The artist opens the statement and downloads it.
          await signInTo(artist, errors, suite.platform.portalUrls.artist, demoEmail('artist'));
          await open(artist, errors, `${suite.platform.portalUrls.artist}/earnings`, 'earnings-cycles-table');
          await artist.getByTestId('earnings-cycles-table').getByText(cycleName).waitFor({ timeout: 30_000 });
          await artist.getByTestId('earnings-per-month-chart').waitFor();
          await expectFittingLayout(artist, 'earnings');
          await shot(artist, step('6-artist-earnings'));

          await open(artist, errors, `${suite.platform.portalUrls.artist}/statements`, 'statements-table');
          await artist
            .getByTestId('statements-table')
            .getByRole('link', { name: cycleName })
            .click({ timeout: 30_000 });
          await artist.waitForURL(/\/statements\/[0-9a-f-]{36}$/);
          const artistStatementUrl = artist.url();
          await artist.getByTestId('statement-view').waitFor({ timeout: 30_000 });
          expect(await artist.getByTestId('statement-heading').textContent()).toContain(cycleName);
          const lines = artist.getByTestId('statement-lines').locator('tbody tr', { hasText: title });
          expect(await lines.count()).toBe(1);
          const payable = (await artist.getByTestId('statement-payable').textContent())!;
          expect(payable).toMatch(/^GHS\s[\d,]+\.\d\d$/);
          await expectFittingLayout(artist, 'statement');
          await shot(artist, step('7-artist-statement'));

          const csv = await download(artist, 'statement-csv');
          expect(csv.name).toMatch(/^statement-[0-9a-f-]{36}\.csv$/);
          const csvText = csv.bytes.toString('utf8');
          const [header, ...rows] = csvText.trim().split(/\r?\n/);
          expect(header).toBe('play_id,started_at,station,track,isrc,contributor,seconds,amount_ghs,status');
          const playRows = rows.filter((row) => row.includes(title));
          expect(playRows).toHaveLength(1);
          // The new version priced it: 0.02 GHS/s × 1.5 (07:30 is prime) = 3 pesewas a second.
          const seconds = Number(playRows[0]!.split(',')[6]);
          expect(seconds).toBeGreaterThanOrEqual(25);
          const pesewas = Math.round(Number(payable.replace(/[^\d.]/g, '')) * 100);
          expect(Math.abs(pesewas - seconds * 3)).toBeLessThanOrEqual(0.5);
          // The file's total is the page's (GHS 0.90 on the page → "0.90" in the file).
          const amount = payable.replace(/^GHS\s/, '').replace(/,/g, '');
          expect(rows).toContain(`TOTAL PAYABLE,,,,,,,${amount},payable`);
          expect(csvText).toContain(isrc);

          const pdf = await download(artist, 'statement-pdf');
          expect(pdf.name).toMatch(/\.pdf$/);
          expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          const { text } = await extractText(new Uint8Array(pdf.bytes), { mergePages: true });
          expect(text).toContain(cycleName);
          expect(text).toContain(title);
          expect(text.replace(/\s+/g, ' ')).toContain(`Payable: GHS ${amount}`);

          // ---- A payout: an overdraft is refused in words, a smaller request is approved and paid.
          await open(artist, errors, `${suite.platform.portalUrls.artist}/payouts`, 'payout-form');
          const available = (await artist.getByTestId('balance-available').textContent())!;
          const availableMinor = Math.round(Number(available.replace(/[^\d.]/g, '')) * 100);
          expect(availableMinor).toBeGreaterThanOrEqual(50);
          await artist.getByTestId('payout-amount').fill(((availableMinor + 100) / 100).toFixed(2));
          await artist.getByTestId('payout-destination').fill('024 123 4567');
          await artist.getByTestId('payout-submit').click();
          await artist
            .getByTestId('payout-form')
            .getByText(/is more than your available balance of GHS/)
            .waitFor();
          await expectFittingLayout(artist, 'payout refused');
          await shot(artist, step('8-artist-payout-refused'));
          await artist.getByTestId('payout-amount').fill('0.50');
          await artist.getByTestId('payout-submit').click();
          await artist
            .getByTestId('payouts-table')
            .locator('tbody tr', { hasText: 'Waiting for approval' })
            .first()
            .waitFor({ timeout: 30_000 });

          const reference = `MM-${viewport}-${run}`;
          await open(admin, errors, `${suite.platform.portalUrls.admin}/payouts`, 'admin-payouts-table');
          const request = admin
            .getByTestId('admin-payouts-table')
            .locator('tbody tr', { hasText: '024 123 4567' });
          await request.first().waitFor({ timeout: 30_000 });
          await shot(admin, step('9-admin-payouts-queue'));
          await request.first().getByTestId('payout-approve').click();
          await admin.getByRole('button', { name: 'Approve', exact: true }).click();
          await admin.getByTestId('admin-payouts-state').selectOption('approved');
          const approved = admin
            .getByTestId('admin-payouts-table')
            .locator('tbody tr', { hasText: '024 123 4567' });
          await approved.first().getByTestId('payout-paid').click({ timeout: 30_000 });
          await admin.getByTestId('payout-reference').fill(reference);
          await admin.getByRole('button', { name: 'Mark paid', exact: true }).click();
          await admin.getByTestId('admin-payouts-state').selectOption('paid');
          await admin
            .getByTestId('admin-payouts-table')
            .getByText(`Reference ${reference}`)
            .waitFor({ timeout: 30_000 });
          await expectFittingLayout(admin, 'payouts queue');
          await shot(admin, step('10-admin-payout-paid'));

          // ---- A dispute from the statement line; the admin rejects it (the earnings are released).
          await open(artist, errors, artistStatementUrl, 'statement-lines');
          await artist
            .getByTestId('statement-lines')
            .locator('tbody tr', { hasText: title })
            .getByTestId('statement-dispute')
            .click();
          await artist.getByTestId('dispute-reason').fill(`Check this play ${viewport} ${run}`);
          await shot(artist, step('11-artist-dispute-dialog'));
          await artist.getByTestId('dispute-submit').click();
          await artist.getByTestId('dispute-dialog').waitFor({ state: 'detached', timeout: 30_000 });
          await artist
            .getByTestId('statement-lines')
            .locator('tbody tr', { hasText: title })
            .getByText('Disputed')
            .waitFor({ timeout: 30_000 });

          await open(admin, errors, `${suite.platform.portalUrls.admin}/disputes`, 'admin-disputes-table');
          const queued = admin
            .getByTestId('admin-disputes-table')
            .locator('tbody tr', { hasText: `Check this play ${viewport} ${run}` });
          await queued.waitFor({ timeout: 30_000 });
          await shot(admin, step('12-admin-disputes-queue'));
          await queued.getByTestId('dispute-rejected').click();
          await admin.getByTestId('dispute-note').fill('The station log confirms the play');
          await admin.getByRole('button', { name: 'Reject', exact: true }).click();
          await queued.waitFor({ state: 'detached', timeout: 30_000 });

          await open(artist, errors, `${suite.platform.portalUrls.artist}/disputes`, 'disputes-table');
          const decided = artist
            .getByTestId('disputes-table')
            .locator('tbody tr', { hasText: `Check this play ${viewport} ${run}` });
          await decided
            .getByText('The station log confirms the play', { exact: false })
            .waitFor({ timeout: 30_000 });
          expect(await decided.getByText('Rejected').count()).toBe(1);
          await expectFittingLayout(artist, 'disputes');
          await shot(artist, step('13-artist-disputes'));
          expect(errors).toEqual([]);
        } catch (error) {
          await shot(admin, step('failed-admin')).catch(() => undefined);
          await shot(artist, step('failed-artist')).catch(() => undefined);
          throw error;
        } finally {
          await admin.context().close();
          await artist.context().close();
        }
      },
      8 * 60_000,
    );
  });
});
