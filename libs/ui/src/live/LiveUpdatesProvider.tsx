import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useRuntimeConfig } from '../runtime-config/runtime-config-context';
import { bindLiveInvalidation, type LiveInvalidationMap } from './live-invalidation';
import { LiveUpdatesClient, liveUrlOf, type LiveEvent, type LiveStatus } from './live-updates-client';

const LiveUpdatesContext = createContext<LiveUpdatesClient | null>(null);

export interface LiveUpdatesProviderProps {
  children: ReactNode;
  /** A client to use instead of the portal's own (tests, gallery). */
  client?: LiveUpdatesClient;
  /** Path under the API base. */
  path?: string;
}

/**
 * One live-update connection for the signed-in portal. Nothing connects until
 * a page subscribes (useLiveEvent / useLiveInvalidation).
 */
export function LiveUpdatesProvider({ children, client, path = '/live' }: LiveUpdatesProviderProps) {
  const { apiBaseUrl } = useRuntimeConfig();
  const [own] = useState(() =>
    client || typeof window === 'undefined'
      ? undefined
      : new LiveUpdatesClient({ url: liveUrlOf(apiBaseUrl, window.location, path) }),
  );
  const active = client ?? own ?? null;
  useEffect(() => {
    if (!own) return;
    const retry = () => own.reconnectNow();
    window.addEventListener('online', retry);
    return () => {
      window.removeEventListener('online', retry);
      own.close();
    };
  }, [own]);
  return <LiveUpdatesContext.Provider value={active}>{children}</LiveUpdatesContext.Provider>;
}

const useLiveClient = () => useContext(LiveUpdatesContext);

/** Runs `handler` for each live event of `type` while the component is mounted. */
export function useLiveEvent<T = unknown>(type: string, handler: (event: LiveEvent<T>) => void): void {
  const client = useLiveClient();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  useEffect(() => client?.subscribe(type, (event) => latest.current(event as LiveEvent<T>)), [client, type]);
}

/** Keeps the listed queries fresh from live events while the component is mounted. */
export function useLiveInvalidation(map: LiveInvalidationMap): void {
  const client = useLiveClient();
  const queryClient = useQueryClient();
  const mapKey = JSON.stringify(Object.keys(map).sort());
  const latest = useRef(map);
  useEffect(() => {
    latest.current = map;
  }, [map]);
  useEffect(
    () => (client ? bindLiveInvalidation(client, queryClient, latest.current) : undefined),
    // Re-bind when the event types change, not on every render's new object.
    [client, queryClient, mapKey],
  );
}

const noop = () => () => {};

/** Connection state for an indicator ("Live" / "Reconnecting…"). */
export function useLiveStatus(): LiveStatus {
  const client = useLiveClient();
  return useSyncExternalStore(
    client ? (listener) => client.onStatusChange(listener) : noop,
    () => client?.status ?? 'idle',
    () => 'idle',
  );
}
