// The bff's configuration: HTTP server, proxy trust, CORS, sessions, plus the
// shared runtime, database and Redis variables.
import { optionalUrl, duration, flag, integer, list, tcpPort, text } from '../validators';
import type { AppSchema } from '../load-config';
import { databaseSpec, processSpec, redisSpec, runtimeSpec } from './common';
import { productionRefusals } from '../production-refusals';

export const bffSpec = {
  ...runtimeSpec,
  HOST: text({ desc: 'Interface to listen on (Coolify sets 0.0.0.0).', example: '0.0.0.0', default: '0.0.0.0', group: 'HTTP server' }),
  PORT: tcpPort({ desc: 'Public HTTP port of the API.', example: '3000', default: 3000, group: 'HTTP server' }),
  WEB_CONCURRENCY: integer({ desc: 'Worker processes serving HTTP; 0 means one per CPU the container may use.', example: '2', default: 0, group: 'HTTP server' }),
  PUBLIC_API_URL: optionalUrl({ desc: 'Public base URL of the API as browsers see it (https:// in production).', example: 'https://api.zamio.example', localDefault: '', group: 'URLs' }),
  TRUST_PROXY: list({ desc: 'Addresses/CIDRs of the reverse proxy whose X-Forwarded-* headers are trusted (Coolify: the coolify docker network, e.g. 10.0.1.0/24); `none` trusts nobody.', example: '10.0.1.0/24', localDefault: 'loopback', group: 'Proxy and TLS' }),
  CORS_ORIGINS: list({ desc: 'Exact origins allowed to call the API cross-origin with credentials (comma-separated). Same-origin portals need none.', example: 'https://artist.zamio.example,https://admin.zamio.example', default: [], group: 'CORS' }),
  CORS_ORIGIN_PATTERNS: list({ desc: 'Regular expressions of extra allowed origins (no credentials), e.g. preview deployments.', example: '^https://pr-[0-9]+\\.preview\\.zamio\\.example$', default: [], group: 'CORS' }),
  HSTS_MAX_AGE: duration({ desc: 'Strict-Transport-Security max-age (0 disables HSTS).', example: '31536000s', default: 31_536_000_000, group: 'Proxy and TLS' }),
  FORCE_HTTPS: flag({ desc: 'Redirect plain-HTTP requests (as reported by the trusted proxy) to https:// and mark cookies Secure.', example: 'true', default: true, localDefault: 'false', group: 'Proxy and TLS' }),
  SESSION_SECRET: text({ desc: 'Secret (32+ random characters) that signs session cookies. Generate with `openssl rand -base64 48`.', example: 'generate-with-openssl-rand-base64-48', localDefault: 'local-development-session-secret-not-for-production', group: 'Sessions', secret: true }),
  SESSION_SECRET_PREVIOUS: text({ desc: 'The previous SESSION_SECRET during a rotation; sessions signed with it stay valid until it is removed.', example: '', default: '', group: 'Sessions', secret: true }),
  KEEP_ALIVE_TIMEOUT: duration({ desc: 'Idle keep-alive timeout of client connections; must exceed the proxy\'s idle timeout to upstreams (Traefik: 90s).', example: '95s', default: 95_000, group: 'HTTP server' }),
  REQUEST_TIMEOUT: duration({ desc: 'Maximum time to receive a whole request, body included (uploads need headroom).', example: '120s', default: 120_000, group: 'HTTP server' }),
  BODY_LIMIT: integer({ desc: 'Largest JSON body in bytes (uploads have their own per-kind limits).', example: '1048576', default: 1_048_576, group: 'HTTP server' }),
  SHUTDOWN_DRAIN_DELAY: duration({ desc: 'After SIGTERM, keep serving with /readyz at 503 for this long so the proxy stops routing here first (> healthcheck interval × retries + 2s).', example: '8s', default: 8_000, localDefault: '0', group: 'Lifecycle' }),
  MIGRATE_ON_START: flag({ desc: 'Apply pending migrations (under an advisory lock) before reporting ready. Turn off where a separate migrate step runs first (compose).', example: 'true', default: true, group: 'Database' }),
  MIGRATION_STATEMENT_TIMEOUT: duration({ desc: 'statement_timeout while migrating; longer than the app\'s, DDL may wait for locks.', example: '10m', default: 600_000, group: 'Database' }),
  SEED_DEMO_DATA: flag({ desc: 'Create the demo accounts and catalogue at start (refused in production).', example: 'false', default: false, group: 'Runtime' }),
  ...processSpec,
  ...databaseSpec,
  ...redisSpec,
};

export type BffConfig = { readonly [K in keyof typeof bffSpec]: ReturnType<NonNullable<(typeof bffSpec)[K]['_parse']>> };

export const bffSchema: AppSchema<BffConfig> = {
  app: 'bff',
  spec: bffSpec,
  refine: (config, env) => productionRefusals(config, env),
};
