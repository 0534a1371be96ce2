// The airplay chain below HTTP on both databases: a fingerprinted track,
// three consecutive degraded captures of it (sent out of order) and one of
// unrelated audio → one play of ~30 s with three detections as evidence,
// nothing for the unrelated one; a repeated chunk changes nothing; flags
// take detections out of the play; broken audio dead-letters with a reason.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFingerprintIndex, createFingerprintService } from '@zamio/catalog';
import { localUploadStorage } from '@zamio/files';
import { createUploadFolder, describeOnBothDatabases, type UploadFolder } from '@zamio/domain-testing';
import { encodeWavPcm16 } from '@zamio/fingerprint';
import { addNoiseAtSnr, makeTrack, renderTrack } from '@zamio/fingerprint/testing';
import { createInProcessQueue } from '@zamio/queue';
import {
  createAirplayReadService,
  createCaptureService,
  createDetectionReviewService,
  createInProcessAirplayEvents,
  createMatchService,
  type AirplayEvent,
} from '../src';
import { artistWithUploadedTrack, device, sendCapture, stationAccount } from './support';

let folder: UploadFolder;
beforeAll(async () => {
  folder = await createUploadFolder();
});
afterAll(() => folder.remove());

const RATE = 22_050;
const song = makeTrack(11, 90);
const other = makeTrack(12345, 20);
/** 10 s of the song from `from` as a station hears it: 16 kHz, noise at 10 dB SNR. */
const captureOf = (track: typeof song, from: number, seed: number) =>
  encodeWavPcm16([addNoiseAtSnr(renderTrack(track, 16_000, from, 10, seed), 10, seed)], 16_000);

describeOnBothDatabases('matching captures into plays', (db) => {
  const events = createInProcessAirplayEvents();
  const seen: AirplayEvent[] = [];
  events.subscribe((event) => void seen.push(event));
  const readAudio = (key: string) => folder.read(key);
  const jobs = createInProcessQueue();
  const matches = () =>
    createMatchService({ db: db(), readAudio, index: createFingerprintIndex({ db: db() }), events });
  jobs.consume({
    'catalog.fingerprint-track': async (data) => {
      await createFingerprintService({ db: db(), readAudio }).fingerprintTrack(data.trackId, data.uploadId, {
        lastAttempt: true,
      });
    },
    'airplay.match-capture': async (data) => {
      await matches().matchCapture(data.captureId, { lastAttempt: false });
    },
  });
  const storage = () => localUploadStorage(folder.dir);
  const captures = () => createCaptureService({ db: db(), storage: storage(), jobs });
  const reads = () => createAirplayReadService({ db: db() });
  const reviews = () => createDetectionReviewService({ db: db(), events });

  async function readyTrack() {
    const wav = encodeWavPcm16([renderTrack(song, RATE)], RATE);
    const { artistId, trackId, status } = await artistWithUploadedTrack(
      db(),
      { folder, storage: storage(), jobs },
      wav,
      'Synthetic highlife',
    );
    expect(status).toBe('ready');
    return { artistId, trackId };
  }

  const send = (
    source: { userId: string; stationId: string; deviceId: string },
    chunkId: string,
    bytes: Uint8Array,
    startedAt: Date,
  ) => sendCapture(captures(), folder, source, chunkId, bytes, startedAt);

  it('merges three consecutive captures into one ~30 s play and matches nothing for unrelated audio', async () => {
    const { artistId, trackId } = await readyTrack();
    const { userId, stationId } = await stationAccount(db(), 'fm');
    const source = { userId, stationId, deviceId: await device(db(), stationId) };
    const t0 = new Date('2026-12-01T09:00:00Z');
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    seen.length = 0;

    // The middle capture arrives last (a late upload): it fills the play, never adds one.
    await send(source, 'c-1', captureOf(song, 20, 1), at(0));
    await send(source, 'c-3', captureOf(song, 40, 3), at(20));
    await jobs.idle();
    await send(source, 'c-2', captureOf(song, 30, 2), at(10));
    await send(source, 'noise-1', captureOf(other, 2, 4), at(30));
    await jobs.idle();

    const listed = (await reads().listCaptures(stationId, {}, { limit: 10 })).items;
    const byChunk = new Map(listed.map((c) => [c.chunkId, c]));
    for (const [chunk, offset] of [
      ['c-1', 20],
      ['c-2', 30],
      ['c-3', 40],
    ] as const) {
      const capture = byChunk.get(chunk)!;
      expect(capture.status, chunk).toBe('matched');
      expect(capture.detection!.trackId).toBe(trackId);
      expect(Math.abs(capture.detection!.trackOffsetMs / 1000 - offset)).toBeLessThan(0.5);
      expect(capture.detection!.confidence).toBeGreaterThan(0);
      expect(capture.detection!.confidence).toBeLessThanOrEqual(1);
    }
    expect(byChunk.get('noise-1')).toMatchObject({ status: 'unmatched', detection: null });

    const plays = (await reads().listStationPlays(stationId, {}, { limit: 10 })).items;
    expect(plays).toHaveLength(1);
    const [play] = plays;
    expect(play).toMatchObject({
      trackId,
      status: 'active',
      detectionCount: 3,
      startedAt: at(0),
      endedAt: at(30),
    });
    expect(Math.abs(play!.trackOffsetMs - 20_000)).toBeLessThan(500);
    expect(play!.durationMs).toBe(30_000);
    expect(play!.detectionIds).toHaveLength(3);
    expect((await reads().listArtistPlays(artistId, {}, { limit: 10 })).items.map((p) => p.id)).toEqual([
      play!.id,
    ]);

    // Events: three detections, the play created once and then updated, all naming the artist.
    expect(seen.filter((e) => e.type === 'detection.created')).toHaveLength(3);
    const playEvents = seen.filter((e) => e.type === 'play.changed');
    expect(playEvents.filter((e) => e.change === 'created')).toHaveLength(1);
    expect(playEvents.every((e) => e.artistUserIds.includes(artistId) && e.stationId === stationId)).toBe(
      true,
    );

    // The same chunk again: the same capture, no job, nothing new.
    const again = await send(source, 'c-2', captureOf(song, 30, 2), at(10));
    await jobs.idle();
    expect(again.created).toBe(false);
    expect(again.capture.id).toBe(byChunk.get('c-2')!.id);
    expect((await reads().listDetections(stationId, {}, { limit: 10 })).items).toHaveLength(3);
    expect((await reads().listStationPlays(stationId, {}, { limit: 10 })).items).toHaveLength(1);

    // Flags: the play loses that evidence; all flagged → the play is flagged; confirmed → back.
    const detectionIds = play!.detectionIds;
    await reviews().flagDetection(stationId, byChunk.get('c-3')!.detection!.detectionId, userId);
    let now = (await reads().listStationPlays(stationId, {}, { limit: 10 })).items[0]!;
    expect(now).toMatchObject({ detectionCount: 2, endedAt: at(20) });
    for (const id of detectionIds) await reviews().flagDetection(stationId, id, userId);
    expect(
      (await reads().listStationPlays(stationId, { status: 'flagged' }, { limit: 10 })).items,
    ).toHaveLength(1);
    expect((await reads().listArtistPlays(artistId, {}, { limit: 10 })).items[0]!.status).toBe('flagged');
    for (const id of detectionIds) await reviews().confirmDetection(stationId, id, userId);
    now = (await reads().listStationPlays(stationId, {}, { limit: 10 })).items[0]!;
    expect(now).toMatchObject({ id: play!.id, status: 'active', detectionCount: 3, endedAt: at(30) });
    await expect(
      reviews().flagDetection((await stationAccount(db(), 'rival')).stationId, detectionIds[0]!, userId),
    ).rejects.toMatchObject({
      kind: 'not-found',
    });
  });

  it('dead-letters audio it cannot decode at once, with the reason', async () => {
    const { userId, stationId } = await stationAccount(db(), 'fm');
    const source = { userId, stationId, deviceId: await device(db(), stationId) };
    await send(source, 'garbage', new TextEncoder().encode('no audio here '.repeat(50)), new Date());
    await jobs.idle();
    const [capture] = (await reads().listCaptures(stationId, {}, { limit: 10 })).items;
    expect(capture).toMatchObject({ status: 'failed', attempts: 1 });
    expect(capture!.failureReason).toMatch(/could not be decoded/);
  });
});
