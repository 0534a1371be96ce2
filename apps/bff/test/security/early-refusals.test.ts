// Issue 14, finding 2: an over-size upload is refused at once — from its
// Content-Length before a byte is read, or the moment a chunked body crosses
// the cap — the connection is closed so the client stops sending, and nothing
// is left in storage. The answer must survive proxies: through the portals'
// dev proxy (Vite, the real artist portal config) a refused upload used to come
// back as 502 with an empty body (EPIPE) although the bff had answered 400.
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@zamio/testing';
import { wavFile } from './support/audio-fixtures';
import type { ApiClient } from './support/api-client';
import { startSecureStack, type SecureStack } from './support/secure-stack';
import { streamUpload, type StreamedUpload } from './support/stream-upload';

const MB = 1024 * 1024;
const CAP = 2 * MB;
const root = resolve(import.meta.dirname, '../../../..');

let stack: SecureStack;
let artist: ApiClient;
let trackId: string;
let vite: ViteDevServer;
let proxyUrl: string;

beforeAll(async () => {
  stack = await startSecureStack({
    UPLOAD_MAX_TRACK_AUDIO: String(CAP),
    RATE_LIMIT_UPLOAD_MAX: '1000',
  });
  artist = await stack.account('artist', 'early');
  trackId = ((await artist.post('/api/artist/tracks', { title: 'Early' })).body as { id: string }).id;

  // The artist portal's own dev server and /api proxy, as `npm start` and compose run it.
  const port = await freePort();
  process.env.INTERNAL_API_URL = stack.url;
  process.env.PORTAL_PORT = String(port);
  process.env.PORTAL_HOST = '127.0.0.1';
  vite = await createServer({
    configFile: resolve(root, 'apps/artist/vite.config.ts'),
    root: resolve(root, 'apps/artist'),
    logLevel: 'silent',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await vite.listen();
  proxyUrl = `http://127.0.0.1:${port}`;
}, 120_000);
afterAll(async () => {
  await vite?.close();
  await stack?.stop();
});

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(stack.uploadDir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

/** An upload to the artist's track through `base` (the bff itself or the portal's proxy). */
const upload = (base: string, options: Partial<StreamedUpload>) =>
  streamUpload({
    url: `${base}/api/artist/tracks/${trackId}/audio`,
    method: 'PUT',
    headers: {
      origin: base,
      cookie: [...artist.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': artist.csrfToken!,
    },
    head: wavFile(0.01).subarray(0, 44),
    bodyBytes: 1_000,
    filename: 'song.wav',
    ...options,
  });

const json = (body: string) => JSON.parse(body) as { statusCode: number; message: string };

for (const via of ['the bff', 'the dev proxy'] as const) {
  describe(`early refusals through ${via}`, () => {
    const base = () => (via === 'the bff' ? stack.url : proxyUrl);

    it('refuses a declared 300 MB body with 413 before reading it, and closes the connection', async () => {
      const before = await storedFiles();
      const started = Date.now();
      const result = await upload(base(), { bodyBytes: 300 * MB, declareLength: true });
      expect(result.status).toBe(413);
      expect(json(result.body)).toMatchObject({
        statusCode: 413,
        message: expect.stringMatching(/exceeds the limit of 2097152 bytes/),
      });
      // Answered long before the body could have been read (nowhere near 300 MB sent).
      expect(result.bytesSentAtResponse).toBeLessThan(40 * MB);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(result.headers.connection).toBe('close');
      expect(result.connectionClosed).toBe(true);
      expect(await storedFiles()).toEqual(before);
    });

    it('refuses a chunked body with 413 as soon as it crosses the cap, leaving no part file', async () => {
      const before = await storedFiles();
      const result = await upload(base(), { bodyBytes: 300 * MB });
      expect(result.status).toBe(413);
      expect(json(result.body).message).toMatch(/exceeds the limit/);
      expect(result.bytesSentAtResponse).toBeLessThan(CAP + 40 * MB);
      expect(result.headers.connection).toBe('close');
      expect(result.connectionClosed).toBe(true);
      expect(await storedFiles()).toEqual(before);
    });

    it('answers a wrongly named part with its 400, not a 502 with an empty body', async () => {
      const before = await storedFiles();
      for (const bodyBytes of [100, 5 * MB]) {
        const result = await upload(base(), { fieldName: 'audio', bodyBytes, declareLength: true });
        expect(result.status, result.body).toBe(bodyBytes > CAP ? 413 : 400);
        const chunked = await upload(base(), { fieldName: 'audio', bodyBytes });
        expect(chunked.status, chunked.body).toBe(400);
        expect(json(chunked.body).message).toBe('the file part must be named "file", not "audio"');
      }
      expect(await storedFiles()).toEqual(before);
    });

    it('still accepts a valid upload afterwards, on a fresh connection', async () => {
      const before = await storedFiles();
      const wav = wavFile(1);
      const result = await upload(base(), { head: wav, bodyBytes: 0, declareLength: true });
      expect(result.status, result.body).toBe(200);
      if (via === 'the bff') expect(result.connectionClosed).toBe(false); // keep-alive as usual
      expect(await storedFiles()).toHaveLength(before.length + 1);
    });
  });
}
