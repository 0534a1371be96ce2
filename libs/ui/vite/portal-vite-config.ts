// The one Vite config of every portal; each apps/<portal>/vite.config.ts calls it.
// Vite leaves workspace packages out of its config bundle, so Node loads these
// files itself (type stripping): relative imports therefore carry `.ts`.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type ServerOptions, type UserConfig, type UserConfigFnPromise } from 'vite';
import { devServerSettings } from './dev-server-env.ts';
import { readPortalConfig } from './portal-env.ts';
import { lingeringClosePlugin } from './lingering-close-plugin.ts';
import { precompressPlugin } from './precompress.ts';
import { runtimeConfigOf, type Env } from './runtime-config-from-env.ts';
import { runtimeConfigPlugin } from './runtime-config-plugin.ts';

export { renderRuntimeConfigScript, escapeJsonForScript } from './runtime-config-script.ts';
export { runtimeConfigFromEnv, runtimeConfigOf } from './runtime-config-from-env.ts';
export { precompressDirectory, MIN_COMPRESS_BYTES } from './precompress.ts';
export { devServerSettings } from './dev-server-env.ts';
export { readPortalConfig } from './portal-env.ts';

const DEV_PREBUNDLED = [
  'react',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'react-dom/client',
  'react-router',
  'react-router/dom',
  '@tanstack/react-query',
  'ky',
  'cockatiel',
];

export interface PortalViteOptions {
  /** Nx project name; the build goes to dist/apps/<app> at the repository root. */
  app: string;
  /** The portal's directory (pass `import.meta.dirname` from its vite.config.ts). */
  appDir: string;
  /** Dev server port when PORTAL_PORT is not set. */
  defaultPort: number;
}

export function createPortalViteConfig(
  options: PortalViteOptions,
  env: Env = process.env,
): UserConfigFnPromise {
  return defineConfig(async ({ command }) => {
    // Only serving (dev or preview) reads the runtime configuration and talks to
    // the bff; a build must not depend on either (config.js comes from the container).
    const portal = command === 'serve' ? await readPortalConfig(env) : undefined;
    const config: UserConfig = {
      root: options.appDir,
      plugins: [
        react(),
        runtimeConfigPlugin(portal ? runtimeConfigOf(portal) : undefined),
        precompressPlugin(),
        lingeringClosePlugin(),
      ],
      // Pre-bundle every dependency at dev-server start: otherwise the first visit
      // to a lazy page discovers new ones and Vite reloads the page mid-session.
      optimizeDeps: { include: DEV_PREBUNDLED, entries: ['index.html', 'src/**/*.tsx'] },
      build: {
        outDir: resolve(options.appDir, '../../dist/apps', options.app),
        emptyOutDir: true,
        assetsDir: 'assets',
        sourcemap: false,
      },
    };
    if (portal) {
      const settings = devServerSettings(portal, options.app, options.defaultPort);
      const server: ServerOptions = {
        host: settings.host,
        port: settings.port,
        strictPort: true,
        proxy: { '/api': { target: settings.apiProxyTarget, ws: true, changeOrigin: false } },
        // Bind mounts through a VM (Docker Desktop) may not deliver file events.
        ...(settings.polling ? { watch: { usePolling: true, interval: 300 } } : {}),
      };
      config.server = server;
      config.preview = { host: server.host, port: server.port, strictPort: true, proxy: server.proxy };
    }
    return config;
  });
}
