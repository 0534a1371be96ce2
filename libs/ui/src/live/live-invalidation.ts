// Live events → TanStack Query: an event marks the lists it changes as stale,
// so whatever is on screen refetches (and nothing off screen does until shown).
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { LiveEvent, LiveUpdatesClient } from './live-updates-client';

/** Event type → the query keys (prefixes) it invalidates, e.g. `{ 'play.created': [['artist', 'plays']] }`. */
export type LiveInvalidationMap = Record<
  string,
  readonly QueryKey[] | ((event: LiveEvent) => readonly QueryKey[])
>;

/**
 * Subscribes to every event type of the map; each event invalidates its keys.
 * After a reconnect every key of the map is invalidated (events may have been
 * missed meanwhile). Returns the function that undoes it all.
 */
export function bindLiveInvalidation(
  client: LiveUpdatesClient,
  queryClient: QueryClient,
  map: LiveInvalidationMap,
): () => void {
  const invalidate = (keys: readonly QueryKey[]) =>
    Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  const unsubscribers = Object.entries(map).map(([type, keys]) =>
    client.subscribe(type, (event) => void invalidate(typeof keys === 'function' ? keys(event) : keys)),
  );
  const staticKeys = Object.values(map).flatMap((keys) => (typeof keys === 'function' ? [] : keys));
  const dynamicTypes = Object.values(map).some((keys) => typeof keys === 'function');
  unsubscribers.push(
    client.onReconnect(() => {
      // A function-valued entry cannot say which keys it covers without an event: refresh everything active.
      if (dynamicTypes) void queryClient.invalidateQueries({ type: 'active' });
      else void invalidate(staticKeys);
    }),
  );
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
