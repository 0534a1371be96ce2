// Renders a component to HTML in Node, wrapped in the providers a portal page
// expects. Lets page and component tests run without a DOM environment.
import { QueryClient } from '@tanstack/react-query';
import { createApiClient, type ApiClient } from '@zamio/api-client';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { PortalProviders } from '../src/portal/PortalProviders';
import { DEFAULT_RUNTIME_CONFIG, type RuntimeConfig } from '../src/runtime-config/runtime-config';

export interface RenderToHtmlOptions {
  config?: RuntimeConfig;
  apiClient?: ApiClient;
  /** Pre-seed it with `setQueryData` to render loaded states. */
  queryClient?: QueryClient;
  /** Location the router starts at. */
  path?: string;
}

export function renderToHtml(element: ReactElement, options: RenderToHtmlOptions = {}): string {
  return renderToString(
    <PortalProviders
      config={options.config ?? DEFAULT_RUNTIME_CONFIG}
      apiClient={options.apiClient ?? createApiClient({ baseUrl: '/api', breaker: false })}
      queryClient={options.queryClient ?? new QueryClient()}
    >
      <MemoryRouter initialEntries={[options.path ?? '/']}>{element}</MemoryRouter>
    </PortalProviders>,
  );
}

/** Text content of the element carrying `data-testid`, from rendered HTML (no nested tags). */
export function textByTestId(html: string, testId: string): string | undefined {
  const match = new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`).exec(html);
  return match?.[1];
}
