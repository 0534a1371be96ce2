// After a params version change, on both databases: a track indexed only at
// the previous version cannot match, so its capture is answered `unmatched`;
// once the catalogue is re-indexed (and the grace has passed) that capture —
// and only the device captures answered inside the window — goes back to
// pending and is matched into a detection and a play. Once per version.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFingerprintIndex, createFingerprintService } from '@zamio/catalog';
import { localUploadStorage } from '@zamio/files';
import { createUploadFolder, describeOnBothDatabases, type UploadFolder } from '@zamio/domain-testing';
import { encodeWavPcm16, FINGERPRINT_PARAMS_VERSION } from '@zamio/fingerprint';
import { addNoiseAtSnr, makeTrack, renderTrack } from '@zamio/fingerprint/testing';
import { createInProcessQueue } from '@zamio/queue';
import {
  createAirplayReadService,
  createCaptureService,
  createInProcessAirplayEvents,
  createMatchService,
  createReindexRematchService,
} from '../src';
import { artistWithUploadedTrack, device, sendCapture, stationAccount } from './support';

let folder: UploadFolder;
beforeAll(async () => {
  folder = await createUploadFolder();
});
afterAll(() => folder.remove());

const RATE = 22_050;
const song = makeTrack(21, 60);
const other = makeTrack(4321, 20);
const captureOf = (track: typeof song, from: number, seed: number) =>
  encodeWavPcm16([addNoiseAtSnr(renderTrack(track, 16_000, from, 10, seed), 10, seed)], 16_000);

describeOnBothDatabases('re-matching captures after a re-index', (db) => {
  const readAudio = (key: string) => folder.read(key);
  const jobs = createInProcessQueue();
  const fingerprints = () => createFingerprintService({ db: db(), readAudio });
  jobs.consume({
    'catalog.fingerprint-track': async (data) => {
      await fingerprints().fingerprintTrack(data.trackId, data.uploadId, { lastAttempt: true });
    },
    'airplay.match-capture': async (data) => {
      // A fresh index each time: what a worker started now would load.
      await createMatchService({
        db: db(),
        readAudio,
        index: createFingerprintIndex({ db: db() }),
        events: createInProcessAirplayEvents(),
      }).matchCapture(data.captureId, { lastAttempt: false });
    },
  });
  const storage = () => localUploadStorage(folder.dir);

  it('reopens the captures answered unmatched while the catalogue was re-indexed, once', async () => {
    const { trackId } = await artistWithUploadedTrack(
      db(),
      { folder, storage: storage(), jobs },
      encodeWavPcm16([renderTrack(song, RATE)], RATE),
      'Indexed by the last release',
    );
    // As the previous release left it: ready, but fingerprinted at the older version only.
    await db().query('UPDATE track_fingerprints SET params_version = $1 WHERE track_id = $2', [
      FINGERPRINT_PARAMS_VERSION - 1,
      trackId,
    ]);

    const { userId, stationId } = await stationAccount(db(), 'reindex-fm');
    const source = { userId, stationId, deviceId: await device(db(), stationId) };
    const captures = createCaptureService({ db: db(), storage: storage(), jobs });
    const send = async (chunkId: string, bytes: Uint8Array, startedAt: string) =>
      (await sendCapture(captures, folder, source, chunkId, bytes, new Date(startedAt))).capture.id;

    // Answered by an older worker before this version's first worker started: left alone.
    const before = await send('before', captureOf(song, 5, 1), '2026-12-01T08:00:00Z');
    await jobs.idle();
    const rematch = createReindexRematchService({ db: db() });
    await rematch.openReindexWindow();
    const during = await send('during', captureOf(song, 20, 2), '2026-12-01T09:00:00Z');
    const unrelated = await send('unrelated', captureOf(other, 2, 3), '2026-12-01T09:00:10Z');
    await jobs.idle();
    // A stream window answered in the window: no audio kept, so it cannot be matched again.
    const { rows } = await db().query<{ id: string }>(
      `INSERT INTO captures (station_id, chunk_id, source, started_at, status, processed_at)
       VALUES ($1, 'stream-1', 'stream', now(), 'unmatched', now()) RETURNING id`,
      [stationId],
    );
    const streamWindow = rows[0]!.id;

    const statusOf = async () =>
      new Map(
        (await createAirplayReadService({ db: db() }).listCaptures(stationId, {}, { limit: 10 })).items.map(
          (c) => [c.id, c],
        ),
      );
    for (const id of [before, during, unrelated])
      expect((await statusOf()).get(id)?.status).toBe('unmatched');

    // The track still awaits its fingerprint of this version: nothing to reopen yet.
    expect(await rematch.reopenCapturesAfterReindex(0)).toEqual([]);
    for (const work of await fingerprints().needingFingerprint(new Date(), 10))
      await jobs.enqueue('catalog.fingerprint-track', { requestId: 'test', ...work });
    await jobs.idle();
    // Re-indexed: this step closes the window; the grace keeps it from reopening captures yet.
    expect(await rematch.reopenCapturesAfterReindex(60_000)).toEqual([]);
    expect(await rematch.reopenCapturesAfterReindex(60_000)).toEqual([]);
    const reopened = await rematch.reopenCapturesAfterReindex(0);
    expect(reopened.sort()).toEqual([during, unrelated].sort());
    expect((await statusOf()).get(during)?.status).toBe('pending');

    for (const captureId of reopened)
      await jobs.enqueue('airplay.match-capture', { requestId: 'test', captureId });
    await jobs.idle();
    const now = await statusOf();
    expect(now.get(during)).toMatchObject({ status: 'matched', detection: { trackId: trackId } });
    expect(Math.abs(now.get(during)!.detection!.trackOffsetMs / 1000 - 20)).toBeLessThan(0.5);
    expect(now.get(unrelated)).toMatchObject({ status: 'unmatched', detection: null });
    expect(now.get(before)?.status).toBe('unmatched');
    expect(now.get(streamWindow)?.status).toBe('unmatched');
    const plays = await createAirplayReadService({ db: db() }).listStationPlays(stationId, {}, { limit: 10 });
    expect(plays.items.map((p) => p.trackId)).toEqual([trackId]);

    // Once per version: a later unmatched capture is not reopened by a later step.
    expect(await rematch.reopenCapturesAfterReindex(0)).toEqual([]);
    const { rows: window } = await db().query<{ reopened_captures: number }>(
      'SELECT reopened_captures FROM fingerprint_reindexes WHERE params_version = $1',
      [FINGERPRINT_PARAMS_VERSION],
    );
    expect(window).toEqual([{ reopened_captures: 2 }]);
  });
});
