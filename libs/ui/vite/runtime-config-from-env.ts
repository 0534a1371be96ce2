// The portal's runtime config from environment variables, with the same names
// and defaults the production container uses (see libs/env's portal schema).
import type { RuntimeConfig } from '../src/runtime-config/runtime-config.ts';

export type Env = Record<string, string | undefined>;

const valueOr = (value: string | undefined, fallback: string): string =>
  value === undefined || value.trim() === '' ? fallback : value.trim();

export function parseFeatureFlags(value: string | undefined): string[] {
  const flags = (value ?? '')
    .split(',')
    .map((flag) => flag.trim())
    .filter((flag) => flag !== '');
  return [...new Set(flags)];
}

export function runtimeConfigFromEnv(env: Env): RuntimeConfig {
  return {
    apiBaseUrl: valueOr(env.API_BASE_URL, '/api'),
    environment: valueOr(env.ZAMIO_ENV, 'local'),
    version: valueOr(env.APP_VERSION, '0.0.0-dev'),
    features: parseFeatureFlags(env.FEATURE_FLAGS),
  };
}
