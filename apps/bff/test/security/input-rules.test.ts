// Input rules on the real bff (Postgres, Redis): who you are is checked
// before what you sent (anonymous → 401, never schema details), every
// problem is reported once per field, and odd input — NUL and other control
// characters in any text field, Infinity or 1e400 as numbers — is a 400,
// never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecureStack, type SecureStack } from './support/secure-stack';
import type { ApiClient } from './support/api-client';

let stack: SecureStack;
let artist: ApiClient;
let station: ApiClient;
let admin: ApiClient;
beforeAll(async () => {
  stack = await startSecureStack();
  [artist, station, admin] = await Promise.all([
    stack.account('artist', 'in'),
    stack.account('station', 'in'),
    stack.admin(),
  ]);
});
afterAll(async () => stack?.stop());

type Problems = { message: string; problems?: { field: string; message: string }[] };

describe('authentication before validation', () => {
  it.each([
    ['POST', '/api/artist/tracks', { nonsense: true }],
    ['GET', '/api/artist/tracks/not-a-uuid', undefined],
    ['POST', '/api/station/devices', { name: '' }],
    ['GET', '/api/admin/users?limit=abc&role=king', undefined],
    ['POST', '/api/admin/users/not-a-uuid/approve', {}],
    ['POST', '/api/auth/password', { currentPassword: 1 }],
    ['DELETE', '/api/station/devices/not-a-uuid', undefined],
  ])('anonymous %s %s is 401 without schema details', async (method, path, body) => {
    const response = await stack.client().request(method, path, body === undefined ? {} : { body });
    expect(response.status).toBe(401);
    expect(JSON.stringify(response.body)).not.toMatch(/must|required|uuid|limit|additional/i);
  });

  it('a signed-in caller of the wrong role gets 403, not 400', async () => {
    expect((await artist.post('/api/station/devices', { name: '' })).status).toBe(403);
  });
});

describe('validation messages', () => {
  it('lists every problem once, by field, in plain words', async () => {
    const response = await stack.client().post('/api/auth/signup', {
      email: 'not-an-email',
      password: 'short',
      role: 'king',
      displayName: '',
    });
    expect(response.status).toBe(400);
    const { problems, message } = response.body as Problems;
    expect(problems).toEqual([
      { field: 'email', message: 'must be a valid e-mail address' },
      { field: 'password', message: 'must be at least 12 characters' },
      { field: 'displayName', message: 'must not be empty' },
      { field: 'role', message: 'must be one of: artist, station, publisher' },
    ]);
    expect(message).not.toMatch(/equal to constant/);
  });
});

describe('odd input is a 400, never a 500', () => {
  const NASTY = ['a\u0000b', 'line\nbreak', 'esc\u001b[2J', '\u007f', 'c1\u0085'];

  it.each(NASTY)('control characters in text fields (%j)', async (text) => {
    const checks = [
      await stack.client().post('/api/auth/signup', {
        email: `nul-${Math.random().toString(36).slice(2)}@example.test`,
        password: 'long enough password',
        displayName: text,
        role: 'artist',
      }),
      await artist.post('/api/artist/tracks', { title: text }),
      await station.post('/api/station/devices', { name: text }),
    ];
    for (const response of checks) {
      expect(response.status).toBe(400);
      expect((response.body as Problems).message).toMatch(/must not contain control characters/);
    }
  });

  it.each(['limit=Infinity', 'limit=1e400', 'limit=-Infinity', 'limit=NaN', 'limit=1e308'])(
    'non-finite or huge numbers in the query (%s)',
    async (query) => {
      const response = await admin.get(`/api/admin/users?${query}`);
      expect(response.status).toBe(400);
      expect((response.body as Problems).problems?.[0]?.field).toBe('query.limit');
    },
  );

  it('still lists users with sane bounds', async () => {
    expect((await admin.get('/api/admin/users?limit=5&sort=email&order=asc')).status).toBe(200);
  });
});
