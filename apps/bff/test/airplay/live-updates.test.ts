// Live updates through two bff processes' worth of instances on one
// PostgreSQL and a Redis started here (on a spare port, so it can be
// restarted): real WebSocket clients with session cookies; events published
// on Redis the way the worker publishes them reach the station's and the
// track's artists' sockets on either instance and nobody else's; a foreign
// Origin or no session is refused before the upgrade; a Redis restart
// crashes nothing and live updates resume once it is back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO_PASSWORD } from '@zamio/accounts';
import { createRedisAirplayEvents, liveChannel, type AirplayEvents, type Play } from '@zamio/airplay';
import { bffConfigFrom, bffSchema, loadConfig } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import { createRedis } from '@zamio/queue';
import {
  captureLogs,
  createTestDatabase,
  startRedisServer,
  type RedisServer,
  type TestDatabase,
} from '@zamio/testing';
import { startBff, type RunningBff } from '../../src/start-bff';
import { ApiClient } from '../security/support/api-client';
import { TEST_PASSWORD } from '../security/support/secure-stack';

const PREFIX = `zamio-live-${process.pid}`;

let redis: RedisServer;
let database: TestDatabase;
let uploadDir: string;
const bffs: { bff: RunningBff; url: string }[] = [];
const logs = captureLogs();
let publisherRedis: ReturnType<typeof createRedis>;
let worker: AirplayEvents;

async function startInstance(): Promise<{ bff: RunningBff; url: string }> {
  const logger = createLogger({
    service: 'bff',
    version: 'test',
    level: 'info',
    pretty: false,
    destination: logs.stream,
  });
  const env = {
    ZAMIO_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_PRETTY: 'false',
    METRICS_PORT: '0',
    SHUTDOWN_DRAIN_DELAY: '0',
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: PREFIX,
    REDIS_COMMAND_TIMEOUT: '500ms',
    UPLOAD_DIR: uploadDir,
    SEED_DEMO_DATA: 'true',
    SESSION_SECRET: 'test-session-secret-0123456789-abcdefghijklmnop',
  };
  const bff = await startBff(bffConfigFrom({ ...loadConfig(bffSchema, env), PORT: 0 }), { logger });
  return { bff, url: bff.url.replace('0.0.0.0', '127.0.0.1') };
}

beforeAll(async () => {
  redis = await startRedisServer();
  database = await createTestDatabase();
  uploadDir = await mkdtemp(join(tmpdir(), 'zamio-live-'));
  // One after the other: the first migrates and seeds the demo admin.
  bffs.push(await startInstance());
  bffs.push(await startInstance());
  publisherRedis = createRedis(
    { url: redis.url, connectTimeoutMs: 500, commandTimeoutMs: 500 },
    'request-path',
  );
  publisherRedis.on('error', () => {});
  worker = createRedisAirplayEvents({
    redis: publisherRedis,
    channel: liveChannel(PREFIX),
    onError: () => {},
  });
}, 90_000);

afterAll(async () => {
  publisherRedis?.disconnect();
  for (const { bff } of bffs) await bff.lifecycle.shutdown('test done');
  await redis?.stop();
  await database?.drop();
  if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
});

/** Retries what load shedding refused (503 + Retry-After), as a client would. */
async function account(on: number, role: 'artist' | 'station', name: string): Promise<ApiClient> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await signUp(on, role, name);
    } catch (error) {
      if (attempt >= 6 || !/\b503\b/.test(String(error))) throw error;
      await sleep(1_000 * attempt);
    }
  }
}

async function signUp(on: number, role: 'artist' | 'station', name: string): Promise<ApiClient> {
  const { url } = bffs[on]!;
  const client = new ApiClient(url, url);
  const email = `${name}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const created = await client.post('/api/auth/signup', {
    email,
    password: TEST_PASSWORD,
    displayName: name,
    role,
  });
  if (created.status !== 201)
    throw new Error(`sign-up failed: ${created.status} ${JSON.stringify(created.body)}`);
  if (role === 'station') {
    const admin = new ApiClient(url, url);
    if ((await admin.login('admin@demo.zamio.local', DEMO_PASSWORD)).status !== 200)
      throw new Error('admin login failed');
    const approved = await admin.post(`/api/admin/users/${(created.body as { id: string }).id}/approve`, {});
    if (approved.status !== 200) throw new Error(`approval failed: ${approved.status}`);
  }
  const login = await client.login(email, TEST_PASSWORD);
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  return client;
}

interface LiveClient {
  socket: WebSocket;
  messages: { type: string; play?: { id: string }; detection?: { id: string } }[];
}

const cookieOf = (client: ApiClient) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

function connect(on: number, client: ApiClient | undefined, origin = bffs[on]!.url): Promise<LiveClient> {
  const socket = new WebSocket(`${bffs[on]!.url.replace('http', 'ws')}/api/live`, {
    headers: { origin, ...(client ? { cookie: cookieOf(client) } : {}) },
  });
  const live: LiveClient = { socket, messages: [] };
  socket.on('message', (data) => live.messages.push(JSON.parse(String(data))));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(live));
    socket.once('unexpected-response', (_request, response) =>
      reject(Object.assign(new Error(`HTTP ${response.statusCode}`), { status: response.statusCode })),
    );
    socket.once('error', reject);
  });
}

const openSockets = async () =>
  (
    await Promise.all(
      bffs.map(async ({ bff }) => (await bff.metrics.business.liveConnections.get()).values[0]?.value ?? 0),
    )
  ).reduce((a, b) => a + b, 0);

function play(id: string, stationId: string): Play {
  const at = new Date('2026-03-01T10:00:00Z');
  return {
    id,
    stationId,
    stationName: 'Live FM',
    trackId: '00000000-0000-4000-8000-0000000000aa',
    trackTitle: 'Adonai',
    artistId: '00000000-0000-4000-8000-0000000000bb',
    startedAt: at,
    endedAt: new Date(at.getTime() + 30_000),
    durationMs: 30_000,
    trackOffsetMs: 12_000,
    detectionCount: 3,
    confidence: 0.93,
    status: 'active',
    mergedIntoPlayId: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

const playIds = (live: LiveClient) =>
  live.messages.filter((m) => m.type === 'play.changed').map((m) => m.play!.id);

describe('live updates over WebSocket', () => {
  let station: ApiClient;
  let artist: ApiClient;
  let stranger: ApiClient;
  let stationId: string;
  let stationSocket: LiveClient;
  let artistSocket: LiveClient;
  let strangerSocket: LiveClient;

  beforeAll(async () => {
    // One at a time: scrypt sign-ups in parallel on a busy machine trip load shedding.
    station = await account(0, 'station', 'live-fm');
    artist = await account(1, 'artist', 'live-artist');
    stranger = await account(0, 'artist', 'stranger');
    const { rows } = await bffs[0]!.bff.db.query<{ id: string }>(
      'SELECT id FROM stations WHERE owner_user_id = $1',
      [station.userId],
    );
    stationId = rows[0]!.id;
    expect(stationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  afterAll(() => {
    for (const live of [stationSocket, artistSocket, strangerSocket]) live?.socket.close();
  });

  it('refuses a foreign Origin and a caller without a session before upgrading', async () => {
    await expect(connect(0, station, 'https://evil.example')).rejects.toMatchObject({ status: 403 });
    await expect(connect(1, undefined)).rejects.toMatchObject({ status: 401 });
  });

  it("pushes a play to the station's and the artist's sockets on either instance, and no one else's", async () => {
    [stationSocket, artistSocket, strangerSocket] = await Promise.all([
      connect(0, station),
      connect(1, artist),
      connect(0, stranger),
    ]);
    await expect.poll(openSockets, { timeout: 5_000 }).toBe(3);

    worker.playChanged({
      stationId,
      artistUserIds: [artist.userId!],
      change: 'created',
      play: play('00000000-0000-4000-8000-000000000001', stationId),
      detectionIds: ['00000000-0000-4000-8000-0000000000d1'],
    });
    await expect
      .poll(() => playIds(stationSocket), { timeout: 5_000 })
      .toEqual(['00000000-0000-4000-8000-000000000001']);
    await expect
      .poll(() => playIds(artistSocket), { timeout: 5_000 })
      .toEqual(['00000000-0000-4000-8000-000000000001']);
    expect(artistSocket.messages[0]).toMatchObject({
      type: 'play.changed',
      play: {
        stationId,
        startedAt: '2026-03-01T10:00:00.000Z',
        durationSeconds: 30,
        offsetSeconds: 12,
        detectionIds: ['00000000-0000-4000-8000-0000000000d1'],
      },
    });

    // Pub/sub keeps order on one channel: once the stranger has this one, it never had the first.
    worker.playChanged({
      stationId: '00000000-0000-4000-8000-0000000000ff',
      artistUserIds: [stranger.userId!],
      change: 'created',
      play: play('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-0000000000ff'),
      detectionIds: [],
    });
    await expect
      .poll(() => playIds(strangerSocket), { timeout: 5_000 })
      .toEqual(['00000000-0000-4000-8000-000000000002']);
    expect(playIds(stationSocket)).toEqual(['00000000-0000-4000-8000-000000000001']);
    expect(playIds(artistSocket)).toEqual(['00000000-0000-4000-8000-000000000001']);
  });

  it('survives a Redis restart: no crash, sockets stay open, updates resume', async () => {
    await redis.stop();
    await sleep(1_500);
    for (const { url } of bffs) expect((await fetch(`${url}/livez`)).status).toBe(200);
    // Requests still work while Redis is down (sessions live in PostgreSQL).
    expect((await station.get('/api/station/streams')).status).toBe(200);
    expect(stationSocket.socket.readyState).toBe(WebSocket.OPEN);

    await redis.start();
    // Until both instances have resubscribed, a publish may reach only one: keep publishing until both deliver.
    const id = (n: number) => `00000000-0000-4000-8000-${String(100 + n).padStart(12, '0')}`;
    let sent = 0;
    await expect
      .poll(
        () => {
          worker.playChanged({
            stationId,
            artistUserIds: [artist.userId!],
            change: 'updated',
            play: play(id(sent++), stationId),
            detectionIds: [],
          });
          const station = playIds(stationSocket).some((p) =>
            p.startsWith('00000000-0000-4000-8000-0000000001'),
          );
          const artistGot = playIds(artistSocket).some((p) =>
            p.startsWith('00000000-0000-4000-8000-0000000001'),
          );
          return station && artistGot;
        },
        { timeout: 20_000, interval: 250 },
      )
      .toBe(true);
    expect(artistSocket.socket.readyState).toBe(WebSocket.OPEN);
    expect(
      logs
        .lines()
        .some((line) => line.msg === 'live updates: redis disconnected; pushing resumes when it returns'),
    ).toBe(true);
  });

  it('tells open sockets "going away" (1001) when the bff shuts down, so clients reconnect', async () => {
    bffs.push(await startInstance());
    const on = bffs.length - 1;
    const live = await connect(on, artist);
    const closed = new Promise<number>((resolve) => live.socket.once('close', (code) => resolve(code)));
    await bffs[on]!.bff.lifecycle.shutdown('test: going away');
    expect(await closed).toBe(1001);
  });
});
