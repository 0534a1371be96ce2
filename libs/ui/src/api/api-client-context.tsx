// One api-client per portal, shared through context so every query goes through
// the same circuit breaker.
import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '@zamio/api-client';

const ApiClientContext = createContext<ApiClient | null>(null);

export function ApiClientProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiClientContext.Provider value={client}>{children}</ApiClientContext.Provider>;
}

export function useApiClient(): ApiClient {
  const client = useContext(ApiClientContext);
  if (!client) throw new Error('useApiClient() needs an <ApiClientProvider> above it');
  return client;
}
