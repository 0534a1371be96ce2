// The API's OpenAPI document, built by @fastify/swagger from the routes'
// TypeBox schemas, served at /api/openapi.json for station integrators and
// client generators; outside production also an interactive UI at /api/docs.
// Registered before the routes: swagger collects them through onRoute.
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { BFF_PLUGIN } from './plugin-names';

export interface OpenApiOptions {
  version: string;
  /** Serve the interactive UI (never in production: it is an extra surface with inline scripts). */
  ui: boolean;
}

const openApi: FastifyPluginAsync<OpenApiOptions> = async (app, { version, ui }) => {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ZamIO API',
        version,
        description:
          'Same-origin API of the ZamIO portals and capture devices. Browser sessions use the session cookie and the X-CSRF-Token header; capture devices send `Authorization: Bearer <device token>`. Lists are paged: pass `nextCursor` back as `cursor`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'zamio_session' },
          deviceToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    // Only /api is the public API; health probes at the root and /version are for operators.
    transform: ({ schema, url }) => {
      const base = (schema ?? {}) as Record<string, unknown>;
      if (!url.startsWith('/api/') || url === '/api/openapi.json' || url.startsWith('/api/docs'))
        return { schema: { ...base, hide: true }, url };
      const area = url.split('/')[2] ?? 'api';
      return { schema: { ...base, tags: (base.tags as string[] | undefined) ?? [area] }, url };
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  if (ui) await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
};

export const openApiPlugin = fp(openApi, { name: BFF_PLUGIN.openApi, fastify: '5.x' });
