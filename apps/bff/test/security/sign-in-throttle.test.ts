// Sign-in throttling (OWASP) on the real bff, real Postgres and Redis, with
// distinct client addresses behind the trusted proxy (X-Forwarded-For from
// loopback): a guesser can never lock the owner out; failures are stopped
// per (account, address), slowed per account by a growing delay, reset by a
// success, and a spray across many addresses raises an alert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startSecureStack, TEST_PASSWORD, type SecureStack } from './support/secure-stack';

let stack: SecureStack;
beforeAll(async () => {
  stack = await startSecureStack({
    TRUST_PROXY: 'loopback',
    RATE_LIMIT_AUTH_IP_MAX: '1000',
    RATE_LIMIT_AUTH_ACCOUNT_MAX: '4',
    RATE_LIMIT_AUTH_DELAY_AFTER: '6',
    RATE_LIMIT_AUTH_DELAY_MAX: '1s',
    RATE_LIMIT_AUTH_SPRAY_ADDRESSES: '3',
  });
});
afterAll(async () => stack?.stop());

const from = (ip: string) => ({ 'x-forwarded-for': ip });

async function signUp(name: string): Promise<string> {
  const email = `${name}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const created = await stack
    .client()
    .post('/api/auth/signup', { email, password: TEST_PASSWORD, displayName: name, role: 'artist' });
  expect(created.status).toBe(201);
  return email;
}

async function attempt(email: string, password: string, ip: string) {
  const started = performance.now();
  const response = await stack.client().request('POST', '/api/auth/login', {
    body: { email, password },
    headers: from(ip),
  });
  return { status: response.status, ms: performance.now() - started, headers: response.headers };
}

describe('sign-in throttling', () => {
  it("a guesser's failures stop that address only; the owner still signs in from elsewhere", async () => {
    const email = await signUp('victim');
    const guesses = [];
    for (let i = 0; i < 7; i++) guesses.push(await attempt(email, 'wrong password', '203.0.113.66'));
    expect(guesses.map((g) => g.status)).toEqual([401, 401, 401, 401, 429, 429, 429]);
    expect(Number(guesses[4]!.headers.get('retry-after'))).toBeGreaterThan(0);
    // The old per-account limit answered 429 here, whatever the password.
    expect((await attempt(email, TEST_PASSWORD, '198.51.100.20')).status).toBe(200);
    // The guesser stays stopped; a correct password from there does not get through either.
    expect((await attempt(email, TEST_PASSWORD, '203.0.113.66')).status).toBe(429);
  });

  it('a success resets the address and the account', async () => {
    const email = await signUp('resets');
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 3; i++)
        expect((await attempt(email, 'wrong password', '192.0.2.10')).status).toBe(401);
      expect((await attempt(email, TEST_PASSWORD, '192.0.2.10')).status).toBe(200);
    }
    // Nine failures in all, but never more than three since a success: no delay either.
    const after = await attempt(email, 'wrong password', '192.0.2.10');
    expect(after.status).toBe(401);
  });

  it('slows an account failing from many addresses with a growing, capped delay', async () => {
    const email = await signUp('slowed');
    const seen = stack.logs.lines().length;
    const timings: number[] = [];
    // Two failures per address, so no pair reaches its stop (4).
    for (let i = 0; i < 10; i++) {
      const result = await attempt(email, 'wrong password', `198.51.100.${100 + Math.floor(i / 2)}`);
      expect(result.status).toBe(401);
      timings.push(result.ms);
    }
    // Six free failures, then 250, 500, 1000 (the cap), 1000 ms of delay, as the bff logged them…
    const delays = stack.logs
      .lines()
      .slice(seen)
      .filter((l) => l.msg === 'sign-in refused')
      .map((l) => l.delayedMs);
    expect(delays).toEqual([0, 0, 0, 0, 0, 0, 250, 500, 1_000, 1_000]);
    // …and as the client waited them (lower bounds only: scrypt's time varies on a busy machine).
    expect(timings[8]!).toBeGreaterThan(1_000);
    expect(timings[9]!).toBeGreaterThan(1_000);
    // The owner's correct password still works from a new address, after the delay.
    const owner = await attempt(email, TEST_PASSWORD, '198.51.100.250');
    expect(owner.status).toBe(200);
    expect(owner.ms).toBeGreaterThan(1_000);
    // …and resets the account: the next failure is not delayed.
    const next = stack.logs.lines().length;
    expect((await attempt(email, 'wrong password', '198.51.100.251')).status).toBe(401);
    expect(
      stack.logs
        .lines()
        .slice(next)
        .find((l) => l.msg === 'sign-in refused')?.delayedMs,
    ).toBe(0);
  });

  it('alerts once, as a log line and a metric, on failures from many addresses', async () => {
    const email = await signUp('sprayed');
    const before = stack.logs.lines().filter((l) => l.alert === 'sign-in-spray').length;
    for (const ip of ['192.0.2.201', '192.0.2.202', '192.0.2.203', '192.0.2.204', '192.0.2.205'])
      expect((await attempt(email, 'wrong password', ip)).status).toBe(401);
    const alerts = stack.logs.lines().filter((l) => l.alert === 'sign-in-spray' && l.email === email);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ level: 'warn', addresses: 3 });
    expect(stack.logs.lines().filter((l) => l.alert === 'sign-in-spray').length - before).toBe(1);
    const metrics = await stack.bff.metrics.registry.metrics();
    expect(metrics).toMatch(/zamio_sign_in_spray_alerts_total\{service="bff"\} [1-9]/);
    expect(metrics).toMatch(/zamio_rate_limit_hits_total\{limit="auth-account",service="bff"\} [1-9]/);
  });

  it('keeps the counters in Redis, keyed without the e-mail address', async () => {
    const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0');
    try {
      const keys = await redis.keys('*:sign-in:*');
      expect(keys.some((k) => k.endsWith(':203.0.113.66'))).toBe(true);
      expect(keys.some((k) => k.includes('@'))).toBe(false);
    } finally {
      redis.disconnect();
    }
  });
});
