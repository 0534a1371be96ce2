// Renders into jsdom inside the providers a portal page has (runtime config,
// API client, query cache, router), for component tests that click and type.
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createApiClient, type ApiClient } from '@zamio/api-client';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { PortalProviders } from '../src/portal/PortalProviders';
import { DEFAULT_RUNTIME_CONFIG, type RuntimeConfig } from '../src/runtime-config/runtime-config';

export interface RenderDomOptions {
  config?: RuntimeConfig;
  apiClient?: ApiClient;
  queryClient?: QueryClient;
  path?: string;
  /** Extra routes beside the element's (e.g. where a page navigates to). */
  routes?: Record<string, ReactElement>;
}

export function renderInPortal(element: ReactElement, options: RenderDomOptions = {}) {
  const queryClient =
    options.queryClient ?? new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const path = options.path ?? '/';
  const result = render(
    <PortalProviders
      config={options.config ?? DEFAULT_RUNTIME_CONFIG}
      apiClient={options.apiClient ?? createApiClient({ baseUrl: '/api', breaker: false, retries: 0 })}
      queryClient={queryClient}
    >
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={path} element={element} />
          {Object.entries(options.routes ?? {}).map(([route, page]) => (
            <Route key={route} path={route} element={page} />
          ))}
        </Routes>
      </MemoryRouter>
    </PortalProviders>,
  );
  return { ...result, queryClient };
}

/** An api-client whose fetch answers from a handler (a stand-in for the bff in component tests). */
export function apiClientAnswering(
  handler: (method: string, path: string, body: unknown) => { status: number; body?: unknown },
): { api: ApiClient; calls: { method: string; path: string; body: unknown }[] } {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const api = createApiClient({
    baseUrl: 'http://bff.test/api',
    breaker: false,
    retries: 0,
    fetch: async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const text = await request.text();
      const body: unknown = text ? JSON.parse(text) : undefined;
      const path = new URL(request.url).pathname.replace(/^\/api/, '');
      calls.push({ method: request.method, path, body });
      const answer = handler(request.method, path, body);
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-test' },
      });
    },
  });
  return { api, calls };
}
