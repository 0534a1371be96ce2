// Answers sent before the request body arrived (an upload refused at once
// from its Content-Length, at the moment its cap is crossed, for a wrongly
// named part, or by a guard) close the connection, so the client stops
// sending — but not abruptly. Node ends a `Connection: close` answer with
// socket.destroySoon(): the socket is destroyed as soon as the answer is
// written, and the kernel meets the body still arriving with a RST that can
// wipe the answer out before the client or a proxy read it (a dev proxy then
// says 502 with an empty body: EPIPE). Like nginx's lingering close, the
// socket here half-closes after the answer (FIN), keeps reading and discarding
// for a bounded time, and is destroyed when the client stops or time is up.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import fp from 'fastify-plugin';
import type { FastifyPluginCallback } from 'fastify';
import { FASTIFY_VERSION, PLUGIN } from '../plugin-names';

export interface EarlyAnswerCloseOptions {
  /** How long the rest of a refused body is read and discarded before the socket is destroyed. */
  lingerMs?: number;
}

/** True while a request that declared a body has not delivered all of it. */
export const bodyStillArriving = (raw: IncomingMessage): boolean =>
  !raw.complete &&
  (raw.headers['transfer-encoding'] !== undefined || Number(raw.headers['content-length'] ?? 0) > 0);

/** Replaces Node's immediate destroy after a `Connection: close` answer with a lingering close. */
export function lingerOnClose(raw: IncomingMessage, lingerMs: number): void {
  const socket = raw.socket as Socket & { destroySoon?: () => void };
  if (!socket || typeof socket.destroySoon !== 'function') return;
  socket.destroySoon = () => {
    const destroy = () => {
      clearTimeout(timer);
      socket.destroy();
    };
    const timer = setTimeout(destroy, lingerMs);
    timer.unref();
    socket.once('end', destroy); // the client has stopped sending
    socket.once('close', () => clearTimeout(timer));
    raw.once('end', destroy); // the whole body arrived after all
    raw.resume(); // discard what still arrives
    socket.end(); // FIN once the answer is written: the peer reads it whole
  };
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
