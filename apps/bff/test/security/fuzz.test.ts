// Fuzzing every route with random and malformed JSON, headers and multipart
// bodies (fast-check): the bff must answer every request with a non-5xx
// status and keep serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startSecureStack, type SecureStack } from './support/secure-stack';
import type { ApiClient } from './support/api-client';

let stack: SecureStack;
let artist: ApiClient;
let station: ApiClient;
let admin: ApiClient;
let deviceToken: string;

const UUID = '00000000-0000-4000-8000-000000000000';
const ROUTES: [method: string, path: string][] = [
  ['POST', '/api/auth/signup'],
  ['POST', '/api/auth/login'],
  ['POST', '/api/auth/logout'],
  ['GET', '/api/auth/me'],
  ['POST', '/api/auth/password'],
  ['GET', '/api/admin/users'],
  ['POST', `/api/admin/users/${UUID}/approve`],
  ['POST', `/api/admin/users/${UUID}/disable`],
  ['GET', '/api/artist/tracks'],
  ['POST', '/api/artist/tracks'],
  ['GET', `/api/artist/tracks/${UUID}`],
  ['PUT', `/api/artist/tracks/${UUID}/audio`],
  ['POST', '/api/station/devices'],
  ['GET', '/api/station/devices'],
  ['DELETE', `/api/station/devices/${UUID}`],
  ['GET', '/api/station/captures'],
  ['POST', '/api/station/captures'],
  ['POST', '/api/station/playlogs'],
  ['POST', '/api/account/documents'],
  ['GET', '/api/version'],
  ['POST', '/api/system/heartbeat'],
];

beforeAll(async () => {
  stack = await startSecureStack({
    RATE_LIMIT_GLOBAL_MAX: '1000000',
    RATE_LIMIT_AUTH_IP_MAX: '1000000',
    RATE_LIMIT_AUTH_ACCOUNT_MAX: '1000000',
    RATE_LIMIT_UPLOAD_MAX: '1000000',
  });
  [artist, station, admin] = await Promise.all([
    stack.account('artist', 'fz'),
    stack.account('station', 'fz'),
    stack.admin(),
  ]);
  deviceToken = ((await station.post('/api/station/devices', { name: 'fuzz' })).body as { token: string })
    .token;
});
afterAll(async () => stack?.stop());

const route = fc.constantFrom(...ROUTES);
const caller = fc.constantFrom<'anonymous' | 'artist' | 'station' | 'admin' | 'device'>(
  'anonymous',
  'artist',
  'station',
  'admin',
  'device',
);
const headerValue = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom(
    '',
    'null',
    'Bearer ',
    'Bearer zdt_x',
    'https://evil.example',
    '\u00ff\u00fe',
    'a'.repeat(2_000),
  ),
);
const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        email: fc.oneof(fc.emailAddress(), fc.string()),
        password: fc.string({ maxLength: 300 }),
        role: fc.string(),
        displayName: fc.string(),
        title: fc.string(),
        name: fc.string(),
        newPassword: fc.string(),
        currentPassword: fc.string(),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
);

function headersFor(who: string, extra: Record<string, string>): Record<string, string> {
  const client =
    who === 'artist' ? artist : who === 'station' ? station : who === 'admin' ? admin : undefined;
  const headers: Record<string, string> = { origin: stack.url, ...extra };
  if (client) {
    headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    headers['x-csrf-token'] = client.csrfToken!;
  }
  if (who === 'device') headers.authorization = `Bearer ${deviceToken}`;
  return headers;
}

async function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: RequestInit['body'] | undefined,
): Promise<number> {
  const safe = Object.fromEntries(
    Object.entries(headers).filter(([, v]) => /^[\t\x20-\x7e\x80-\xff]*$/.test(v)),
  );
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: safe,
    body: method === 'GET' || method === 'HEAD' ? undefined : body,
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return response.status;
}

describe('fuzzing every route', () => {
  it('random JSON bodies and headers never cause a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        route,
        caller,
        jsonBody,
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=utf-16',
          '',
        ),
        headerValue,
        async ([method, path], who, body, type, junk) => {
          const status = await send(
            method,
            path,
            headersFor(who, {
              ...(type ? { 'content-type': type } : {}),
              'x-request-id': junk,
              referer: junk,
            }),
            body,
          );
          expect(status, `${method} ${path} as ${who}`).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('malformed cookies, tokens and origins never cause a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        route,
        headerValue,
        headerValue,
        headerValue,
        async ([method, path], cookie, authorization, origin) => {
          const status = await send(
            method,
            path,
            {
              cookie: `zamio_session=${cookie}; zamio_csrf=${cookie}`,
              authorization,
              origin,
              'x-csrf-token': cookie,
              'content-type': 'application/json',
            },
            '{}',
          );
          expect(status, `${method} ${path}`).toBeLessThan(500);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('random and malformed multipart parts never cause a 5xx', async () => {
    const uploadRoutes = ROUTES.filter(([, p]) => /audio|captures|playlogs|documents/.test(p));
    const part = fc.record({
      name: fc.oneof(fc.constantFrom('file', 'chunk_id', 'other'), fc.string({ maxLength: 20 })),
      filename: fc.option(fc.string({ maxLength: 40 })),
      content: fc.uint8Array({ maxLength: 6_000 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...uploadRoutes),
        caller,
        fc.array(part, { maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        async ([method, path], who, parts, brokenBoundary, truncate) => {
          const boundary = 'fuzzboundary';
          const chunks: Buffer[] = [];
          for (const p of parts) {
            const disposition = `form-data; name="${p.name.replace(/["\r\n]/g, '')}"${p.filename !== null ? `; filename="${p.filename.replace(/["\r\n]/g, '')}"` : ''}`;
            chunks.push(
              Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`),
              Buffer.from(p.content),
              Buffer.from('\r\n'),
            );
          }
          chunks.push(Buffer.from(`--${boundary}--\r\n`));
          let body = Buffer.concat(chunks);
          if (truncate) body = body.subarray(0, Math.floor(body.length / 2));
          const type = `multipart/form-data; boundary=${brokenBoundary ? 'other' : boundary}`;
          const status = await send(
            method,
            path,
            headersFor(who, { 'content-type': type }),
            new Uint8Array(body),
          );
          expect(status, `${method} ${path} as ${who}`).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is still healthy afterwards', async () => {
    expect((await stack.client().get('/api/version')).status).toBe(200);
    expect(stack.logs.lines().filter((l) => l.level === 'error' || l.level === 'fatal')).toEqual([]);
  });
});
