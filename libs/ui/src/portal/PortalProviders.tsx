import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '@zamio/api-client';
import type { ReactNode } from 'react';
import { ApiClientProvider } from '../api/api-client-context';
import { RuntimeConfigProvider } from '../runtime-config/runtime-config-context';
import type { RuntimeConfig } from '../runtime-config/runtime-config';

export interface PortalProvidersProps {
  config: RuntimeConfig;
  apiClient: ApiClient;
  queryClient: QueryClient;
  children: ReactNode;
}

/** Context every portal page relies on: runtime config, the API client and the query cache. */
export function PortalProviders({ config, apiClient, queryClient, children }: PortalProvidersProps) {
  return (
    <RuntimeConfigProvider config={config}>
      <ApiClientProvider client={apiClient}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </ApiClientProvider>
    </RuntimeConfigProvider>
  );
}
