// Streaming storage: caps, magic-byte typing, audio probing, cleanup.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectContentType, storeUpload, uploadRules, UploadRejectedError } from '../src';
import { wavHeader } from './support/streams';

const wav = (seconds: number, rate = 8000): Buffer =>
  Buffer.concat([wavHeader(seconds, rate), Buffer.alloc(Math.round(seconds * rate) * 2, 1)]);

const rules = uploadRules({
  'track-audio': 200_000,
  'capture-audio': 50_000,
  'playlog-csv': 1_000,
  document: 10_000,
});
const inChunks = (buffer: Buffer, size = 1_000) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
    })(),
  );

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zamio-store-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));
const files = async () =>
  (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);

async function rejection(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(UploadRejectedError);
    return (error as UploadRejectedError).statusCode;
  }
}

describe('storeUpload', () => {
  it('stores accepted audio under a random name with size, checksum and probe results', async () => {
    const stored = await storeUpload(inChunks(wav(1)), rules['track-audio'], dir);
    expect(stored).toMatchObject({
      mimeType: 'audio/wav',
      sizeBytes: wav(1).length,
      audio: { durationMs: 1000, sampleRate: 8000 },
    });
    expect(stored.storageName).toMatch(/^track-audio\/[0-9a-f]{32}\.wav$/);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await files()).toHaveLength(1);
  });

  it('413 past the cap, 415 for disallowed content, 422 for undecodable audio — leaving nothing behind', async () => {
    expect(await rejection(storeUpload(inChunks(wav(5)), rules['capture-audio'], dir))).toBe(413);
    expect(
      await rejection(storeUpload(inChunks(Buffer.from('%PDF-1.4\n%%EOF')), rules['track-audio'], dir)),
    ).toBe(415);
    expect(await rejection(storeUpload(inChunks(wav(1).subarray(0, 2_000)), rules['track-audio'], dir))).toBe(
      422,
    );
    expect(await rejection(storeUpload(inChunks(wav(1).subarray(0, 44)), rules['track-audio'], dir))).toBe(
      422,
    );
    expect(
      await rejection(storeUpload(inChunks(Buffer.from([0, 1, 2, 3, 0, 0])), rules['playlog-csv'], dir)),
    ).toBe(415);
    expect(await files()).toEqual([]);
  });

  it('detects types by content, treating plain UTF-8 as CSV', async () => {
    expect(await detectContentType(Buffer.from('a,b\n1,2\n'))).toBe('text/csv');
    expect(await detectContentType(Buffer.from('caf\u00e9,ok\n'))).toBe('text/csv');
    expect(
      await detectContentType(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      ),
    ).toBe('image/png');
    expect(await detectContentType(Buffer.from([0xff, 0xfe, 0x00]))).toBeUndefined();
  });
});
