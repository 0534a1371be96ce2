// Request ids tie a portal action to the bff's and worker's log lines.

/**
 * A random UUID v4. `crypto.randomUUID` only exists in secure contexts (HTTPS or
 * localhost), so a portal opened over plain HTTP on a LAN address falls back to
 * `getRandomValues`, which is available everywhere.
 */
export function createRequestId(): string {
  const webCrypto = globalThis.crypto;
  if (typeof webCrypto.randomUUID === 'function') return webCrypto.randomUUID();
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const REQUEST_ID_HEADER = 'X-Request-ID';
