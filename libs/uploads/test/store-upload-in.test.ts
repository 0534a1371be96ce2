// The upload pipeline through the storage port, on both adapters: accepted
// files are committed with checksum and probe results; refused ones (413 the
// moment the cap is crossed, 415, 422) and storage outages leave nothing.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStorage,
  storeUploadIn,
  StorageUnavailableError,
  uploadRules,
  UploadRejectedError,
  type ObjectStorage,
} from '../src';
import { startS3TestServer, type S3TestServer } from '../src/testing';
import { bodyOf, MiB, readAll, sha256, wavHeader, wavStream } from './support/streams';

const rules = uploadRules({
  'track-audio': 40 * MiB,
  'capture-audio': 1 * MiB,
  'playlog-csv': 64 * 1024,
  document: 1 * MiB,
});

let s3: S3TestServer;
let dir: string;
const adapters: Record<string, ObjectStorage> = {};

beforeAll(async () => {
  [s3, dir] = await Promise.all([startS3TestServer(), mkdtemp(join(tmpdir(), 'zamio-pipeline-'))]);
  adapters.filesystem = createStorage({ kind: 'filesystem', directory: dir, timeouts: { probeMs: 1_000 } });
  adapters.s3 = createStorage(
    s3.config({ timeouts: { probeMs: 1_000, connectMs: 1_000, requestMs: 5_000 } }),
  );
});
afterAll(async () => {
  await adapters.s3?.close();
  await s3?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function keys(storage: ObjectStorage): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of storage.list()) found.push(entry.key);
  return found.sort();
}

/** Everything a failed upload could leave: objects, part files, unfinished multipart uploads. */
async function traces(storage: ObjectStorage): Promise<string[]> {
  const parts =
    storage.kind === 's3'
      ? await s3.unfinishedMultipartUploads()
      : (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.part'));
  return [...(await keys(storage)), ...parts];
}

async function refusal(promise: Promise<unknown>): Promise<UploadRejectedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadRejectedError);
  return error as UploadRejectedError;
}

for (const kind of ['filesystem', 's3'] as const) {
  describe(`storeUploadIn (${kind})`, () => {
    const storage = () => adapters[kind]!;

    it('commits accepted audio under a random key with its size, checksum and probed duration', async () => {
      const header = wavHeader(2);
      const wav = Buffer.concat([header, Buffer.alloc(32_000, 7)]);
      const stored = await storeUploadIn(
        storage(),
        bodyOf(wav, { chunk: 1_000 }).stream,
        rules['track-audio'],
      );
      expect(stored).toMatchObject({
        kind: 'track-audio',
        sizeBytes: wav.length,
        sha256: sha256(wav),
        mimeType: 'audio/wav',
        audio: { durationMs: 2_000, sampleRate: 8_000, channels: 1 },
      });
      expect(stored.storageName).toMatch(/^track-audio\/[0-9a-f]{32}\.wav$/);
      expect(await readAll((await storage().get(stored.storageName)).body)).toEqual(wav);
    });

    it('probes a long recording while it streams (several multipart parts on S3)', async () => {
      const wav = wavStream(20 * 60); // 19.2 MB
      const stored = await storeUploadIn(storage(), wav.stream, rules['track-audio']);
      expect(stored).toMatchObject({ sizeBytes: wav.size, audio: { durationMs: 1_200_000 } });
      expect((await storage().head(stored.storageName))?.size).toBe(wav.size);
      await storage().delete(stored.storageName);
    });

    it('answers 413 the moment the cap is crossed, having read little past it, and keeps nothing', async () => {
      const before = await traces(storage());
      const huge = wavStream(3 * 60 * 60); // 173 MB against a 1 MiB cap
      const error = await refusal(storeUploadIn(storage(), huge.stream, rules['capture-audio']));
      expect(error.statusCode).toBe(413);
      expect(error.message).toBe(`file exceeds the limit of ${MiB} bytes`);
      expect(huge.pulled()).toBeLessThan(MiB + 256 * 1024);
      expect(huge.stream.destroyed).toBe(true);
      expect(await traces(storage())).toEqual(before);
    });

    it('answers 413 at once when the multipart parser reports its own size limit', async () => {
      const before = await traces(storage());
      const cut = wavStream(60, { limitAt: 256 * 1024 });
      const error = await refusal(storeUploadIn(storage(), cut.stream, rules['track-audio']));
      expect(error.statusCode).toBe(413);
      expect(cut.pulled()).toBeLessThan(256 * 1024 + 3 * 64 * 1024);
      expect(await traces(storage())).toEqual(before);
    });

    it('refuses the wrong type (415) and broken audio (422), keeping nothing', async () => {
      const before = await traces(storage());
      const pdf = Buffer.from('%PDF-1.4\n%%EOF');
      expect(
        (await refusal(storeUploadIn(storage(), bodyOf(pdf).stream, rules['track-audio']))).statusCode,
      ).toBe(415);
      const truncated = Buffer.concat([wavHeader(60), Buffer.alloc(50_000, 1)]);
      const cut = await refusal(storeUploadIn(storage(), bodyOf(truncated).stream, rules['track-audio']));
      expect(cut).toMatchObject({ statusCode: 422, message: expect.stringMatching(/truncated/) });
      const noise = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(9_000, 0xff)]);
      expect(
        (await refusal(storeUploadIn(storage(), bodyOf(noise).stream, rules['track-audio']))).statusCode,
      ).toBe(422);
      const binaryCsv = Buffer.from([0, 1, 2, 3, 0, 0]);
      expect(
        (await refusal(storeUploadIn(storage(), bodyOf(binaryCsv).stream, rules['playlog-csv']))).statusCode,
      ).toBe(415);
      expect(await traces(storage())).toEqual(before);
    });

    it('passes a client that goes away midway on as the error it is, keeping nothing', async () => {
      const before = await traces(storage());
      const gone = new Error('aborted');
      const wav = wavStream(30 * 60, { failAt: 12 * MiB, error: gone });
      await expect(storeUploadIn(storage(), wav.stream, rules['track-audio'])).rejects.toBe(gone);
      expect(await traces(storage())).toEqual(before);
    });
  });
}

describe('storeUploadIn during a storage outage', () => {
  it('fails with "storage unavailable" (503), stops reading the client, and commits nothing', async () => {
    const storage = adapters.s3!;
    const before = await keys(storage);
    const wav = wavStream(60 * 60, { delayMs: 1 }); // 57 MB, arriving slowly
    const storing = storeUploadIn(storage, wav.stream, rules['track-audio']).catch((e: unknown) => e);
    while (wav.pulled() < 10 * MiB) await new Promise((r) => setTimeout(r, 20));
    await s3.kill();
    const error = await storing;
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect(error).toMatchObject({ statusCode: 503, retryAfterSeconds: 5 });
    expect(wav.stream.destroyed).toBe(true);
    expect(wav.pulled()).toBeLessThan(40 * MiB);
    // While it is down, new uploads fail the same way instead of hanging.
    const next = await storeUploadIn(
      storage,
      Readable.from([Buffer.from('a,b\n')]),
      rules['playlog-csv'],
    ).catch((e: unknown) => e);
    expect(next).toBeInstanceOf(StorageUnavailableError);
    await s3.restart();
    expect(await keys(storage)).toEqual(before);
  });
});
