// Dev/preview server settings from the environment. Compose and `npm start` set
// these; a missing bff URL fails loudly instead of proxying into the void.
import type { Env } from './runtime-config-from-env.ts';

export interface DevServerSettings {
  host: string;
  port: number;
  /** Origin the dev server proxies /api to. */
  apiProxyTarget: string;
}

export function parsePortalPort(value: string | undefined, defaultPort: number): number {
  if (value === undefined || value.trim() === '') return defaultPort;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`PORTAL_PORT must be a TCP port between 1 and 65535, got "${value}"`);
  }
  return port;
}

export function requireInternalApiUrl(value: string | undefined, app: string): string {
  if (value === undefined || value.trim() === '') {
    throw new Error(
      `INTERNAL_API_URL is not set: the ${app} dev server proxies /api to the bff and needs its base URL ` +
        '(scheme, host and port of the bff, e.g. the bff service on port 3000). Set INTERNAL_API_URL and start again.',
    );
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`INTERNAL_API_URL must be an absolute URL of the bff, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`INTERNAL_API_URL must use http or https, got "${url.protocol}"`);
  }
  return url.origin;
}

export function devServerSettings(env: Env, app: string, defaultPort: number): DevServerSettings {
  return {
    host: env.PORTAL_HOST?.trim() || '127.0.0.1',
    port: parsePortalPort(env.PORTAL_PORT, defaultPort),
    apiProxyTarget: requireInternalApiUrl(env.INTERNAL_API_URL, app),
  };
}
