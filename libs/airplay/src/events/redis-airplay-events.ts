// The AirplayEvents port across processes: the worker publishes each event on
// one Redis pub/sub channel; every bff process subscribes and pushes it to its
// own sockets. Pub/sub is fire-and-forget, which suits live updates: a portal
// that misses one while Redis is down reloads its lists anyway. Publishing
// never fails the caller's work, and a Redis restart costs no crash: the
// subscriber reconnects (ioredis, capped backoff) and subscribes again.
import type { Redis } from 'ioredis';
import type { AirplayEvent, AirplayEvents } from './airplay-events';
import { toLiveEnvelope, type LiveEnvelope, type LiveFeed } from './live-envelope';

/** The channel of one deployment (its Redis key prefix). */
export const liveChannel = (keyPrefix: string) => `${keyPrefix}:airplay-live`;

export function createRedisAirplayEvents(options: {
  /** A connection that fails fast while Redis is down (the request-path one). */
  redis: Redis;
  channel: string;
  onError: (error: unknown, event: AirplayEvent) => void;
}): AirplayEvents {
  const publish = (event: AirplayEvent) => {
    let payload: string;
    try {
      payload = JSON.stringify(toLiveEnvelope(event));
    } catch (error) {
      options.onError(error, event);
      return;
    }
    options.redis.publish(options.channel, payload).catch((error: unknown) => options.onError(error, event));
  };
  return {
    detectionCreated: (event) => publish({ type: 'detection.created', ...event }),
    playChanged: (event) => publish({ type: 'play.changed', ...event }),
  };
}

export interface RedisLiveFeed extends LiveFeed {
  close(): Promise<void>;
}

/**
 * Subscribes `subscriber` (a connection of its own: a subscribed ioredis
 * client can do nothing else) to the channel, again after every reconnect.
 */
export function subscribeRedisLiveFeed(options: {
  subscriber: Redis;
  channel: string;
  onError: (error: unknown) => void;
  onState?: (state: 'subscribed' | 'disconnected') => void;
}): RedisLiveFeed {
  const { subscriber, channel } = options;
  const listeners = new Set<(envelope: LiveEnvelope) => void>();
  const subscribe = () =>
    subscriber.subscribe(channel).then(
      () => options.onState?.('subscribed'),
      (error: unknown) => options.onError(error),
    );
  // An unhandled 'error' event would crash the process; the client reconnects by itself.
  subscriber.on('error', (error) => options.onError(error));
  subscriber.on('close', () => options.onState?.('disconnected'));
  // 'ready' fires on the first connection and after every reconnect.
  subscriber.on('ready', () => void subscribe());
  if (subscriber.status === 'ready') void subscribe();
  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel) return;
    let envelope: LiveEnvelope;
    try {
      envelope = JSON.parse(text) as LiveEnvelope;
    } catch (error) {
      options.onError(error);
      return;
    }
    for (const listener of [...listeners]) {
      try {
        listener(envelope);
      } catch (error) {
        options.onError(error);
      }
    }
  });
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
