// Answers sent before the request body arrived (an upload refused at once
// from its Content-Length, at the moment its cap is crossed, for a wrongly
// named part, or by a guard) close the connection, so the client stops
// sending — but not abruptly: a lingering close (see ../lingering-close).
import fp from 'fastify-plugin';
import type { FastifyPluginCallback } from 'fastify';
import { bodyStillArriving, lingerOnClose } from '../lingering-close';
import { FASTIFY_VERSION, PLUGIN } from '../plugin-names';

export interface EarlyAnswerCloseOptions {
  /** How long the rest of a refused body is read and discarded before the socket is destroyed. */
  lingerMs?: number;
}

const earlyAnswerClose: FastifyPluginCallback<EarlyAnswerCloseOptions> = (app, options, done) => {
  const lingerMs = options.lingerMs ?? 5_000;
  app.addHook('onSend', async (request, reply) => {
    if (!bodyStillArriving(request.raw) || reply.raw.headersSent) return;
    reply.header('connection', 'close');
    lingerOnClose(request.raw, lingerMs);
  });
  done();
};

export const earlyAnswerClosePlugin = fp(earlyAnswerClose, {
  name: PLUGIN.earlyAnswerClose,
  fastify: FASTIFY_VERSION,
});
