import { UploadCloud } from '../icons';
import { useId, useState, type DragEvent, type ReactNode } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { fileProblem, type FileRules } from '../forms/file-checks';
import { formatBytes } from '../format/numbers';
import { UploadProgressPanel } from './UploadProgressPanel';
import { useFileUpload } from './use-file-upload';

export interface FileUploadProps<T> extends FileRules {
  /** API path under the API base, e.g. `/artist/tracks`. */
  path: string;
  /** PUT replaces a resource's file (e.g. a track's audio). Default POST. */
  method?: 'POST' | 'PUT';
  /** Send in parts over tus (`path` is the upload-creation endpoint); see useFileUpload. */
  resumable?: boolean;
  label: ReactNode;
  hint?: ReactNode;
  /** Text fields sent with the file (e.g. title and ISRC of a track). */
  fields?: Record<string, string>;
  /** Refuse to start while the form around it is incomplete. */
  disabled?: boolean;
  onUploaded?: (result: T, file: File) => void;
  'data-testid'?: string;
}

/**
 * Drop zone or file picker → upload with a progress bar, cancel and retry.
 * Files stream from disk (XHR sends the Blob), so large files cost no memory.
 */
export function FileUpload<T = unknown>({
  path,
  method,
  resumable,
  label,
  hint,
  fields,
  accept,
  maxBytes,
  disabled,
  onUploaded,
  'data-testid': testId,
}: FileUploadProps<T>) {
  const inputId = useId();
  const upload = useFileUpload<T>({
    path,
    ...(method ? { method } : {}),
    ...(resumable ? { resumable } : {}),
    ...(onUploaded ? { onUploaded } : {}),
  });
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  const choose = (file: File | undefined) => {
    if (!file) return;
    const found = fileProblem(file, { accept, maxBytes });
    setProblem(found);
    if (!found) void upload.start(file, fields);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!disabled && upload.phase !== 'uploading') choose(event.dataTransfer.files[0]);
  };
  const busy = upload.phase === 'uploading';

  return (
    <div className="zamio-upload" data-testid={testId} data-phase={upload.phase}>
      <div
        className="zamio-dropzone"
        data-dragging={dragging}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <UploadCloud size={28} aria-hidden="true" />
        <label className="zamio-dropzone__title" htmlFor={inputId}>
          {label}
        </label>
        <p className="zamio-field__hint">
          {hint ?? 'Drop a file here or choose one.'}
          {maxBytes !== undefined ? ` Up to ${formatBytes(maxBytes)}.` : ''}
        </p>
        <input
          id={inputId}
          className="zamio-input zamio-input--file"
          type="file"
          accept={accept}
          disabled={disabled || busy}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => {
            choose(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
      {problem ? (
        <p className="zamio-field__error" role="alert">
          {problem}
        </p>
      ) : null}
      <UploadProgressPanel upload={upload} />
      {upload.phase === 'failed' ? <ErrorBanner title="The upload failed" error={upload.error} /> : null}
    </div>
  );
}
