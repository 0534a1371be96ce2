// How services read a stored file's bytes: by storage key, from whatever
// storage the process has (upload folder or S3-compatible). The composition
// root passes the storage port's read; services never see where it lives.
export type AudioReader = (storageKey: string) => Promise<Uint8Array | AsyncIterable<Uint8Array>>;

/** The whole file in memory (a track is at most a few tens of MB; decoding needs it all anyway). */
export async function readAllBytes(source: Uint8Array | AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source;
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const part of source) {
    parts.push(part);
    length += part.length;
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}
