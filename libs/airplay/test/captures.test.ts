// Captures and playlogs on both databases: idempotent by chunk id, a repeat
// keeps nothing of its own, a bad chunk id keeps no file, newest first.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccountProvisioning, usersRepository } from '@zamio/accounts';
import type { Database } from '@zamio/db';
import { localUploadStorage } from '@zamio/files';
import { createUploadFolder, describeOnBothDatabases, type UploadFolder } from '@zamio/domain-testing';
import { createInProcessQueue, type JobData } from '@zamio/queue';
import { createAirplayReadService, createCaptureService, provisionStation, stationsRepository } from '../src';

let folder: UploadFolder;
beforeAll(async () => {
  folder = await createUploadFolder();
});
afterAll(() => folder.remove());

// A station account with its station, created as the bff creates one.
async function stationAccount(db: Database, name: string): Promise<{ userId: string; stationId: string }> {
  const provisioning = createAccountProvisioning({ db, onAccountCreated: provisionStation });
  const email = `${name}-${Math.random().toString(36).slice(2)}@example.test`;
  await provisioning.ensureAccount({
    email,
    password: 'station password 123',
    displayName: name,
    role: 'station',
  });
  const userId = (await usersRepository.findByEmail(db, email))?.id;
  const stationId = userId && (await stationsRepository.findIdByOwner(db, userId));
  if (!userId || !stationId) throw new Error('no station account provisioned');
  return { userId, stationId };
}

const uploadCount = async (db: Database) =>
  Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM uploads')).rows[0]!.n);

describeOnBothDatabases('captures', (db) => {
  const queued: JobData<'airplay.match-capture'>[] = [];
  const jobs = createInProcessQueue();
  jobs.consume({ 'airplay.match-capture': async (data) => void queued.push(data) });
  const service = () => createCaptureService({ db: db(), storage: localUploadStorage(folder.dir), jobs });
  const reads = () => createAirplayReadService({ db: db() });
  const listCaptures = async (stationId: string) =>
    (await reads().listCaptures(stationId, {}, { limit: 50 })).items;

  it('takes started_at and refuses captures outside 5–30 s, keeping no file', async () => {
    const { userId, stationId } = await stationAccount(db(), 'fm');
    const source = { userId, stationId, deviceId: await device(db(), stationId) };
    const stored = await folder.store('capture-audio');
    const { capture } = await service().receiveCapture(source, async () => ({
      stored,
      fields: { chunk_id: 'timed-1', started_at: '2026-12-01T08:00:00Z', duration: '10' },
      originalName: undefined,
    }));
    expect(capture).toMatchObject({ startedAt: new Date('2026-12-01T08:00:00Z'), durationMs: 10_000 });
    const short = {
      ...(await folder.store('capture-audio')),
      audio: { durationMs: 2_000, sampleRate: 8000, channels: 1, codec: 'pcm' },
    };
    await expect(
      service().receiveCapture(source, async () => ({
        stored: short,
        fields: { chunk_id: 'short-1' },
        originalName: undefined,
      })),
    ).rejects.toMatchObject({ kind: 'invalid', message: expect.stringMatching(/5–30 s/) });
    expect(folder.exists(short)).toBe(false);
    const badTime = await folder.store('capture-audio');
    await expect(
      service().receiveCapture(source, async () => ({
        stored: badTime,
        fields: { chunk_id: 'bad-time', started_at: 'yesterday' },
        originalName: undefined,
      })),
    ).rejects.toMatchObject({ kind: 'invalid', message: expect.stringMatching(/started_at/) });
  });

  it('provisions a station only for station accounts', async () => {
    await provisionStation(db(), {
      id: '00000000-0000-4000-8000-000000000001',
      role: 'artist',
      displayName: 'x',
    });
    const { userId, stationId } = await stationAccount(db(), 'fm');
    expect(await stationsRepository.findIdByOwner(db(), userId)).toBe(stationId);
  });

  it('creates a capture once per chunk id and answers a repeat with the first capture', async () => {
    const { userId, stationId } = await stationAccount(db(), 'fm');
    const deviceId = await device(db(), stationId);
    const source = { userId, stationId, deviceId };
    const first = await folder.store('capture-audio');
    const created = await service().receiveCapture(source, async () => ({
      stored: first,
      fields: { chunk_id: 'chunk-0001' },
      originalName: 'a.wav',
    }));
    expect(created).toMatchObject({
      created: true,
      capture: { chunkId: 'chunk-0001', upload: { kind: 'capture-audio' } },
    });
    const uploadsBefore = await uploadCount(db());

    const repeat = await folder.store('capture-audio');
    const again = await service().receiveCapture(source, async () => ({
      stored: repeat,
      fields: { chunk_id: 'chunk-0001' },
      originalName: 'b.wav',
    }));
    expect(again).toEqual({ created: false, capture: created.capture });
    await jobs.idle();
    // One match job, for the first capture only.
    expect(queued.filter((job) => job.captureId === created.capture.id)).toHaveLength(1);
    expect(folder.exists(first)).toBe(true);
    expect(folder.exists(repeat)).toBe(false);
    expect(await uploadCount(db())).toBe(uploadsBefore);
  });

  it('refuses a malformed chunk id and keeps no file', async () => {
    const { userId, stationId } = await stationAccount(db(), 'fm');
    const stored = await folder.store('capture-audio');
    await expect(
      service().receiveCapture({ userId, stationId, deviceId: await device(db(), stationId) }, async () => ({
        stored,
        fields: { chunk_id: 'has spaces' },
        originalName: undefined,
      })),
    ).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining('chunk_id') });
    expect(folder.exists(stored)).toBe(false);
  });

  it("lists a station's captures newest first, and records playlogs", async () => {
    const { userId, stationId } = await stationAccount(db(), 'fm');
    for (const chunk of ['c-1', 'c-2']) {
      const stored = await folder.store('capture-audio');
      await service().receiveCapture(
        { userId, stationId, deviceId: await device(db(), stationId) },
        async () => ({
          stored,
          fields: { chunk_id: chunk },
          originalName: undefined,
        }),
      );
    }
    const listed = await listCaptures(stationId);
    expect(listed.map((c) => c.chunkId).sort()).toEqual(['c-1', 'c-2']);
    expect(listed[0]!.capturedAt.getTime()).toBeGreaterThanOrEqual(listed[1]!.capturedAt.getTime());
    expect(await listCaptures((await stationAccount(db(), 'other')).stationId)).toEqual([]);

    const csv = await folder.store('playlog-csv');
    const playlog = await service().receivePlaylog({ userId, stationId }, async () => ({
      stored: csv,
      fields: {},
      originalName: 'log.csv',
    }));
    expect(playlog).toMatchObject({ kind: 'playlog-csv', mimeType: 'text/csv' });
  });
});

async function device(db: Database, stationId: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO device_tokens (station_id, name, token_hash) VALUES ($1, 'studio', $2) RETURNING id",
    [stationId, `hash-${Math.random()}`],
  );
  return rows[0]!.id;
}
