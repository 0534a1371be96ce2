// The bff refuses to start on bad configuration: one report naming every
// problem, exit code 78, and nothing opened (no port, no database connection).
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runEntry } from '@zamio/testing';

const repoRoot = resolve(import.meta.dirname, '../../../..');
const entry = 'apps/bff/src/main.ts';

describe('bff start-up configuration check', () => {
  let sentinel: Server;
  let sentinelPort = 0;
  let connections = 0;

  beforeAll(async () => {
    // Stands where the database would be: any connection means the bff got
    // past validation before refusing.
    sentinel = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((done) => sentinel.listen(0, '127.0.0.1', done));
    sentinelPort = (sentinel.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((done) => sentinel.close(() => done())));

  it('exits 78 with every required variable named when production env is empty', async () => {
    const run = runEntry(entry, { ZAMIO_ENV: 'production' }, repoRoot);
    const { code } = await run.exited;
    expect(code).toBe(78);
    const report = JSON.parse(run.stderr().trim().split('\n').at(-1)!) as {
      problems: { variable: string }[];
    };
    expect(report.problems.map((p) => p.variable).sort()).toEqual(
      ['DATABASE_URL', 'PUBLIC_API_URL', 'REDIS_URL', 'SESSION_SECRET', 'TRUST_PROXY'].sort(),
    );
    expect(run.stdout()).not.toContain('listening');
  });

  it('opens no port and no connection before refusing', async () => {
    const port = await freePort();
    const run = runEntry(
      entry,
      {
        ZAMIO_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: `postgres://u:p@127.0.0.1:${sentinelPort}/db`,
        REDIS_URL: 'redis://127.0.0.1:1/0',
        LOG_PRETTY: 'true',
      },
      repoRoot,
    );
    const { code } = await run.exited;
    expect(code).toBe(78);
    expect(run.stderr()).toContain('LOG_PRETTY');
    expect(connections).toBe(0);
    // The port is still free: nothing ever bound it.
    await new Promise<void>((done, fail) => {
      const probe = createServer();
      probe.once('error', fail);
      probe.listen(port, '127.0.0.1', () => probe.close(() => done()));
    });
  });

  it.each([
    ['TRUST_PROXY', 'garbage'],
    ['TRUST_PROXY', '0.0.0.0/0'],
    ['HSTS_MAX_AGE', '0'],
    ['CORS_ORIGIN_PATTERNS', '.*'],
    ['HEALTH_DETAILS_TOKEN', 'abc'],
  ])('refuses %s=%s with 78 before opening anything', async (variable, value) => {
    const before = connections;
    const run = runEntry(
      entry,
      {
        ZAMIO_ENV: 'production',
        DATABASE_URL: `postgres://u:p@127.0.0.1:${sentinelPort}/db`,
        REDIS_URL: 'redis://127.0.0.1:1/0',
        SESSION_SECRET: 'q7Yw2LzP9vKc4NxR8mTb3HsJ6dFg1AeU5oWiZ0yXlQ',
        PUBLIC_API_URL: 'https://api.zamio.example',
        TRUST_PROXY: '10.0.1.0/24',
        [variable]: value,
      },
      repoRoot,
    );
    const { code } = await run.exited;
    expect(code).toBe(78);
    const report = JSON.parse(run.stderr().trim().split('\n').at(-1)!) as {
      problems: { variable: string }[];
    };
    expect(report.problems.map((p) => p.variable)).toEqual([variable]);
    expect(run.stderr()).not.toContain('TypeError');
    expect(connections).toBe(before);
  });
});
