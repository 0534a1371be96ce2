// Serves /config.js from the dev (and preview) server, as nginx does in
// production, and keeps any config.js out of the build: a built image must take
// its config from the environment it runs in, never from build time.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Connect, Plugin } from 'vite';
import type { RuntimeConfig } from '../src/runtime-config/runtime-config.ts';
import { renderRuntimeConfigScript } from './runtime-config-script.ts';

export const RUNTIME_CONFIG_PATH = '/config.js';
const RUNTIME_CONFIG_FILES = ['config.js', 'config.js.gz', 'config.js.br'];

export function runtimeConfigMiddleware(config: RuntimeConfig): Connect.NextHandleFunction {
  const body = renderRuntimeConfigScript(config);
  return (req, res, next) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== RUNTIME_CONFIG_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** `config` is absent for builds, which only strip any config.js from the output. */
export function runtimeConfigPlugin(config: RuntimeConfig | undefined): Plugin {
  let outDir = '';
  return {
    name: 'zamio:runtime-config',
    configResolved: (resolved) => {
      outDir = resolved.build.outDir;
    },
    configureServer: (server) => {
      if (config) server.middlewares.use(runtimeConfigMiddleware(config));
    },
    configurePreviewServer: (server) => {
      if (config) server.middlewares.use(runtimeConfigMiddleware(config));
    },
    writeBundle: () => {
      for (const file of RUNTIME_CONFIG_FILES) rmSync(join(outDir, file), { force: true });
    },
  };
}
