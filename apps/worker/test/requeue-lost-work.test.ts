// The lost-work sweep on an embedded database: a track whose audio was never
// fingerprinted and a capture left pending, both older than the threshold,
// are queued again; fresh ones (their job may still be on its way) are not.
// Once this params version's re-index has finished, a device capture answered
// `unmatched` during it is queued to be matched again.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccountProvisioning, usersRepository } from '@zamio/accounts';
import {
  createMatchService,
  createInProcessAirplayEvents,
  createReindexRematchService,
  provisionStation,
  stationsRepository,
} from '@zamio/airplay';
import { createFingerprintIndex, createFingerprintService, tracksRepository } from '@zamio/catalog';
import { createPgliteDatabase, migrate, type Database } from '@zamio/db';
import { uploadsRepository } from '@zamio/files';
import { createLogger } from '@zamio/logger';
import { createInProcessQueue, type JobName } from '@zamio/queue';
import { captureLogs } from '@zamio/testing';
import { startLostWorkSweep } from '../src/sweeps/requeue-lost-work';

let db: Database;
beforeAll(async () => {
  db = await createPgliteDatabase();
  await migrate(db);
});
afterAll(() => db?.close());

const upload = (ownerId: string, kind: 'track-audio' | 'capture-audio', stationId?: string) =>
  uploadsRepository.insert(
    db,
    {
      kind,
      storageName: `${kind}/${Math.random().toString(16).slice(2)}.wav`,
      sizeBytes: 10,
      sha256: '0'.repeat(64),
      mimeType: 'audio/wav',
      audio: undefined,
    },
    { userId: ownerId, stationId },
    undefined,
  );

it('queues lost fingerprint and match work again, and leaves fresh work alone', async () => {
  const artist = await usersRepository.insert(db, {
    email: 'sweep-artist@example.test',
    displayName: 'Sweep',
    role: 'artist',
    status: 'active',
    passwordHash: 'x',
  });
  const [lostTrack, freshTrack] = [
    await tracksRepository.insert(db, artist.id, {
      title: 'lost',
      isrc: null,
      album: null,
      genre: null,
      releaseDate: null,
    }),
    await tracksRepository.insert(db, artist.id, {
      title: 'fresh',
      isrc: null,
      album: null,
      genre: null,
      releaseDate: null,
    }),
  ];
  for (const id of [lostTrack, freshTrack])
    await tracksRepository.setAudio(db, artist.id, id, (await upload(artist.id, 'track-audio')).id);
  await db.query("UPDATE tracks SET updated_at = now() - interval '10 minutes' WHERE id = $1", [lostTrack]);

  await createAccountProvisioning({ db, onAccountCreated: provisionStation }).ensureAccount({
    email: 'sweep-fm@example.test',
    password: 'station password 123',
    displayName: 'Sweep FM',
    role: 'station',
  });
  const stationUser = (await usersRepository.findByEmail(db, 'sweep-fm@example.test'))!;
  const stationId = (await stationsRepository.findIdByOwner(db, stationUser.id))!;
  const captureIds: string[] = [];
  for (const chunk of ['old', 'new']) {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO captures (station_id, chunk_id, upload_id, source, started_at, captured_at)
       VALUES ($1, $2, $3, 'device', now(), now() - CASE WHEN $2 = 'old' THEN interval '10 minutes' ELSE interval '0' END)
       RETURNING id`,
      [stationId, chunk, (await upload(stationUser.id, 'capture-audio', stationId)).id],
    );
    captureIds.push(rows[0]!.id);
  }

  const queued: { name: JobName; data: unknown }[] = [];
  const jobs = createInProcessQueue();
  jobs.consume({
    'catalog.fingerprint-track': async (data) =>
      void queued.push({ name: 'catalog.fingerprint-track', data }),
    'airplay.match-capture': async (data) => void queued.push({ name: 'airplay.match-capture', data }),
  });
  const readAudio = async () => new Uint8Array();
  const sweep = startLostWorkSweep({
    jobs,
    fingerprints: createFingerprintService({ db, readAudio }),
    matches: createMatchService({
      db,
      readAudio,
      index: createFingerprintIndex({ db }),
      events: createInProcessAirplayEvents(),
    }),
    rematch: createReindexRematchService({ db }),
    logger: createLogger({
      service: 'worker',
      version: 'test',
      level: 'warn',
      pretty: false,
      destination: captureLogs().stream,
    }),
    // Older than a minute counts as lost: the 10-minute-old work, not the fresh.
    intervalMs: 60_000,
  });
  try {
    expect(await sweep.sweep()).toBe(2);
    await jobs.idle();
    expect(queued).toEqual([
      { name: 'catalog.fingerprint-track', data: expect.objectContaining({ trackId: lostTrack }) },
      { name: 'airplay.match-capture', data: expect.objectContaining({ captureId: captureIds[0] }) },
    ]);

    // The sweep opened this version's window (its only row). Say the re-index finished five
    // minutes ago (past the grace of one interval) and the new capture was answered unmatched
    // while it ran: the next sweep queues that capture again.
    await db.query(
      `UPDATE fingerprint_reindexes SET started_at = now() - interval '10 minutes',
              finished_at = now() - interval '5 minutes'`,
    );
    await db.query(
      "UPDATE captures SET status = 'unmatched', processed_at = now() - interval '7 minutes' WHERE id = $1",
      [captureIds[1]],
    );
    queued.length = 0;
    expect(await sweep.sweep()).toBe(3);
    await jobs.idle();
    expect(queued.filter((job) => job.name === 'airplay.match-capture')).toEqual([
      { name: 'airplay.match-capture', data: expect.objectContaining({ captureId: captureIds[0] }) },
      {
        name: 'airplay.match-capture',
        data: expect.objectContaining({ captureId: captureIds[1], requestId: 'sweep:reindex' }),
      },
    ]);
  } finally {
    sweep.stop();
  }
});
