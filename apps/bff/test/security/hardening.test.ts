// Input validation (400 with the failing path, unknown fields refused),
// API headers, and logs that never contain secrets — with a sign-in, an
// upload and a failing database call driven by known secret values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTcpProxy, type TcpProxy } from '@zamio/testing';
import { DEMO_PASSWORD } from '@zamio/accounts';
import { startSecureStack, type SecureStack } from './support/secure-stack';
import { form } from './support/audio-fixtures';

describe('validation and headers', () => {
  let stack: SecureStack;
  beforeAll(async () => {
    stack = await startSecureStack();
  });
  afterAll(async () => stack?.stop());

  it('refuses unknown and wrong fields with 400 naming the path', async () => {
    const client = stack.client();
    const unknown = await client.post('/api/auth/signup', {
      email: 'v@example.test',
      password: 'long enough password',
      displayName: 'V',
      role: 'artist',
      isAdmin: true,
    });
    expect(unknown.status).toBe(400);
    expect((unknown.body as { message: string }).message).toMatch(/additional properties|isAdmin/i);
    const wrong = await client.post('/api/auth/login', { email: 'not-an-email', password: 'x' });
    expect(wrong.status).toBe(400);
    expect((wrong.body as { message: string }).message).toMatch(/email/);
    const notJson = await client.request('POST', '/api/auth/login', {
      raw: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    const artist = await stack.account('artist', 'val');
    expect((await artist.get('/api/artist/tracks/not-a-uuid')).status).toBe(400);
  });

  it('sends API security headers and no X-Powered-By', async () => {
    const response = await stack.client().get('/api/version');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });
});

describe('production errors and log redaction', () => {
  const SECRETS = {
    session: 'Prod-Session-Secret-8c1f0a7e-2d94-4b1b-9f3e-1c2d3e4f5a6b',
    dbPassword: 'pg-Passw0rd-7f9e2a61c',
    uploadMarker: 'UPLOAD-CONTENT-MARKER-51f0e',
  };
  let proxy: TcpProxy;
  let stack: SecureStack;
  beforeAll(async () => {
    proxy = await createTcpProxy({ host: '127.0.0.1', port: 5432 });
    // The machine's Postgres trusts local connections, so any password works: it only has to show up nowhere.
    stack = await startSecureStack(
      {
        ZAMIO_ENV: 'production',
        SESSION_SECRET: SECRETS.session,
        TRUST_PROXY: 'loopback',
        PUBLIC_API_URL: 'https://api.zamio.example',
        FORCE_HTTPS: 'true',
        SEED_DEMO_DATA: 'false',
        DATABASE_ACQUIRE_TIMEOUT: '1s',
        DATABASE_CONNECT_TIMEOUT: '1s',
      },
      {
        // Through the proxy (so the test can cut the database), with a password in the URL.
        databaseUrl: (url) => {
          const proxied = new URL(proxy.urlFor(url));
          proxied.password = SECRETS.dbPassword;
          return proxied.toString();
        },
      },
    );
  });
  afterAll(async () => {
    proxy?.setMode('open');
    await stack?.stop();
    await proxy?.close();
  });

  it('drives sign-in, an upload and a failing DB call; no secret reaches a log line or an error body', async () => {
    const client = stack.client('https://api.zamio.example');
    const signup = await client.request('POST', '/api/auth/signup', {
      body: {
        email: 'logs@example.test',
        password: 'Hunter2-Very-Secret-Password',
        displayName: 'Logs',
        role: 'artist',
      },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.zamio.example' },
    });
    expect(signup.status).toBe(201);
    const login = await client.request('POST', '/api/auth/login', {
      body: { email: 'logs@example.test', password: 'Hunter2-Very-Secret-Password' },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.zamio.example' },
    });
    expect(login.status).toBe(200);
    const session = login.headers.getSetCookie().find((c) => c.startsWith('zamio_session='))!;
    expect(session).toMatch(/; Secure/i);
    client.csrfToken = (login.body as { csrfToken: string }).csrfToken;
    const failedLogin = await client.request('POST', '/api/auth/login', {
      body: { email: 'logs@example.test', password: `${DEMO_PASSWORD}-wrong-attempt` },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(failedLogin.status).toBe(401);

    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.zamio.example' };
    const upload = await client.upload(
      'POST',
      '/api/account/documents',
      form(Buffer.from(`%PDF-1.4\n${SECRETS.uploadMarker}\n%%EOF\n`), 'doc.pdf'),
      forwarded,
    );
    expect(upload.status).toBe(201);

    proxy.setMode('refuse');
    const failing = await client.request('GET', '/api/auth/me', { headers: forwarded });
    expect(failing.status).toBe(503);
    const body = JSON.stringify(failing.body);
    expect(body).not.toMatch(/stack|select|postgres|at .*\.ts/i);
    expect((failing.body as { requestId: string }).requestId).toBeTruthy();
    proxy.setMode('open');

    const text = stack.logs.text();
    expect(text.length).toBeGreaterThan(1_000);
    const cookieValue = session.split(';')[0]!.split('=')[1]!;
    for (const secret of [
      SECRETS.session,
      SECRETS.dbPassword,
      SECRETS.uploadMarker,
      'Hunter2-Very-Secret-Password',
      `${DEMO_PASSWORD}-wrong-attempt`,
      cookieValue,
      decodeURIComponent(cookieValue),
      client.csrfToken!,
    ]) {
      expect(text.includes(secret), `log contains ${secret.slice(0, 12)}…`).toBe(false);
    }
  });
});
