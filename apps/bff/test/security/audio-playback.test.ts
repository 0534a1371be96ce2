// Playing stored audio back, on both storage adapters: an artist's track and a
// station's capture, whole or by byte range (206, Content-Range, 416 past the
// end), authorized like the rest of the API — owner only, 404 for others' ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3TestServer, type S3TestServer } from '@zamio/uploads/testing';
import { form, wavFile } from './support/audio-fixtures';
import type { ApiClient } from './support/api-client';
import { startSecureStack, type SecureStack } from './support/secure-stack';

let s3: S3TestServer;
beforeAll(async () => {
  s3 = await startS3TestServer(['zamio-audio']);
});
afterAll(async () => s3?.stop());

const s3Env = () => ({
  STORAGE_KIND: 's3',
  STORAGE_S3_ENDPOINT: s3.endpoint,
  STORAGE_S3_REGION: 'us-east-1',
  STORAGE_S3_BUCKET: 'zamio-audio',
  STORAGE_S3_FORCE_PATH_STYLE: 'true',
  STORAGE_S3_ACCESS_KEY_ID: 'zamio-test',
  STORAGE_S3_SECRET_ACCESS_KEY: 'zamio-test-secret',
});

/** GET with the client's session (cookies), returning the raw bytes. */
async function fetchAudio(client: ApiClient, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${client.baseUrl}${path}`, {
    headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...headers },
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

describe.each([
  ['a directory', () => ({})],
  ['an S3 bucket', s3Env],
])('audio playback from %s', (_name, env) => {
  let stack: SecureStack;
  let artist: ApiClient;
  let station: ApiClient;
  let trackId: string;
  let captureId: string;
  const wav = wavFile(2);
  const capture = wavFile(6); // captures are 5–30 s

  beforeAll(async () => {
    stack = await startSecureStack({ ...env(), RATE_LIMIT_UPLOAD_MAX: '1000' });
    [artist, station] = await Promise.all([
      stack.account('artist', 'play'),
      stack.account('station', 'play'),
    ]);
    trackId = ((await artist.post('/api/artist/tracks', { title: 'Played' })).body as { id: string }).id;
    expect(
      (await artist.upload('PUT', `/api/artist/tracks/${trackId}/audio`, form(wav, 't.wav'))).status,
    ).toBe(200);
    const device = (await station.post('/api/station/devices', { name: 'desk' })).body as { token: string };
    const sent = await stack
      .client()
      .upload('POST', '/api/station/captures', form(capture, 'c.wav', { chunk_id: 'play-1' }), {
        authorization: `Bearer ${device.token}`,
      });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202); // accepted: matching runs in the worker
    captureId = (sent.body as { id: string }).id;
  });
  afterAll(async () => stack?.stop());

  const track = () => `/api/artist/tracks/${trackId}/audio`;

  it('serves the whole track to its artist with its type, length and validators', async () => {
    const whole = await fetchAudio(artist, track());
    expect(whole.status).toBe(200);
    expect(whole.bytes.equals(wav)).toBe(true);
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect(whole.headers.get('content-length')).toBe(String(wav.length));
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
    expect(whole.headers.get('cache-control')).toBe('private, max-age=300');
  });

  it('serves byte ranges with 206 and Content-Range: closed, open-ended and suffix', async () => {
    const first = await fetchAudio(artist, track(), { range: 'bytes=0-99' });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-99/${wav.length}`);
    expect(first.headers.get('content-length')).toBe('100');
    expect(first.bytes.equals(wav.subarray(0, 100))).toBe(true);

    const rest = await fetchAudio(artist, track(), { range: 'bytes=30000-' });
    expect(rest.headers.get('content-range')).toBe(`bytes 30000-${wav.length - 1}/${wav.length}`);
    expect(rest.bytes.equals(wav.subarray(30_000))).toBe(true);

    const tail = await fetchAudio(artist, track(), { range: 'bytes=-50' });
    expect(tail.status).toBe(206);
    expect(tail.bytes.equals(wav.subarray(-50))).toBe(true);

    const clipped = await fetchAudio(artist, track(), {
      range: `bytes=${wav.length - 10}-${wav.length + 500}`,
    });
    expect(clipped.headers.get('content-range')).toBe(
      `bytes ${wav.length - 10}-${wav.length - 1}/${wav.length}`,
    );
  });

  it('answers 416 with the size for a range past the end; ignores ranges it cannot serve', async () => {
    const past = await fetchAudio(artist, track(), { range: `bytes=${wav.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${wav.length}`);
    expect(JSON.parse(past.bytes.toString())).toMatchObject({ statusCode: 416 });

    const several = await fetchAudio(artist, track(), { range: 'bytes=0-1,5-6' });
    expect(several.status).toBe(200);
    expect(several.bytes.length).toBe(wav.length);

    const otherVersion = await fetchAudio(artist, track(), { range: 'bytes=0-9', 'if-range': '"stale"' });
    expect(otherVersion.status).toBe(200);
    const etag = otherVersion.headers.get('etag')!;
    const sameVersion = await fetchAudio(artist, track(), { range: 'bytes=0-9', 'if-range': etag });
    expect(sameVersion.status).toBe(206);
  });

  it('plays a capture to its own station, by range too', async () => {
    const path = `/api/station/captures/${captureId}/audio`;
    const whole = await fetchAudio(station, path);
    expect(whole.status).toBe(200);
    expect(whole.bytes.equals(capture)).toBe(true);
    const part = await fetchAudio(station, path, { range: 'bytes=44-1043' });
    expect(part.status).toBe(206);
    expect(part.bytes.equals(capture.subarray(44, 1_044))).toBe(true);
  });

  it('is 404 for anyone else’s ids and for missing audio, 401/403 for the wrong caller', async () => {
    const otherArtist = await stack.account('artist', 'nosy');
    const otherStation = await stack.account('station', 'nosy');
    expect((await fetchAudio(otherArtist, track())).status).toBe(404);
    expect((await fetchAudio(otherStation, `/api/station/captures/${captureId}/audio`)).status).toBe(404);
    const silent = ((await artist.post('/api/artist/tracks', { title: 'Silent' })).body as { id: string }).id;
    const missing = await fetchAudio(artist, `/api/artist/tracks/${silent}/audio`);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.bytes.toString()).message).toBe('this track has no audio yet');
    expect((await fetchAudio(artist, `/api/artist/tracks/${crypto.randomUUID()}/audio`)).status).toBe(404);
    expect((await fetchAudio(artist, '/api/artist/tracks/not-an-id/audio')).status).toBe(400);
    expect((await fetchAudio(station, track())).status).toBe(403);
    expect((await fetchAudio(artist, `/api/station/captures/${captureId}/audio`)).status).toBe(403);
    expect((await fetch(`${stack.url}${track()}`)).status).toBe(401);
  });

  it('counts the bytes it streamed on /metrics', async () => {
    const text = await stack.bff.metrics.registry.metrics();
    const read = text
      .split('\n')
      .filter((line) => /^zamio_storage_bytes_total\{[^}]*direction="read"/.test(line))
      .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
    expect(read).toBeGreaterThan(2 * wav.length);
  });
});
