// SIGTERM on the real bff process: readiness turns 503 at once while the
// listener still serves (the drain delay, for the proxy to notice), then the
// listener closes, an in-flight request still completes, and the process
// exits 0. A second signal forces exit 1.
//
// The in-flight request is a slow client upload to POST /api/system/heartbeat
// (as the signed-in demo admin: the route is admin-only): its JSON body
// arrives in two parts seconds apart, so the request is open across the
// whole shutdown without adding a test-only route to the server. A second
// request follows it on the same connection once the server is closing.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, bootstrapAdmin, signedInHeaders, type TestDatabase } from '@zamio/testing';
import { spawnBff } from './support/spawn-bff';

const DRAIN_MS = 2_000;

function canConnect(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** A fresh connection per probe, so keep-alive never hides a closed listener. */
const statusOf = (url: string) =>
  fetch(url, { headers: { connection: 'close' } }).then(
    (r) => r.status,
    () => 0,
  );

describe('graceful shutdown of the bff process', () => {
  // The heartbeat routes are admin-only: the bff creates this admin at start.
  const opsAdmin = bootstrapAdmin();
  afterAll(() => opsAdmin.cleanup());
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it('fails readiness first, keeps serving for the drain delay, completes in-flight work, exits 0', async () => {
    const bff = await spawnBff({
      DATABASE_URL: testDb.url,
      SHUTDOWN_DRAIN_DELAY: `${DRAIN_MS}ms`,
      SHUTDOWN_TIMEOUT: '20s',
      WEB_CONCURRENCY: '1',
      ...opsAdmin.env,
    });
    try {
      const admin = await signedInHeaders(bff.url, opsAdmin.credentials);
      const body = '{"slow":"upload"}';
      // A raw connection: the upload's head and first bytes now, the rest later.
      const { hostname, port } = new URL(bff.url);
      const upload = connect(Number(port), hostname);
      let received = '';
      upload.on('data', (chunk: Buffer) => (received += chunk.toString()));
      const ended = new Promise<void>((resolve, reject) => {
        upload.once('end', resolve);
        upload.once('error', reject);
      });
      await new Promise<void>((resolve) => upload.once('connect', resolve));
      const head = Object.entries({
        ...admin,
        host: `${hostname}:${port}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'x-request-id': 'slow-upload-0001',
      })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      upload.write(`POST /api/system/heartbeat HTTP/1.1\r\n${head}\r\n${body.slice(0, 5)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));

      const signalledAt = Date.now();
      bff.child.kill('SIGTERM');
      // Readiness fails at once, while the listener still answers other routes.
      await expect.poll(() => statusOf(`${bff.url}/readyz`), { timeout: 1_500, interval: 50 }).toBe(503);
      expect(Date.now() - signalledAt).toBeLessThan(DRAIN_MS);
      expect(await statusOf(`${bff.url}/livez`)).toBe(200);

      // After the drain delay the listener closes…
      await expect.poll(() => canConnect(bff.url), { timeout: DRAIN_MS + 5_000, interval: 100 }).toBe(false);
      expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(DRAIN_MS - 100);
      expect(bff.child.exitCode).toBeNull();

      // …but the upload that was already in flight still completes, and a
      // request that reaches the closing server on a connection it accepted
      // earlier (the portal's nginx dials the old bff by its alias until the
      // process ends) is served, not refused with 503: it says Connection: close.
      upload.write(`${body.slice(5)}GET /api/version HTTP/1.1\r\nhost: ${hostname}:${port}\r\n\r\n`);
      await ended;
      const answers = received.split(/(?=HTTP\/1\.1 \d{3} )/);
      expect(answers.map((answer) => answer.slice(0, 12))).toEqual(['HTTP/1.1 202', 'HTTP/1.1 200']);
      expect(answers[0]).toContain('"requestId":"slow-upload-0001"');
      expect(answers[1]).toMatch(/^connection: close\r$/im);

      expect(await bff.exited).toBe(0);
      const steps = bff
        .lines()
        .filter((line) => typeof line.msg === 'string' && (line.msg as string).startsWith('shutdown:'));
      expect(steps.map((line) => line.step ?? line.msg)).toEqual([
        'shutdown: readiness now failing, draining',
        'http',
        // The live-update feed's own Redis subscriber, after the sockets have closed with http.
        'live updates',
        // The partial-upload sweep stops and the upload lock's Redis subscriber closes.
        'resumable uploads',
        'metrics',
        'queue',
        'redis',
        'storage',
        'database',
      ]);
    } finally {
      bff.child.kill('SIGKILL');
    }
  });

  it('a second signal forces exit 1 without waiting for the drain', async () => {
    const bff = await spawnBff({
      DATABASE_URL: testDb.url,
      SHUTDOWN_DRAIN_DELAY: '20s',
      SHUTDOWN_TIMEOUT: '25s',
      WEB_CONCURRENCY: '1',
    });
    try {
      bff.child.kill('SIGTERM');
      await expect.poll(() => statusOf(`${bff.url}/readyz`), { timeout: 2_000, interval: 50 }).toBe(503);
      const second = Date.now();
      bff.child.kill('SIGTERM');
      expect(await bff.exited).toBe(1);
      expect(Date.now() - second).toBeLessThan(2_000);
      expect(bff.output()).toMatch(/second signal, exiting now/);
    } finally {
      bff.child.kill('SIGKILL');
    }
  });
});
