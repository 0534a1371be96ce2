/** @vitest-environment jsdom */
// The playlog upload in jsdom against a local HTTP server: a file with row
// errors comes back 422 with the per-row report, shown line by line; "import
// the valid rows" sends the same file again with import_valid_rows=true.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createApiClient } from '@zamio/api-client';
import { DEFAULT_RUNTIME_CONFIG } from '@zamio/ui';
import { renderInPortal } from '@zamio/ui/testing/dom';
import { startLocalBff, type LocalBff } from '@zamio/ui/testing/local-bff';
import { PlaylogUpload } from '../src/playlogs/PlaylogUpload';

const CSV = [
  'title,artist,isrc,played_at,duration',
  'Sika,Ama Serwaa,GHA012600001,2026-11-25 07:30,3:30',
  'Odo,Kofi,,not a date,200',
  'Adwoa,Esi,,2026-11-25 08:00,-5',
].join('\n');

const PLAYLOG = {
  id: '9a6f7a39-3a6e-4a57-9d0e-0d1c9f0f2a11',
  rowCount: 3,
  importedCount: 1,
  rejectedRows: [],
  firstPlayedAt: '2026-11-25T07:30:00.000Z',
  lastEndedAt: '2026-11-25T07:33:30.000Z',
  createdAt: '2026-12-01T10:00:00.000Z',
};

describe('PlaylogUpload', () => {
  let bff: LocalBff;
  beforeAll(async () => {
    bff = await startLocalBff();
  });
  afterAll(() => bff.close());

  it('shows the row report of a refused file, then imports only the valid rows on request', async () => {
    bff.routes.set('POST /station/playlogs', (request) =>
      request.text.includes('name="import_valid_rows"\r\n\r\ntrue')
        ? { status: 201, body: PLAYLOG }
        : {
            status: 422,
            body: {
              statusCode: 422,
              error: 'Unprocessable Entity',
              message: '2 of 3 rows have errors; nothing was imported.',
              rowCount: 3,
              validCount: 1,
              rejectedRows: [
                { row: 3, problems: [{ field: 'played_at', message: 'not a date and time: "not a date"' }] },
                { row: 4, problems: [{ field: 'duration', message: 'must be more than 0 seconds' }] },
              ],
            },
          },
    );
    const onImported = vi.fn();
    const user = userEvent.setup();
    renderInPortal(<PlaylogUpload onImported={onImported} />, {
      apiClient: createApiClient({ baseUrl: bff.apiBaseUrl, breaker: false, retries: 0 }),
      config: { ...DEFAULT_RUNTIME_CONFIG, apiBaseUrl: bff.apiBaseUrl },
    });

    await user.click(screen.getByTestId('playlog-submit'));
    expect(await screen.findByText('Choose the playlog CSV file')).toBeTruthy();
    expect(bff.received).toHaveLength(0);

    await user.upload(
      screen.getByTestId('playlog-file'),
      new File([CSV], 'week-48.csv', { type: 'text/csv' }),
    );
    await user.click(screen.getByTestId('playlog-submit'));

    const rejected = await screen.findByTestId('playlog-rejected');
    expect(rejected.textContent).toContain('2 of 3 rows have errors; nothing was imported');
    const report = within(screen.getByTestId('playlog-row-report'));
    expect(report.getByText('not a date and time: "not a date"')).toBeTruthy();
    expect(report.getByText('must be more than 0 seconds')).toBeTruthy();
    expect(onImported).not.toHaveBeenCalled();
    expect(bff.received[0]!.text).toContain('name="import_valid_rows"\r\n\r\nfalse');
    expect(bff.received[0]!.text).toContain('filename="week-48.csv"');

    await user.click(screen.getByTestId('playlog-import-valid'));
    await waitFor(() => expect(onImported).toHaveBeenCalledTimes(1));
    expect(onImported.mock.calls[0]![0]).toMatchObject({ id: PLAYLOG.id, importedCount: 1 });
    expect(bff.received).toHaveLength(2);
    expect(screen.queryByTestId('playlog-rejected')).toBeNull();
  });
});
