// A Redis outage never hangs requests: with a TCP proxy in front of the real
// Redis cut (connections reset, or accepted and never answered), /readyz and
// /health answer promptly, enqueueing answers 503 fast, and the queue works
// again by itself once Redis is back. The machine's Redis is never stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTcpProxy,
  createTestDatabase,
  createTestRedis,
  bootstrapAdmin,
  signedInHeaders,
  type SignedInHeaders,
  type TcpProxy,
  type TestDatabase,
  type TestRedis,
} from '@zamio/testing';
import { startTestBff } from './support/test-stack';

const ANSWER_WITHIN_MS = 3_000;

describe('bff during a Redis outage', () => {
  // The heartbeat routes are admin-only: the bff creates this admin at start.
  const opsAdmin = bootstrapAdmin();
  afterAll(() => opsAdmin.cleanup());
  let testDb: TestDatabase;
  let testRedis: TestRedis;
  let proxy: TcpProxy;
  let bff: Awaited<ReturnType<typeof startTestBff>>;
  // The heartbeat routes are admin-only.
  let admin: SignedInHeaders;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    testRedis = createTestRedis();
    const target = new URL(testRedis.url);
    proxy = await createTcpProxy({ host: target.hostname, port: Number(target.port) });
    bff = await startTestBff({
      DATABASE_URL: testDb.url,
      REDIS_URL: proxy.urlFor(testRedis.url),
      REDIS_KEY_PREFIX: testRedis.prefix,
      ...opsAdmin.env,
    });
    admin = await signedInHeaders(bff.url, opsAdmin.credentials);
  });
  afterAll(async () => {
    await bff?.stop();
    await proxy?.close();
    await testRedis?.cleanup();
    await testDb?.drop();
  });

  const timed = async (path: string, init: RequestInit = {}) => {
    const started = performance.now();
    const response = await fetch(`${bff.url}${path}`, {
      ...init,
      headers: path.startsWith('/api/system/') ? admin : {},
      signal: AbortSignal.timeout(15_000),
    });
    return {
      status: response.status,
      ms: performance.now() - started,
      body: (await response.json()) as Record<string, unknown>,
      retryAfter: response.headers.get('retry-after'),
    };
  };
  const heartbeat = () => timed('/api/system/heartbeat', { method: 'POST' });

  for (const mode of ['refuse', 'blackhole'] as const) {
    it(`answers within ${ANSWER_WITHIN_MS} ms while Redis is cut (${mode}) and recovers after`, async () => {
      expect((await heartbeat()).status).toBe(202);

      proxy.setMode(mode);
      for (let i = 0; i < 3; i++) {
        const enqueue = await heartbeat();
        expect(enqueue.status).toBe(503);
        expect(enqueue.retryAfter).toBeTruthy();
        expect(enqueue.ms).toBeLessThan(ANSWER_WITHIN_MS);

        // Redis is not critical for the bff: still ready, /health says degraded.
        const ready = await timed('/readyz');
        expect(ready.ms).toBeLessThan(ANSWER_WITHIN_MS);
        expect(ready.status).toBe(200);
        const health = await timed('/api/health');
        expect(health.ms).toBeLessThan(ANSWER_WITHIN_MS);
        expect(health.body, JSON.stringify(health.body)).toMatchObject({ status: 'degraded' });
        expect(health.body.checks).toContainEqual(expect.objectContaining({ name: 'redis', status: 'down' }));

        const read = await timed('/api/system/heartbeats');
        expect(read.status).toBe(200);
        expect(read.ms).toBeLessThan(ANSWER_WITHIN_MS);
      }

      proxy.setMode('open');
      await expect.poll(async () => (await heartbeat()).status, { timeout: 20_000, interval: 250 }).toBe(202);
      const health = await timed('/api/health');
      expect(health.body.status).toBe('ok');
    });
  }
});
