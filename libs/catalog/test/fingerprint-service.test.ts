// The fingerprint job's use case on both databases: decode → fingerprint →
// rows and status swapped in one transaction; the matcher's index follows;
// broken audio fails with a reason the artist can read; a job for replaced
// audio does nothing; withdrawal takes the track out of the index.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { usersRepository } from '@zamio/accounts';
import { localUploadStorage } from '@zamio/files';
import { createUploadFolder, describeOnBothDatabases, type UploadFolder } from '@zamio/domain-testing';
import { encodeWavPcm16, FINGERPRINT_PARAMS_VERSION, fingerprintQuery, matchQuery } from '@zamio/fingerprint';
import { makeTrack, renderTrack } from '@zamio/fingerprint/testing';
import { createInProcessQueue } from '@zamio/queue';
import {
  createFingerprintIndex,
  createFingerprintService,
  createTrackService,
  fingerprintsRepository,
} from '../src';
import { createUser } from './support';

let folder: UploadFolder;
beforeAll(async () => {
  folder = await createUploadFolder();
});
afterAll(() => folder.remove());

const RATE = 22_050;
const song = makeTrack(7, 40);
const songWav = () => encodeWavPcm16([renderTrack(song, RATE)], RATE);

describeOnBothDatabases('fingerprinting tracks', (db) => {
  const jobs = createInProcessQueue();
  jobs.consume({ 'catalog.fingerprint-track': async () => {} });
  const tracks = () =>
    createTrackService({
      db: db(),
      storage: localUploadStorage(folder.dir),
      jobs,
      findAccount: usersRepository.findById,
    });
  const fingerprinting = () => createFingerprintService({ db: db(), readAudio: (key) => folder.read(key) });

  const upload = async (artistId: string, trackId: string, bytes: Uint8Array) =>
    tracks().replaceTrackAudio(artistId, trackId, async () => ({
      stored: await folder.storeBytes('track-audio', bytes),
      fields: {},
      originalName: 'song.wav',
    }));

  it('makes the track ready with its duration and sample rate, and the index finds it', async () => {
    const artist = await createUser(db(), 'artist', 'ada');
    const track = await tracks().registerTrack(artist, { title: 'Synth highlife' });
    const withAudio = await upload(artist, track.id, songWav());
    const index = createFingerprintIndex({ db: db() });
    await index.refresh();
    expect(index.size().tracks).toBe(0);

    const result = await fingerprinting().fingerprintTrack(track.id, withAudio.audio!.id, {
      lastAttempt: false,
    });
    expect(result).toMatchObject({ outcome: 'ready', durationMs: 40_000 });
    const ready = await tracks().getTrack(artist, track.id);
    expect(ready).toMatchObject({
      status: 'ready',
      failureReason: null,
      durationMs: 40_000,
      sampleRate: RATE,
    });

    await index.refresh();
    const capture = renderTrack(song, 16_000, 12, 10, 99);
    const decision = matchQuery(index, fingerprintQuery(capture, 16_000));
    expect(decision).not.toBeNull();
    expect(index.trackIdOf(decision!.track)).toBe(track.id);
    expect(Math.abs(decision!.offsetSeconds - 12)).toBeLessThan(0.5);

    // Running the same job again replaces the row (same result, one row).
    await fingerprinting().fingerprintTrack(track.id, withAudio.audio!.id, { lastAttempt: false });
    expect((await fingerprintsRepository.storeSize(db(), FINGERPRINT_PARAMS_VERSION)).tracks).toBe(1);
    await index.refresh();
    expect(index.size().tracks).toBe(1);

    // Withdrawn: never matches again.
    await tracks().setTrackWithdrawn(artist, track.id, true);
    await index.refresh();
    expect(matchQuery(index, fingerprintQuery(capture, 16_000))).toBeNull();
    await tracks().setTrackWithdrawn(artist, track.id, false);
    await index.refresh();
    expect(index.trackIdOf(matchQuery(index, fingerprintQuery(capture, 16_000))!.track)).toBe(track.id);
  });

  it('fails broken audio with a readable reason, and skips a job for replaced audio', async () => {
    const artist = await createUser(db(), 'artist', 'bob');
    const track = await tracks().registerTrack(artist, { title: 'Broken' });
    const first = await upload(
      artist,
      track.id,
      new TextEncoder().encode('this is not audio at all'.repeat(10)),
    );
    const failed = await fingerprinting().fingerprintTrack(track.id, first.audio!.id, { lastAttempt: false });
    expect(failed.outcome).toBe('failed');
    const shown = await tracks().getTrack(artist, track.id);
    expect(shown.status).toBe('failed');
    expect(shown.failureReason).toMatch(/format is not supported/);

    const second = await upload(artist, track.id, songWav());
    expect(await fingerprinting().fingerprintTrack(track.id, first.audio!.id, { lastAttempt: true })).toEqual(
      {
        outcome: 'skipped',
      },
    );
    expect((await tracks().getTrack(artist, track.id)).status).toBe('uploaded');
    const ready = await fingerprinting().fingerprintTrack(track.id, second.audio!.id, { lastAttempt: false });
    expect(ready.outcome).toBe('ready');
  });
});
