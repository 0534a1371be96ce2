// Stream monitoring end to end, in embedded mode (one PGlite platform, the
// in-process queue and events shared by bff and worker, as `npm start` runs
// them): the demo artist's synthetic track is fingerprinted; a real local
// Icecast plays it (ffmpeg source, MP3); the demo station registers the
// stream through the API; the worker's scheduled checks record windows, match
// them and a play of that track appears for the station — and reaches the
// artist's open WebSocket.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO_PASSWORD } from '@zamio/accounts';
import { createInProcessAirplayEvents } from '@zamio/airplay';
import { bffConfigFrom, bffSchema, loadConfig, workerConfigFrom, workerSchema } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import { openPlatform } from '@zamio/platform';
import { startIcecast, type IcecastServer } from '@zamio/streams/testing';
import { captureLogs } from '@zamio/testing';
import { startBff } from '@zamio/bff/start';
import { startWorker } from '@zamio/worker/start';
import { createAirplayAudio, type AirplayAudio } from './support/airplay-audio';
import { ApiSession } from './support/api-session';

describe('stream monitoring: a stream on a real Icecast produces a play (embedded mode)', () => {
  let close: () => Promise<void>;
  let url: string;
  let icecast: IcecastServer;
  let audio: AirplayAudio;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zamio-stream-play-'));
    audio = await createAirplayAudio();
    icecast = await startIcecast();
    const env = {
      ZAMIO_ENV: 'test',
      LOG_PRETTY: 'false',
      HOST: '127.0.0.1',
      DATABASE_URL: `pglite:${join(dataDir, 'db')}`,
      REDIS_URL: 'memory:',
      UPLOAD_DIR: join(dataDir, 'uploads'),
      METRICS_PORT: '0',
      SHUTDOWN_DRAIN_DELAY: '0',
      SEED_DEMO_DATA: 'true',
      STREAM_WINDOW: '10s',
      STREAM_CHECK_INTERVAL: '20s',
      STREAM_ALLOW_PRIVATE_ADDRESSES: 'true',
    };
    const logger = createLogger({
      service: 'embedded',
      version: 'test',
      level: 'warn',
      pretty: false,
      destination: captureLogs().stream,
    });
    const bffConfig = bffConfigFrom({ ...loadConfig(bffSchema, env), PORT: 0 });
    const workerConfig = workerConfigFrom({ ...loadConfig(workerSchema, env), WORKER_HEALTH_PORT: 0 });
    const platform = await openPlatform(bffConfig, { service: 'embedded', logger, migrate: true });
    const airplayEvents = createInProcessAirplayEvents();
    const bff = await startBff(bffConfig, { logger, platform, airplayEvents });
    const worker = await startWorker(workerConfig, { logger, platform, airplayEvents });
    url = bff.url.replace('0.0.0.0', '127.0.0.1');
    close = async () => {
      await worker.lifecycle.shutdown('test done');
      await bff.lifecycle.shutdown('test done');
      await platform.close();
    };
  }, 120_000);

  afterAll(async () => {
    await close?.();
    await icecast?.stop();
    await audio?.remove();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('records, matches and merges stream windows into a play the artist sees live', async () => {
    const artist = new ApiSession(url);
    await artist.login('artist@demo.zamio.local', DEMO_PASSWORD);
    const created = await artist.request('POST', '/api/artist/tracks', { title: 'Stream Test Highlife' });
    expect(created.status).toBe(201);
    const trackId = (created.body as { id: string }).id;
    const form = new FormData();
    form.append('file', new Blob([audio.trackWav], { type: 'audio/wav' }), 'master.wav');
    expect((await artist.request('PUT', `/api/artist/tracks/${trackId}/audio`, form)).status).toBe(200);
    await expect
      .poll(async () => (await artist.get<{ status: string }>(`/api/artist/tracks/${trackId}`)).status, {
        timeout: 90_000,
        interval: 250,
      })
      .toBe('ready');

    // The artist's portal is open before the station goes on air.
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api/live`, {
      headers: { origin: url, cookie: artist.cookieHeader() },
    });
    const messages: { type: string; play?: { trackId: string; stationId: string } }[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });

    const master = join(dataDir, 'master.wav');
    await writeFile(master, audio.trackWav);
    await icecast.startSource({ mount: '/highlife.mp3', file: master, codec: 'mp3' });
    const station = new ApiSession(url);
    await station.login('station@demo.zamio.local', DEMO_PASSWORD);
    const registered = await station.request('POST', '/api/station/streams', {
      url: icecast.url('/highlife.mp3'),
      label: 'Main',
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);

    type Page<T> = { items: T[] };
    const plays = async () =>
      (
        await station.get<Page<{ trackId: string; stationId: string; durationSeconds: number }>>(
          '/api/station/plays?limit=50',
        )
      ).items.filter((p) => p.trackId === trackId);
    await expect
      .poll(async () => (await plays()).length, { timeout: 120_000, interval: 1_000 })
      .toBeGreaterThan(0);
    const captures = await station.get<Page<{ source: string; status: string }>>(
      '/api/station/captures?limit=50',
    );
    expect(captures.items.some((c) => c.source === 'stream' && c.status === 'matched')).toBe(true);
    const streams = await station.get<{ state: string }[]>('/api/station/streams');
    expect(streams[0]).toMatchObject({ state: 'up' });
    await expect
      .poll(() => messages.some((m) => m.type === 'play.changed' && m.play?.trackId === trackId), {
        timeout: 5_000,
      })
      .toBe(true);
    socket.close();
  }, 300_000);
});
