// Behind Traefik: requests that the trusted proxy reports as plain HTTP are
// redirected to HTTPS. Direct hits (health checks inside the container) carry
// no forwarded header and are never redirected.
import type { FastifyInstance } from 'fastify';

export function registerHttpsRedirect(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers['x-forwarded-proto'] === undefined || request.protocol !== 'http') return;
    return reply.redirect(`https://${request.host}${request.url}`, 308);
  });
}
