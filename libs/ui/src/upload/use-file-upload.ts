import { useCallback, useEffect, useRef, useState } from 'react';
import { csrfHeadersFor } from '../auth/csrf-token';
import { useRuntimeConfig } from '../runtime-config/runtime-config-context';
import { KEEP_PARTIAL_UPLOAD, uploadFileResumably } from './resumable-upload';
import { isAbortError, uploadFile, type UploadProgress } from './upload-file';

export type UploadPhase = 'idle' | 'uploading' | 'done' | 'failed' | 'cancelled';

export interface FileUploadState<T> {
  phase: UploadPhase;
  file: File | undefined;
  progress: UploadProgress | undefined;
  error: unknown;
  result: T | undefined;
}

export interface UseFileUploadOptions<T> {
  /**
   * API path under the portal's API base, e.g. `/artist/tracks`. A page that
   * learns the path only later (the audio of a track it has just created)
   * passes it to `start` instead.
   */
  path?: string;
  method?: 'POST' | 'PUT';
  /**
   * Send the file in parts over tus (resumable-upload.ts): `path` is then the
   * upload-creation endpoint, text fields are not sent, a dropped connection
   * resumes by itself and the same file resumes after a reload.
   */
  resumable?: boolean;
  onUploaded?: (result: T, file: File) => void;
}

const IDLE = {
  phase: 'idle',
  file: undefined,
  progress: undefined,
  error: undefined,
  result: undefined,
} as const;

/**
 * Upload state for one file at a time: progress, cancel, retry. Sends the
 * session's CSRF token and the cookie like the api-client does, to the same
 * API base URL. Unmounting cancels a running upload.
 */
export function useFileUpload<T = unknown>({ path, method, resumable, onUploaded }: UseFileUploadOptions<T>) {
  const { apiBaseUrl } = useRuntimeConfig();
  const [state, setState] = useState<FileUploadState<T>>(IDLE);
  const controller = useRef<AbortController | undefined>(undefined);
  const lastFields = useRef<Record<string, string> | undefined>(undefined);
  const lastPath = useRef<string | undefined>(path);
  const uploaded = useRef(onUploaded);
  useEffect(() => {
    uploaded.current = onUploaded;
  }, [onUploaded]);
  // Leaving the page stops sending; a resumable upload stays on the server to continue later.
  useEffect(() => () => controller.current?.abort(KEEP_PARTIAL_UPLOAD), []);

  const start = useCallback(
    async (file: File, fields?: Record<string, string>, pathOfThisUpload: string | undefined = path) => {
      if (pathOfThisUpload === undefined) throw new Error('useFileUpload: no path to upload to');
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      lastFields.current = fields;
      lastPath.current = pathOfThisUpload;
      setState({ ...IDLE, phase: 'uploading', file, progress: { loaded: 0, total: file.size, fraction: 0 } });
      try {
        const onProgress = (progress: UploadProgress) =>
          setState((now) => (now.file === file ? { ...now, progress } : now));
        const withCredentials = !apiBaseUrl.startsWith('/');
        const result = resumable
          ? await uploadFileResumably<T>({
              url: `${apiBaseUrl}${pathOfThisUpload}`,
              file,
              headers: csrfHeadersFor('PATCH'),
              withCredentials,
              signal: abort.signal,
              onProgress,
            })
          : await uploadFile<T>({
              url: `${apiBaseUrl}${pathOfThisUpload}`,
              method,
              file,
              ...(fields ? { fields } : {}),
              headers: csrfHeadersFor(method ?? 'POST'),
              withCredentials,
              signal: abort.signal,
              onProgress,
            });
        setState((now) => ({ ...now, phase: 'done', result }));
        uploaded.current?.(result, file);
        return result;
      } catch (error) {
        if (controller.current !== abort) return undefined;
        setState((now) => ({ ...now, phase: isAbortError(error) ? 'cancelled' : 'failed', error }));
        return undefined;
      }
    },
    [apiBaseUrl, path, method, resumable],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = undefined;
    setState(IDLE);
  }, []);
  const retry = useCallback(() => {
    if (state.file) void start(state.file, lastFields.current, lastPath.current);
  }, [start, state.file]);

  return { ...state, start, cancel, reset, retry };
}
