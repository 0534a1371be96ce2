// Sign-up, approval, sign-in, sessions that survive restarts and secret
// rotation, revocation on logout and password change, cookie attributes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@zamio/accounts';
import { startSecureStack, TEST_PASSWORD, type SecureStack } from './support/secure-stack';

let stack: SecureStack;
beforeAll(async () => {
  stack = await startSecureStack();
});
afterAll(async () => stack?.stop());

describe('accounts', () => {
  it('seeds one demo account per role that can sign in and sees its role', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const client = stack.client();
      const login = await client.login(account.email, DEMO_PASSWORD);
      expect(login.status).toBe(200);
      const me = await client.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect((me.body as { user: { role: string } }).user.role).toBe(account.role);
    }
  });

  it('keeps stations and publishers pending until an admin approves them', async () => {
    const email = `pending-${Date.now()}@example.test`;
    const client = stack.client();
    const signup = await client.post('/api/auth/signup', {
      email,
      password: TEST_PASSWORD,
      displayName: 'Pending FM',
      role: 'station',
    });
    expect(signup.status).toBe(201);
    expect((signup.body as { status: string }).status).toBe('pending');
    expect((await client.login(email, TEST_PASSWORD)).status).toBe(403);

    const admin = await stack.admin();
    const pending = await admin.get('/api/admin/users?status=pending');
    expect((pending.body as { items: { email: string }[] }).items.map((u) => u.email)).toContain(email);
    expect(
      (await admin.post(`/api/admin/users/${(signup.body as { id: string }).id}/approve`, {})).status,
    ).toBe(200);
    expect((await client.login(email, TEST_PASSWORD)).status).toBe(200);
  });

  it('refuses sign-up as admin, duplicate e-mails and short passwords', async () => {
    const client = stack.client();
    expect(
      (
        await client.post('/api/auth/signup', {
          email: 'x@example.test',
          password: TEST_PASSWORD,
          displayName: 'X',
          role: 'admin',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await client.post('/api/auth/signup', {
          email: 'y@example.test',
          password: 'short',
          displayName: 'Y',
          role: 'artist',
        })
      ).status,
    ).toBe(400);
    const dup = { email: 'Dup@Example.test', password: TEST_PASSWORD, displayName: 'Dup', role: 'artist' };
    expect((await client.post('/api/auth/signup', dup)).status).toBe(201);
    expect((await client.post('/api/auth/signup', { ...dup, email: 'dup@example.TEST' })).status).toBe(409);
  });

  it('answers wrong password and unknown e-mail alike', async () => {
    const wrong = await stack
      .client()
      .post('/api/auth/login', { email: 'artist@demo.zamio.local', password: 'not the password' });
    const unknown = await stack
      .client()
      .post('/api/auth/login', { email: 'nobody@example.test', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((wrong.body as { message: string }).message).toBe((unknown.body as { message: string }).message);
  });

  it('stores passwords only as scrypt hashes', async () => {
    const client = new pg.Client({ connectionString: stack.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ password_hash: string }>('SELECT password_hash FROM users');
      expect(rows.length).toBeGreaterThan(3);
      for (const row of rows) expect(row.password_hash).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$/);
    } finally {
      await client.end();
    }
  });
});

describe('sessions', () => {
  it('sets an httpOnly SameSite=Lax session cookie (not Secure without FORCE_HTTPS) and a readable CSRF cookie', async () => {
    const response = await stack
      .client()
      .post('/api/auth/login', { email: 'artist@demo.zamio.local', password: DEMO_PASSWORD });
    const cookies = response.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('zamio_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).not.toMatch(/Secure/i);
    expect(cookies.find((c) => c.startsWith('zamio_csrf='))).not.toMatch(/HttpOnly/i);
  });

  it('logout revokes the session server-side: replaying the old cookie is refused', async () => {
    const client = await stack.account('artist', 'logout');
    const stolen = new Map(client.cookies);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const replay = stack.client();
    for (const [k, v] of stolen) replay.cookies.set(k, v);
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('a password change signs out every other session but keeps the current one', async () => {
    const first = await stack.account('artist', 'pw');
    const me = (await first.get('/api/auth/me')).body as { user: { email: string } };
    const second = stack.client();
    expect((await second.login(me.user.email, TEST_PASSWORD)).status).toBe(200);
    const changed = await first.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    expect(changed.status).toBe(204);
    expect((await first.get('/api/auth/me')).status).toBe(200);
    expect((await second.get('/api/auth/me')).status).toBe(401);
    expect((await stack.client().login(me.user.email, 'a brand new passphrase')).status).toBe(200);
    expect(
      (
        await first.post('/api/auth/password', {
          currentPassword: 'wrong wrong wrong',
          newPassword: 'another new passphrase',
        })
      ).status,
    ).toBe(403);
  });

  it('an admin disabling an account revokes its sessions at once', async () => {
    const artist = await stack.account('artist', 'disabled');
    const admin = await stack.admin();
    expect((await admin.post(`/api/admin/users/${artist.userId}/disable`, {})).status).toBe(200);
    expect((await artist.get('/api/auth/me')).status).toBe(401);
  });

  it('a forged or tampered cookie is ignored', async () => {
    const client = await stack.account('artist', 'tamper');
    const value = client.cookies.get('zamio_session')!;
    client.cookies.set('zamio_session', `${value.slice(0, -2)}xx`);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('survives a bff restart and a secret rotation (old cookies re-signed with the new key)', async () => {
    const client = await stack.account('artist', 'rotation');
    const oldCookie = client.cookies.get('zamio_session')!;
    await stack.restart({
      SESSION_SECRET: 'rotated-session-secret-9876543210-zyxwvutsrq',
      SESSION_SECRET_PREVIOUS: 'test-session-secret-0123456789-abcdefghijklmnop',
    });
    const rotated = stack.client();
    for (const [k, v] of client.cookies) rotated.cookies.set(k, v);
    const me = await rotated.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(rotated.cookies.get('zamio_session')).not.toBe(oldCookie);
    rotated.csrfToken = (me.body as { csrfToken: string }).csrfToken;
    expect((await rotated.post('/api/artist/tracks', { title: 'After rotation' })).status).toBe(201);

    // Once the previous secret is removed, cookies signed with it stop working.
    await stack.restart({
      SESSION_SECRET: 'rotated-session-secret-9876543210-zyxwvutsrq',
      SESSION_SECRET_PREVIOUS: '',
    });
    const stale = stack.client();
    stale.cookies.set('zamio_session', oldCookie);
    expect((await stale.get('/api/auth/me')).status).toBe(401);
    const fresh = stack.client();
    for (const [k, v] of rotated.cookies) fresh.cookies.set(k, v);
    expect((await fresh.get('/api/auth/me')).status).toBe(200);
  });
});
