// What the load is made of: a signed-in artist and station (through the
// proxy, as browsers would), a capture device, the track its captures match,
// and the request mix of the scenarios — reads, a login, capture uploads,
// portal pages and the portal's /api, and a WebSocket held open.
import { request as httpRequest } from 'node:http';
import { encodeWavPcm16 } from '@zamio/fingerprint';
import { makeTrack, renderTrack } from '@zamio/fingerprint/testing';
import type { LoadMix, LoadRequest } from './load';

export const API_HOST = 'api.zamio.example';
export const PORTAL_HOST = 'artist.zamio.example';
export const ORIGIN = `https://${API_HOST}`;
const RATE = 22_050;
const PASSWORD = 'a long rehearsal password 123';

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

/** A browser stand-in through the proxy: Host routes it, cookies and CSRF kept. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(
    readonly proxyPort: number,
    readonly host = API_HOST,
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const send: Record<string, string> = { host: this.host, origin: ORIGIN, ...headers };
    if (this.cookie) send.cookie = this.cookie;
    if (this.csrf && method !== 'GET') send['x-csrf-token'] = this.csrf;
    let bytes: Buffer | undefined;
    if (body instanceof FormData || body instanceof Blob) {
      // Serialised as fetch would send it (boundary and all).
      const encoded = new Request('http://encode.invalid/', { method: 'POST', body });
      bytes = Buffer.from(await encoded.arrayBuffer());
      send['content-type'] ??= encoded.headers.get('content-type') ?? 'application/octet-stream';
    } else if (body !== undefined) {
      bytes = Buffer.from(JSON.stringify(body));
      send['content-type'] = 'application/json';
    }
    if (bytes) send['content-length'] = String(bytes.length);
    // Set-up and checks (never the measured load) wait out a moment with no
    // server in the proxy's rotation, as a person would reload.
    for (let attempt = 0; ; attempt++) {
      const answer = await this.send(method, path, send, bytes);
      if (
        attempt >= 30 ||
        ![404, 502, 503].includes(answer.status) ||
        !/no available server|Bad Gateway|Service Unavailable/.test(String(answer.body))
      )
        return answer;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }

  private async send(
    method: string,
    path: string,
    send: Record<string, string>,
    bytes: Buffer | undefined,
  ): Promise<Answer> {
    // node:http, not fetch: fetch does not let a caller set Host, which the proxy routes on.
    const {
      status,
      headers: answered,
      text,
    } = await new Promise<{
      status: number;
      headers: Headers;
      text: string;
    }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: this.proxyPort, method, path, headers: send, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const h = new Headers();
            for (const [name, value] of Object.entries(res.headers))
              for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
                h.append(name, v);
            resolve({ status: res.statusCode ?? 0, headers: h, text: Buffer.concat(chunks).toString() });
          });
          res.on('error', reject);
        },
      );
      req.setTimeout(60_000, () => req.destroy(new Error(`${method} ${path}: no answer in 60 s`)));
      req.on('error', reject);
      req.end(bytes);
    });
    const cookies = answered.getSetCookie();
    if (cookies.length) this.cookie = cookies.map((c) => c.split(';')[0]).join('; ');
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status, body: parsed, headers: answered };
  }

  async login(email: string): Promise<{ id: string }> {
    const answer = await this.request('POST', '/api/auth/login', { email, password: PASSWORD });
    if (answer.status !== 200)
      throw new Error(`login ${email}: ${answer.status} ${JSON.stringify(answer.body)}`);
    const session = answer.body as { csrfToken: string; user: { id: string } };
    this.csrf = session.csrfToken;
    return session.user;
  }

  async signup(email: string, role: 'artist' | 'station', displayName: string): Promise<void> {
    const answer = await this.request('POST', '/api/auth/signup', {
      email,
      password: PASSWORD,
      displayName,
      role,
    });
    if (answer.status !== 201)
      throw new Error(`signup ${email}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

/** The track the artist uploads, and clean slices of it as a station would capture them. */
export function rehearsalAudio(seed = 4242): { master: Buffer; slices: Buffer[]; sliceSeconds: number } {
  const song = makeTrack(seed, 60);
  const samples = renderTrack(song, RATE);
  const sliceSeconds = 8;
  const slices = [5, 14, 23, 32, 41, 50].map((from) =>
    Buffer.from(encodeWavPcm16([samples.subarray(from * RATE, (from + sliceSeconds) * RATE)], RATE)),
  );
  return { master: Buffer.from(encodeWavPcm16([samples], RATE)), slices, sliceSeconds };
}

/** multipart/form-data: text fields first, then the file part "file". */
export function multipart(
  fields: Record<string, string>,
  file: Buffer,
  filename: string,
): { body: Buffer; type: string } {
  const boundary = `----rehearsal${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${filename}"\r\ncontent-type: audio/wav\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

export interface TrafficContext {
  artist: Client;
  artistEmail: string;
  deviceToken: string;
  slices: Buffer[];
  sliceSeconds: number;
  /** Start of this run's capture timeline (ms); every capture gets its own slot. */
  timeline: number;
}

/** Chunk ids of the captures the bff accepted (202) during a load run. */
export type AcceptedCaptures = Set<string>;

/** Failed answers seen during a run: captures refused with 5xx, and 503s without Retry-After. */
export interface Refusals {
  captures: Set<string>;
  without503RetryAfter: number;
}

export function requestMix(
  ctx: TrafficContext,
  label: string,
  accepted: AcceptedCaptures,
  refusals: Refusals = { captures: new Set(), without503RetryAfter: 0 },
): LoadMix[] {
  const noteRefusal = (reason: string, headers?: Record<string, string | string[] | undefined>) => {
    if (reason === 'HTTP 503' && !headers?.['retry-after']) refusals.without503RetryAfter += 1;
  };
  const session = { cookie: ctx.artist.cookie, origin: ORIGIN };
  const get =
    (kind: string, host: string, path: string, headers: Record<string, string> = {}) =>
    (): LoadRequest => ({
      kind,
      method: 'GET',
      path,
      host,
      headers,
    });
  return [
    {
      weight: 100,
      build: get('read', API_HOST, '/api/artist/tracks?limit=20', session),
      onFailure: (reason, _request, headers) => noteRefusal(reason, headers),
    },
    { weight: 40, build: get('version', API_HOST, '/api/version') },
    { weight: 30, build: get('portal page', PORTAL_HOST, '/') },
    { weight: 20, build: get('portal /api', PORTAL_HOST, '/api/version', { 'x-forwarded-proto': 'https' }) },
    {
      weight: 1,
      build: () => ({
        kind: 'login',
        method: 'POST',
        path: '/api/auth/login',
        host: API_HOST,
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ email: ctx.artistEmail, password: PASSWORD }),
      }),
      onFailure: (reason, _request, headers) => noteRefusal(reason, headers),
    },
    {
      weight: 1,
      build: (n) => {
        const chunkId = `${label}-${n}`;
        const { body, type } = multipart(
          {
            chunk_id: chunkId,
            started_at: new Date(ctx.timeline + n * 60_000).toISOString(),
            duration: String(ctx.sliceSeconds),
          },
          ctx.slices[n % ctx.slices.length]!,
          `${chunkId}.wav`,
        );
        return {
          kind: 'capture',
          method: 'POST',
          path: '/api/station/captures',
          host: API_HOST,
          headers: { authorization: `Bearer ${ctx.deviceToken}`, 'content-type': type },
          body,
        };
      },
      onAnswer: (status, text) => {
        if (status === 202) accepted.add((JSON.parse(text) as { chunkId: string }).chunkId);
      },
      onFailure: (reason, request, headers) => {
        noteRefusal(reason, headers);
        const chunk = /name="chunk_id"\r\n\r\n([^\r]+)/.exec(String(request.body))?.[1];
        if (chunk && /^HTTP 5/.test(reason)) refusals.captures.add(chunk);
      },
    },
  ];
}
