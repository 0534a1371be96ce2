// The pieces of resumable uploads that the bff test cannot reach directly:
// the Redis lock between two processes' lockers (exclusive, the holder told
// to let go, a crashed holder's lock freed by its TTL) and the expiry sweep
// of the shared staging directory.
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRedis } from '@zamio/testing';
import { createFilesystemStorage, createResumableUploads, RedisLocker, uploadRules } from '../src';

const testRedis = createTestRedis();
let redis: Redis;
let directory: string;

beforeAll(async () => {
  redis = new Redis(testRedis.url);
  directory = await mkdtemp(join(tmpdir(), 'zamio-partial-'));
});
afterAll(async () => {
  redis.disconnect();
  await testRedis.cleanup();
  await rm(directory, { recursive: true, force: true });
});

describe('RedisLocker', () => {
  it('holds one upload for one request across processes and asks the holder to let go', async () => {
    // Two lockers stand for two bff processes (separate connections, one Redis).
    const other = new Redis(testRedis.url);
    const a = new RedisLocker({ redis, keyPrefix: testRedis.prefix, acquireTimeoutMs: 3_000, retryMs: 20 });
    const b = new RedisLocker({
      redis: other,
      keyPrefix: testRedis.prefix,
      acquireTimeoutMs: 3_000,
      retryMs: 20,
    });
    try {
      const held = a.newLock('upload-1');
      let asked = 0;
      await held.lock(new AbortController().signal, () => {
        asked += 1;
      });
      let acquired = false;
      const waiting = b
        .newLock('upload-1')
        .lock(new AbortController().signal, () => {})
        .then(() => (acquired = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(acquired).toBe(false);
      expect(asked).toBeGreaterThan(0);
      // Another upload is not blocked by this one.
      await b.newLock('upload-2').lock(new AbortController().signal, () => {});
      await held.unlock();
      await waiting;
      expect(acquired).toBe(true);
    } finally {
      await a.close();
      await b.close();
      other.disconnect();
    }
  });

  it('gives up after its timeout, and a holder that vanished frees the lock by its TTL', async () => {
    const locker = new RedisLocker({
      redis,
      keyPrefix: testRedis.prefix,
      ttlMs: 300,
      acquireTimeoutMs: 100,
      retryMs: 20,
    });
    try {
      // A crashed process: its key is there, nobody renews it.
      await redis.set(`${testRedis.prefix}:tus-lock:upload-3`, 'dead', 'PX', 300);
      await expect(
        locker.newLock('upload-3').lock(new AbortController().signal, () => {}),
      ).rejects.toMatchObject({
        status_code: 423,
        body: expect.stringMatching(/still writing/),
      });
      await new Promise((resolve) => setTimeout(resolve, 350));
      const lock = locker.newLock('upload-3');
      await lock.lock(new AbortController().signal, () => {});
      await lock.unlock();
      expect(await redis.exists(`${testRedis.prefix}:tus-lock:upload-3`)).toBe(0);
    } finally {
      await locker.close();
    }
  });

  it('answers 503 while Redis is down (the client retries)', async () => {
    const down = new Redis({
      port: 1,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    const locker = new RedisLocker({ redis: down, keyPrefix: testRedis.prefix });
    try {
      await expect(
        locker.newLock('upload-4').lock(new AbortController().signal, () => {}),
      ).rejects.toMatchObject({
        status_code: 503,
        body: expect.stringMatching(/Redis/),
      });
    } finally {
      await locker.close();
      down.disconnect();
    }
  });
});

describe('sweepExpired', () => {
  it('removes partial uploads past the expiry, info and bytes, and leaves younger ones', async () => {
    const uploads = createResumableUploads({
      directory,
      expiryMs: 60_000,
      rule: uploadRules({ 'track-audio': 1_000, 'capture-audio': 1, 'playlog-csv': 1, document: 1 })[
        'track-audio'
      ],
      objects: createFilesystemStorage({ kind: 'filesystem', directory, timeouts: { probeMs: 1_000 } }),
      locationOf: (path, id) => `${path}/${id}`,
    });
    const old = 'a'.repeat(32);
    const young = 'b'.repeat(32);
    const lone = 'c'.repeat(32);
    // Every byte received but never finished (the process died first): tus's own
    // deleteExpired() would keep it forever.
    const received = 'd'.repeat(32);
    const unreadable = 'e'.repeat(32);
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    for (const [id, created, offset] of [
      [old, twoMinutesAgo, 2],
      [young, new Date(), 2],
      [received, twoMinutesAgo, 5],
    ] as const) {
      await writeFile(join(directory, id), 'bytes');
      await writeFile(
        join(directory, `${id}.json`),
        JSON.stringify({ id, size: 5, offset, creation_date: created.toISOString() }),
      );
    }
    // A lone bytes file (no info), and one whose info is not JSON: aged by modification time.
    await writeFile(join(directory, lone), 'bytes');
    await writeFile(join(directory, unreadable), 'bytes');
    await writeFile(join(directory, `${unreadable}.json`), '{not json');
    for (const name of [lone, unreadable, `${unreadable}.json`])
      await utimes(join(directory, name), twoMinutesAgo, twoMinutesAgo);
    await writeFile(join(directory, 'not-an-upload.txt'), 'keep');

    expect(await uploads.sweepExpired()).toBe(4);
    expect((await readdir(directory)).sort()).toEqual([young, `${young}.json`, 'not-an-upload.txt'].sort());
    // Sweeping again (or from another process at once) finds nothing and fails on nothing.
    expect(await uploads.sweepExpired()).toBe(0);
  });
});
