// The deploy tool's own configuration (not an app's): where Coolify is, the API
// token, the image registry and how long to wait for a deployment. Built with
// @zamio/env's validators so every variable has a description and an example,
// and a missing one is reported by name like any app's configuration.
import { absoluteUrl, duration, loadConfig, text, type AppSchema, type RawEnv } from '@zamio/env';

export const deploySpec = {
  COOLIFY_URL: absoluteUrl({
    desc: 'Base URL of the Coolify instance (its API lives under /api/v1).',
    example: 'https://coolify.zamio.example',
    group: 'Coolify',
  }),
  COOLIFY_TOKEN: text({
    desc: 'Coolify API token (Keys & Tokens → API tokens) with write, deploy and read:sensitive permissions.',
    example: '3|c0ffee…',
    group: 'Coolify',
    secret: true,
  }),
  ZAMIO_REGISTRY: text({
    desc: 'Registry host (and path) the images were pushed to; fills ${ZAMIO_REGISTRY} in coolify/resources.yaml.',
    example: 'ghcr.io/zamio-gh',
    group: 'Images',
  }),
  DEPLOY_POLL_INTERVAL: duration({
    desc: "How often a running deployment's status is polled.",
    example: '3s',
    default: 3_000,
    group: 'Rollout',
  }),
  DEPLOY_TIMEOUT: duration({
    desc: "Give up waiting for one application's deployment after this long (pull + start period + health retries).",
    example: '15m',
    default: 900_000,
    group: 'Rollout',
  }),
  DEPLOY_RETRY_MAX_DELAY: duration({
    desc: 'Longest pause before asking Coolify again when its deployment queue is full (429, whose Retry-After is honoured up to this) or it skipped the request because a deployment of the app is already running.',
    example: '60s',
    default: 60_000,
    group: 'Rollout',
  }),
};

export type DeployConfig = {
  readonly [K in keyof typeof deploySpec]: ReturnType<NonNullable<(typeof deploySpec)[K]['_parse']>>;
};

export const deploySchema: AppSchema<DeployConfig> = {
  app: 'zamio-deploy',
  spec: deploySpec,
  refine: (config) =>
    config.COOLIFY_URL !== undefined && !/^https?:\/\//.test(config.COOLIFY_URL)
      ? [{ variable: 'COOLIFY_URL', problem: 'must be an http(s):// URL' }]
      : [],
};

/** Validates the tool's environment; throws ConfigError naming every problem. */
export function loadDeployConfig(raw: RawEnv): DeployConfig {
  // ZAMIO_ENV describes the apps' environment, not this tool's: never let a
  // stray value change which defaults apply here.
  return loadConfig(deploySchema, { ...raw, ZAMIO_ENV: 'production' });
}

/** The API root: Coolify serves its REST API under /api/v1. */
export function apiBaseUrl(config: Pick<DeployConfig, 'COOLIFY_URL'>): string {
  return `${config.COOLIFY_URL.replace(/\/+$/, '')}/api/v1`;
}
