// Load shedding sheds real requests with 503 + Retry-After once the event loop
// is saturated, while the probes (/livez, /readyz) keep answering.
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { errorHandlerPlugin, healthRoutes, loadSheddingPlugin, type LoadSheddingOptions } from '../src/index';

const apps: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

function blockEventLoop(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy: nothing else runs on this thread meanwhile
  }
}

async function buildApp(overrides: Partial<LoadSheddingOptions>) {
  const app = Fastify();
  apps.push(app);
  await app.register(errorHandlerPlugin, { exposeDetails: false });
  await app.register(loadSheddingPlugin, overrides);
  await app.register(healthRoutes, {
    identity: { service: 't', version: '0', revision: 'x', startedAt: Date.now() },
    checks: [],
    isShuttingDown: () => false,
    detailsToken: '',
  });
  app.get('/work', async () => ({ ok: true }));
  await app.ready();
  return app;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('load shedding', () => {
  it('answers 503 with Retry-After while the event loop is saturated, and recovers', async () => {
    const app = await buildApp({ maxEventLoopDelayMs: 20, sampleIntervalMs: 50, retryAfterSeconds: 7 });
    expect((await app.inject('/work')).statusCode).toBe(200);

    blockEventLoop(600);
    // The plugin's overdue sample timer runs before this one and sees the stall.
    await new Promise((resolve) => setTimeout(resolve, 1));
    const shed = await app.inject('/work');
    expect(shed.statusCode).toBe(503);
    expect(shed.headers['retry-after']).toBeDefined();
    expect(shed.json()).toMatchObject({ statusCode: 503 });
    // Probes are exempt: a busy process is alive and still ready.
    expect((await app.inject('/livez')).statusCode).toBe(200);
    expect((await app.inject('/readyz')).statusCode).toBe(200);

    await expect
      .poll(async () => (await app.inject('/work')).statusCode, { timeout: 5_000, interval: 100 })
      .toBe(200);
  });

  it("does not shed the first requests for the process's own start-up stall", async () => {
    const app = Fastify();
    apps.push(app);
    await app.register(errorHandlerPlugin, { exposeDetails: false });
    await app.register(loadSheddingPlugin, { maxEventLoopDelayMs: 20, sampleIntervalMs: 200 });
    app.get('/work', async () => ({ ok: true }));
    blockEventLoop(600); // start-up work: compiling schemas, opening the database
    await app.ready();
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect((await app.inject('/work')).statusCode).toBe(200);
    // After the grace a real stall sheds again.
    await new Promise((resolve) => setTimeout(resolve, 450));
    blockEventLoop(600);
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect((await app.inject('/work')).statusCode).toBe(503);
  });

  it('sheds when the heap is above its limit share', async () => {
    const app = await buildApp({ maxHeapUsedRatio: 0.000_001, sampleIntervalMs: 50 });
    await settle();
    const shed = await app.inject('/work');
    expect(shed.statusCode).toBe(503);
    expect(shed.headers['retry-after']).toBeDefined();
  });

  it('lets normal traffic through with the production defaults', async () => {
    const app = await buildApp({});
    await settle();
    for (let i = 0; i < 20; i++) expect((await app.inject('/work')).statusCode).toBe(200);
  });
});
