// The airplay chain through the artist and station portals in Chromium,
// against `npm start`'s embedded platform, at a desktop and a phone width:
// the artist uploads a (synthesised) track — over tus, its first part's
// connection dropped and the upload resuming by itself — and sees it become
// ready, sets its splits; the station issues a device token; the device posts three
// consecutive degraded 10 s captures of the track and one of unrelated audio;
// the play appears live (no reload) on the artist's plays page, the
// detections on the station's, the station confirms one. Screenshots of every
// step land in .test-results/screenshots/airplay-portals/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoEmail, signIn } from './support/portal-session';
import { postDeviceCapture, type PostedCapture } from './support/device-captures';
import { expectFittingLayout } from './support/layout-expectations';
import { usePlatformAndBrowser } from './support/portal-suite';
import { fullPageScreenshot, newContextAt, type ViewportName } from './support/screenshots';
import { degrade, encodeWav, sliceSeconds, synthesisePiece } from './support/test-audio';

const VIEWPORT_NAMES: ViewportName[] = ['desktop', 'phone'];
const TEST = 'airplay-portals';
const CHAIN_TIMEOUT_MS = 120_000;

const shot = (page: Page, step: string) => fullPageScreenshot(page, TEST, step);

describe('airplay through the artist and station portals, desktop and phone', () => {
  const suite = usePlatformAndBrowser();
  const run = Date.now().toString().slice(-5);

  (process.env.E2E_VIEWPORT
    ? VIEWPORT_NAMES.filter((name) => name === process.env.E2E_VIEWPORT)
    : VIEWPORT_NAMES
  ).forEach((viewport) => {
    const index = VIEWPORT_NAMES.indexOf(viewport);
    it(
      `upload → ready → device captures → a live play in both portals (${viewport})`,
      async () => {
        const artist = await (await newContextAt(suite.browser, viewport)).newPage();
        const station = await (await newContextAt(suite.browser, viewport)).newPage();
        const errors: string[] = [];
        for (const page of [artist, station]) {
          page.on('pageerror', (error) => errors.push(error.message));
          page.on('console', (message) => {
            if (message.type() === 'error') console.log(`[${viewport} console] ${message.text()}`);
          });
        }
        const step = (name: string) => `${viewport === 'desktop' ? 'd' : 'p'}-${name}`;
        const title = `Anansesem ${viewport} ${run}`;
        const isrc = `GH-ZT${index + 1}-26-${run}`;
        const piece = synthesisePiece(4_000 + index, 45);
        try {
          // ---- The artist uploads the track.
          await signIn(artist, suite.platform.portalUrls.artist, demoEmail('artist'));
          await artist.getByTestId('app-shell').waitFor({ timeout: 60_000 });
          await artist.goto(`${suite.platform.portalUrls.artist}/upload`, { waitUntil: 'domcontentloaded' });
          const form = artist.getByTestId('track-upload-form');
          await form.waitFor({ timeout: 30_000 });
          // Inline checks first: nothing typed yet, and a malformed ISRC.
          await artist.getByTestId('track-upload-submit').click();
          await artist.getByText('Enter the track title').waitFor();
          await artist.getByTestId('track-isrc').fill('GH-12');
          await artist.getByTestId('track-title').click();
          await artist.getByText(/An ISRC has 12 characters/).waitFor();
          await expectFittingLayout(artist, 'upload form with errors');
          await shot(artist, step('1-upload-errors'));

          await artist.getByTestId('track-title').fill(title);
          await artist.getByTestId('track-isrc').fill(isrc);
          await artist.getByTestId('track-album').fill('Test recordings');
          await artist.getByTestId('track-genre').selectOption('Highlife');
          await artist.getByTestId('track-release-date').fill('2026-03-06');
          await artist.getByTestId('track-audio').setInputFiles({
            name: 'anansesem.wav',
            mimeType: 'audio/wav',
            buffer: encodeWav(piece),
          });
          await shot(artist, step('2-upload-filled'));
          // The audio goes over tus; the first part's connection is dropped, the client resumes by itself.
          const tus: string[] = [];
          artist.on('request', (request) => {
            const path = new URL(request.url()).pathname;
            if (/\/api\/artist\/tracks\/[^/]+\/audio/.test(path))
              tus.push(
                `${request.method()} ${path.replace(/.*\/audio/, '…/audio').replace(/[0-9a-f]{32}$/, ':upload')}`,
              );
          });
          let dropped = false;
          await artist.route(/\/api\/artist\/tracks\/[^/]+\/audio\/uploads\/[0-9a-f]{32}$/, async (route) => {
            if (route.request().method() === 'PATCH' && !dropped) {
              dropped = true;
              await route.abort('connectionreset');
            } else await route.continue();
          });
          await artist.getByTestId('track-upload-submit').click();

          // The track page: status polled until fingerprinting is done.
          await artist.waitForURL(/\/tracks\/[0-9a-f-]{36}$/, { timeout: 60_000 });
          const trackId = new URL(artist.url()).pathname.split('/').pop()!;
          expect(tus).toEqual([
            'POST …/audio/uploads',
            'PATCH …/audio/uploads/:upload',
            'HEAD …/audio/uploads/:upload',
            'PATCH …/audio/uploads/:upload',
          ]);
          await artist.unrouteAll();
          expect(await artist.getByTestId('track-title-heading').textContent()).toBe(title);
          await artist
            .locator('[data-testid="track-facts"] [data-testid="track-status"][data-status="ready"]')
            .waitFor({ timeout: CHAIN_TIMEOUT_MS });
          expect(await artist.getByTestId('track-facts').textContent()).toContain(isrc.replace(/-/g, ''));
          await artist.getByTestId('track-audio-player').waitFor();

          // Splits: the uploader holds 100 %; give a producer 40 %.
          const splits = artist.getByTestId('splits-editor');
          await splits.waitFor({ timeout: 30_000 });
          expect(await artist.getByTestId('splits-total-message').textContent()).toBe('All 100 % assigned');
          await artist.getByTestId('split-add').click();
          await artist.getByTestId('split-name-1').fill('Kofi Mensah');
          await artist.getByTestId('split-role-1').selectOption('producer');
          await artist.getByTestId('split-share-1').fill('40');
          expect(await artist.getByTestId('splits-total-message').textContent()).toMatch(
            /40.00\s%\stoo much/,
          );
          expect(await artist.getByTestId('splits-save').isDisabled()).toBe(true);
          await artist.getByTestId('split-share-0').fill('60');
          await artist.getByTestId('splits-save').click();
          await artist.getByTestId('splits-saved').waitFor({ timeout: 30_000 });
          await expectFittingLayout(artist, 'track page');
          await shot(artist, step('3-track-ready-splits'));

          // The tracks list shows it as ready.
          await artist.goto(`${suite.platform.portalUrls.artist}/tracks`, { waitUntil: 'domcontentloaded' });
          await artist.getByTestId('tracks-table').getByText(title).waitFor({ timeout: 30_000 });
          await expectFittingLayout(artist, 'tracks list');
          await shot(artist, step('4-tracks'));

          // The artist keeps the plays page of this track open.
          await artist.goto(`${suite.platform.portalUrls.artist}/plays?track=${trackId}`, {
            waitUntil: 'domcontentloaded',
          });
          await artist
            .getByTestId('plays-table')
            .getByText(/No plays in this period/)
            .waitFor({ timeout: 30_000 });

          // ---- The station issues a device token (shown once).
          await signIn(station, suite.platform.portalUrls.station, demoEmail('station'));
          await station.getByTestId('app-shell').waitFor({ timeout: 60_000 });
          await station.goto(`${suite.platform.portalUrls.station}/devices`, {
            waitUntil: 'domcontentloaded',
          });
          await station.getByTestId('device-name').fill(`Studio ${viewport} ${run}`);
          await station.getByTestId('issue-device').click();
          const token = (await station.getByTestId('issued-token-value').textContent())!.trim();
          expect(token).toMatch(/^zdt_/);
          await expectFittingLayout(station, 'devices');
          await shot(station, step('5-device-token'));
          await station.goto(`${suite.platform.portalUrls.station}/detections`, {
            waitUntil: 'domcontentloaded',
          });
          await station.getByTestId('detections-table').waitFor({ timeout: 30_000 });

          // ---- The device posts three consecutive 10 s degraded captures and one unrelated.
          const start = new Date(Date.now() - 60_000);
          const chunk = (n: number) => `e2e-${viewport}-${run}-${n}`;
          const posted: PostedCapture[] = [];
          for (const n of [0, 1, 2]) {
            const from = 5 + n * 10;
            const wav = encodeWav(degrade(sliceSeconds(piece, from, from + 10), 70 + n));
            posted.push(
              await postDeviceCapture(
                suite.platform.bffUrl,
                token,
                chunk(n),
                new Date(start.getTime() + n * 10_000),
                wav,
              ),
            );
          }
          const unrelated = encodeWav(synthesisePiece(9_000 + index, 10));
          posted.push(
            await postDeviceCapture(
              suite.platform.bffUrl,
              token,
              chunk(3),
              new Date(start.getTime() + 40_000),
              unrelated,
            ),
          );
          for (const answer of posted) expect(answer.status).toBe(202);
          // The same chunk again: the same capture, nothing new.
          const again = await postDeviceCapture(
            suite.platform.bffUrl,
            token,
            chunk(0),
            start,
            encodeWav(sliceSeconds(piece, 5, 15)),
          );
          expect(again.body.id).toBe(posted[0]!.body.id);

          // ---- Live: the play appears on the open artist page without a reload.
          const playRow = artist.getByTestId('plays-table').locator('tbody tr', { hasText: title });
          await playRow.waitFor({ timeout: CHAIN_TIMEOUT_MS });
          await artist.getByTestId('plays-per-day-chart').waitFor();
          await artist
            .getByTestId('plays-table')
            .locator('tbody tr', { hasText: title })
            .filter({ hasText: /(?:^|\D)(?:2[89]|3[0-2]) s/ })
            .waitFor({ timeout: CHAIN_TIMEOUT_MS });
          await expectFittingLayout(artist, 'plays page');
          await shot(artist, step('6-artist-live-play'));

          // ---- The station's open detections page got the three detections live.
          const detectionRows = station
            .getByTestId('detections-table')
            .locator('tbody tr', { hasText: title });
          await expect.poll(() => detectionRows.count(), { timeout: CHAIN_TIMEOUT_MS }).toBe(3);
          await detectionRows.first().getByTestId('detection-confirm').click();
          await station
            .getByTestId('detections-table')
            .locator('[data-testid="detection-state"]', { hasText: 'Confirmed' })
            .first()
            .waitFor({ timeout: 30_000 });
          await expectFittingLayout(station, 'detections');
          await shot(station, step('7-station-detections'));

          await station.goto(`${suite.platform.portalUrls.station}/plays`, { waitUntil: 'domcontentloaded' });
          const stationPlay = station
            .getByTestId('station-plays-table')
            .locator('tbody tr', { hasText: title });
          await stationPlay.waitFor({ timeout: 30_000 });
          expect(await stationPlay.count()).toBe(1);
          await expectFittingLayout(station, 'station plays');
          await shot(station, step('8-station-plays'));

          await station.goto(`${suite.platform.portalUrls.station}/captures`, {
            waitUntil: 'domcontentloaded',
          });
          const captures = station.getByTestId('captures-table');
          await captures
            .locator('tbody tr', { hasText: chunk(3) })
            .getByText('No match')
            .waitFor({
              timeout: CHAIN_TIMEOUT_MS,
            });
          for (const n of [0, 1, 2])
            await captures
              .locator('tbody tr', { hasText: chunk(n) })
              .getByTestId('capture-result')
              .getByText(title)
              .waitFor();
          await expectFittingLayout(station, 'captures');
          await shot(station, step('9-station-captures'));
          expect(errors).toEqual([]);
        } catch (error) {
          // What each portal showed when the step failed, for the CI artifacts.
          await shot(artist, step('failed-artist')).catch(() => undefined);
          await shot(station, step('failed-station')).catch(() => undefined);
          throw error;
        } finally {
          await artist.context().close();
          await station.context().close();
        }
      },
      6 * 60_000,
    );
  });
});
