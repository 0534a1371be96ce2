// One file to the bff as multipart/form-data, with upload progress. fetch() has
// no upload progress events in browsers, so this is XMLHttpRequest, the one API
// that reports bytes sent. Failures are the api-client's ApiError, so pages
// handle upload errors like any other API error (status, message, request id).
import { ApiError, REQUEST_ID_HEADER, createRequestId, serverMessageOf } from '@zamio/api-client';

export interface UploadProgress {
  /** Bytes of the request body sent so far. */
  loaded: number;
  /** Bytes of the whole request body. */
  total: number;
  /** 0–1; 0 until the browser knows the total. */
  fraction: number;
}

export interface UploadRequest {
  /** Absolute or same-origin URL, e.g. `/api/artist/tracks`. */
  url: string;
  file: Blob;
  /** File name sent in the part (defaults to the File's name). */
  fileName?: string;
  /** Text fields sent before the file (the bff reads fields first, then the `file` part). */
  fields?: Record<string, string>;
  fieldName?: string;
  method?: 'POST' | 'PUT';
  headers?: Record<string, string>;
  /** Send cookies to another origin (cross-origin API). */
  withCredentials?: boolean;
  onProgress?: (progress: UploadProgress) => void;
  /** Aborting cancels the transfer; the promise rejects with an AbortError. */
  signal?: AbortSignal;
}

const parseBody = (xhr: XMLHttpRequest): unknown => {
  const text = xhr.responseText;
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

export function uploadFile<T = unknown>(request: UploadRequest): Promise<T> {
  const method = request.method ?? 'POST';
  const requestId = createRequestId();
  const failure = (kind: 'http' | 'network' | 'timeout', status: number, message: string, body?: unknown) =>
    new ApiError({ kind, status, message, method, path: request.url, requestId, body });

  return new Promise<T>((resolve, reject) => {
    if (request.signal?.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
      return;
    }
    const form = new FormData();
    for (const [name, value] of Object.entries(request.fields ?? {})) form.append(name, value);
    const fileName = request.fileName ?? (request.file instanceof File ? request.file.name : 'upload');
    form.append(request.fieldName ?? 'file', request.file, fileName);

    const xhr = new XMLHttpRequest();
    xhr.open(method, request.url);
    xhr.withCredentials = request.withCredentials ?? false;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader(REQUEST_ID_HEADER, requestId);
    for (const [name, value] of Object.entries(request.headers ?? {})) xhr.setRequestHeader(name, value);

    // Progress counts the whole request body (fields and part headers too), so
    // `total` is a little more than the file's size; `fraction` is what to show.
    let total = request.file.size;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) total = event.total;
      const fraction = total > 0 ? Math.min(1, event.loaded / total) : 0;
      request.onProgress?.({ loaded: event.loaded, total, fraction });
    };
    const onAbort = () => xhr.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => request.signal?.removeEventListener('abort', onAbort);

    xhr.onload = () => {
      settle();
      const body = parseBody(xhr);
      if (xhr.status >= 200 && xhr.status < 300) {
        request.onProgress?.({ loaded: total, total, fraction: 1 });
        resolve(body as T);
        return;
      }
      const message = serverMessageOf(body) ?? `${method} ${request.url} failed with status ${xhr.status}`;
      reject(
        new ApiError({
          kind: 'http',
          status: xhr.status,
          message,
          method,
          path: request.url,
          requestId: xhr.getResponseHeader(REQUEST_ID_HEADER) ?? requestId,
          body,
        }),
      );
    };
    xhr.onerror = () => {
      settle();
      reject(failure('network', 0, 'The upload could not reach the server. Check the connection and retry.'));
    };
    xhr.ontimeout = () => {
      settle();
      reject(failure('timeout', 0, 'The upload timed out.'));
    };
    xhr.onabort = () => {
      settle();
      reject(new DOMException('The upload was cancelled', 'AbortError'));
    };
    xhr.send(form);
  });
}

export const isAbortError = (error: unknown): boolean =>
  error instanceof DOMException
    ? error.name === 'AbortError'
    : (error as Error | undefined)?.name === 'AbortError';
