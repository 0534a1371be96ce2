// Validates the environment Coolify will give an application with the same
// schema and code the app runs at start (`zamio-env check` equivalent), so an
// invalid configuration is refused before any container is replaced.
import { APP_SCHEMAS, ConfigError, loadConfig, type RawEnv } from '@zamio/env';
import type { CoolifyEnvironmentVariable } from './coolify-client';
import type { DeployTarget } from './load-resources';

export type EnvCheck = { ok: true; config: Record<string, unknown> } | { ok: false; error: ConfigError };

/** Runtime variables of the application (not preview ones), resolved values first. */
export function runtimeEnvOf(variables: CoolifyEnvironmentVariable[]): RawEnv {
  const env: RawEnv = {};
  for (const variable of variables) {
    if (variable.is_preview || variable.is_runtime === false) continue;
    env[variable.key] = variable.real_value ?? variable.value;
  }
  return env;
}

export function checkApplicationEnv(
  target: DeployTarget,
  variables: CoolifyEnvironmentVariable[],
  environment: string,
): EnvCheck {
  const firstPort = target.resource.ports_exposes.split(',')[0]!;
  // Coolify injects HOST and PORT (the first exposed port) into non-compose apps.
  const injected: RawEnv = { HOST: '0.0.0.0', PORT: firstPort };
  const configured = runtimeEnvOf(variables);
  const declared = configured.ZAMIO_ENV?.trim();
  // The images default ZAMIO_ENV to production; validate as the target
  // environment when unset, and refuse an env meant for another one.
  const raw: RawEnv = { ...injected, ...configured, ZAMIO_ENV: declared || environment };
  const schema = APP_SCHEMAS[target.resource.env_schema];
  const mismatch =
    declared && declared !== environment
      ? [
          {
            variable: 'ZAMIO_ENV',
            problem: `is "${declared}" but this deploy targets "${environment}"`,
            description: 'Deployment environment.',
            example: environment,
          },
        ]
      : [];
  try {
    const config = loadConfig(schema as never, raw) as Record<string, unknown>;
    if (mismatch.length > 0) return { ok: false, error: new ConfigError(target.name, mismatch) };
    return { ok: true, config };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return {
      ok: false,
      error: new ConfigError(target.name, [
        ...mismatch,
        ...error.problems.filter((p) => p.variable !== 'ZAMIO_ENV' || mismatch.length === 0),
      ]),
    };
  }
}
