import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { createApiClient } from '@zamio/api-client';
import { readRuntimeConfig } from '../runtime-config/runtime-config';
import { createPortalRoutes } from './create-portal-routes';
import { createQueryClient } from './create-query-client';
import { PortalProviders } from './PortalProviders';
import { csrfHeadersFor } from '../auth/csrf-token';
import type { PortalDefinition } from './portal-definition';

// Toasts (sonner) load after the first paint; pages that notify share that chunk.
const Toaster = lazy(() => import('../overlays/toasts').then((module) => ({ default: module.Toaster })));

/** Boots a portal in the browser: runtime config → API client → query cache → router. */
export function mountPortal(
  definition: PortalDefinition,
  container: HTMLElement | null = document.getElementById('root'),
): void {
  if (!container) throw new Error('mountPortal: the page has no #root element');
  const config = readRuntimeConfig();
  const apiClient = createApiClient({
    baseUrl: config.apiBaseUrl,
    headersFor: csrfHeadersFor,
    // A cross-origin API needs the session cookie sent explicitly (and CORS_ORIGINS on the bff).
    credentials: config.apiBaseUrl.startsWith('/') ? 'same-origin' : 'include',
  });
  const router = createBrowserRouter(createPortalRoutes(definition));
  document.title = `${definition.productName} · ${definition.roleLabel}`;

  createRoot(container).render(
    <StrictMode>
      <PortalProviders config={config} apiClient={apiClient} queryClient={createQueryClient()}>
        <RouterProvider router={router} />
        <Suspense fallback={null}>
          <Toaster />
        </Suspense>
      </PortalProviders>
    </StrictMode>,
  );
}
