// The portal's configuration for the dev and preview servers, read by the one
// portal schema in libs/env — the same code `zamio-env check --app portal` and
// zamio-deploy run, with the same defaults. (The container entrypoint cannot run
// Node; its defaults are generated from that schema and its checks tested
// against it: tools/docker/render-portal-env.ts.)
// Vite hands this file to Node's type stripping, which cannot follow libs/env's
// extensionless TypeScript imports, so libs/env is loaded through tsx. This is
// Node-side build tooling: the portals' browser code never imports libs/env.
import type * as EnvLib from '@zamio/env';
import type { Env } from './runtime-config-from-env.ts';

export type PortalConfig = EnvLib.PortalConfig;

export async function readPortalConfig(env: Env): Promise<PortalConfig> {
  const { tsImport } = await import('tsx/esm/api');
  const envLib = (await tsImport('@zamio/env', import.meta.url)) as typeof EnvLib;
  try {
    return envLib.loadConfig(envLib.portalSchema, env);
  } catch (error) {
    if (error instanceof envLib.ConfigError) throw new Error(envLib.formatReportText(error));
    throw error;
  }
}
