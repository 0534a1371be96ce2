// Rate limits: per IP globally (404s included), stricter per IP on sign-in,
// counters shared in Redis, in-memory fallback when Redis is down (never a
// hang), 429 with Retry-After. (Per-account sign-in throttling:
// sign-in-throttle.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createTcpProxy, type TcpProxy } from '@zamio/testing';
import { startSecureStack, type SecureStack } from './support/secure-stack';

let stack: SecureStack;
beforeAll(async () => {
  stack = await startSecureStack({
    RATE_LIMIT_GLOBAL_MAX: '40',
    RATE_LIMIT_AUTH_IP_MAX: '10',
  });
});
afterAll(async () => stack?.stop());

const from = (ip: string) => ({ 'x-forwarded-for': ip });

describe('rate limits', () => {
  it('200 rapid failed logins end in 429 with Retry-After and rate-limit headers', async () => {
    const client = stack.client();
    const statuses: number[] = [];
    let limited: Headers | undefined;
    for (let i = 0; i < 200; i++) {
      const response = await client.request('POST', '/api/auth/login', {
        body: { email: `victim${i % 50}@example.test`, password: 'wrong password' },
        headers: from('203.0.113.10'),
      });
      statuses.push(response.status);
      if (response.status === 429) limited ??= response.headers;
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    expect(Number(limited!.get('retry-after'))).toBeGreaterThan(0);
    expect(limited!.get('x-ratelimit-limit')).toBe('10');
    expect(limited!.get('x-ratelimit-remaining')).toBe('0');
  });

  it('limits every route per IP, and counts 404s', async () => {
    const client = stack.client();
    const notFound: number[] = [];
    for (let i = 0; i < 45; i++)
      notFound.push(
        (await client.request('GET', `/api/no-such-route-${i}`, { headers: from('192.0.2.77') })).status,
      );
    expect(notFound.slice(0, 40).every((s) => s === 404)).toBe(true);
    expect(notFound.slice(40).every((s) => s === 429)).toBe(true);
    // The same IP is now limited on real routes too; another IP is not.
    expect((await client.request('GET', '/api/version', { headers: from('192.0.2.77') })).status).toBe(429);
    expect((await client.request('GET', '/api/version', { headers: from('192.0.2.78') })).status).toBe(200);
  });

  it('keeps the counters in Redis, shared by replicas', async () => {
    const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0');
    try {
      const keys = await redis.keys('*rate-limit:*');
      expect(keys.some((k) => k.includes('192.0.2.77'))).toBe(true);
    } finally {
      redis.disconnect();
    }
  });

  it('counts 429s in the business metrics', async () => {
    const text = await stack.bff.metrics.registry.metrics();
    expect(text).toMatch(/zamio_rate_limit_hits_total\{limit="auth-ip",service="bff"\} [1-9]/);
    expect(text).toMatch(/zamio_rate_limit_hits_total\{limit="not-found",service="bff"\} [1-9]/);
  });
});

describe('rate limits during a Redis outage', () => {
  let proxy: TcpProxy;
  let degraded: SecureStack;
  beforeAll(async () => {
    proxy = await createTcpProxy({ host: '127.0.0.1', port: 6379 });
    degraded = await startSecureStack({
      REDIS_URL: proxy.urlFor('redis://127.0.0.1:6379/0'),
      RATE_LIMIT_GLOBAL_MAX: '15',
    });
  });
  afterAll(async () => {
    proxy?.setMode('open');
    await degraded?.stop();
    await proxy?.close();
  });

  it('falls back to in-memory limits, logs it, and never hangs a request', async () => {
    proxy.setMode('blackhole');
    const client = degraded.client();
    const statuses: number[] = [];
    const started = Date.now();
    for (let i = 0; i < 20; i++)
      statuses.push((await client.request('GET', '/api/version', { headers: from('192.0.2.200') })).status);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(statuses.slice(0, 15).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(15).every((s) => s === 429)).toBe(true);
    expect(
      degraded.logs
        .lines()
        .some((l) => l.msg === 'rate limits fall back to in-memory counters until redis returns'),
    ).toBe(true);
  });
});
