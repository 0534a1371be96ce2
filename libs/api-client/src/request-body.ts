// Request bodies: plain values are sent as JSON; uploads (FormData, Blob, streams,
// bytes) are passed through untouched so the browser sets their content type.

/** Any fetch body except a string (strings are JSON values like any other). */
export type RawBody = Exclude<NonNullable<RequestInit['body']>, string>;

export function isRawBody(body: unknown): body is RawBody {
  return (
    (typeof FormData !== 'undefined' && body instanceof FormData) ||
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    body instanceof URLSearchParams ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
  );
}

/** ky options for a body: `json` for values, `body` for raw payloads, nothing for undefined. */
export function bodyOptions(body: unknown): { json?: unknown; body?: RawBody } {
  if (body === undefined) return {};
  return isRawBody(body) ? { body } : { json: body };
}
