// Against a real Icecast (Debian's icecast2 on 127.0.0.1) fed by ffmpeg with synthesised tones:
// a 10 s window of each mount is recorded, decoded by libs/audio, and must be that mount's tone.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeAudio } from '@zamio/audio';
import { freePort } from '@zamio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordStream, type RecordStreamOptions } from '../src/index.ts';
import { startIcecast, type IcecastServer } from '../src/testing/icecast-server.ts';
import { recordingFailure } from './stream-failure.ts';
import { dominantFrequency, rms } from './tone-analysis.ts';

const MOUNTS = [
  {
    mount: '/tone.mp3',
    hz: 1_000,
    codec: 'mp3',
    name: 'ZamIO Test FM',
    format: 'mp3',
    contentType: 'audio/mpeg',
    rate: 44_100,
  },
  {
    mount: '/tone.ogg',
    hz: 660,
    codec: 'vorbis',
    format: 'ogg-vorbis',
    contentType: 'application/ogg',
    rate: 44_100,
  },
  { mount: '/tone.opus', hz: 440, codec: 'opus', format: 'ogg-opus', contentType: 'audio/ogg', rate: 48_000 },
] as const;
const TITLE = "Kwame Test - Don't Stop";
const LOCAL: Partial<RecordStreamOptions> = { allowPrivateAddresses: true };

let icecast: IcecastServer;

beforeAll(async () => {
  icecast = await startIcecast();
  await Promise.all(MOUNTS.map((m) => icecast.startSource(m)));
  await icecast.setTitle('/tone.mp3', TITLE);
});
afterAll(() => icecast?.stop());

const failure = recordingFailure;

describe('recording from Icecast', () => {
  it(
    'records 10 s of MP3, Ogg Vorbis and Ogg Opus mounts, each decoding to the tone sent',
    { timeout: 45_000 },
    async () => {
      const recordings = await Promise.all(
        MOUNTS.map((m) => recordStream(icecast.url(m.mount), { ...LOCAL, seconds: 10 })),
      );
      for (const [i, recording] of recordings.entries()) {
        const mount = MOUNTS[i]!;
        expect(recording).toMatchObject({
          contentType: mount.contentType,
          format: mount.format,
          sampleRate: mount.rate,
          channels: 2,
          url: icecast.url(mount.mount),
        });
        // Whole Ogg pages carry about a second each, MP3 frames 26 ms: the window ends just past 10 s.
        expect(recording.durationSeconds).toBeGreaterThanOrEqual(10);
        expect(recording.durationSeconds).toBeLessThan(12);
        expect(recording.timings.responseMs).toBeLessThan(recording.timings.totalMs);
        expect(recording.timings.totalMs).toBeLessThan(30_000);

        const decoded = await decodeAudio(recording.bytes, {
          format: recording.format!,
          partial: true,
          sampleRate: 8_000,
        });
        expect(decoded.source.durationSeconds).toBeCloseTo(recording.durationSeconds, 1);
        expect(rms(decoded.samples)).toBeGreaterThan(0.05);
        expect(dominantFrequency(decoded.samples.subarray(8_000, 24_000), 8_000)).toBe(mount.hz);
      }
      expect(recordings[0]!.icy).toMatchObject({ name: 'ZamIO Test FM', genre: 'Test', title: TITLE });
    },
  );

  it('without ICY metadata the audio is the same and no title comes with it', async () => {
    const recording = await recordStream(icecast.url('/tone.mp3'), {
      ...LOCAL,
      seconds: 2,
      icyMetadata: false,
    });
    expect(recording.icy.title).toBeUndefined();
    const decoded = await decodeAudio(recording.bytes, { format: 'mp3', partial: true, sampleRate: 8_000 });
    expect(dominantFrequency(decoded.samples, 8_000)).toBe(1_000);
  });

  it('follows a redirect to the mount and reports the final URL', async () => {
    const redirector = await listen((_req, res) =>
      res.writeHead(302, { location: icecast.url('/tone.ogg') }).end(),
    );
    try {
      const recording = await recordStream(`${redirector.url}/listen`, { ...LOCAL, seconds: 1 });
      expect(recording.url).toBe(icecast.url('/tone.ogg'));
      expect(recording.codec).toBe('vorbis');
    } finally {
      redirector.server.close();
    }
  });

  it(
    'reports a mount that ended mid-window as ended early, with what it got',
    { timeout: 30_000 },
    async () => {
      const source = await icecast.startSource({ mount: '/ending.mp3', hz: 500, codec: 'mp3' });
      setTimeout(() => source.kill('SIGTERM'), 1_500);
      const error = await failure(icecast.url('/ending.mp3'), { ...LOCAL, seconds: 20 });
      expect(error.reason).toBe('ended-early');
      expect(error.message).toMatch(/the stream ended after \d+\.\d of 20 s/);
      expect(error.recordedSeconds).toBeGreaterThan(1);
    },
  );
});

describe('failed checks', () => {
  it('an unknown mount is an HTTP 404', async () => {
    const error = await failure(icecast.url('/no-such-mount.mp3'), { ...LOCAL, seconds: 5 });
    expect(error).toMatchObject({ reason: 'http-status', status: 404 });
    expect(error.message).toMatch(/answered HTTP 404/);
  });

  it('a server that is down is unreachable', async () => {
    const port = await freePort();
    const error = await failure(`http://127.0.0.1:${port}/live.mp3`, { ...LOCAL, seconds: 5 });
    expect(error.reason).toBe('unreachable');
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('by default, loopback and private addresses are refused (literal or by name)', async () => {
    for (const url of [
      icecast.url('/tone.mp3'),
      `http://localhost:${icecast.port}/tone.mp3`,
      'http://10.1.2.3/x',
    ]) {
      const error = await failure(url, { seconds: 5 });
      expect(error.reason).toBe('forbidden-address');
      expect(error.message).toMatch(/not a public address/);
    }
  });

  it('more bytes than allowed before the window is full', async () => {
    const error = await failure(icecast.url('/tone.mp3'), { ...LOCAL, seconds: 10, maxBytes: 20_000 });
    expect(error.reason).toBe('too-large');
    expect(error.recordedSeconds).toBeLessThan(10);
  });

  it('an abort from the caller is reported as aborted, not as a failure of the stream', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const error = await failure(icecast.url('/tone.ogg'), {
      ...LOCAL,
      seconds: 10,
      signal: controller.signal,
    });
    expect(error.reason).toBe('aborted');
  });
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
