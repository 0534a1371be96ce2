// The portal's runtime config (/config.js) from its validated configuration:
// the same fields, defaults and flag handling the production container uses.
import type { RuntimeConfig } from '../src/runtime-config/runtime-config.ts';
import { readPortalConfig, type PortalConfig } from './portal-env.ts';

export type Env = Record<string, string | undefined>;

export function runtimeConfigOf(
  config: Pick<PortalConfig, 'API_BASE_URL' | 'ZAMIO_ENV' | 'APP_VERSION' | 'FEATURE_FLAGS'>,
): RuntimeConfig {
  return {
    apiBaseUrl: config.API_BASE_URL,
    environment: config.ZAMIO_ENV,
    version: config.APP_VERSION,
    // A flag named twice is one flag (the container's config.js does the same).
    features: [...new Set(config.FEATURE_FLAGS)],
  };
}

export async function runtimeConfigFromEnv(env: Env): Promise<RuntimeConfig> {
  return runtimeConfigOf(await readPortalConfig(env));
}
