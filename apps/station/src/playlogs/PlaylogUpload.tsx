// Uploading a playlog CSV: a file with row errors is refused as a whole (422)
// with a per-row report; the station fixes the file, or chooses to import
// only the valid rows (the same file again with import_valid_rows=true).
import type { Playlog, PlaylogRejected } from '@zamio/contracts';
import { PLAYLOG_IMPORT_VALID_ROWS_FIELD } from '@zamio/contracts';
import { isApiError, stationEndpoints } from '@zamio/api-client';
import { Button, ErrorBanner, FileField, UploadProgressPanel, formatCount, useFileUpload } from '@zamio/ui';
import { useState } from 'react';
import { RowReport } from './RowReport';

export const PLAYLOG_ACCEPT = '.csv,text/csv,application/vnd.ms-excel';
export const PLAYLOG_MAX_BYTES = 10 * 1024 * 1024;

const rejectionOf = (error: unknown): PlaylogRejected | undefined =>
  isApiError(error) &&
  error.status === 422 &&
  typeof error.body === 'object' &&
  error.body !== null &&
  Array.isArray((error.body as PlaylogRejected).rejectedRows)
    ? (error.body as PlaylogRejected)
    : undefined;

export function PlaylogUpload({ onImported }: { onImported: (playlog: Playlog) => void }) {
  const [file, setFile] = useState<File | undefined>();
  const [fileError, setFileError] = useState<string | undefined>();
  const upload = useFileUpload<Playlog>({ path: stationEndpoints.playlogUploadPath, onUploaded: onImported });
  const rejection = upload.phase === 'failed' ? rejectionOf(upload.error) : undefined;
  const send = (importValidRows: boolean) => {
    if (!file) {
      setFileError('Choose the playlog CSV file');
      return;
    }
    void upload.start(file, { [PLAYLOG_IMPORT_VALID_ROWS_FIELD]: String(importValidRows) });
  };

  return (
    <div className="zamio-form" data-testid="playlog-upload">
      <FileField
        label="Playlog CSV"
        required
        accept={PLAYLOG_ACCEPT}
        maxBytes={PLAYLOG_MAX_BYTES}
        hint="Columns: title, artist, isrc (may be empty), played_at (e.g. 2026-11-25 07:30, in the station's timezone), duration (seconds or m:ss)."
        error={fileError}
        disabled={upload.phase === 'uploading'}
        data-testid="playlog-file"
        onFileChange={(chosen) => {
          setFile(chosen);
          setFileError(undefined);
          upload.reset();
        }}
      />
      <UploadProgressPanel upload={upload} doneLabel="Imported" />
      {rejection ? (
        <div className="zamio-stack" data-testid="playlog-rejected">
          <div className="zamio-notice zamio-notice--warn" role="alert">
            <p className="zamio-notice__title">
              {formatCount(rejection.rejectedRows.length)} of {formatCount(rejection.rowCount)} rows have
              errors; nothing was imported
            </p>
            <p>
              Fix the rows below and upload the file again, or import only the{' '}
              {formatCount(rejection.validCount)} valid rows.
            </p>
          </div>
          <RowReport rows={rejection.rejectedRows} />
          {rejection.validCount > 0 ? (
            <div className="zamio-button-row">
              <Button variant="primary" onClick={() => send(true)} data-testid="playlog-import-valid">
                Import the {formatCount(rejection.validCount)} valid rows
              </Button>
            </div>
          ) : null}
        </div>
      ) : upload.phase === 'failed' ? (
        <ErrorBanner title="The playlog was not imported" error={upload.error} />
      ) : null}
      <div className="zamio-button-row">
        <Button
          variant="primary"
          loading={upload.phase === 'uploading'}
          loadingLabel="Uploading…"
          onClick={() => send(false)}
          data-testid="playlog-submit"
        >
          Upload playlog
        </Button>
      </div>
    </div>
  );
}
