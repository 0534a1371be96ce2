// Stream monitoring against a real Icecast (Debian's icecast2 on 127.0.0.1)
// fed by ffmpeg, on the real PostgreSQL: registering checks the URL and its
// addresses; a scheduled tick queues one window per due stream; a window is
// stored as a `stream` capture with its audio and queues the match job; a
// stream that keeps failing goes down and comes back up with one good window.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, migrate, type Database } from '@zamio/db';
import { createInProcessQueue, type InProcessQueue, type JobData } from '@zamio/queue';
import { startIcecast, type IcecastServer } from '@zamio/streams/testing';
import { createTestDatabase, type TestDatabase } from '@zamio/testing';
import { createFilesystemStorage, type ObjectStorage } from '@zamio/uploads';
import {
  capturesRepository,
  createStreamMonitor,
  createStreamService,
  displayStreamUrl,
  streamsRepository,
  type StreamCheckOutcome,
  type StreamMonitor,
} from '../src';
import { stationAccount } from './support';

let server: TestDatabase;
let db: Database;
let icecast: IcecastServer;
let storageDir: string;
let storage: ObjectStorage;
let queue: InProcessQueue;
let monitor: StreamMonitor;
const matchJobs: JobData<'airplay.match-capture'>[] = [];
const outcomes: StreamCheckOutcome[] = [];

beforeAll(async () => {
  server = await createTestDatabase();
  db = createPostgresDatabase({
    url: server.url,
    poolMax: 4,
    idleTimeoutMs: 1_000,
    connectTimeoutMs: 5_000,
    acquireTimeoutMs: 5_000,
    statementTimeoutMs: 30_000,
    applicationName: 'stream-monitor-test',
  });
  await migrate(db, { statementTimeoutMs: 60_000 });
  icecast = await startIcecast();
  await Promise.all([
    icecast.startSource({ mount: '/live.mp3', hz: 440, codec: 'mp3', name: 'Test FM' }),
    icecast.startSource({ mount: '/live.ogg', hz: 660, codec: 'vorbis' }),
  ]);
  storageDir = await mkdtemp(join(tmpdir(), 'zamio-stream-windows-'));
  storage = createFilesystemStorage({
    kind: 'filesystem',
    directory: storageDir,
    timeouts: { probeMs: 2_000 },
  });
  queue = createInProcessQueue();
  monitor = createStreamMonitor({
    db,
    jobs: queue,
    storage,
    settings: { windowMs: 3_000, intervalMs: 60_000, downAfterFailures: 3, allowPrivateAddresses: true },
  });
  queue.consume({
    'streams.queue-due-checks': async (data) => void (await monitor.queueDueChecks(data.requestId)),
    'stream.record-window': async (data) =>
      void outcomes.push(await monitor.recordWindow(data.streamId, data.requestId)),
    'airplay.match-capture': async (data) => void matchJobs.push(data),
  });
});

afterAll(async () => {
  await queue?.close();
  await icecast?.stop();
  await db?.close();
  await server?.drop();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

describe('registering stream URLs', () => {
  it('refuses what is not an http(s) URL, naming the field', async () => {
    const { stationId } = await stationAccount(db, 'reg');
    const streams = createStreamService({ db, allowPrivateAddresses: false });
    await expect(
      streams.registerStream(stationId, { url: 'ftp://radio.example/live' }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/"url".*http/),
    });
    await expect(streams.registerStream(stationId, { url: 'not a url' })).rejects.toMatchObject({
      kind: 'invalid',
    });
  });

  it('refuses private and loopback hosts unless allowed (SSRF guard)', async () => {
    const { stationId } = await stationAccount(db, 'ssrf');
    const guarded = createStreamService({ db, allowPrivateAddresses: false });
    for (const url of [
      icecast.url('/live.mp3'),
      'http://localhost:8000/live',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/x',
      'http://10.1.2.3/stream',
    ]) {
      await expect(guarded.registerStream(stationId, { url })).rejects.toMatchObject({
        kind: 'invalid',
        message: expect.stringMatching(/not a public address/),
      });
    }
    expect(await guarded.listStreams(stationId)).toEqual([]);
    const allowed = createStreamService({ db, allowPrivateAddresses: true });
    const stream = await allowed.registerStream(stationId, {
      url: icecast.url('/live.mp3'),
      label: ' Main ',
    });
    expect(stream).toMatchObject({ label: 'Main', state: 'unknown', active: true });
    await expect(allowed.registerStream(stationId, { url: icecast.url('/live.mp3') })).rejects.toMatchObject({
      kind: 'conflict',
    });
  });

  it('never shows a private mount password back', () => {
    expect(displayStreamUrl('https://dj:s3cret@radio.example/live')).toBe(
      'https://dj:***@radio.example/live',
    );
  });
});

describe('recording windows', () => {
  it('queues one window per due stream and stores each as a stream capture with its match job', async () => {
    const { stationId } = await stationAccount(db, 'monitored');
    const streams = createStreamService({ db, allowPrivateAddresses: true });
    const mp3 = await streams.registerStream(stationId, { url: icecast.url('/live.mp3') });
    const ogg = await streams.registerStream(stationId, { url: icecast.url('/live.ogg') });
    outcomes.length = 0;
    matchJobs.length = 0;

    await queue.enqueue('streams.queue-due-checks', { requestId: 'tick-1' });
    await queue.idle();

    const recorded = outcomes.filter((o) => o.result === 'recorded');
    expect(recorded.map((o) => o.stream.id).sort()).toEqual(expect.arrayContaining([mp3.id, ogg.id].sort()));
    for (const streamId of [mp3.id, ogg.id]) {
      const outcome = recorded.find((o) => o.stream.id === streamId)!;
      expect(outcome.stream).toMatchObject({ state: 'up', consecutiveSuccesses: 1, lastError: null });
      expect(outcome.changed).toBe(true);
      const found = await capturesRepository.findForMatching(db, outcome.captureId);
      expect(found!.capture).toMatchObject({
        stationId,
        source: 'stream',
        streamId,
        status: 'pending',
        upload: { kind: 'capture-audio' },
      });
      expect(found!.capture.durationMs).toBeGreaterThanOrEqual(3_000);
      expect(found!.capture.upload!.mimeType).toBe(streamId === mp3.id ? 'audio/mpeg' : 'audio/ogg');
      // The window is in storage, whole, for the match job to decode.
      const info = await storage.head(found!.storageKey!);
      expect(info?.size).toBe(found!.capture.upload!.sizeBytes);
      expect(matchJobs).toContainEqual({ captureId: outcome.captureId, requestId: 'tick-1' });
    }

    // Just checked: not due again at the next tick.
    outcomes.length = 0;
    await queue.enqueue('streams.queue-due-checks', { requestId: 'tick-2' });
    await queue.idle();
    expect(outcomes.filter((o) => o.result !== 'skipped' && o.stream.stationId === stationId)).toEqual([]);
  });

  it('marks a stream down after three failed checks and up again after one good window', async () => {
    const { stationId } = await stationAccount(db, 'flaky');
    const streams = createStreamService({ db, allowPrivateAddresses: true });
    const stream = await streams.registerStream(stationId, { url: icecast.url('/later.mp3') });

    const states: string[] = [];
    for (let check = 0; check < 3; check++) {
      const outcome = await monitor.recordWindow(stream.id, `check-${check}`);
      expect(outcome.result).toBe('failed');
      if (outcome.result === 'failed') {
        expect(outcome.error).toMatch(/HTTP 404/);
        states.push(outcome.stream.state);
      }
    }
    expect(states).toEqual(['unknown', 'unknown', 'down']);
    const down = await streamsRepository.findById(db, stream.id);
    expect(down).toMatchObject({
      state: 'down',
      consecutiveFailures: 3,
      lastError: expect.stringMatching(/404/),
    });
    expect(down!.stateChangedAt).toBeInstanceOf(Date);
    const before = await capturesRepository.listOfStation(
      db,
      stationId,
      {},
      { limit: 10, sort: 'capturedAt', order: 'desc' },
    );
    expect(before.items).toEqual([]);

    await icecast.startSource({ mount: '/later.mp3', hz: 550, codec: 'mp3' });
    const back = await monitor.recordWindow(stream.id, 'check-back');
    expect(back).toMatchObject({
      result: 'recorded',
      changed: true,
      stream: { state: 'up', consecutiveFailures: 0 },
    });
  });

  it('skips a paused or removed stream without recording', async () => {
    const { stationId } = await stationAccount(db, 'paused');
    const streams = createStreamService({ db, allowPrivateAddresses: true });
    const stream = await streams.registerStream(stationId, { url: icecast.url('/live.mp3') });
    await streamsRepository.update(db, stationId, stream.id, { label: null, active: false });
    expect(await monitor.recordWindow(stream.id, 'r')).toMatchObject({ result: 'skipped' });
    await streams.removeStream(stationId, stream.id);
    expect(await monitor.recordWindow(stream.id, 'r')).toMatchObject({ result: 'skipped' });
    await expect(streams.removeStream(stationId, stream.id)).rejects.toMatchObject({ kind: 'not-found' });
  });
});
