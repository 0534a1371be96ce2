// Bodies for storage tests, generated on the fly: deterministic bytes, a body
// that fails after N bytes, and one that records how much was pulled from it.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

export const MiB = 1024 * 1024;

/** Deterministic, non-repeating-looking bytes (so offsets are checkable). */
export function patternBytes(length: number, seed = 1): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed * 2_654_435_761;
  for (let i = 0; i < length; i++) {
    x = (x * 1_103_515_245 + 12_345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export interface PulledStream {
  stream: Readable;
  /** Bytes handed to the consumer so far. */
  pulled(): number;
}

/** Streams `total` bytes in `chunk`-sized pieces from `source(offset, length)`, lazily. */
export function generated(
  total: number,
  source: (offset: number, length: number) => Buffer,
  options: {
    chunk?: number;
    failAt?: number;
    error?: Error;
    delayMs?: number;
    /** Emit 'limit' at this offset, as busboy does when it cuts a file at its size limit (and go on). */
    limitAt?: number;
  } = {},
): PulledStream {
  const chunk = options.chunk ?? 64 * 1024;
  let offset = 0;
  let limited = false;
  const stream = new Readable({
    highWaterMark: chunk,
    read() {
      const next = () => {
        if (options.failAt !== undefined && offset >= options.failAt)
          return this.destroy(options.error ?? new Error('the client went away'));
        if (offset >= total) return this.push(null);
        if (options.limitAt !== undefined && offset >= options.limitAt && !limited) {
          limited = true;
          this.emit('limit');
        }
        const length = Math.min(chunk, total - offset);
        const piece = source(offset, length);
        offset += length;
        this.push(piece);
      };
      if (options.delayMs) setTimeout(next, options.delayMs);
      else next();
    },
  });
  return { stream, pulled: () => offset };
}

/** A body of `bytes`, in chunks. */
export const bodyOf = (bytes: Buffer, options: Parameters<typeof generated>[2] = {}) =>
  generated(bytes.length, (offset, length) => bytes.subarray(offset, offset + length), options);

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A PCM WAV whose header declares `seconds` of 8 kHz mono audio. */
export function wavHeader(seconds: number, rate = 8_000): Buffer {
  const dataBytes = Math.round(seconds * rate) * 2;
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVE', 8);
  h.write('fmt ', 12);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

/** A valid WAV of `seconds`, streamed without holding it: header, then generated samples. */
export function wavStream(
  seconds: number,
  options: Parameters<typeof generated>[2] = {},
): PulledStream & { size: number } {
  const header = wavHeader(seconds);
  const size = header.length + Math.round(seconds * 8_000) * 2;
  const samples = Buffer.alloc(64 * 1024, 1);
  const pulled = generated(
    size,
    (offset, length) =>
      offset < header.length
        ? Buffer.concat([header.subarray(offset), samples]).subarray(0, length)
        : samples.subarray(0, length),
    options,
  );
  return { ...pulled, size };
}
