// This bff's side of the live channel: where it announces airplay events (the
// detection reviews) and where it hears them for its sockets. Embedded: the
// launcher's in-process events, shared with its worker. With Redis: events are
// published on one channel, and heard through a subscriber connection of its
// own that reconnects and resubscribes after a Redis restart, so every bff
// process pushes what any worker or bff announced.
import {
  createInProcessAirplayEvents,
  createRedisAirplayEvents,
  liveChannel,
  liveFeedOf,
  subscribeRedisLiveFeed,
  type AirplayEvents,
  type InProcessAirplayEvents,
  type LiveFeed,
} from '@zamio/airplay';
import { createRepeatLimiter, type Logger } from '@zamio/logger';
import type { Platform } from '@zamio/platform';

export interface AirplayLive {
  events: AirplayEvents;
  feed: LiveFeed;
  close(): Promise<void>;
}

export function openAirplayLive(
  platform: Pick<Platform, 'redis' | 'redisKeyPrefix'>,
  logger: Logger,
  inProcess?: InProcessAirplayEvents,
): AirplayLive {
  if (inProcess || !platform.redis) {
    const events = inProcess ?? createInProcessAirplayEvents();
    return { events, feed: liveFeedOf(events), close: async () => {} };
  }
  const channel = liveChannel(platform.redisKeyPrefix);
  const events = createRedisAirplayEvents({
    redis: platform.redis,
    channel,
    onError: (error, event) => logger.warn({ err: error, event: event.type }, 'live update not published'),
  });
  // A subscribed client can send nothing else; it waits (offline queue) instead of failing fast.
  const subscriber = platform.redis.duplicate({
    enableOfflineQueue: true,
    maxRetriesPerRequest: null,
    commandTimeout: undefined,
  });
  let lastState: string | undefined;
  const due = createRepeatLimiter();
  const feed = subscribeRedisLiveFeed({
    subscriber,
    channel,
    // Every reconnect attempt fails alike during an outage: one line per distinct error per 30 s.
    onError: (error) => {
      if (due(error instanceof Error ? error.message : String(error)))
        logger.warn({ err: error }, 'live updates: redis subscriber error');
    },
    onState: (state) => {
      if (state === lastState) return;
      lastState = state;
      if (state === 'subscribed') logger.info('live updates: subscribed to redis');
      else logger.warn('live updates: redis disconnected; pushing resumes when it returns');
    },
  });
  return { events, feed, close: () => feed.close() };
}
