// Fuzzing every route with random and malformed JSON, headers, queries and
// multipart bodies (fast-check): the bff must answer every request with a
// non-5xx status and keep serving. Odd text on purpose: NUL and other control
// characters, lone surrogates, non-finite numbers (Infinity, 1e400), junk
// Idempotency-Keys. The route list is checked against what the bff registers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startSecureStack, type SecureStack } from './support/secure-stack';
import type { ApiClient } from './support/api-client';
import { playlogCsv, wavFile } from './support/audio-fixtures';

let stack: SecureStack;
let artist: ApiClient;
let station: ApiClient;
let admin: ApiClient;
let deviceToken: string;

const UUID = '00000000-0000-4000-8000-000000000000';
/** A resumable upload id (32 hex) and its route (HEAD is fuzzed with it, though HEADs are not listed). */
const TUS_ID = '0123456789abcdef0123456789abcdef';
const TUS_UPLOAD = '/api/artist/tracks/:id/audio/uploads/:uploadId';
/** Method, a concrete path, and its route template when the UUID stands for more than `:id`. */
const ROUTES: [method: string, path: string, template?: string][] = [
  ['GET', '/api/admin/audit'],
  ['GET', '/api/admin/cycles'],
  ['POST', '/api/admin/cycles'],
  ['GET', `/api/admin/cycles/${UUID}`],
  ['POST', `/api/admin/cycles/${UUID}/calculate`],
  ['POST', `/api/admin/cycles/${UUID}/lock`],
  ['GET', `/api/admin/cycles/${UUID}/recipients`],
  [
    'GET',
    `/api/admin/cycles/${UUID}/statements/artist/${UUID}`,
    '/api/admin/cycles/:id/statements/:kind/:accountId',
  ],
  ['GET', `/api/admin/cycles/${UUID}/usage`],
  ['GET', `/api/admin/cycles/${UUID}/usage.csv`],
  ['GET', '/api/admin/disputes'],
  ['POST', `/api/admin/disputes/${UUID}/resolve`],
  ['GET', '/api/admin/payouts'],
  ['POST', `/api/admin/payouts/${UUID}/approve`],
  ['POST', `/api/admin/payouts/${UUID}/paid`],
  ['POST', `/api/admin/payouts/${UUID}/reject`],
  ['GET', '/api/admin/rate-tables'],
  ['POST', '/api/admin/rate-tables'],
  ['GET', '/api/artist/disputes'],
  ['POST', '/api/artist/disputes'],
  ['GET', '/api/artist/earnings'],
  ['GET', '/api/artist/payouts'],
  ['POST', '/api/artist/payouts'],
  ['GET', '/api/artist/publisher-invitations'],
  ['POST', `/api/artist/publisher-invitations/${UUID}/accept`],
  ['POST', `/api/artist/publisher-invitations/${UUID}/decline`],
  ['POST', `/api/artist/publisher-invitations/${UUID}/end`],
  ['GET', `/api/artist/statements/${UUID}`],
  ['GET', '/api/publisher/catalog'],
  ['GET', '/api/publisher/disputes'],
  ['POST', '/api/publisher/disputes'],
  ['GET', '/api/publisher/earnings'],
  ['GET', '/api/publisher/payouts'],
  ['POST', '/api/publisher/payouts'],
  ['GET', '/api/publisher/plays'],
  ['GET', '/api/publisher/plays/summary'],
  ['GET', '/api/publisher/roster'],
  ['POST', '/api/publisher/roster'],
  ['POST', `/api/publisher/roster/${UUID}/end`],
  ['GET', `/api/publisher/statements/${UUID}`],

  ['POST', '/api/auth/signup'],
  ['POST', '/api/auth/login'],
  ['POST', '/api/auth/logout'],
  ['GET', '/api/auth/me'],
  ['POST', '/api/auth/password'],
  ['GET', '/api/admin/users'],
  ['POST', `/api/admin/users/${UUID}/approve`],
  ['POST', `/api/admin/users/${UUID}/reject`],
  ['POST', `/api/admin/users/${UUID}/disable`],
  ['GET', '/api/admin/stations'],
  ['GET', '/api/admin/system'],
  ['GET', '/api/artist/tracks'],
  ['POST', '/api/artist/tracks'],
  ['GET', `/api/artist/tracks/${UUID}`],
  ['PATCH', `/api/artist/tracks/${UUID}`],
  ['POST', `/api/artist/tracks/${UUID}/withdrawal`],
  ['PUT', `/api/artist/tracks/${UUID}/audio`],
  ['POST', `/api/artist/tracks/${UUID}/audio/uploads`],
  ['PATCH', `/api/artist/tracks/${UUID}/audio/uploads/${TUS_ID}`, TUS_UPLOAD],
  ['DELETE', `/api/artist/tracks/${UUID}/audio/uploads/${TUS_ID}`, TUS_UPLOAD],
  ['GET', `/api/artist/tracks/${UUID}/splits`],
  ['PUT', `/api/artist/tracks/${UUID}/splits`],
  ['GET', '/api/artist/plays'],
  ['GET', '/api/artist/plays/summary'],
  ['GET', '/api/station/detections'],
  ['POST', `/api/station/detections/${UUID}/confirm`],
  ['POST', `/api/station/detections/${UUID}/flag`],
  ['GET', '/api/station/plays'],
  ['GET', '/api/openapi.json'],
  ['GET', '/api/docs'],
  ['POST', '/api/station/devices'],
  ['GET', '/api/station/devices'],
  ['DELETE', `/api/station/devices/${UUID}`],
  ['GET', '/api/station/captures'],
  ['POST', '/api/station/captures'],
  ['POST', '/api/station/playlogs'],
  ['POST', '/api/account/documents'],
  ['GET', '/api/station/profile'],
  ['PUT', '/api/station/profile'],
  ['GET', '/api/station/streams'],
  ['POST', '/api/station/streams'],
  ['DELETE', `/api/station/streams/${UUID}`],
  ['GET', '/api/admin/streams'],
  ['GET', '/api/station/playlogs'],
  ['GET', `/api/station/playlogs/${UUID}`],
  ['GET', `/api/station/playlogs/${UUID}/reconciliation`],
  ['GET', '/api/live'],
  ['GET', `/api/artist/tracks/${UUID}/audio`],
  ['GET', `/api/station/captures/${UUID}/audio`],
  ['GET', '/api/version'],
  ['POST', '/api/system/heartbeat'],
  ['GET', '/api/system/heartbeats'],
  ['GET', '/api/health'],
  ['GET', '/api/readyz'],
  ['GET', '/api/livez'],
  ['GET', '/version'],
  ['GET', '/health'],
  ['GET', '/readyz'],
  ['GET', '/livez'],
];

/** Every route of the bff, read from Fastify's route tree (HEAD and OPTIONS aside). */
function registeredRoutes(tree: string): string[] {
  const found: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│├└─\s]*)(\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = Math.floor(match[1]!.length / 4);
    stack.length = depth;
    const path = `${stack.join('')}${match[2]}`;
    stack.push(match[2]!);
    for (const method of (match[3] ?? '').split(', ').filter(Boolean))
      if (method !== 'HEAD' && method !== 'OPTIONS') found.push(`${method} ${path}`);
  }
  // The API documentation UI's own static files (outside production) are not API routes.
  return found.filter((route) => !/ \/api\/docs(\/|\*)/.test(route)).sort();
}

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
/** Text that has broken servers before: control characters, surrogates, huge and non-finite numbers. */
const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    'tab\there',
    'line\nbreak',
    '\u001b[2J',
    '\u007f\u0085',
    '\ud800',
    '\uffff',
    'Infinity',
    '-Infinity',
    'NaN',
    '1e400',
    '-1e400',
    '9'.repeat(400),
    '0x10',
    '-0',
    '',
    ' ',
  ),
);
const oddNumber = fc.constantFrom(
  '1e400',
  '-1e400',
  '1e308',
  '-1',
  '0',
  '1.5',
  '4294967296',
  '9'.repeat(400),
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
        email: fc.oneof(fc.emailAddress(), fc.string(), oddText),
        password: fc.oneof(fc.string({ maxLength: 300 }), oddText),
        role: fc.oneof(fc.string(), fc.constantFrom('artist', 'station', 'admin', 'publisher')),
        displayName: fc.oneof(fc.string(), oddText),
        title: fc.oneof(fc.string(), oddText),
        isrc: fc.oneof(fc.string(), oddText),
        name: fc.oneof(fc.string(), oddText),
        newPassword: fc.oneof(fc.string(), oddText),
        currentPassword: fc.oneof(fc.string(), oddText),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  // Numbers JSON.parse turns into Infinity, in every field.
  fc
    .tuple(fc.constantFrom('title', 'name', 'displayName', 'limit', 'email'), oddNumber)
    .map(([field, number]) => `{"${field}":${number}}`),
  fc.string({ maxLength: 200 }),
);
const query = fc.oneof(
  fc.constant(''),
  fc
    .record(
      {
        limit: fc.oneof(oddNumber, oddText),
        offset: fc.oneof(oddNumber, oddText),
        role: oddText,
        status: oddText,
      },
      { requiredKeys: [] },
    )
    .map((params) => `?${new URLSearchParams(params as Record<string, string>).toString()}`),
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
        query,
        async ([method, path], who, body, type, junk, search) => {
          const status = await send(
            method,
            `${path}${search}`,
            headersFor(who, {
              ...(type ? { 'content-type': type } : {}),
              'x-request-id': junk,
              'idempotency-key': junk,
              referer: junk,
            }),
            body,
          );
          expect(status, `${method} ${path} as ${who}`).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('odd text in any field of an otherwise valid request never causes a 5xx', async () => {
    // A valid body per route, so the odd value gets past the other checks and as deep as it can.
    const valid: Record<
      string,
      [who: 'anonymous' | 'artist' | 'station' | 'admin', body: () => Record<string, unknown>]
    > = {
      '/api/auth/signup': [
        'anonymous',
        () => ({
          email: `odd-${Math.random().toString(36).slice(2)}@example.test`,
          password: 'long enough password',
          displayName: 'Odd',
          role: 'artist',
        }),
      ],
      '/api/auth/login': [
        'anonymous',
        () => ({ email: 'artist@demo.zamio.local', password: 'wrong password' }),
      ],
      '/api/auth/password': [
        'artist',
        () => ({ currentPassword: 'wrong password', newPassword: 'long enough password' }),
      ],
      '/api/artist/tracks': ['artist', () => ({ title: 'Odd song', isrc: 'GHA012400001' })],
      '/api/station/devices': ['station', () => ({ name: 'Odd device' })],
      '/api/admin/users': ['admin', () => ({})],
      [`/api/admin/users/${UUID}/reject`]: ['admin', () => ({ reason: 'Not a licensed broadcaster' })],
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(valid)),
        fc.dictionary(
          fc.constantFrom(
            'email',
            'password',
            'displayName',
            'role',
            'title',
            'isrc',
            'name',
            'currentPassword',
            'newPassword',
            'reason',
          ),
          fc.oneof(oddText, oddNumber.map(Number)),
          { minKeys: 1, maxKeys: 2 },
        ),
        query,
        async (path, odd, search) => {
          const [who, base] = valid[path]!;
          const body = base();
          // Only fields the route knows (unknown ones are a plain 400 and prove nothing).
          for (const [field, value] of Object.entries(odd)) if (field in body) body[field] = value;
          const method = path === '/api/admin/users' ? 'GET' : 'POST';
          const status = await send(
            method,
            `${path}${method === 'GET' ? search : ''}`,
            headersFor(who, { 'content-type': 'application/json' }),
            JSON.stringify(body),
          );
          expect(status, `${method} ${path}${search} as ${who}: ${JSON.stringify(body)}`).toBeLessThan(500);
        },
      ),
      // Each valid sign-in, sign-up and password change runs scrypt: fewer runs, more time.
      { numRuns: 100 },
    );
  }, 240_000);

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
      name: fc.oneof(fc.constantFrom('file', 'chunk_id', 'other', ''), fc.string({ maxLength: 20 })),
      filename: fc.option(fc.oneof(fc.string({ maxLength: 40 }), oddText)),
      type: fc.option(fc.constantFrom('audio/wav', 'text/csv', 'application/pdf', 'x/\u0000', '')),
      content: fc.oneof(
        fc.uint8Array({ maxLength: 6_000 }),
        oddText.map((text) => new TextEncoder().encode(text)),
      ),
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
            const partType = p.type !== null ? `Content-Type: ${p.type.replace(/[\r\n]/g, '')}\r\n` : '';
            chunks.push(
              Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${partType}\r\n`),
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
            headersFor(who, { 'content-type': type, 'idempotency-key': `fuzz-${Math.random()}` }),
            new Uint8Array(body),
          );
          expect(status, `${method} ${path} as ${who}`).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('valid uploads with odd names and fields never cause a 5xx', async () => {
    const track = (await artist.post('/api/artist/tracks', { title: 'Fuzz target' })).body as { id: string };
    const uploads: [
      method: string,
      path: string,
      who: 'artist' | 'station' | 'device',
      file: Buffer,
      type: string,
    ][] = [
      ['PUT', `/api/artist/tracks/${track.id}/audio`, 'artist', wavFile(1), 'audio/wav'],
      ['POST', '/api/station/captures', 'device', wavFile(1), 'audio/wav'],
      ['POST', '/api/station/playlogs', 'station', playlogCsv(), 'text/csv'],
      ['POST', '/api/account/documents', 'artist', Buffer.from('%PDF-1.4\n%odd\n'), 'application/pdf'],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...uploads),
        oddText,
        fc.option(oddText),
        fc.boolean(),
        async ([method, path, who, file, type], filename, chunkId, fieldAfterFile) => {
          const boundary = 'oddboundary';
          const field =
            chunkId === null
              ? []
              : [
                  Buffer.from(
                    `--${boundary}\r\nContent-Disposition: form-data; name="chunk_id"\r\n\r\n${chunkId}\r\n`,
                  ),
                ];
          const filePart = [
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename.replace(/["\r\n]/g, '')}"\r\nContent-Type: ${type}\r\n\r\n`,
            ),
            file,
            Buffer.from('\r\n'),
          ];
          const body = Buffer.concat([
            ...(fieldAfterFile ? filePart : field),
            ...(fieldAfterFile ? field : filePart),
            Buffer.from(`--${boundary}--\r\n`),
          ]);
          const status = await send(
            method,
            path,
            headersFor(who, { 'content-type': `multipart/form-data; boundary=${boundary}` }),
            new Uint8Array(body),
          );
          expect(
            status,
            `${method} ${path} as ${who}: ${JSON.stringify({ filename, chunkId })}`,
          ).toBeLessThan(500);
        },
      ),
      { numRuns: 80 },
    );
  }, 240_000);

  it('odd tus headers on a real resumable upload never cause a 5xx', async () => {
    // A session of its own: the fuzzing above may have signed the shared artist out.
    artist = await stack.account('artist', 'fz-tus');
    const trackId = (
      (await artist.post('/api/artist/tracks', { title: 'Fuzzed tus' })).body as { id: string }
    ).id;
    const created = await artist.request('POST', `/api/artist/tracks/${trackId}/audio/uploads`, {
      headers: { 'tus-resumable': '1.0.0', 'upload-length': '100000' },
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    const tusHeader = fc.oneof(headerValue, oddNumber, fc.constantFrom('0', '1.0.0', '0.2.2', '100000'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'HEAD', 'PATCH', 'DELETE'),
        fc.constantFrom('artist', 'station', 'anonymous'),
        fc.record(
          {
            'tus-resumable': tusHeader,
            'upload-offset': tusHeader,
            'upload-length': tusHeader,
            'upload-defer-length': tusHeader,
            'upload-metadata': fc.oneof(headerValue, fc.constantFrom('filename', 'filename !!!', 'a b,c')),
            'content-type': fc.constantFrom('application/offset+octet-stream', 'text/plain', ''),
          },
          { requiredKeys: [] },
        ),
        fc.uint8Array({ maxLength: 2_000 }),
        async (method, who, tus, bytes) => {
          const path = method === 'POST' ? `/api/artist/tracks/${trackId}/audio/uploads` : location;
          const headers = Object.fromEntries(Object.entries(tus).filter(([, value]) => value !== ''));
          const status = await send(method, path, headersFor(who, headers), bytes);
          expect(status, `${method} ${path} as ${who}: ${JSON.stringify(tus)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('covers every route the bff registers', () => {
    const listed = ROUTES.map(
      ([method, path, template]) => `${method} ${template ?? path.replaceAll(UUID, ':id')}`,
    ).sort();
    expect(listed).toEqual(registeredRoutes(stack.bff.app.printRoutes({ commonPrefix: false })));
  });

  it('is still healthy afterwards', async () => {
    expect((await stack.client().get('/api/version')).status).toBe(200);
    // Load shedding's 503s (a busy machine right after start-up) are not failures of the input handling.
    const shed = (l: Record<string, unknown>) =>
      (l.err as { code?: string } | undefined)?.code === 'FST_UNDER_PRESSURE';
    expect(
      stack.logs.lines().filter((l) => (l.level === 'error' || l.level === 'fatal') && !shed(l)),
    ).toEqual([]);
  });
});
