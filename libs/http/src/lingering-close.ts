// A lingering close, like nginx's: Node ends a `Connection: close` answer with
// socket.destroySoon(), which destroys the socket as soon as the answer is
// written; a request body still arriving then meets a RST that can wipe the
// answer out before the client (or a proxy) reads it — the client sees EPIPE
// instead of the 413. Here the socket half-closes after the answer (FIN),
// keeps reading and discarding for a bounded time, and is destroyed when the
// client stops or time is up. Used by the bff and by the portals' dev proxy;
// plain Node types only, so the Vite config can load it with type stripping.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** True while a request that declared a body has not delivered all of it. */
export const bodyStillArriving = (raw: IncomingMessage): boolean =>
  !raw.complete &&
  (raw.headers['transfer-encoding'] !== undefined || Number(raw.headers['content-length'] ?? 0) > 0);

/**
 * Replaces Node's immediate destroy after a `Connection: close` answer with a
 * lingering close while the request's body is still arriving.
 */
export function lingerOnClose(raw: IncomingMessage, lingerMs: number): void {
  const socket = raw.socket as Socket & { destroySoon?: () => void };
  if (!socket || typeof socket.destroySoon !== 'function') return;
  const destroySoon = socket.destroySoon.bind(socket);
  socket.destroySoon = () => {
    if (!bodyStillArriving(raw)) return destroySoon();
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
