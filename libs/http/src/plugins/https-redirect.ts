// Behind Traefik: requests that a trusted proxy reports as plain HTTP are
// redirected to HTTPS. Forwarded headers from any other peer are ignored, and
// direct hits (health checks inside the container) are never redirected.
import proxyAddr from '@fastify/proxy-addr';
import fp from 'fastify-plugin';
import type { FastifyPluginCallback } from 'fastify';
import { FASTIFY_VERSION, PLUGIN } from '../plugin-names';

export interface HttpsRedirectOptions {
  trustedProxies: readonly string[];
}

const httpsRedirect: FastifyPluginCallback<HttpsRedirectOptions> = (app, options, done) => {
  const trusted = proxyAddr.compile([...options.trustedProxies]);
  app.addHook('onRequest', (request, reply, next) => {
    if (request.headers['x-forwarded-proto'] === undefined || request.protocol !== 'http') return next();
    if (!trusted(request.socket.remoteAddress ?? '', 0)) return next();
    reply.redirect(`https://${request.host}${request.url}`, 308);
  });
  done();
};

export const httpsRedirectPlugin = fp(httpsRedirect, {
  name: PLUGIN.httpsRedirect,
  fastify: FASTIFY_VERSION,
});
