// Where this bff's live updates come from: the embedded launcher's in-process
// events (worker in the same process), else the Redis channel every worker
// publishes on, through a subscriber connection of its own that reconnects
// and resubscribes after a Redis restart. Without either, nothing is pushed.
import {
  createInProcessAirplayEvents,
  liveChannel,
  liveFeedOf,
  subscribeRedisLiveFeed,
  type InProcessAirplayEvents,
  type LiveFeed,
} from '@zamio/airplay';
import type { Logger } from '@zamio/logger';
import type { Platform } from '@zamio/platform';

export interface OpenedLiveFeed {
  feed: LiveFeed;
  close(): Promise<void>;
}

export function openLiveFeed(
  platform: Pick<Platform, 'redis' | 'redisKeyPrefix'>,
  logger: Logger,
  inProcess?: InProcessAirplayEvents,
): OpenedLiveFeed {
  if (inProcess || !platform.redis)
    return { feed: liveFeedOf(inProcess ?? createInProcessAirplayEvents()), close: async () => {} };
  // A subscribed client can send nothing else; it waits (offline queue) instead of failing fast.
  const subscriber = platform.redis.duplicate({
    enableOfflineQueue: true,
    maxRetriesPerRequest: null,
    commandTimeout: undefined,
  });
  let lastState: string | undefined;
  const feed = subscribeRedisLiveFeed({
    subscriber,
    channel: liveChannel(platform.redisKeyPrefix),
    onError: (error) => logger.warn({ err: error }, 'live updates: redis subscriber error'),
    onState: (state) => {
      if (state === lastState) return;
      lastState = state;
      if (state === 'subscribed') logger.info('live updates: subscribed to redis');
      else logger.warn('live updates: redis disconnected; pushing resumes when it returns');
    },
  });
  return { feed, close: () => feed.close() };
}
