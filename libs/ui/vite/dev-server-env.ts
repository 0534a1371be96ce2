// Dev/preview server settings from the portal's validated configuration.
// Compose and `npm start` set these; a missing bff URL fails loudly instead of
// proxying into the void.
import type { PortalConfig } from './portal-env.ts';

export interface DevServerSettings {
  host: string;
  port: number;
  /** Origin the dev server proxies /api to. */
  apiProxyTarget: string;
  /** Poll for file changes (bind mounts that miss file events). */
  polling: boolean;
}

export function devServerSettings(config: PortalConfig, app: string, defaultPort: number): DevServerSettings {
  const port = config.PORTAL_PORT === 0 ? defaultPort : config.PORTAL_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`PORTAL_PORT must be a TCP port between 1 and 65535, got "${config.PORTAL_PORT}"`);
  if (config.INTERNAL_API_URL === '')
    throw new Error(
      `INTERNAL_API_URL is not set: the ${app} dev server proxies /api to the bff and needs its base URL ` +
        '(scheme, host and port of the bff, e.g. the bff service on port 3000). Set INTERNAL_API_URL and start again.',
    );
  return {
    host: config.PORTAL_HOST,
    port,
    apiProxyTarget: new URL(config.INTERNAL_API_URL).origin,
    polling: config.PORTAL_WATCH_POLLING,
  };
}
