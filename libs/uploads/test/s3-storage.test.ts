// The S3 adapter against a real S3-protocol server on 127.0.0.1 (fauxqs in its
// own process): the shared contract with multipart uploads, plus what only a
// remote store has — a missing bucket, a server that dies mid-upload, a
// partitioned one, server-side encryption, prefixes and signed URLs.
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTcpProxy, type TcpProxy } from '@zamio/testing';
import {
  createS3Storage,
  createStorage,
  PART_SIZE,
  StorageUnavailableError,
  type ObjectStorage,
} from '../src';
import { startS3TestServer, type S3TestServer } from '../src/testing';
import { describeStorageContract } from './storage-contract';
import { bodyOf, generated, MiB, patternBytes, readAll } from './support/streams';

let server: S3TestServer;
let storage: ObjectStorage;

beforeAll(async () => {
  server = await startS3TestServer(['zamio-test', 'zamio-other']);
  storage = createStorage(server.config());
});
afterAll(async () => {
  await storage?.close();
  await server?.stop();
});

describeStorageContract('s3', () => ({
  storage: () => storage,
  leftovers: () => server.unfinishedMultipartUploads(),
  largeBytes: 2 * PART_SIZE + 3 * MiB,
}));

describe('s3 storage', () => {
  it('serves objects through short-lived signed URLs, with the asked Content-Disposition', async () => {
    const bytes = patternBytes(2_000);
    await storage.put('capture-audio/signed.wav', bodyOf(bytes).stream, { contentType: 'audio/wav' });
    const url = await storage.signedUrl('capture-audio/signed.wav', {
      ttlMs: 30_000,
      contentDisposition: 'inline',
    });
    expect(url).toMatch(/X-Amz-Expires=30&/);
    const response = await fetch(url!, { headers: { range: 'bytes=0-99' } });
    expect(response.status).toBe(206);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes.subarray(0, 100));
  });

  it('keeps each prefix apart in a shared bucket, and records a known checksum', async () => {
    const production = createS3Storage(server.config({ prefix: 'production/' }));
    const staging = createS3Storage(server.config({ prefix: 'staging/' }));
    await production.put('document/same.pdf', bodyOf(Buffer.from('%PDF-prod')).stream, {
      contentType: 'application/pdf',
      sha256: 'ab'.repeat(32),
    });
    expect(await staging.head('document/same.pdf')).toBeUndefined();
    expect(await production.head('document/same.pdf')).toMatchObject({ size: 9, sha256: 'ab'.repeat(32) });
    // Unprefixed, the object sits under production/.
    expect(await storage.head('production/document/same.pdf')).toMatchObject({ size: 9 });
    expect(production.location).toBe(`s3 127.0.0.1:${server.port}/zamio-test/production/`);
  });

  it('reports a missing bucket as "storage unavailable (bucket-missing)" in puts, gets and the probe', async () => {
    const missing = createS3Storage(server.config({ bucket: 'zamio-does-not-exist' }));
    for (const attempt of [
      () => missing.probe(),
      () =>
        missing.put('document/x.pdf', bodyOf(Buffer.from('%PDF')).stream, { contentType: 'application/pdf' }),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect(error).toMatchObject({ reason: 'bucket-missing', statusCode: 503 });
      expect((error as Error).message).toContain('zamio-does-not-exist');
    }
    await missing.close();
  });

  it('asks for server-side encryption on every write when configured', async () => {
    const seen: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];
    const recorder = await recordingProxy(server.port, seen);
    const encrypted = createS3Storage(
      server.config({ endpoint: `http://127.0.0.1:${recorder.port}`, serverSideEncryption: true }),
    );
    const big = generated(PART_SIZE + MiB, (_offset, length) => patternBytes(length));
    await encrypted.put('track-audio/enc.wav', big.stream, { contentType: 'audio/wav' });
    await encrypted.put('document/small.pdf', bodyOf(Buffer.from('%PDF')).stream, {
      contentType: 'application/pdf',
    });
    const creates = seen.filter((r) => r.method === 'POST' && r.url.includes('uploads'));
    const puts = seen.filter((r) => r.method === 'PUT' && !r.url.includes('uploadId'));
    expect(creates).toHaveLength(1);
    expect(puts).toHaveLength(1);
    for (const write of [...creates, ...puts])
      expect(write.headers['x-amz-server-side-encryption']).toBe('AES256');
    await encrypted.close();
    await recorder.close();
  });

  describe('outages', () => {
    let proxy: TcpProxy;
    let throughProxy: ObjectStorage;
    beforeAll(async () => {
      proxy = await createTcpProxy({ host: '127.0.0.1', port: server.port });
      throughProxy = createS3Storage(
        server.config({
          endpoint: `http://127.0.0.1:${proxy.port}`,
          timeouts: { probeMs: 600, connectMs: 500, requestMs: 800 },
        }),
      );
    });
    afterAll(async () => {
      await throughProxy?.close();
      await proxy?.close();
    });

    it('fails the probe within its timeout when the service stops answering (partition)', async () => {
      proxy.setMode('blackhole');
      const started = Date.now();
      const error = await throughProxy.probe().catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'StorageUnavailableError', reason: 'timeout', operation: 'probe' });
      expect(Date.now() - started).toBeLessThan(1_500);
      proxy.setMode('open');
      await throughProxy.probe();
    });

    it('turns refused connections into "unreachable" 503s, and recovers when the service is back', async () => {
      proxy.setMode('refuse');
      const error = await throughProxy.head('document/x.pdf').catch((e: unknown) => e);
      expect(error, String(error)).toMatchObject({
        name: 'StorageUnavailableError',
        reason: 'unreachable',
        statusCode: 503,
      });
      proxy.setMode('open');
      expect(await throughProxy.head('document/x.pdf')).toBeUndefined();
    });

    it('fails a put at once when the server dies mid-upload, destroys the body, and leaves no object', async () => {
      const body = generated(200 * MiB, (_offset, length) => patternBytes(length), { delayMs: 1 });
      const key = 'track-audio/dies-midway.wav';
      const putting = storage.put(key, body.stream, { contentType: 'audio/wav' }).catch((e: unknown) => e);
      while (body.pulled() < PART_SIZE + MiB) await new Promise((r) => setTimeout(r, 20));
      await server.kill();
      const killedAt = Date.now();
      const error = await putting;
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect((error as StorageUnavailableError).reason).toMatch(/unreachable|timeout/);
      expect(Date.now() - killedAt).toBeLessThan(8_000);
      expect(body.stream.destroyed).toBe(true);
      expect(body.pulled()).toBeLessThan(60 * MiB);
      await server.restart();
      expect(await storage.head(key)).toBeUndefined();
      expect(
        (await readAll((await storage.get('capture-audio/signed.wav', { start: 0, end: 3 })).body)).length,
      ).toBe(4);
    });
  });
});

/** An HTTP proxy that records each request's method, URL and headers on its way to the server. */
async function recordingProxy(
  targetPort: number,
  seen: { method: string; url: string; headers: IncomingHttpHeaders }[],
) {
  const proxy = createServer((incoming, outgoing) => {
    seen.push({ method: incoming.method!, url: incoming.url!, headers: incoming.headers });
    const forward = request(
      {
        host: '127.0.0.1',
        port: targetPort,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as { port: number }).port,
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  };
}
