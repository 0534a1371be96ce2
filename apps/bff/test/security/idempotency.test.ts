// Idempotency-Key on the real bff and Postgres: a repeated create returns
// the first answer and creates nothing new (JSON and upload routes, signed in
// and anonymous); the key with another request is 422; a request still
// running is 409; a failed request frees its key; keys are per caller.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecureStack, TEST_PASSWORD, type SecureStack } from './support/secure-stack';
import type { ApiClient } from './support/api-client';
import { form, playlogCsv } from './support/audio-fixtures';

let stack: SecureStack;
let artist: ApiClient;
let otherArtist: ApiClient;
let station: ApiClient;
let db: pg.Client;
beforeAll(async () => {
  stack = await startSecureStack({ RATE_LIMIT_AUTH_IP_MAX: '1000' });
  [artist, otherArtist, station] = await Promise.all([
    stack.account('artist', 'idem'),
    stack.account('artist', 'idem2'),
    stack.account('station', 'idem'),
  ]);
  db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

const withKey = (key: string) => ({ 'idempotency-key': key });
const count = async (sql: string, params: unknown[]) =>
  Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`, params)).rows[0]!.n);

describe('Idempotency-Key', () => {
  it('a repeated create answers the first result and creates nothing new', async () => {
    const key = randomUUID();
    const title = `Once ${key}`;
    const first = await artist.request('POST', '/api/artist/tracks', {
      body: { title },
      headers: withKey(key),
    });
    const again = await artist.request('POST', '/api/artist/tracks', {
      body: { title },
      headers: withKey(key),
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.headers.get('content-type')).toMatch(/application\/json/);
    expect(await count('tracks WHERE title = $1', [title])).toBe(1);
  });

  it('without the header every request creates, as before', async () => {
    const title = `Twice ${randomUUID()}`;
    for (let i = 0; i < 2; i++) expect((await artist.post('/api/artist/tracks', { title })).status).toBe(201);
    expect(await count('tracks WHERE title = $1', [title])).toBe(2);
  });

  it('refuses the key with a different request (422) and a malformed key (400)', async () => {
    const key = randomUUID();
    expect(
      (await artist.request('POST', '/api/artist/tracks', { body: { title: 'A' }, headers: withKey(key) }))
        .status,
    ).toBe(201);
    const reused = await artist.request('POST', '/api/artist/tracks', {
      body: { title: 'B' },
      headers: withKey(key),
    });
    expect(reused.status).toBe(422);
    expect((reused.body as { message: string }).message).toMatch(/Idempotency-Key.*different request/);
    const devices = await station.request('POST', '/api/station/devices', {
      body: { name: 'A' },
      headers: withKey(key),
    });
    expect(devices.status).toBe(201);
    expect(
      (
        await artist.request('POST', '/api/artist/tracks', {
          body: { title: 'C' },
          headers: withKey('has space'),
        })
      ).status,
    ).toBe(400);
  });

  it('keys belong to their caller', async () => {
    const key = randomUUID();
    const title = `Shared key ${key}`;
    const mine = await artist.request('POST', '/api/artist/tracks', {
      body: { title },
      headers: withKey(key),
    });
    const theirs = await otherArtist.request('POST', '/api/artist/tracks', {
      body: { title },
      headers: withKey(key),
    });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect((theirs.body as { id: string }).id).not.toBe((mine.body as { id: string }).id);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
  });

  it('concurrent repeats create once: the others get 409 or the replay', async () => {
    const key = randomUUID();
    const title = `Race ${key}`;
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        artist.request('POST', '/api/artist/tracks', { body: { title }, headers: withKey(key) }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(await count('tracks WHERE title = $1', [title])).toBe(1);
    const conflict = responses.find((r) => r.status === 409);
    if (conflict) expect((conflict.body as { message: string }).message).toMatch(/still being processed/);
  });

  it('a failed request frees its key for the retry', async () => {
    const email = `taken-${randomUUID()}@example.test`;
    const signUp = { email, password: TEST_PASSWORD, displayName: 'Taken', role: 'artist' };
    expect((await stack.client().post('/api/auth/signup', signUp)).status).toBe(201);
    const key = randomUUID();
    const clash = await stack
      .client()
      .request('POST', '/api/auth/signup', { body: signUp, headers: withKey(key) });
    expect(clash.status).toBe(409);
    const fixed = { ...signUp, email: `fixed-${randomUUID()}@example.test` };
    const retry = await stack
      .client()
      .request('POST', '/api/auth/signup', { body: fixed, headers: withKey(key) });
    expect(retry.status).toBe(201);
    // Anonymous sign-ups replay too (scoped by client address).
    const replay = await stack
      .client()
      .request('POST', '/api/auth/signup', { body: fixed, headers: withKey(key) });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await count('users WHERE email = $1', [fixed.email])).toBe(1);
  });

  it('an upload repeated with its key stores one file and answers the first result', async () => {
    const key = randomUUID();
    const playlogsBefore = await count('playlogs', []);
    const filesBefore = await count("uploads WHERE kind = 'playlog-csv'", []);
    const first = await station.upload(
      'POST',
      '/api/station/playlogs',
      form(playlogCsv(), 'log.csv', {}, 'text/csv'),
      withKey(key),
    );
    const again = await station.upload(
      'POST',
      '/api/station/playlogs',
      form(playlogCsv(), 'log.csv', {}, 'text/csv'),
      withKey(key),
    );
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await count('playlogs', [])).toBe(playlogsBefore + 1);
    expect(await count("uploads WHERE kind = 'playlog-csv'", [])).toBe(filesBefore + 1);
  });

  it('stores the answer in idempotency_keys', async () => {
    const rows = await db.query<{ scope: string; status_code: number }>(
      `SELECT scope, status_code FROM idempotency_keys`,
    );
    expect(rows.rows.length).toBeGreaterThan(3);
    expect(rows.rows.every((r) => r.status_code === 201)).toBe(true);
    expect(rows.rows.some((r) => r.scope.startsWith('ip:'))).toBe(true);
  });
});
