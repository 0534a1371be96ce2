import { QueryClient } from '@tanstack/react-query';

/**
 * Query defaults for the portals. The api-client already retries transient
 * failures with backoff, so TanStack Query must not retry again on top of it.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 15_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
