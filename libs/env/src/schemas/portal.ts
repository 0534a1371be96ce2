// Runtime configuration of a portal container (nginx) and dev server. One image
// serves every environment: these values are read at container start.
import { duration, flag, integer, list, tcpPort, text } from '../validators';
import { optionalUrl } from '../validators';
import type { AppSchema } from '../load-config';

export const portalSpec = {
  ZAMIO_ENV: text({
    desc: 'Deployment environment shown in the portal and used for feature defaults.',
    example: 'production',
    choices: ['local', 'test', 'staging', 'production'],
    default: 'local',
    group: 'Runtime',
  }),
  APP_VERSION: text({
    desc: 'Release version, set by the image build.',
    example: '1.4.2',
    default: '0.0.0-dev',
    group: 'Runtime',
  }),
  PORT: tcpPort({
    desc: 'Unprivileged port nginx listens on.',
    example: '8080',
    default: 8080,
    group: 'HTTP server',
  }),
  PORTAL_HOST: text({
    desc: 'Dev server only (npm start, compose): interface the Vite dev server binds to (0.0.0.0 inside compose).',
    example: '0.0.0.0',
    default: '127.0.0.1',
    environments: ['local', 'test'],
    group: 'Dev server',
  }),
  PORTAL_PORT: integer({
    desc: "Dev server only: port of this portal's Vite dev server (defaults per portal: artist 5173, station 5174, publisher 5175, admin 5176).",
    example: '5173',
    default: 0,
    environments: ['local', 'test'],
    group: 'Dev server',
  }),
  PORTAL_WATCH_POLLING: flag({
    desc: 'Dev server only: poll for file changes (bind mounts on Docker Desktop that miss file events).',
    example: 'true',
    default: false,
    environments: ['local', 'test'],
    group: 'Dev server',
  }),
  API_BASE_URL: text({
    desc: 'Where the browser calls the API: `/api` (same origin, proxied by this container) or an absolute https:// URL of the bff.',
    example: '/api',
    default: '/api',
    group: 'URLs',
  }),
  INTERNAL_API_URL: optionalUrl({
    desc: "The bff's internal URL (origin only) that this container proxies /api to. Coolify: http://zamio-bff-<environment>:3000, the network alias zamio-deploy gives the bff (a bare uuid does not resolve for applications).",
    example: 'http://zamio-bff-production:3000',
    default: '',
    group: 'URLs',
  }),
  FEATURE_FLAGS: list({
    desc: 'Comma-separated feature flags turned on in this portal.',
    example: 'realtime,playlog-csv',
    default: [],
    group: 'Runtime',
  }),
  CSP_CONNECT_SRC: text({
    desc: 'Extra origins allowed in the Content-Security-Policy connect-src (needed when API_BASE_URL is another origin).',
    example: 'https://api.zamio.example',
    default: '',
    group: 'Security',
  }),
  SHUTDOWN_DRAIN_DELAY: duration({
    desc: 'On SIGTERM/SIGQUIT, /healthz fails at once and nginx keeps serving this long before it stops accepting, so the proxy has stopped routing here first (longer than health check retries × (interval + timeout) + ~2 s).',
    example: '15s',
    default: 15_000,
    group: 'Shutdown',
  }),
  SHUTDOWN_TIMEOUT: duration({
    desc: 'Whole stop budget: drain delay plus the time nginx may take to finish in-flight requests (worker_shutdown_timeout); keep it below the stop grace period.',
    example: '25s',
    default: 25_000,
    group: 'Shutdown',
  }),
  HSTS: flag({
    desc: 'Send Strict-Transport-Security from nginx (leave off when the proxy sets it).',
    example: 'false',
    default: false,
    group: 'Security',
  }),
};

export type PortalConfig = {
  readonly [K in keyof typeof portalSpec]: ReturnType<NonNullable<(typeof portalSpec)[K]['_parse']>>;
};

export const portalSchema: AppSchema<PortalConfig> = {
  app: 'portal',
  spec: portalSpec,
  refine: (config, env) => {
    if (
      config.SHUTDOWN_DRAIN_DELAY !== undefined &&
      config.SHUTDOWN_TIMEOUT !== undefined &&
      config.SHUTDOWN_DRAIN_DELAY >= config.SHUTDOWN_TIMEOUT
    ) {
      return [{ variable: 'SHUTDOWN_TIMEOUT', problem: 'must be longer than SHUTDOWN_DRAIN_DELAY' }];
    }
    // nginx proxies to it with the request URI appended: a path would be dropped or doubled.
    if (config.INTERNAL_API_URL && new URL(config.INTERNAL_API_URL).pathname !== '/') {
      return [
        { variable: 'INTERNAL_API_URL', problem: 'must be an origin (scheme://host[:port]) without a path' },
      ];
    }
    const secureEnv = env === 'staging' || env === 'production';
    if (config.API_BASE_URL === undefined) return [];
    if (secureEnv && config.API_BASE_URL.startsWith('http:')) {
      return [
        { variable: 'API_BASE_URL', problem: 'must be /api or an https:// URL in staging and production' },
      ];
    }
    if (!config.API_BASE_URL.startsWith('/') && !/^https?:\/\//.test(config.API_BASE_URL)) {
      return [
        {
          variable: 'API_BASE_URL',
          problem: 'must start with / (same origin) or be an absolute http(s) URL',
        },
      ];
    }
    if (config.API_BASE_URL.startsWith('/') && config.INTERNAL_API_URL === '') {
      return [
        {
          variable: 'INTERNAL_API_URL',
          problem: `is required when API_BASE_URL is the same-origin path ${config.API_BASE_URL} (the container proxies it to the bff)`,
        },
      ];
    }
    return [];
  },
};
