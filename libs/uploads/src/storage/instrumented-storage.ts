// Wraps any adapter so every operation is timed and counted by outcome, and
// bytes are counted as they are committed or streamed out: one place for
// metrics, adapters stay plain.
import { Transform, type TransformCallback } from 'node:stream';
import { UploadRejectedError } from '../upload-error';
import type { ObjectRead, ObjectStorage } from './object-storage';
import {
  StorageObjectNotFoundError,
  StorageRangeNotSatisfiableError,
  StorageUnavailableError,
  type StorageOperation,
} from './storage-errors';
import type { StorageMetrics, StorageOutcome } from './storage-metrics';

export function outcomeOf(error: unknown): StorageOutcome {
  if (error instanceof StorageUnavailableError) return 'unavailable';
  if (error instanceof StorageObjectNotFoundError || error instanceof StorageRangeNotSatisfiableError)
    return 'not_found';
  if (error instanceof UploadRejectedError) return 'rejected';
  return 'error';
}

export function instrumentStorage(storage: ObjectStorage, metrics: StorageMetrics): ObjectStorage {
  async function timed<T>(operation: StorageOperation, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const result = await run();
      metrics.operation(operation, 'ok', seconds());
      return result;
    } catch (error) {
      metrics.operation(operation, outcomeOf(error), seconds());
      throw error;
    }
  }

  return {
    kind: storage.kind,
    location: storage.location,
    put: (key, body, options) =>
      timed('put', async () => {
        const result = await storage.put(key, body, options);
        metrics.bytes('written', result.size);
        return result;
      }),
    get: (key, range) => timed('get', async () => countedRead(await storage.get(key, range), metrics)),
    read: (key, range) => timed('get', async () => countedRead(await storage.get(key, range), metrics).body),
    head: (key) => timed('head', () => storage.head(key)),
    delete: (key) => timed('delete', () => storage.delete(key)),
    signedUrl: (key, options) => timed('sign', () => storage.signedUrl(key, options)),
    list: () => storage.list(),
    probe: () => timed('probe', () => storage.probe()),
    close: () => storage.close(),
  };
}

function countedRead(read: ObjectRead, metrics: StorageMetrics): ObjectRead {
  const counter = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      metrics.bytes('read', chunk.length);
      callback(null, chunk);
    },
  });
  // Errors travel downstream; destroying the counted stream releases the source.
  read.body.on('error', (error) => counter.destroy(error));
  counter.on('close', () => read.body.destroy());
  return { ...read, body: read.body.pipe(counter) };
}
