// The airplay tables on both databases: streams and their check state,
// captures with their result, detections once per capture, plays with their
// version and keyset pages, playlogs with their entries and report.
import { expect, it } from 'vitest';
import { describeOnBothDatabases } from '@zamio/domain-testing';
import {
  capturesRepository,
  detectionsRepository,
  playlogsRepository,
  playsRepository,
  stationsRepository,
  streamsRepository,
} from '../src';
import { artistWithTrack, stationAccount } from './support';

describeOnBothDatabases('airplay repositories', (db) => {
  it('keeps streams per station, refuses a duplicate URL and records checks', async () => {
    const { stationId } = await stationAccount(db(), 'fm');
    const stream = await streamsRepository.insert(db(), {
      stationId,
      url: 'https://radio.test/live.mp3',
      label: 'Main',
    });
    expect(stream).toMatchObject({ state: 'unknown', active: true, lastCheckedAt: null });
    await expect(
      streamsRepository.insert(db(), { stationId, url: 'https://radio.test/live.mp3', label: null }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect(await streamsRepository.listDue(db(), new Date(), 1_000)).toContain(stream.id);
    const checked = await streamsRepository.recordCheck(db(), stream.id, {
      state: 'down',
      consecutiveFailures: 3,
      consecutiveSuccesses: 0,
      error: 'unreachable: ECONNREFUSED',
      stateChanged: true,
    });
    expect(checked).toMatchObject({ state: 'down', lastError: 'unreachable: ECONNREFUSED' });
    expect(checked?.stateChangedAt).toBeInstanceOf(Date);
    expect(await streamsRepository.listDue(db(), new Date(Date.now() - 60_000), 1_000)).not.toContain(
      stream.id,
    );
    const other = await stationAccount(db(), 'other');
    expect(await streamsRepository.findOwned(db(), other.stationId, stream.id)).toBeUndefined();
    expect(
      (
        await streamsRepository.listAll(
          db(),
          { state: 'down' },
          { limit: 10, sort: 'createdAt', order: 'desc' },
        )
      ).items.map((s) => s.id),
    ).toContain(stream.id);
    expect(await streamsRepository.remove(db(), stationId, stream.id)).toBe(true);
  });

  it('records a capture once, its detection once, and shows the result on the capture', async () => {
    const { stationId } = await stationAccount(db(), 'fm');
    const { trackId } = await artistWithTrack(db(), 'Highlife');
    const startedAt = new Date('2026-06-01T10:00:00Z');
    const capture = {
      stationId,
      chunkId: 'window-1',
      source: 'stream' as const,
      uploadId: null,
      deviceId: null,
      streamId: null,
      startedAt,
      durationMs: 10_000,
    };
    const id = await capturesRepository.insertIfNew(db(), capture);
    expect(id).toBeDefined();
    expect(await capturesRepository.insertIfNew(db(), capture)).toBeUndefined();
    expect(await capturesRepository.recordAttempt(db(), id!)).toBe(1);
    const detection = {
      captureId: id!,
      stationId,
      trackId,
      startedAt,
      durationMs: 10_000,
      trackOffsetMs: 42_000,
      confidence: 0.9,
      score: 40,
      speed: 1,
    };
    const created = await detectionsRepository.insertIfNew(db(), detection);
    expect(created).toMatchObject({ trackTitle: 'Highlife', review: 'unreviewed', playId: null });
    expect(await detectionsRepository.insertIfNew(db(), detection)).toBeUndefined();
    await capturesRepository.setOutcome(db(), id!, { status: 'matched', failureReason: null });
    const read = await capturesRepository.findById(db(), stationId, id!);
    expect(read).toMatchObject({
      status: 'matched',
      attempts: 1,
      upload: null,
      startedAt,
      detection: { trackId, trackTitle: 'Highlife', trackOffsetMs: 42_000, review: 'unreviewed' },
    });
    expect(read?.detection?.confidence).toBeCloseTo(0.9);
  });

  it('pages plays by keyset in either order, filters them, and versions each change', async () => {
    const { stationId } = await stationAccount(db(), 'fm');
    const { artistId, trackId } = await artistWithTrack(db());
    const t0 = Date.parse('2026-06-01T10:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        await playsRepository.insert(db(), {
          stationId,
          trackId,
          startedAt: new Date(t0 + i * 600_000),
          endedAt: new Date(t0 + i * 600_000 + 30_000),
          trackOffsetMs: 0,
          detectionCount: 3,
          confidence: 0.8,
        }),
      );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await playsRepository.list(
        db(),
        { artistId },
        {},
        { limit: 2, cursor, sort: 'startedAt', order: 'desc' },
      );
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const ascending = await playsRepository.list(
      db(),
      { stationId },
      {},
      { limit: 10, sort: 'startedAt', order: 'asc' },
    );
    expect(ascending.items.map((p) => p.id)).toEqual(ids);
    const window = await playsRepository.list(
      db(),
      { stationId },
      { from: new Date(t0 + 600_000), to: new Date(t0 + 1_800_000) },
      { limit: 10, sort: 'startedAt', order: 'asc' },
    );
    expect(window.items.map((p) => p.id)).toEqual(ids.slice(1, 3));
    await expect(
      playsRepository.list(
        db(),
        { stationId },
        {},
        { limit: 2, cursor: 'garbage', sort: 'startedAt', order: 'asc' },
      ),
    ).rejects.toMatchObject({ kind: 'invalid' });

    const span = {
      startedAt: new Date(t0),
      endedAt: new Date(t0 + 40_000),
      trackOffsetMs: 0,
      detectionCount: 4,
      confidence: 0.8,
    };
    expect(await playsRepository.updateSpan(db(), ids[0]!, span)).toBe(true);
    expect(await playsRepository.updateSpan(db(), ids[0]!, span)).toBe(false);
    expect(await playsRepository.setStatus(db(), ids[1]!, 'merged', ids[0]!)).toBe(true);
    const [first, second] = await playsRepository.findByIds(db(), [ids[0]!, ids[1]!]);
    expect(first).toMatchObject({ version: 2, durationMs: 40_000, detectionCount: 4, status: 'active' });
    expect(second).toMatchObject({ version: 2, status: 'merged', mergedIntoPlayId: ids[0] });
    const listed = await playsRepository.list(
      db(),
      { stationId },
      {},
      { limit: 10, sort: 'startedAt', order: 'asc' },
    );
    expect(listed.items.map((p) => p.id)).not.toContain(ids[1]);
    const summary = await playsRepository.summaryOfArtist(db(), artistId, {
      from: new Date(t0),
      to: new Date(t0 + 86_400_000),
    });
    expect(summary.perDay).toEqual([{ day: '2026-06-01', plays: 4, durationMs: 40_000 + 3 * 30_000 }]);
    expect(summary.perStation).toEqual([{ stationId, station: 'fm', plays: 4, durationMs: 130_000 }]);
  });

  it('stores a playlog with its entries and its report of rejected rows', async () => {
    const { userId, stationId } = await stationAccount(db(), 'fm');
    const { rows } = await db().query<{ id: string }>(
      `INSERT INTO uploads (kind, owner_user_id, station_id, storage_name, size_bytes, sha256, mime_type)
       VALUES ('playlog-csv', $1, $2, $3, 10, 'x', 'text/csv') RETURNING id`,
      [userId, stationId, `playlog-csv/${Math.random()}.csv`],
    );
    const playedAt = new Date('2026-06-01T10:00:00Z');
    const id = await playlogsRepository.insert(db(), {
      stationId,
      uploadId: rows[0]!.id,
      uploadedBy: userId,
      rowCount: 3,
      rejectedRows: [{ row: 3, problems: [{ field: 'isrc', message: 'not an ISRC' }] }],
      entries: [
        {
          row: 2,
          title: 'A',
          artist: 'X',
          isrc: 'GHA012400001',
          playedAt,
          durationMs: 180_000,
          trackId: null,
        },
        {
          row: 4,
          title: 'B',
          artist: 'Y',
          isrc: null,
          playedAt: new Date(playedAt.getTime() + 200_000),
          durationMs: 60_000,
          trackId: null,
        },
      ],
    });
    const playlog = await playlogsRepository.findOwned(db(), stationId, id);
    expect(playlog).toMatchObject({
      rowCount: 3,
      importedCount: 2,
      rejectedRows: [{ row: 3, problems: [{ field: 'isrc', message: 'not an ISRC' }] }],
      firstPlayedAt: playedAt,
      lastEndedAt: new Date(playedAt.getTime() + 260_000),
    });
    expect((await playlogsRepository.entriesOf(db(), id)).map((e) => e.title)).toEqual(['A', 'B']);
    expect(
      (
        await playlogsRepository.listOfStation(db(), stationId, {
          limit: 5,
          sort: 'createdAt',
          order: 'desc',
        })
      ).items,
    ).toHaveLength(1);
  });

  it('reads and updates a station profile, and locks a station for merging', async () => {
    const { stationId } = await stationAccount(db(), 'fm');
    const updated = await stationsRepository.updateProfile(db(), stationId, {
      name: 'Joy FM',
      stationClass: 'class_a',
      region: 'Greater Accra',
      timezone: 'Africa/Accra',
    });
    expect(updated).toMatchObject({ name: 'Joy FM', stationClass: 'class_a', region: 'Greater Accra' });
    expect(await db().transaction((tx) => stationsRepository.lockForAirplay(tx, stationId))).toBe(true);
  });
});
