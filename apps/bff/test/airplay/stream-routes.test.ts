// Stream URL routes on the real bff (PostgreSQL, Redis): a station registers,
// lists and removes its streams; private addresses are refused unless the
// deployment allows them; other roles and other stations get nothing; admins
// list every station's streams by state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecureStack, type SecureStack } from '../security/support/secure-stack';
import { accountOf } from './support';
import type { ApiClient } from '../security/support/api-client';

let guarded: SecureStack;
let lan: SecureStack;

beforeAll(async () => {
  [guarded, lan] = await Promise.all([
    startSecureStack(),
    startSecureStack({ STREAM_ALLOW_PRIVATE_ADDRESSES: 'true' }),
  ]);
});
afterAll(async () => Promise.all([guarded?.stop(), lan?.stop()]));

const del = (client: ApiClient, path: string) => client.request('DELETE', path);

describe('station streams', () => {
  it('refuses a private address with 400 naming the problem, unless allowed', async () => {
    const station = await accountOf(guarded, 'station', 'guarded-fm');
    const refused = await station.post('/api/station/streams', { url: 'http://127.0.0.1:8000/live.mp3' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/not a public address/);
    const notHttp = await station.post('/api/station/streams', { url: 'rtsp://radio.example/live' });
    expect(notHttp.status).toBe(400);
    expect(JSON.stringify(notHttp.body)).toMatch(/http/);
    const unknownField = await station.post('/api/station/streams', { url: 'http://x.example/', x: 1 });
    expect(unknownField.status).toBe(400);
    expect((await station.get('/api/station/streams')).body).toEqual([]);
  });

  it('registers, lists (password masked) and removes; others cannot see or remove it', async () => {
    const station = await accountOf(lan, 'station', 'lan-fm');
    const other = await accountOf(lan, 'station', 'other-fm');
    const artist = await accountOf(lan, 'artist', 'lan-artist');
    const created = await station.post('/api/station/streams', {
      url: 'http://dj:s3cret@127.0.0.1:8000/private.mp3',
      label: 'Studio',
    });
    expect(created.status).toBe(201);
    const stream = created.body as { id: string; url: string };
    expect(stream).toMatchObject({
      url: 'http://dj:***@127.0.0.1:8000/private.mp3',
      label: 'Studio',
      state: 'unknown',
      active: true,
      lastCheckedAt: null,
    });
    expect(JSON.stringify((await station.get('/api/station/streams')).body)).not.toContain('s3cret');
    const again = await station.post('/api/station/streams', {
      url: 'http://dj:s3cret@127.0.0.1:8000/private.mp3',
    });
    expect(again.status).toBe(409);

    expect((await other.get('/api/station/streams')).body).toEqual([]);
    expect((await del(other, `/api/station/streams/${stream.id}`)).status).toBe(404);
    expect((await artist.get('/api/station/streams')).status).toBe(403);

    const admin = await lan.admin();
    const listed = await admin.get('/api/admin/streams?state=unknown&limit=10');
    expect(listed.status).toBe(200);
    expect((listed.body as { items: { id: string }[] }).items.map((s) => s.id)).toContain(stream.id);
    expect(((await admin.get('/api/admin/streams?state=down')).body as { items: unknown[] }).items).toEqual(
      [],
    );
    expect((await station.get('/api/admin/streams')).status).toBe(403);

    expect((await del(station, `/api/station/streams/${stream.id}`)).status).toBe(204);
    expect((await station.get('/api/station/streams')).body).toEqual([]);
  });
});
