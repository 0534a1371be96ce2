import { describe, expect, it } from 'vitest';
import { ConfigError } from '../problems';
import { loadConfig, type RawEnv } from '../load-config';
import { loadWorkerConfig } from '../config/load-app-config';
import { bffSchema } from './bff';
import { workerSchema } from './worker';

function problemsOf(schema: typeof bffSchema | typeof workerSchema, env: RawEnv) {
  try {
    loadConfig(schema as never, env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

// A production environment that passes every rule (as in load-config.test.ts).
const validProductionEnv: RawEnv = {
  ZAMIO_ENV: 'production',
  DATABASE_URL: 'postgres://zamio:pw@db.internal:5432/zamio',
  REDIS_URL: 'rediss://default:pw@redis.internal:6380/0',
  SESSION_SECRET: 'q7Yw2LzP9vKc4NxR8mTb3HsJ6dFg1AeU5oWiZ0yXlQ',
  TRUST_PROXY: '10.0.1.0/24',
  PUBLIC_API_URL: 'https://api.zamio.example',
};

describe('stream monitoring settings', () => {
  it('defaults to a 15 s window every 90 s, down after 3 failures, public addresses only', () => {
    const config = loadWorkerConfig({
      ZAMIO_ENV: 'test',
      DATABASE_URL: 'pglite:memory',
      REDIS_URL: 'memory:',
    });
    expect(config.streams).toEqual({
      windowMs: 15_000,
      intervalMs: 90_000,
      downAfterFailures: 3,
      allowPrivateAddresses: false,
    });
  });

  it('refuses private stream addresses in production, for the bff and the worker', () => {
    for (const schema of [bffSchema, workerSchema]) {
      const problems = problemsOf(schema, { ...validProductionEnv, STREAM_ALLOW_PRIVATE_ADDRESSES: 'true' });
      expect(problems).toContainEqual(
        expect.objectContaining({
          variable: 'STREAM_ALLOW_PRIVATE_ADDRESSES',
          problem: expect.stringMatching(/SSRF/),
        }),
      );
    }
    expect(problemsOf(workerSchema, validProductionEnv)).toEqual([]);
  });

  it('refuses a window outside 5–60 s and an interval shorter than two windows', () => {
    const env = { ZAMIO_ENV: 'test', DATABASE_URL: 'pglite:memory', REDIS_URL: 'memory:' };
    expect(problemsOf(workerSchema, { ...env, STREAM_WINDOW: '2s' }).map((p) => p.variable)).toEqual([
      'STREAM_WINDOW',
    ]);
    expect(
      problemsOf(workerSchema, { ...env, STREAM_WINDOW: '20s', STREAM_CHECK_INTERVAL: '30s' }).map(
        (p) => p.variable,
      ),
    ).toEqual(['STREAM_CHECK_INTERVAL']);
  });
});
