// Playlog CSV routes on the real bff (PostgreSQL, Redis): a file with bad rows
// answers 422 with every row's problems and imports nothing; with
// import_valid_rows=true the valid rows are imported and the report kept;
// rows and the reconciliation are the station's own (404 for others).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecureStack, type SecureStack } from '../security/support/secure-stack';
import { accountOf } from './support';
import { form } from '../security/support/audio-fixtures';

let stack: SecureStack;
beforeAll(async () => {
  stack = await startSecureStack({ RATE_LIMIT_UPLOAD_MAX: '1000' });
});
afterAll(async () => stack?.stop());

const CSV = [
  'title,artist,isrc,played_at,duration',
  'Adonai,Sarkodie,GH-A12-26-00001,2026-03-01T10:00:00Z,3:35',
  'Broken,Row,not-an-isrc,2026-03-01 25:00,',
  'Kwaku,Efya,,2026-03-01 10:08:00,200',
].join('\n');

describe('playlog uploads', () => {
  it('answers 422 with the row report and imports nothing from a file with errors', async () => {
    const station = await accountOf(stack, 'station', 'strict-fm');
    const response = await station.upload(
      'POST',
      '/api/station/playlogs',
      form(Buffer.from(CSV), 'log.csv', {}, 'text/csv'),
    );
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      statusCode: 422,
      message: expect.stringMatching(/1 of 3 rows have errors; nothing was imported.*import_valid_rows=true/),
      rowCount: 3,
      validCount: 2,
      rejectedRows: [
        {
          row: 3,
          problems: [
            { field: 'isrc', message: expect.stringMatching(/not an ISRC/) },
            { field: 'played_at', message: expect.stringMatching(/not a valid date-time/) },
            { field: 'duration', message: 'is empty' },
          ],
        },
      ],
    });
    expect(((await station.get('/api/station/playlogs')).body as { items: unknown[] }).items).toEqual([]);
  });

  it('imports the valid rows when asked, and shows rows and reconciliation to the station only', async () => {
    const station = await accountOf(stack, 'station', 'lenient-fm');
    const other = await accountOf(stack, 'station', 'other-fm');
    const response = await station.upload(
      'POST',
      '/api/station/playlogs',
      form(Buffer.from(CSV), 'log.csv', { import_valid_rows: 'true' }, 'text/csv'),
    );
    expect(response.status).toBe(201);
    const playlog = response.body as { id: string };
    expect(playlog).toMatchObject({
      rowCount: 3,
      importedCount: 2,
      rejectedRows: [{ row: 3 }],
      firstPlayedAt: '2026-03-01T10:00:00.000Z',
      lastEndedAt: '2026-03-01T10:11:20.000Z',
    });
    const listed = (await station.get('/api/station/playlogs')).body as { items: { id: string }[] };
    expect(listed.items.map((p) => p.id)).toEqual([playlog.id]);

    const detail = await station.get(`/api/station/playlogs/${playlog.id}`);
    expect(detail.status).toBe(200);
    expect((detail.body as { entries: unknown[] }).entries).toEqual([
      expect.objectContaining({ row: 2, isrc: 'GHA122600001', durationSeconds: 215, trackId: null }),
      // No offset: read in the station's timezone (Africa/Accra, UTC+0).
      expect.objectContaining({ row: 4, playedAt: '2026-03-01T10:08:00.000Z', durationSeconds: 200 }),
    ]);

    const reconciliation = await station.get(
      `/api/station/playlogs/${playlog.id}/reconciliation?toleranceMinutes=2`,
    );
    expect(reconciliation.status).toBe(200);
    expect(reconciliation.body).toMatchObject({
      toleranceMinutes: 2,
      summary: { matched: 0, onlyInPlaylog: 2, onlyDetected: 0 },
      onlyInPlaylog: [{ unknownTrack: true }, { unknownTrack: true }],
    });
    expect(
      (await station.get(`/api/station/playlogs/${playlog.id}/reconciliation?toleranceMinutes=999`)).status,
    ).toBe(400);
    expect((await other.get(`/api/station/playlogs/${playlog.id}`)).status).toBe(404);
    expect((await other.get(`/api/station/playlogs/${playlog.id}/reconciliation`)).status).toBe(404);
  });

  it('refuses an unknown form field and a CSV without the needed columns with 400', async () => {
    const station = await accountOf(stack, 'station', 'form-fm');
    const extra = await station.upload(
      'POST',
      '/api/station/playlogs',
      form(Buffer.from(CSV), 'log.csv', { surprise: 'x' }, 'text/csv'),
    );
    expect(extra.status).toBe(400);
    const columns = await station.upload(
      'POST',
      '/api/station/playlogs',
      form(Buffer.from('song,when\nA,B\n'), 'log.csv', {}, 'text/csv'),
    );
    expect(columns.status).toBe(400);
    expect(JSON.stringify(columns.body)).toMatch(/lacks the columns/);
  });
});
