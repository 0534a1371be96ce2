// CSRF (Origin check + session-bound token) and authorization by role and
// ownership: every cross-account access is refused with 403 or 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecureStack, type SecureStack } from './support/secure-stack';
import { form, wavFile } from './support/audio-fixtures';
import type { ApiClient } from './support/api-client';

let stack: SecureStack;
let artistA: ApiClient;
let artistB: ApiClient;
let stationA: ApiClient;
let stationB: ApiClient;
let publisher: ApiClient;
let trackOfA: string;

beforeAll(async () => {
  stack = await startSecureStack({ CORS_ORIGINS: 'https://artist.zamio.example' });
  [artistA, artistB, stationA, stationB, publisher] = await Promise.all([
    stack.account('artist', 'a'),
    stack.account('artist', 'b'),
    stack.account('station', 'sa'),
    stack.account('station', 'sb'),
    stack.account('publisher', 'p'),
  ]);
  trackOfA = ((await artistA.post('/api/artist/tracks', { title: 'Mine' })).body as { id: string }).id;
});
afterAll(async () => stack?.stop());

describe('CSRF', () => {
  it('refuses a cookie-authenticated POST from a foreign origin, even with the token', async () => {
    const evil = stack.client('https://evil.example');
    for (const [k, v] of artistA.cookies) evil.cookies.set(k, v);
    evil.csrfToken = artistA.csrfToken;
    const response = await evil.post('/api/artist/tracks', { title: 'CSRF' });
    expect(response.status).toBe(403);
  });

  it('refuses a POST without the CSRF token, with a wrong one, or without any Origin', async () => {
    expect(
      (await artistA.request('POST', '/api/artist/tracks', { body: { title: 'x' }, csrf: false })).status,
    ).toBe(403);
    expect(
      (
        await artistA.request('POST', '/api/artist/tracks', {
          body: { title: 'x' },
          csrf: false,
          headers: { 'x-csrf-token': 'forged' },
        })
      ).status,
    ).toBe(403);
    const originless = stack.client(undefined as unknown as string);
    Object.assign(originless, { origin: undefined });
    for (const [k, v] of artistA.cookies) originless.cookies.set(k, v);
    originless.csrfToken = artistA.csrfToken;
    expect((await originless.post('/api/artist/tracks', { title: 'x' })).status).toBe(403);
  });

  it("does not accept one session's token for another session", async () => {
    const mixed = stack.client();
    for (const [k, v] of artistA.cookies) mixed.cookies.set(k, v);
    mixed.csrfToken = artistB.csrfToken;
    expect((await mixed.post('/api/artist/tracks', { title: 'x' })).status).toBe(403);
  });

  it('accepts the same request from the API origin or a configured CORS origin', async () => {
    expect((await artistA.post('/api/artist/tracks', { title: 'same origin' })).status).toBe(201);
    const portal = stack.client('https://artist.zamio.example');
    for (const [k, v] of artistA.cookies) portal.cookies.set(k, v);
    portal.csrfToken = artistA.csrfToken;
    expect((await portal.post('/api/artist/tracks', { title: 'cors origin' })).status).toBe(201);
  });

  it('refuses a sign-in posted from a foreign origin (login CSRF)', async () => {
    const response = await stack
      .client('https://evil.example')
      .post('/api/auth/login', { email: 'artist@demo.zamio.local', password: 'zamio-demo-password' });
    expect(response.status).toBe(403);
  });
});

describe('authorization', () => {
  it('needs a session for every account route', async () => {
    const anonymous = stack.client();
    for (const path of [
      '/api/auth/me',
      '/api/artist/tracks',
      '/api/station/captures',
      '/api/station/devices',
      '/api/admin/users',
    ]) {
      expect((await anonymous.get(path)).status, path).toBe(401);
    }
  });

  it("an artist never sees or changes another artist's tracks", async () => {
    expect((await artistB.get(`/api/artist/tracks/${trackOfA}`)).status).toBe(404);
    expect(((await artistB.get('/api/artist/tracks')).body as { items: unknown[] }).items.length).toBe(0);
    const upload = await artistB.upload(
      'PUT',
      `/api/artist/tracks/${trackOfA}/audio`,
      form(wavFile(1), 'a.wav'),
    );
    expect(upload.status).toBe(404);
    expect((await artistA.get(`/api/artist/tracks/${trackOfA}`)).status).toBe(200);
  });

  it('other roles cannot use artist routes, and non-admins cannot use admin routes', async () => {
    for (const client of [stationA, publisher])
      expect((await client.get('/api/artist/tracks')).status).toBe(403);
    for (const client of [artistA, stationA, publisher]) {
      expect((await client.get('/api/admin/users')).status).toBe(403);
      expect((await client.post(`/api/admin/users/${artistB.userId}/approve`, {})).status).toBe(403);
      expect((await client.post(`/api/admin/users/${artistB.userId}/disable`, {})).status).toBe(403);
    }
    expect((await artistA.get('/api/station/captures')).status).toBe(403);
    expect((await artistA.post('/api/station/devices', { name: 'x' })).status).toBe(403);
  });

  it('a device token uploads only into its own station; stations see only their own captures and devices', async () => {
    const issued = (await stationA.post('/api/station/devices', { name: 'studio-1' })).body as {
      id: string;
      token: string;
    };
    const device = stack.client();
    const upload = await device.upload(
      'POST',
      '/api/station/captures',
      form(wavFile(10), 'c.wav', { chunk_id: 'chunk-1' }),
      { authorization: `Bearer ${issued.token}` },
    );
    expect(upload.status).toBe(202);
    const captures = (client: typeof stationA) =>
      client.get('/api/station/captures').then((r) => (r.body as { items: unknown[] }).items.length);
    expect(await captures(stationA)).toBe(1);
    expect(await captures(stationB)).toBe(0);
    expect(((await stationB.get('/api/station/devices')).body as unknown[]).length).toBe(0);
    // Station B cannot revoke station A's device.
    expect((await stationB.request('DELETE', `/api/station/devices/${issued.id}`)).status).toBe(404);
    // A device token is not a session: it cannot read or manage anything.
    for (const path of [
      '/api/station/captures',
      '/api/station/devices',
      '/api/auth/me',
      '/api/artist/tracks',
    ]) {
      expect(
        (await device.request('GET', path, { headers: { authorization: `Bearer ${issued.token}` } })).status,
        path,
      ).toBe(401);
    }
    // A station session cannot upload captures without a device token.
    expect(
      (
        await stationA.upload(
          'POST',
          '/api/station/captures',
          form(wavFile(1), 'c.wav', { chunk_id: 'chunk-2' }),
        )
      ).status,
    ).toBe(401);
    // Revoked tokens stop working at once.
    expect((await stationA.request('DELETE', `/api/station/devices/${issued.id}`)).status).toBe(204);
    const afterRevoke = await device.upload(
      'POST',
      '/api/station/captures',
      form(wavFile(1), 'c.wav', { chunk_id: 'chunk-3' }),
      { authorization: `Bearer ${issued.token}` },
    );
    expect(afterRevoke.status).toBe(401);
  });

  it('a forged bearer token is refused', async () => {
    const response = await stack.client().request('GET', '/api/station/captures', {
      headers: { authorization: 'Bearer zdt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    });
    expect(response.status).toBe(401);
  });
});
