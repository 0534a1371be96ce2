// The bff on S3-compatible storage (a real S3-protocol server on 127.0.0.1):
// uploads land in the bucket, readiness includes the storage, /metrics counts
// its bytes and operations; and when the service dies, an upload gets 503 with
// Retry-After and leaves no row, readiness fails on "storage", and both
// recover when it is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage, type ObjectStorage } from '@zamio/uploads';
import { startS3TestServer, type S3TestServer } from '@zamio/uploads/testing';
import { form, wavFile } from './support/audio-fixtures';
import type { ApiClient } from './support/api-client';
import { startSecureStack, type SecureStack } from './support/secure-stack';

let s3: S3TestServer;
let bucket: ObjectStorage;
let stack: SecureStack;
let artist: ApiClient;
let trackId: string;

beforeAll(async () => {
  s3 = await startS3TestServer(['zamio-bff']);
  bucket = createStorage(s3.config());
  stack = await startSecureStack({
    STORAGE_KIND: 's3',
    STORAGE_S3_ENDPOINT: s3.endpoint,
    STORAGE_S3_REGION: 'us-east-1',
    STORAGE_S3_BUCKET: 'zamio-bff',
    STORAGE_S3_FORCE_PATH_STYLE: 'true',
    STORAGE_S3_ACCESS_KEY_ID: 'zamio-test',
    STORAGE_S3_SECRET_ACCESS_KEY: 'zamio-test-secret',
    STORAGE_CONNECT_TIMEOUT: '500ms',
    STORAGE_REQUEST_TIMEOUT: '3s',
    STORAGE_PROBE_TIMEOUT: '1s',
    RATE_LIMIT_UPLOAD_MAX: '1000',
  });
  artist = await stack.account('artist', 'bucket');
  trackId = ((await artist.post('/api/artist/tracks', { title: 'In a bucket' })).body as { id: string }).id;
});
afterAll(async () => {
  await stack?.stop();
  await bucket?.close();
  await s3?.stop();
});

const uploadCount = async () =>
  Number((await stack.bff.db.query<{ n: string }>('SELECT count(*) AS n FROM uploads')).rows[0]!.n);
const storageNames = async () =>
  (await stack.bff.db.query<{ storage_name: string }>('SELECT storage_name FROM uploads')).rows.map(
    (row) => row.storage_name,
  );
const readiness = async () => {
  const response = await fetch(`${stack.url}/readyz`);
  return { status: response.status, body: (await response.json()) as { failing: string[] } };
};
const metricValue = async (pattern: RegExp) => {
  const text = await stack.bff.metrics.registry.metrics();
  return text
    .split('\n')
    .filter((line) => pattern.test(line))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
};

describe('uploads on S3 storage', () => {
  it('stores the audio in the bucket under its random key, readiness includes storage, metrics count it', async () => {
    const wav = wavFile(1);
    const response = await artist.upload('PUT', `/api/artist/tracks/${trackId}/audio`, form(wav, 'mine.wav'));
    expect(response.status).toBe(200);
    const [key] = await storageNames();
    expect(key).toMatch(/^track-audio\/[0-9a-f]{32}\.wav$/);
    expect(await bucket.head(key!)).toMatchObject({ size: wav.length, contentType: 'audio/wav' });

    const ready = await readiness();
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ checks: expect.arrayContaining([{ name: 'storage', status: 'up' }]) });

    expect(await metricValue(/^zamio_storage_bytes_total\{[^}]*direction="written"/)).toBeGreaterThanOrEqual(
      wav.length,
    );
    expect(
      await metricValue(/^zamio_storage_operations_total\{[^}]*operation="put"[^}]*outcome="ok"/),
    ).toBeGreaterThanOrEqual(1);
  });

  it('answers 503 with Retry-After and writes no row while the storage is down; recovers after', async () => {
    const before = await uploadCount();
    await s3.kill();
    try {
      const response = await artist.upload(
        'PUT',
        `/api/artist/tracks/${trackId}/audio`,
        form(wavFile(1), 'outage.wav'),
      );
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(response.body).toMatchObject({ statusCode: 503, message: expect.stringMatching(/storage/) });
      expect(await uploadCount()).toBe(before);

      const ready = await readiness();
      expect(ready.status).toBe(503);
      expect(ready.body.failing).toEqual(['storage']);
      expect(
        await metricValue(/^zamio_storage_operations_total\{[^}]*operation="put"[^}]*outcome="unavailable"/),
      ).toBeGreaterThanOrEqual(1);
    } finally {
      await s3.restart();
    }
    await expect.poll(async () => (await readiness()).status, { timeout: 10_000 }).toBe(200);
    const again = await artist.upload(
      'PUT',
      `/api/artist/tracks/${trackId}/audio`,
      form(wavFile(1), 'back.wav'),
    );
    expect(again.status).toBe(200);
    expect(await uploadCount()).toBe(before + 1);
  });
});
