// The live-update client against a real local WebSocket server (ws): events
// reach subscribers, a dropped connection comes back with backoff, a reconnect
// refreshes what may have been missed, and events invalidate TanStack Query
// caches. Node's own WebSocket is the client, as a browser's would be.
import type { AddressInfo } from 'node:net';
import { QueryClient } from '@tanstack/react-query';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import {
  LiveUpdatesClient,
  bindLiveInvalidation,
  liveUrlOf,
  type LiveEvent,
  type LiveStatus,
} from '../src/index';

const until = async (check: () => boolean, timeoutMs = 5_000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('LiveUpdatesClient', () => {
  let server: WebSocketServer;
  let url: string;
  const sockets: ServerSocket[] = [];
  let connections = 0;
  const clients: LiveUpdatesClient[] = [];

  const send = (event: LiveEvent | string) =>
    sockets
      .filter((s) => s.readyState === s.OPEN)
      .forEach((s) => s.send(typeof event === 'string' ? event : JSON.stringify(event)));
  const newClient = (options: Partial<ConstructorParameters<typeof LiveUpdatesClient>[0]> = {}) => {
    const client = new LiveUpdatesClient({
      url,
      baseDelayMs: 40,
      maxDelayMs: 200,
      idleCloseMs: 50,
      random: () => 1,
      ...options,
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/api/live' });
    server.on('connection', (socket) => {
      connections += 1;
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api/live`;
  });

  afterEach(() => {
    clients.splice(0).forEach((client) => client.close());
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('derives the same-origin URL from the API base', () => {
    expect(liveUrlOf('/api', { protocol: 'https:', host: 'artist.zamio.example' })).toBe(
      'wss://artist.zamio.example/api/live',
    );
    expect(liveUrlOf('/api', { protocol: 'http:', host: 'localhost:5173' })).toBe(
      'ws://localhost:5173/api/live',
    );
    expect(liveUrlOf('https://api.zamio.example/api', { protocol: 'https:', host: 'x' })).toBe(
      'wss://api.zamio.example/api/live',
    );
  });

  it('connects on the first subscriber and delivers events by type (and to "*")', async () => {
    const client = newClient();
    expect(client.status).toBe('idle');
    const plays: LiveEvent[] = [];
    const all: string[] = [];
    const before = connections;
    client.subscribe('play.created', (event) => plays.push(event));
    client.subscribe('*', (event) => all.push(event.type));
    await until(() => client.status === 'open');
    expect(connections).toBe(before + 1);

    send({ type: 'play.created', data: { playId: 'p1' } });
    send({ type: 'detection.created', data: {} });
    send('not json');
    send(JSON.stringify({ no: 'type' }));
    await until(() => all.length === 2);
    expect(plays).toEqual([{ type: 'play.created', data: { playId: 'p1' } }]);
    expect(all).toEqual(['play.created', 'detection.created']);
  });

  it('reconnects with backoff after the server drops it, and says it reconnected', async () => {
    const client = newClient();
    const statuses: LiveStatus[] = [];
    client.onStatusChange((status) => statuses.push(status));
    let reconnects = 0;
    client.onReconnect(() => (reconnects += 1));
    const received: unknown[] = [];
    client.subscribe('play.created', (event) => received.push(event.data));
    await until(() => client.status === 'open');

    const droppedAt = Date.now();
    sockets.forEach((socket) => socket.terminate());
    await until(() => client.status === 'reconnecting');
    await until(() => client.status === 'open');
    // random() = 1: the first retry waits the full first ceiling (40 ms).
    expect(Date.now() - droppedAt).toBeGreaterThanOrEqual(35);
    expect(reconnects).toBe(1);
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting', 'open']);

    // The subscription survived the reconnect.
    send({ type: 'play.created', data: 'after' });
    await until(() => received.length === 1);
    expect(received).toEqual(['after']);
  });

  it('keeps retrying with growing waits while the server refuses, capped at maxDelayMs', async () => {
    // Node's WebSocket, recording when each attempt starts.
    const attempts: number[] = [];
    class RecordingWebSocket extends WebSocket {
      constructor(address: string | URL) {
        super(address);
        attempts.push(Date.now());
      }
    }
    const client = newClient({
      url: 'ws://127.0.0.1:9/api/live',
      baseDelayMs: 20,
      maxDelayMs: 80,
      WebSocketImpl: RecordingWebSocket,
    });
    client.subscribe('x', () => {});
    await until(() => attempts.length >= 6, 5_000);
    client.close();
    expect(client.status).toBe('idle');
    const waits = attempts.slice(1).map((at, index) => at - attempts[index]!);
    // Attempt n waits the ceiling min(80, 20·2^(n-1)) with random = 1: 20, 40, 80, 80, 80.
    expect(waits[1]).toBeGreaterThanOrEqual(35);
    expect(waits.slice(2).every((wait) => wait >= 75 && wait < 400)).toBe(true);
  });

  it('closes a while after the last subscriber leaves, and reopens on a new one', async () => {
    const client = newClient();
    const off = client.subscribe('x', () => {});
    await until(() => client.status === 'open');
    off();
    await until(() => client.status === 'idle');
    client.subscribe('x', () => {});
    await until(() => client.status === 'open');
  });

  it('invalidates the mapped queries on events, and all of them after a reconnect', async () => {
    const client = newClient();
    const queryClient = new QueryClient();
    queryClient.setQueryData(['artist', 'plays', { page: 1 }], { items: [] });
    queryClient.setQueryData(['artist', 'tracks'], { items: [] });
    queryClient.setQueryData(['artist', 'earnings'], { items: [] });
    const invalidated = (key: unknown[]) => queryClient.getQueryState(key)?.isInvalidated ?? false;
    const unbind = bindLiveInvalidation(client, queryClient, {
      'play.created': [['artist', 'plays']],
      'track.status': [['artist', 'tracks']],
    });
    await until(() => client.status === 'open');

    send({ type: 'play.created', data: {} });
    await until(() => invalidated(['artist', 'plays', { page: 1 }]));
    expect(invalidated(['artist', 'tracks'])).toBe(false);
    expect(invalidated(['artist', 'earnings'])).toBe(false);

    queryClient.setQueryData(['artist', 'plays', { page: 1 }], { items: [] });
    sockets.forEach((socket) => socket.terminate());
    await until(() => invalidated(['artist', 'tracks']) && invalidated(['artist', 'plays', { page: 1 }]));
    expect(invalidated(['artist', 'earnings'])).toBe(false);
    unbind();
  });
});
