// The dev and preview servers' /api proxy passes on the bff's early answers (a
// 413 for an over-size upload) with `Connection: close`; Node would then
// destroy the client's socket while the upload is still arriving, and the RST
// can wipe the answer out (the browser sees a reset, not the 413). The proxy
// closes the way the bff does: a lingering close.
import type { Connect, Plugin } from 'vite';
import { bodyStillArriving, lingerOnClose } from '@zamio/http/lingering-close';

export function lingeringClosePlugin(lingerMs = 5_000): Plugin {
  // Registered before Vite's own middlewares (the proxy among them).
  const attach = (server: { middlewares: Connect.Server }) => {
    server.middlewares.use((req, _res, next) => {
      // Only a request with a body can be answered before it has all arrived.
      if (bodyStillArriving(req)) lingerOnClose(req, lingerMs);
      next();
    });
  };
  return { name: 'zamio-lingering-close', configureServer: attach, configurePreviewServer: attach };
}
