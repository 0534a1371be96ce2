// The one behaviour every storage adapter must have, run against each of them
// (a directory, a real S3-protocol server): streamed puts that commit only a
// clean body, byte ranges, head/delete/list, probes, typed errors, metrics.
import { access, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  countingStorageMetrics,
  instrumentStorage,
  InvalidStorageKeyError,
  StorageObjectNotFoundError,
  StorageRangeNotSatisfiableError,
  readObjectBytes,
  StoredObjectTooLargeError,
  withLocalCopy,
  type ObjectStorage,
} from '../src';
import { bodyOf, generated, MiB, patternBytes, readAll, sha256 } from './support/streams';

export interface StorageHarness {
  storage(): ObjectStorage;
  /** Traces a failed put may leave: part files, unfinished multipart uploads. */
  leftovers(): Promise<string[]>;
  /** Size of a body that an adapter must stream in several pieces (S3: several multipart parts). */
  largeBytes: number;
}

let sequence = 0;
const freshKey = (ext = 'bin') => `contract/${Date.now().toString(36)}${(sequence++).toString(36)}.${ext}`;

export function describeStorageContract(name: string, harness: () => StorageHarness): void {
  describe(`storage contract: ${name}`, () => {
    it('streams a body in and out unchanged, with its size and type', async () => {
      const storage = harness().storage();
      const bytes = patternBytes(300_000);
      const key = freshKey('wav');
      expect(await storage.put(key, bodyOf(bytes).stream, { contentType: 'audio/wav' })).toEqual({
        key,
        size: bytes.length,
      });
      const read = await storage.get(key);
      expect(read).toMatchObject({ size: bytes.length, range: undefined, contentType: 'audio/wav' });
      expect(sha256(await readAll(read.body))).toBe(sha256(bytes));
      expect(await storage.head(key)).toMatchObject({ key, size: bytes.length, contentType: 'audio/wav' });
    });

    it('streams a large body through in pieces (multipart on S3), never holding it whole', async () => {
      const { storage, largeBytes } = { storage: harness().storage(), largeBytes: harness().largeBytes };
      const key = freshKey();
      const body = generated(largeBytes, (offset, length) => patternBytes(length, offset));
      expect((await storage.put(key, body.stream, { contentType: 'application/octet-stream' })).size).toBe(
        largeBytes,
      );
      const read = await storage.get(key, { start: largeBytes - 10 });
      expect(read.range).toEqual({ start: largeBytes - 10, end: largeBytes - 1 });
      const lastChunkStart = Math.floor((largeBytes - 1) / (64 * 1024)) * 64 * 1024;
      const lastChunk = patternBytes(largeBytes - lastChunkStart, lastChunkStart);
      expect(await readAll(read.body)).toEqual(lastChunk.subarray(-10));
      expect((await storage.head(key))?.size).toBe(largeBytes);
    });

    it('serves byte ranges as HTTP does: clipped ends, open ends, 416 past the end', async () => {
      const storage = harness().storage();
      const bytes = patternBytes(1_000);
      const key = freshKey();
      await storage.put(key, bodyOf(bytes).stream, { contentType: 'application/octet-stream' });
      const exact = await storage.get(key, { start: 10, end: 19 });
      expect(exact).toMatchObject({ size: 1_000, range: { start: 10, end: 19 } });
      expect(await readAll(exact.body)).toEqual(bytes.subarray(10, 20));
      const clipped = await storage.get(key, { start: 990, end: 5_000 });
      expect(clipped.range).toEqual({ start: 990, end: 999 });
      expect(await readAll(clipped.body)).toEqual(bytes.subarray(990));
      const open = await storage.get(key, { start: 500 });
      expect((await readAll(open.body)).length).toBe(500);
      const past = await storage.get(key, { start: 1_000 }).catch((error: unknown) => error);
      expect(past).toBeInstanceOf(StorageRangeNotSatisfiableError);
      expect((past as StorageRangeNotSatisfiableError).size).toBe(1_000);
      await expect(storage.get(key, { start: 20, end: 10 })).rejects.toBeInstanceOf(
        StorageRangeNotSatisfiableError,
      );
    });

    it('reads the bytes alone, whole or a range, with the same typed errors as get', async () => {
      const storage = harness().storage();
      const bytes = patternBytes(2_000);
      const key = freshKey('wav');
      await storage.put(key, bodyOf(bytes).stream, { contentType: 'audio/wav' });
      // Destructured on purpose: the worker passes `storage.read` around as a plain function.
      const { read } = storage;
      expect(sha256(await readAll(await read(key)))).toBe(sha256(bytes));
      expect(await readAll(await read(key, { start: 1_990 }))).toEqual(bytes.subarray(1_990));
      await expect(read(freshKey())).rejects.toBeInstanceOf(StorageObjectNotFoundError);
      await expect(read(key, { start: 2_000 })).rejects.toBeInstanceOf(StorageRangeNotSatisfiableError);
      const metrics = countingStorageMetrics();
      const counted = instrumentStorage(storage, metrics);
      expect((await readAll(await counted.read(key, { start: 0, end: 99 }))).length).toBe(100);
      expect(metrics.operations.get('get:ok')).toBe(1);
      expect(metrics.bytesTotal.read).toBe(100);
    });

    it('hands a decoder a local copy or the bytes, and cleans the copy up', async () => {
      const storage = harness().storage();
      const bytes = patternBytes(70_000);
      const key = freshKey('wav');
      await storage.put(key, bodyOf(bytes).stream, { contentType: 'audio/wav' });
      let copied = '';
      const digest = await withLocalCopy(storage, key, async (path) => {
        copied = path;
        expect(path.endsWith('.wav')).toBe(true);
        return sha256(await readFile(path));
      });
      expect(digest).toBe(sha256(bytes));
      await expect(access(copied)).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(withLocalCopy(storage, freshKey(), async () => 1)).rejects.toBeInstanceOf(
        StorageObjectNotFoundError,
      );
      expect(await readObjectBytes(storage, key, { maxBytes: 70_000 })).toEqual(bytes);
      await expect(readObjectBytes(storage, key, { maxBytes: 69_999 })).rejects.toBeInstanceOf(
        StoredObjectTooLargeError,
      );
    });

    it('commits nothing when the body fails midway, and reports the body’s own error', async () => {
      const { storage, leftovers } = { storage: harness().storage(), leftovers: harness().leftovers };
      const key = freshKey();
      const failure = new Error('client went away');
      const body = generated(harness().largeBytes, (_offset, length) => patternBytes(length), {
        failAt: harness().largeBytes - 1 * MiB,
        error: failure,
      });
      await expect(storage.put(key, body.stream, { contentType: 'application/octet-stream' })).rejects.toBe(
        failure,
      );
      expect(body.stream.destroyed).toBe(true);
      expect(await storage.head(key)).toBeUndefined();
      await expect(storage.get(key)).rejects.toBeInstanceOf(StorageObjectNotFoundError);
      expect(await leftovers()).toEqual([]);
    });

    it('answers missing objects: head undefined, get 404, delete idempotent', async () => {
      const storage = harness().storage();
      const key = freshKey();
      expect(await storage.head(key)).toBeUndefined();
      const missing = await storage.get(key).catch((error: unknown) => error);
      expect(missing).toBeInstanceOf(StorageObjectNotFoundError);
      expect((missing as StorageObjectNotFoundError).statusCode).toBe(404);
      await storage.delete(key);
      await storage.put(key, bodyOf(Buffer.from('x')).stream, { contentType: 'text/csv' });
      await storage.delete(key);
      expect(await storage.head(key)).toBeUndefined();
    });

    it('lists stored objects, not parts in progress or probe files', async () => {
      const storage = harness().storage();
      const key = freshKey('csv');
      await storage.put(key, bodyOf(Buffer.from('a,b\n')).stream, { contentType: 'text/csv' });
      await storage.probe();
      const listed = [];
      for await (const entry of storage.list()) listed.push(entry);
      expect(listed).toContainEqual({ key, size: 4 });
      expect(listed.every((entry) => !/\.part$|probe|readiness/.test(entry.key))).toBe(true);
    });

    it('refuses keys that could escape the store or name a partial file', async () => {
      const storage = harness().storage();
      for (const key of ['../etc/passwd', '/abs', 'a//b', 'a/./b', 'x.part', 'a/.hidden', ''])
        await expect(
          storage.put(key, bodyOf(Buffer.from('x')).stream, { contentType: 'text/csv' }),
        ).rejects.toBeInstanceOf(InvalidStorageKeyError);
    });

    it('probes readiness within its timeout', async () => {
      const storage = harness().storage();
      await storage.probe();
      await storage.probe(); // steady state (S3: the sentinel exists now)
    });

    it('counts operations by outcome and bytes both ways when instrumented', async () => {
      const metrics = countingStorageMetrics();
      const storage = instrumentStorage(harness().storage(), metrics);
      const key = freshKey();
      await storage.put(key, bodyOf(patternBytes(5_000)).stream, { contentType: 'application/octet-stream' });
      await readAll((await storage.get(key, { start: 0, end: 999 })).body);
      await storage.get(freshKey()).catch(() => {});
      await storage.head(key);
      await storage.delete(key);
      expect(Object.fromEntries(metrics.operations)).toEqual({
        'put:ok': 1,
        'get:ok': 1,
        'get:not_found': 1,
        'head:ok': 1,
        'delete:ok': 1,
      });
      expect(metrics.bytesTotal).toEqual({ written: 5_000, read: 1_000 });
    });
  });
}
