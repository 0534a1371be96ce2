// Credentials and signatures against a server that verifies SigV4 (s3rver):
// wrong secrets and unknown keys are typed "access-denied" outages — in the
// readiness probe too — and signed URLs work until they expire or are altered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Storage, StorageUnavailableError, type ObjectStorage } from '../src';
import { startSignatureCheckingS3, type SignatureCheckingS3 } from '../src/testing';
import { bodyOf, patternBytes, readAll } from './support/streams';

let server: SignatureCheckingS3;
let storage: ObjectStorage;
const bytes = patternBytes(4_000);

beforeAll(async () => {
  server = await startSignatureCheckingS3();
  storage = createS3Storage(server.config());
  await storage.put('capture-audio/signed.wav', bodyOf(bytes).stream, { contentType: 'audio/wav' });
});
afterAll(async () => {
  await storage?.close();
  await server?.stop();
});

describe('s3 credentials', () => {
  it('works with the right key pair: put, ranged get, head, probe', async () => {
    expect(
      await readAll((await storage.get('capture-audio/signed.wav', { start: 100, end: 199 })).body),
    ).toEqual(bytes.subarray(100, 200));
    expect(await storage.head('capture-audio/signed.wav')).toMatchObject({ size: 4_000 });
    await storage.probe();
  });

  for (const [label, credentials] of [
    ['a wrong secret', { accessKeyId: 'S3RVER', secretAccessKey: 'not-the-secret' }],
    ['an unknown key id', { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'S3RVER' }],
  ] as const) {
    it(`refuses ${label} as "storage unavailable (access-denied)", in puts, gets and the probe`, async () => {
      const wrong = createS3Storage(server.config({ credentials }));
      const attempts = [
        () =>
          wrong.put('document/x.pdf', bodyOf(Buffer.from('%PDF')).stream, { contentType: 'application/pdf' }),
        () => wrong.get('capture-audio/signed.wav'),
        () => wrong.probe(),
      ];
      for (const attempt of attempts) {
        const error = await attempt().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StorageUnavailableError);
        expect(error).toMatchObject({ reason: 'access-denied', statusCode: 503 });
        expect(JSON.stringify(error) + String(error)).not.toContain(credentials.secretAccessKey);
      }
      await wrong.close();
    });
  }

  it('signs URLs the server accepts, and that stop working when altered or expired', async () => {
    const url = (await storage.signedUrl('capture-audio/signed.wav', { ttlMs: 1_000 }))!;
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(bytes);
    const tampered = url.replace('signed.wav', 'other.wav');
    expect((await fetch(tampered)).status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
  });
});
