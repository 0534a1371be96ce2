// Behind Traefik: requests that a trusted proxy reports as plain HTTP are
// redirected to HTTPS. Forwarded headers from any other peer are ignored, and
// direct hits (health checks inside the container) are never redirected.
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyInstance } from 'fastify';

export function registerHttpsRedirect(app: FastifyInstance, trustedProxies: readonly string[]): void {
  const trusted = proxyAddr.compile([...trustedProxies]);
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers['x-forwarded-proto'] === undefined || request.protocol !== 'http') return;
    if (!trusted(request.socket.remoteAddress ?? '', 0)) return;
    return reply.redirect(`https://${request.host}${request.url}`, 308);
  });
}
