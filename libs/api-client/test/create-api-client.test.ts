import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, type ApiClientOptions } from '../src/index';
import { delayed, json, startLocalTestServer, type LocalTestServer } from './local-test-server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let server: LocalTestServer;
beforeEach(async () => {
  server = await startLocalTestServer();
});
afterEach(async () => {
  await server.close();
});

// Tiny backoff so retry tests run in milliseconds.
const client = (options: Partial<ApiClientOptions> = {}) =>
  createApiClient({
    baseUrl: `${server.url}/api`,
    retries: { limit: 2, baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('createApiClient', () => {
  it('joins the base URL and path and parses JSON', async () => {
    server.respondWith(json(200, { service: 'bff', version: '1.2.3' }));
    const body = await client().get<{ version: string }>('/version');
    expect(body.version).toBe('1.2.3');
    expect(server.received[0]!.url).toBe('/api/version');
  });

  it('retries a GET on 503 and then succeeds', async () => {
    server.respondWith(
      json(503, { message: 'busy' }),
      json(503, { message: 'busy' }),
      json(200, { ok: true }),
    );
    await expect(client().get('/health')).resolves.toEqual({ ok: true });
    expect(server.received).toHaveLength(3);
  });

  it('gives up after the retry limit with the last status', async () => {
    server.respondWith(json(502, { message: 'bad gateway' }));
    const error = await failureOf(client({ breaker: false }).get('/health'));
    expect(error.status).toBe(502);
    expect(server.received).toHaveLength(3);
  });

  it('never retries a POST', async () => {
    server.respondWith(json(503, { message: 'busy' }), json(201, { id: 1 }));
    const error = await failureOf(client().post('/tracks', { title: 'Kwaku the Traveller' }));
    expect(error.status).toBe(503);
    expect(server.received).toHaveLength(1);
    expect(JSON.parse(server.received[0]!.body)).toEqual({ title: 'Kwaku the Traveller' });
  });

  it('does not retry client errors and reports the server message and request id', async () => {
    server.respondWith(
      json(
        422,
        { statusCode: 422, error: 'Unprocessable Entity', message: 'splits must total 100 %' },
        { 'x-request-id': 'server-id-1' },
      ),
    );
    const error = await failureOf(client().put('/tracks/1/splits', []));
    expect(error).toMatchObject({
      kind: 'http',
      status: 422,
      message: 'splits must total 100 %',
      requestId: 'server-id-1',
      method: 'PUT',
      path: '/tracks/1/splits',
    });
    expect(server.received).toHaveLength(1);
  });

  it('waits for Retry-After instead of the backoff', async () => {
    server.respondWith(json(429, { message: 'slow down' }, { 'retry-after': '1' }), json(200, { ok: true }));
    await client().get('/plays');
    expect(server.received).toHaveLength(2);
    const waited = server.received[1]!.at - server.received[0]!.at;
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThan(3_000);
  });

  it('clamps a long Retry-After to maxRetryAfterMs', async () => {
    server.respondWith(
      json(503, { message: 'maintenance' }, { 'retry-after': '3600' }),
      json(200, { ok: true }),
    );
    await client({ retries: { limit: 1, baseDelayMs: 5, maxRetryAfterMs: 50 } }).get('/plays');
    expect(server.received[1]!.at - server.received[0]!.at).toBeLessThan(1_000);
  });

  it('times out a slow response', async () => {
    server.respondWith(delayed(1_000, json(200, { ok: true })));
    const started = Date.now();
    const error = await failureOf(client({ timeoutMs: 100, retries: 0 }).get('/slow'));
    expect(error.kind).toBe('timeout');
    expect(error.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(800);
  });

  it('reports an unreachable server as a network error after retrying', async () => {
    const unreachable = server.url;
    await server.close();
    const error = await failureOf(
      createApiClient({ baseUrl: unreachable, retries: { limit: 1, baseDelayMs: 5 } }).get('/version'),
    );
    expect(error.kind).toBe('network');
    server = await startLocalTestServer(); // afterEach closes it again
  });

  it('opens the circuit after consecutive failures, fails fast, and half-opens after the cool-down', async () => {
    server.respondWith(json(500, { message: 'boom' }));
    const api = client({ retries: 0, breaker: { consecutiveFailures: 2, halfOpenAfterMs: 200 } });
    await failureOf(api.get('/a'));
    await failureOf(api.get('/a'));
    expect(server.received).toHaveLength(2);

    const started = Date.now();
    const rejected = await failureOf(api.get('/a'));
    expect(rejected.kind).toBe('circuit-open');
    expect(Date.now() - started).toBeLessThan(50);
    expect(server.received).toHaveLength(2);

    server.respondWith(json(200, { ok: true }));
    await new Promise((resolve) => setTimeout(resolve, 250));
    await expect(api.get('/a')).resolves.toEqual({ ok: true });
    await expect(api.get('/a')).resolves.toEqual({ ok: true });
  });

  it('does not let client errors open the circuit', async () => {
    server.respondWith(json(404, { message: 'no such track' }));
    const api = client({ breaker: { consecutiveFailures: 1, halfOpenAfterMs: 10_000 } });
    await failureOf(api.get('/tracks/9'));
    const error = await failureOf(api.get('/tracks/9'));
    expect(error.status).toBe(404);
    expect(server.received).toHaveLength(2);
  });

  it('sends a generated X-Request-ID, the same one on every retry', async () => {
    server.respondWith(json(503, {}), json(200, { ok: true }));
    await client().get('/version');
    const [first, second] = server.received.map((r) => r.headers['x-request-id']);
    expect(first).toMatch(UUID);
    expect(second).toBe(first);
  });

  it('sends a fresh X-Request-ID per call, or the caller-supplied one', async () => {
    const api = client();
    await api.get('/version');
    await api.get('/version');
    await api.get('/version', { requestId: 'upstream-id-42' });
    const ids = server.received.map((r) => r.headers['x-request-id']);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[2]).toBe('upstream-id-42');
  });

  it('sends default headers, query parameters, and handles empty responses', async () => {
    server.respondWith((_request, res) => {
      res.writeHead(204);
      res.end();
    });
    const api = client({ headers: { Authorization: 'Bearer t' } });
    await expect(api.delete('/disputes/7', { searchParams: { reason: 'settled' } })).resolves.toBeUndefined();
    expect(server.received[0]).toMatchObject({ method: 'DELETE', url: '/api/disputes/7?reason=settled' });
    expect(server.received[0]!.headers.authorization).toBe('Bearer t');
  });

  it('returns the raw Response for non-JSON downloads', async () => {
    server.respondWith((_request, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end('station,track\n');
    });
    const response = await client().raw('/playlogs/export.csv');
    expect(await response.text()).toBe('station,track\n');
  });
});

describe('createApiClient response bodies', () => {
  it('reports a malformed JSON body as an ApiError carrying the request id', async () => {
    server.respondWith((_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"truncated":');
    });
    const error = await failureOf(client().get('/version', { requestId: 'req-7' }));
    expect(error).toMatchObject({ kind: 'http', status: 200, requestId: 'req-7' });
  });
});
