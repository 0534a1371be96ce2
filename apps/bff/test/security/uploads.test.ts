// Uploads: streamed, capped per kind while streaming (413, nothing left on
// disk), typed by magic bytes (415), audio probed (422), stored under random
// names with a checksum, in bounded memory.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecureStack, type SecureStack } from './support/secure-stack';
import { form, playlogCsv, truncatedWav, wavFile, windowsExecutable } from './support/audio-fixtures';
import { streamUpload } from './support/stream-upload';
import type { ApiClient } from './support/api-client';

let stack: SecureStack;
let artist: ApiClient;
let station: ApiClient;
let trackId: string;

const MB = 1024 * 1024;

beforeAll(async () => {
  stack = await startSecureStack({
    UPLOAD_MAX_TRACK_AUDIO: String(450 * MB),
    UPLOAD_MAX_CAPTURE_AUDIO: String(MB),
    UPLOAD_MAX_PLAYLOG_CSV: String(64 * 1024),
    RATE_LIMIT_UPLOAD_MAX: '1000',
  });
  [artist, station] = await Promise.all([stack.account('artist', 'up'), stack.account('station', 'up')]);
  trackId = ((await artist.post('/api/artist/tracks', { title: 'Uploaded' })).body as { id: string }).id;
});
afterAll(async () => stack?.stop());

async function filesOnDisk(): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(stack.uploadDir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) found.push(join(entry.parentPath, entry.name));
  return found;
}

const uploadTrack = (body: FormData) => artist.upload('PUT', `/api/artist/tracks/${trackId}/audio`, body);

describe('uploads', () => {
  it('accepts a valid WAV: random name outside the request, sha256 and probed duration recorded', async () => {
    const wav = wavFile(2);
    const response = await uploadTrack(form(wav, '../../etc/passwd.wav'));
    expect(response.status).toBe(200);
    const audio = (
      response.body as {
        audio: {
          sha256: string;
          durationMs: number;
          sampleRate: number;
          mimeType: string;
          sizeBytes: number;
        };
      }
    ).audio;
    expect(audio).toMatchObject({
      mimeType: 'audio/wav',
      durationMs: 2000,
      sampleRate: 8000,
      sizeBytes: wav.length,
    });
    expect(audio.sha256).toBe(createHash('sha256').update(wav).digest('hex'));
    const files = await filesOnDisk();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/track-audio\/[0-9a-f]{32}\.wav$/);
    expect(await readFile(files[0]!)).toEqual(wav);
  });

  it('refuses an .exe renamed .mp3 with 415, whatever the client claims', async () => {
    const before = await filesOnDisk();
    const response = await uploadTrack(form(windowsExecutable(), 'song.mp3', {}, 'audio/mpeg'));
    expect(response.status).toBe(415);
    expect(await filesOnDisk()).toEqual(before);
  });

  it('refuses a truncated WAV with 422 and keeps nothing', async () => {
    const before = await filesOnDisk();
    const response = await uploadTrack(form(truncatedWav(), 'cut.wav'));
    expect(response.status).toBe(422);
    expect(await filesOnDisk()).toEqual(before);
  });

  it('refuses an upload 50 MB over the cap with 413, leaving no partial file', async () => {
    const before = await filesOnDisk();
    const header = wavFile(0.01).subarray(0, 44);
    const started = Date.now();
    const result = await streamUpload({
      url: `${stack.url}/api/artist/tracks/${trackId}/audio`,
      method: 'PUT',
      headers: {
        origin: stack.url,
        cookie: [...artist.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': artist.csrfToken!,
      },
      head: header,
      bodyBytes: 500 * MB,
      filename: 'huge.wav',
    });
    expect(result.status).toBe(413);
    // Refused by the streaming counter the moment the cap was crossed (Node then discards the rest).
    const refusal = stack.logs
      .lines()
      .find((l) => l.msg === 'request rejected' && /exceeds the limit/.test(JSON.stringify(l.err)));
    expect(refusal).toBeDefined();
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await filesOnDisk()).toEqual(before);
    expect((await filesOnDisk()).some((f) => f.endsWith('.part'))).toBe(false);
  });

  it('streams a large valid upload in bounded memory', async () => {
    // 7 h of 8 kHz mono PCM ≈ 400 MB: far above V8's slack for uncollected
    // buffers (tens of MB under load), so holding the file would show plainly.
    const seconds = 7 * 60 * 60;
    const wav = wavFile(0.001);
    const dataBytes = seconds * 8000 * 2;
    const header = Buffer.from(wav.subarray(0, 44));
    header.writeUInt32LE(36 + dataBytes, 4);
    header.writeUInt32LE(dataBytes, 40);
    global.gc?.();
    const baseline = process.memoryUsage();
    let peak = 0;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peak = Math.max(peak, now.heapUsed + now.arrayBuffers - baseline.heapUsed - baseline.arrayBuffers);
    }, 20);
    const result = await streamUpload({
      url: `${stack.url}/api/artist/tracks/${trackId}/audio`,
      method: 'PUT',
      headers: {
        origin: stack.url,
        cookie: [...artist.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': artist.csrfToken!,
      },
      head: header,
      bodyBytes: dataBytes,
      filename: 'long.wav',
    });
    clearInterval(sampler);
    expect(result.status, result.body).toBe(200);
    expect(JSON.parse(result.body).audio.durationMs).toBe(seconds * 1000);
    // Client and server share this process: both stream, so far less than the file is ever held.
    expect(peak).toBeLessThan(dataBytes / 3);
  });

  it('caps each kind separately: a 2 MB capture is refused with 413', async () => {
    const issued = (await station.post('/api/station/devices', { name: 'cap' })).body as { token: string };
    const big = wavFile(2 * 60, 8000); // ~1.9 MB
    const response = await stack
      .client()
      .upload('POST', '/api/station/captures', form(big, 'c.wav', { chunk_id: 'big' }), {
        authorization: `Bearer ${issued.token}`,
      });
    expect(response.status).toBe(413);
    const ok = await stack
      .client()
      .upload('POST', '/api/station/captures', form(wavFile(10), 'c.wav', { chunk_id: 'ok-1' }), {
        authorization: `Bearer ${issued.token}`,
      });
    expect(ok.status).toBe(202);
    // Same chunk again: idempotent, answered with the first capture, no second file.
    const files = (await filesOnDisk()).length;
    const again = await stack
      .client()
      .upload('POST', '/api/station/captures', form(wavFile(10), 'c.wav', { chunk_id: 'ok-1' }), {
        authorization: `Bearer ${issued.token}`,
      });
    expect(again.status).toBe(200);
    expect((again.body as { id: string }).id).toBe((ok.body as { id: string }).id);
    expect((await filesOnDisk()).length).toBe(files);
  });

  it('limits files and fields per kind, and refuses non-multipart bodies', async () => {
    const two = form(wavFile(1), 'a.wav');
    two.append('file', new Blob([new Uint8Array(wavFile(1))]), 'b.wav');
    expect((await uploadTrack(two)).status).toBe(413);
    const extraField = form(wavFile(1), 'a.wav', { surprise: 'x' });
    expect((await uploadTrack(extraField)).status).toBe(400);
    expect(
      (await artist.request('PUT', `/api/artist/tracks/${trackId}/audio`, { body: { file: 'x' } })).status,
    ).toBe(415);
  });

  it('accepts a playlog CSV as text and refuses binary or oversize CSVs', async () => {
    const ok = await station.upload(
      'POST',
      '/api/station/playlogs',
      form(playlogCsv(), 'log.csv', {}, 'text/csv'),
    );
    expect(ok.status).toBe(201);
    expect((ok.body as { mimeType: string }).mimeType).toBe('text/csv');
    expect(
      (
        await station.upload(
          'POST',
          '/api/station/playlogs',
          form(windowsExecutable(), 'log.csv', {}, 'text/csv'),
        )
      ).status,
    ).toBe(415);
    const large = Buffer.from('a,b,c\n'.repeat(20_000));
    expect(
      (await station.upload('POST', '/api/station/playlogs', form(large, 'log.csv', {}, 'text/csv'))).status,
    ).toBe(413);
  });
});
