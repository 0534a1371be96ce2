// A large file to the bff in parts over the tus 1.0 protocol (tus-js-client,
// the protocol's reference client, rather than our own chunking): POST creates
// the upload, each PATCH sends one part, a dropped connection is retried with
// a HEAD to learn the server's offset and a PATCH from there, and the upload's
// URL is remembered in localStorage (the file's name, type, size, modification
// time and the endpoint as the key), so choosing the same file for the same
// track after a reload continues where it stopped. The final PATCH answers
// with the bff's JSON (e.g. the track); failures are the api-client's ApiError.
import { ApiError, REQUEST_ID_HEADER, createRequestId, serverMessageOf } from '@zamio/api-client';
import { DetailedError, Upload } from 'tus-js-client';
import type { UploadProgress } from './upload-file';

/** Part size: big enough to keep the overhead per request small, small enough that a drop loses little. */
export const RESUMABLE_CHUNK_BYTES = 6 * 1024 * 1024;
/** Waits before each retry after a failed part (network drop, 5xx, offset conflict): about a minute in all. */
export const RESUMABLE_RETRY_DELAYS_MS = [0, 1_000, 3_000, 5_000, 10_000, 20_000, 30_000];

/**
 * Abort reason that stops sending but keeps the partial upload (and its
 * remembered URL) to resume later — leaving the page. Any other abort cancels:
 * the server drops what it has.
 */
export const KEEP_PARTIAL_UPLOAD = 'keep-partial-upload';

export interface ResumableUploadRequest {
  /** The tus creation endpoint, absolute or same-origin (e.g. `/api/artist/tracks/<id>/audio/uploads`). */
  url: string;
  file: File;
  /** Sent on every request (the CSRF token). */
  headers?: Record<string, string>;
  /** Send cookies to another origin (cross-origin API). */
  withCredentials?: boolean;
  onProgress?: (progress: UploadProgress) => void;
  /** Aborting cancels the transfer and abandons the partial upload on the server (DELETE), unless its reason is KEEP_PARTIAL_UPLOAD. */
  signal?: AbortSignal;
  chunkSize?: number;
  retryDelays?: number[];
}

export function uploadFileResumably<T = unknown>(request: ResumableUploadRequest): Promise<T> {
  const endpoint = new URL(request.url, globalThis.location?.href).href;
  return new Promise<T>((resolve, reject) => {
    if (request.signal?.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
      return;
    }
    let cancelled = false;
    const upload = new Upload(request.file, {
      endpoint,
      chunkSize: request.chunkSize ?? RESUMABLE_CHUNK_BYTES,
      retryDelays: request.retryDelays ?? RESUMABLE_RETRY_DELAYS_MS,
      metadata: { filename: request.file.name, filetype: request.file.type },
      headers: { Accept: 'application/json', ...request.headers },
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onBeforeRequest: (req) => {
        req.setHeader(REQUEST_ID_HEADER, createRequestId());
        if (request.withCredentials) (req.getUnderlyingObject() as XMLHttpRequest).withCredentials = true;
      },
      onProgress: (loaded, total) =>
        request.onProgress?.({ loaded, total, fraction: total > 0 ? Math.min(1, loaded / total) : 0 }),
      onSuccess: ({ lastResponse }) => {
        request.signal?.removeEventListener('abort', onAbort);
        const body = parse(lastResponse.getBody());
        // The bff answers the last part with the stored result; anything else
        // (a HEAD that found every byte already there) did not see it stored.
        if (body === undefined || typeof body !== 'object') {
          reject(
            new ApiError({
              kind: 'http',
              status: lastResponse.getStatus(),
              message:
                'The file arrived but the server did not confirm it was stored. Reload the page to check.',
              method: 'PATCH',
              path: endpoint,
              requestId: lastResponse.getHeader(REQUEST_ID_HEADER) ?? createRequestId(),
            }),
          );
          return;
        }
        request.onProgress?.({ loaded: request.file.size, total: request.file.size, fraction: 1 });
        resolve(body as T);
      },
      onError: (error) => {
        request.signal?.removeEventListener('abort', onAbort);
        if (!cancelled) reject(apiErrorOf(error, endpoint));
      },
    });
    const onAbort = () => {
      cancelled = true;
      // Cancel terminates (the server drops the partial upload, the remembered URL is forgotten).
      void upload.abort(request.signal?.reason !== KEEP_PARTIAL_UPLOAD).catch(() => {});
      reject(new DOMException('The upload was cancelled', 'AbortError'));
    };
    request.signal?.addEventListener('abort', onAbort, { once: true });
    void upload.findPreviousUploads().then(
      (previous) => {
        if (cancelled) return;
        if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
        upload.start();
      },
      () => upload.start(),
    );
  });
}

function parse(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** tus-js-client's errors in the api-client's terms: the bff's message when it answered, plain words when not. */
export function apiErrorOf(error: Error, path: string): ApiError {
  const response = error instanceof DetailedError ? error.originalResponse : null;
  const method = error instanceof DetailedError ? (error.originalRequest?.getMethod() ?? 'PATCH') : 'PATCH';
  const requestId =
    (error instanceof DetailedError ? error.originalRequest?.getHeader(REQUEST_ID_HEADER) : undefined) ??
    createRequestId();
  if (!response || response.getStatus() === 0)
    return new ApiError({
      kind: 'network',
      status: 0,
      message:
        'The connection to the server was lost and retrying did not help. Check the connection and retry: the upload continues where it stopped.',
      method,
      path,
      requestId,
      cause: error,
    });
  const body = parse(response.getBody());
  const status = response.getStatus();
  return new ApiError({
    kind: 'http',
    status,
    message: serverMessageOf(body) ?? `the upload failed with status ${status}`,
    method,
    path,
    requestId: response.getHeader(REQUEST_ID_HEADER) ?? requestId,
    body,
  });
}
