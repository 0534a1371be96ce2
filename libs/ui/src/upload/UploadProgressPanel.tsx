import { X } from '../icons';
import { Button } from '../components/Button';
import { formatBytes } from '../format/numbers';
import type { useFileUpload } from './use-file-upload';

export interface UploadProgressPanelProps {
  /** What useFileUpload returns. */
  upload: Pick<ReturnType<typeof useFileUpload>, 'file' | 'phase' | 'progress' | 'cancel' | 'retry'>;
  /** Text once the upload is done (default "Uploaded · <size>"). */
  doneLabel?: string;
}

/**
 * The file being sent: its name, a progress bar with percent and bytes, and
 * cancel / retry. Nothing is shown before the first upload starts.
 */
export function UploadProgressPanel({ upload, doneLabel }: UploadProgressPanelProps) {
  if (!upload.file || upload.phase === 'idle') return null;
  const busy = upload.phase === 'uploading';
  const fraction = upload.progress?.fraction ?? 0;
  const percent = Math.round(fraction * 100);
  const size = formatBytes(upload.file.size);
  return (
    <div className="zamio-upload__file" aria-live="polite" data-phase={upload.phase}>
      <span className="zamio-upload__name">{upload.file.name}</span>
      <progress
        className="zamio-progress"
        max={100}
        value={percent}
        aria-label={`Upload of ${upload.file.name}`}
        data-testid="upload-progress"
      />
      <span className="zamio-muted" data-testid="upload-status">
        {busy
          ? `${percent} % · ${formatBytes(fraction * upload.file.size)} of ${size}`
          : upload.phase === 'done'
            ? (doneLabel ?? `Uploaded · ${size}`)
            : upload.phase === 'cancelled'
              ? 'Cancelled'
              : 'Failed'}
      </span>
      <div className="zamio-button-row">
        {busy ? (
          <Button size="sm" variant="secondary" icon={<X size={16} />} onClick={upload.cancel}>
            Cancel upload
          </Button>
        ) : null}
        {upload.phase === 'failed' || upload.phase === 'cancelled' ? (
          <Button size="sm" variant="primary" onClick={upload.retry}>
            Retry
          </Button>
        ) : null}
      </div>
    </div>
  );
}
