// Runtime configuration of a portal. One built image serves every environment:
// nginx (production) or the dev server writes /config.js at start, which sets
// window.__ZAMIO_CONFIG__ before the app's module script runs.

export interface RuntimeConfig {
  /** Where the browser calls the bff: `/api` (same origin) or an absolute URL. */
  apiBaseUrl: string;
  /** Deployment environment name, e.g. local, staging, production. */
  environment: string;
  /** Release version of this portal build. */
  version: string;
  /** Feature flags switched on for this deployment. */
  features: string[];
}

export const DEFAULT_RUNTIME_CONFIG: Readonly<RuntimeConfig> = Object.freeze({
  apiBaseUrl: '/api',
  environment: 'local',
  version: '0.0.0-dev',
  features: [],
});

declare global {
  interface Window {
    __ZAMIO_CONFIG__?: unknown;
  }
}

const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Reads and sanitises the runtime config. A missing or malformed /config.js must
 * not blank the portal, so every field falls back to its default on its own.
 */
export function readRuntimeConfig(source: unknown = globalThis.window?.__ZAMIO_CONFIG__): RuntimeConfig {
  const raw = typeof source === 'object' && source !== null ? (source as Record<string, unknown>) : {};
  const features = Array.isArray(raw.features)
    ? raw.features.filter(nonEmptyString).map((flag) => flag.trim())
    : [];
  return {
    // A trailing slash would produce `//version` when joined with a path.
    apiBaseUrl: nonEmptyString(raw.apiBaseUrl)
      ? raw.apiBaseUrl.trim().replace(/\/+$/, '') || '/'
      : DEFAULT_RUNTIME_CONFIG.apiBaseUrl,
    environment: nonEmptyString(raw.environment)
      ? raw.environment.trim()
      : DEFAULT_RUNTIME_CONFIG.environment,
    version: nonEmptyString(raw.version) ? raw.version.trim() : DEFAULT_RUNTIME_CONFIG.version,
    features: [...new Set(features)],
  };
}

export const hasFeature = (config: RuntimeConfig, feature: string): boolean =>
  config.features.includes(feature);
