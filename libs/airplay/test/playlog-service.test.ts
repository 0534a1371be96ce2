// Playlog imports on both databases: a file with bad rows keeps nothing (its
// file removed) unless the station asks for the valid rows; rows name
// catalogue tracks by ISRC; reconciliation sorts rows and plays into
// matched / only in the playlog / only detected.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localUploadStorage } from '@zamio/files';
import { createUploadFolder, describeOnBothDatabases, type UploadFolder } from '@zamio/domain-testing';
import { createPlaylogService, playsRepository } from '../src';
import { artistWithTrack, stationAccount } from './support';

let folder: UploadFolder;
beforeAll(async () => {
  folder = await createUploadFolder();
});
afterAll(() => folder.remove());

const HEADER = 'title,artist,isrc,played_at,duration';

describeOnBothDatabases('playlogs', (db) => {
  const service = () =>
    createPlaylogService({
      db: db(),
      storage: localUploadStorage(folder.dir),
      readStoredUpload: (name) => readFile(join(folder.dir, name)),
    });
  const receiveCsv = (csv: string, fields: Record<string, string> = {}) => {
    let stored: Awaited<ReturnType<UploadFolder['store']>> | undefined;
    const receive = async () => {
      stored = await folder.store('playlog-csv');
      await writeFile(join(folder.dir, stored.storageName), csv);
      return { stored, fields, originalName: 'log.csv' };
    };
    return { receive, stored: () => stored! };
  };
  const counts = async () =>
    (
      await db().query<{ logs: string; entries: string; uploads: string }>(
        `SELECT (SELECT count(*) FROM playlogs) AS logs, (SELECT count(*) FROM playlog_entries) AS entries,
                (SELECT count(*) FROM uploads WHERE kind = 'playlog-csv') AS uploads`,
      )
    ).rows[0]!;

  it('imports nothing from a file with bad rows, reporting each, and removes the file', async () => {
    const { userId, stationId } = await stationAccount(db(), 'strict');
    const before = await counts();
    const csv = `${HEADER}\nGood,A,,2026-03-01T10:00:00Z,180\nBad,A,,not a time,180\n`;
    const upload = receiveCsv(csv);
    const result = await service().importPlaylog({ userId, stationId }, upload.receive);
    expect(result).toEqual({
      outcome: 'rejected',
      rowCount: 2,
      validCount: 1,
      rejectedRows: [
        { row: 3, problems: [{ field: 'played_at', message: expect.stringMatching(/not a date/) }] },
      ],
    });
    expect(await counts()).toEqual(before);
    expect(folder.exists(upload.stored())).toBe(false);
  });

  it('refuses a file that is no playlog with invalid, keeping nothing', async () => {
    const { userId, stationId } = await stationAccount(db(), 'nofile');
    const upload = receiveCsv('name,when\nx,y\n');
    await expect(service().importPlaylog({ userId, stationId }, upload.receive)).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/lacks the columns/),
    });
    expect(folder.exists(upload.stored())).toBe(false);
    const badFlag = receiveCsv(`${HEADER}\n`, { import_valid_rows: 'yes' });
    await expect(service().importPlaylog({ userId, stationId }, badFlag.receive)).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/import_valid_rows/),
    });
  });

  it('imports the valid rows when asked, links tracks by ISRC, and reconciles against plays', async () => {
    const { userId, stationId } = await stationAccount(db(), 'lenient');
    const { trackId } = await artistWithTrack(db(), 'Adonai');
    const { trackId: otherTrack } = await artistWithTrack(db(), 'Detected only');
    const isrc = `GHA12${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    await db().query('UPDATE tracks SET isrc = $2 WHERE id = $1', [trackId, isrc]);
    const csv = [
      HEADER,
      `Adonai,Sarkodie,${isrc.slice(0, 2)}-${isrc.slice(2, 5)}-${isrc.slice(5, 7)}-${isrc.slice(7)},2026-03-01T10:00:00Z,3:00`,
      'Unknown song,Someone,,2026-03-01T10:04:00Z,200',
      'Broken,Row,,2026-03-01T10:08:00Z,zero',
      `Adonai,Sarkodie,${isrc},2026-03-01T12:00:00Z,180`,
    ].join('\n');
    const result = await service().importPlaylog(
      { userId, stationId },
      receiveCsv(csv, { import_valid_rows: 'true' }).receive,
    );
    if (result.outcome !== 'imported') throw new Error('expected an import');
    expect(result.playlog).toMatchObject({
      stationId,
      rowCount: 4,
      importedCount: 3,
      rejectedRows: [{ row: 4, problems: [{ field: 'duration', message: expect.any(String) }] }],
      firstPlayedAt: new Date('2026-03-01T10:00:00Z'),
      lastEndedAt: new Date('2026-03-01T12:03:00Z'),
    });
    const { entries } = await service().getPlaylog(stationId, result.playlog.id);
    expect(entries.map((e) => [e.row, e.trackId])).toEqual([
      [2, trackId],
      [3, null],
      [5, trackId],
    ]);

    const span = (from: string, to: string) => ({
      startedAt: new Date(`2026-03-01T${from}Z`),
      endedAt: new Date(`2026-03-01T${to}Z`),
      trackOffsetMs: 0,
      detectionCount: 3,
      confidence: 0.9,
    });
    const matchedPlay = await playsRepository.insert(db(), {
      stationId,
      trackId,
      ...span('10:00:30', '10:03:00'),
    });
    const extraPlay = await playsRepository.insert(db(), {
      stationId,
      trackId: otherTrack,
      ...span('11:00:00', '11:03:00'),
    });
    // Another station's play of the same track is none of this station's business.
    const elsewhere = await stationAccount(db(), 'elsewhere');
    await playsRepository.insert(db(), {
      stationId: elsewhere.stationId,
      trackId,
      ...span('12:00:00', '12:03:00'),
    });

    const reconciliation = await service().reconcilePlaylog(stationId, result.playlog.id);
    expect(reconciliation.matched.map((m) => [m.entry.row, m.play.id, m.startDifferenceMs])).toEqual([
      [2, matchedPlay, 30_000],
    ]);
    expect(reconciliation.onlyInPlaylog.map((o) => [o.entry.row, o.unknownTrack])).toEqual([
      [3, true],
      [5, false],
    ]);
    expect(reconciliation.onlyDetected.map((p) => p.id)).toEqual([extraPlay]);
    await expect(service().reconcilePlaylog(elsewhere.stationId, result.playlog.id)).rejects.toMatchObject({
      kind: 'not-found',
    });
  });
});
