// Live updates: GET /api/live upgrades a signed-in artist's or station's
// session to a WebSocket (@fastify/websocket) and pushes every new detection
// and changed play they may see — a station its own, an artist those of their
// tracks. The cookie authenticates (session plugin); the Origin must be this
// API's or a trusted portal's, or any page could open the socket with the
// user's cookie (cross-site WebSocket hijacking). Messages come from a
// LiveFeed: Redis pub/sub with several processes, in-process when embedded.
import websocket from '@fastify/websocket';
import fp from 'fastify-plugin';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { isAllowedOrigin, requestOrigin } from '@zamio/accounts';
import type { LiveEnvelope, LiveFeed } from '@zamio/airplay';
import { forbidden } from '@zamio/errors';
import { FASTIFY_VERSION } from '@zamio/http';
import type { BusinessMetrics } from '@zamio/metrics';
import { sessionGuard } from './guards';
import { BFF_PLUGIN } from './plugin-names';

export interface LiveUpdatesOptions {
  feed: LiveFeed;
  /** CORS_ORIGINS plus PUBLIC_API_URL's origin (as for CSRF). */
  trustedOrigins: readonly string[];
  metrics: Pick<BusinessMetrics, 'liveConnections' | 'liveMessages'>;
  /** Ping interval; a socket that missed the last pong is dropped. Default 30 s (below proxies' idle timeouts). */
  heartbeatMs?: number;
}

/** A socket that stops reading is dropped rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

interface Subscriber {
  socket: WebSocket;
  alive: boolean;
}

const liveUpdates: FastifyPluginAsync<LiveUpdatesOptions> = async (app, options) => {
  await app.register(websocket, {
    options: { maxPayload: 1024 },
    // On shutdown every socket is told "going away" (1001), so clients know to
    // reconnect elsewhere; the library's default closes without a code (1005),
    // before the onClose hook below could say so (seen in the rehearsal).
    preClose(done) {
      for (const client of this.websocketServer.clients) client.close(1001, 'server shutting down');
      this.websocketServer.close();
      done();
    },
  });
  const trusted = options.trustedOrigins.filter(Boolean).map((origin) => origin.toLowerCase());
  const guard = sessionGuard('artist', 'station');
  const byKey = new Map<string, Set<Subscriber>>();
  const all = new Set<Subscriber>();

  const checkOrigin = async (request: FastifyRequest) => {
    const claimed = requestOrigin(header(request.headers.origin), undefined);
    const allowed = new Set([...trusted, `${request.protocol}://${request.host}`.toLowerCase()]);
    if (!isAllowedOrigin(claimed, allowed))
      throw forbidden(
        claimed ? `live updates from ${claimed} refused` : 'live updates need an Origin header',
      );
  };

  const deliver = (envelope: LiveEnvelope) => {
    const targets = new Set<Subscriber>();
    for (const key of [`station:${envelope.stationId}`, ...envelope.artistUserIds.map((id) => `user:${id}`)])
      for (const subscriber of byKey.get(key) ?? []) targets.add(subscriber);
    if (targets.size === 0) return;
    const text = JSON.stringify(envelope.message);
    for (const { socket } of targets) {
      if (socket.readyState !== socket.OPEN) continue;
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        socket.terminate();
        continue;
      }
      socket.send(text);
      options.metrics.liveMessages.inc({ type: envelope.message.type });
    }
  };
  const unsubscribe = options.feed.subscribe(deliver);

  const heartbeat = setInterval(() => {
    for (const subscriber of all) {
      if (!subscriber.alive) {
        subscriber.socket.terminate();
        continue;
      }
      subscriber.alive = false;
      subscriber.socket.ping();
    }
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  app.addHook('onClose', async () => {
    clearInterval(heartbeat);
    unsubscribe();
    for (const { socket } of all) socket.close(1001, 'server shutting down');
  });

  app.get('/live', { websocket: true, onRequest: [guard, checkOrigin] }, (socket, request) => {
    const principal = guard.principalOf(request);
    const key = principal.stationId ? `station:${principal.stationId}` : `user:${principal.userId}`;
    const subscriber: Subscriber = { socket, alive: true };
    let keyed = byKey.get(key);
    if (!keyed) byKey.set(key, (keyed = new Set()));
    keyed.add(subscriber);
    all.add(subscriber);
    options.metrics.liveConnections.inc();
    socket.on('pong', () => (subscriber.alive = true));
    // The channel is one-way: anything a client sends is ignored.
    socket.on('message', () => {});
    socket.on('error', (error) => request.log.warn({ err: error }, 'live socket error'));
    socket.once('close', () => {
      all.delete(subscriber);
      keyed.delete(subscriber);
      if (keyed.size === 0) byKey.delete(key);
      options.metrics.liveConnections.dec();
    });
  });
};

const header = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

export const liveUpdatesPlugin = fp(liveUpdates, {
  name: BFF_PLUGIN.liveUpdates,
  fastify: FASTIFY_VERSION,
  dependencies: [BFF_PLUGIN.session],
});
