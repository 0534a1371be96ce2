// The bff's configuration: HTTP server, proxy trust, CORS, sessions, upload
// caps, plus the shared runtime, storage, database and Redis variables.
import {
  optionalUrl,
  duration,
  flag,
  integer,
  list,
  patternList,
  proxyList,
  tcpPort,
  text,
} from '../validators';
import type { AppSchema } from '../load-config';
import { databaseSpec, processSpec, redisSpec, runtimeSpec } from './common';
import { streamAddressSpec } from './streams';
import { productionRefusals } from '../production-refusals';
import { storageRefusals, storageSpec } from './storage';

export const bffSpec = {
  ...runtimeSpec,
  HOST: text({
    desc: 'Interface to listen on (Coolify sets 0.0.0.0).',
    example: '0.0.0.0',
    default: '0.0.0.0',
    group: 'HTTP server',
  }),
  PORT: tcpPort({
    desc: 'Public HTTP port of the API.',
    example: '3000',
    default: 3000,
    group: 'HTTP server',
  }),
  WEB_CONCURRENCY: integer({
    desc: 'Worker processes serving HTTP; 0 means one per CPU the container may use (its cgroup CPU quota, else the machine).',
    example: '2',
    default: 0,
    group: 'HTTP server',
  }),
  PUBLIC_API_URL: optionalUrl({
    desc: 'Public base URL of the API as browsers see it (https:// in production).',
    example: 'https://api.zamio.example',
    localDefault: '',
    group: 'URLs',
  }),
  TRUST_PROXY: proxyList({
    desc: 'Addresses/CIDRs of the reverse proxy whose X-Forwarded-* headers are trusted (Coolify: the coolify docker network, e.g. 10.0.1.0/24), or loopback / linklocal / uniquelocal; `none` trusts nobody. A /0 (trusting everyone) is refused.',
    example: '10.0.1.0/24',
    localDefault: 'loopback',
    group: 'Proxy and TLS',
  }),
  CORS_ORIGINS: list({
    desc: 'Exact origins allowed to call the API cross-origin with credentials (comma-separated). Same-origin portals need none.',
    example: 'https://artist.zamio.example,https://admin.zamio.example',
    default: [],
    group: 'CORS',
  }),
  CORS_ORIGIN_PATTERNS: patternList({
    desc: 'Regular expressions of extra allowed origins (no credentials), e.g. preview deployments. In staging/production each must be anchored (^…$) and must not match any origin (e.g. `.*`).',
    example: '^https://pr-[0-9]+\\.preview\\.zamio\\.example$',
    default: [],
    group: 'CORS',
  }),
  HSTS_MAX_AGE: duration({
    desc: 'Strict-Transport-Security max-age (0 disables HSTS; staging/production need at least 180 days).',
    example: '31536000s',
    default: 31_536_000_000,
    group: 'Proxy and TLS',
  }),
  FORCE_HTTPS: flag({
    desc: 'Redirect plain-HTTP requests (as reported by the trusted proxy) to https:// and mark cookies Secure.',
    example: 'true',
    default: true,
    localDefault: 'false',
    group: 'Proxy and TLS',
  }),
  SESSION_SECRET: text({
    desc: 'Secret (32+ random characters) that signs session cookies. Generate with `openssl rand -base64 48`.',
    example: 'generate-with-openssl-rand-base64-48',
    localDefault: 'local-development-session-secret-not-for-production',
    group: 'Sessions',
    secret: true,
  }),
  SESSION_SECRET_PREVIOUS: text({
    desc: 'The previous SESSION_SECRET during a rotation; sessions signed with it stay valid until it is removed.',
    example: '',
    default: '',
    group: 'Sessions',
    secret: true,
  }),
  KEEP_ALIVE_TIMEOUT: duration({
    desc: "Idle keep-alive timeout of client connections; must exceed the proxy's idle timeout to upstreams (Traefik: 90s).",
    example: '95s',
    default: 95_000,
    group: 'HTTP server',
  }),
  REQUEST_TIMEOUT: duration({
    desc: 'Maximum time to receive a whole request, body included (uploads need headroom).',
    example: '120s',
    default: 120_000,
    group: 'HTTP server',
  }),
  BODY_LIMIT: integer({
    desc: 'Largest JSON body in bytes (uploads have their own per-kind limits).',
    example: '1048576',
    default: 1_048_576,
    group: 'HTTP server',
  }),
  SHUTDOWN_DRAIN_DELAY: duration({
    desc: 'After SIGTERM, keep serving with /readyz at 503 for this long so the proxy stops routing here first (> health check retries × (interval + timeout) + 2s).',
    example: '15s',
    default: 15_000,
    localDefault: '0',
    group: 'Lifecycle',
  }),
  MIGRATE_ON_START: flag({
    desc: 'Apply pending migrations (under an advisory lock) before reporting ready. Turn off where a separate migrate step runs first (compose).',
    example: 'true',
    default: true,
    group: 'Database',
  }),
  MIGRATION_STATEMENT_TIMEOUT: duration({
    desc: "statement_timeout while migrating; longer than the app's, DDL may wait for locks.",
    example: '10m',
    default: 600_000,
    group: 'Database',
  }),
  SEED_DEMO_DATA: flag({
    desc: 'Create the demo accounts and catalogue at start (refused in production).',
    example: 'false',
    default: false,
    group: 'Runtime',
  }),
  SESSION_TTL: duration({
    desc: 'How long a sign-in lasts before the user must sign in again (sessions are also revocable at any time).',
    example: '168h',
    default: 604_800_000,
    group: 'Sessions',
  }),
  BOOTSTRAP_ADMIN_EMAIL: text({
    desc: 'E-mail of the first administrator, created at start while no admin exists (with BOOTSTRAP_ADMIN_PASSWORD_FILE).',
    example: 'ops@zamio.example',
    default: '',
    group: 'Accounts',
  }),
  BOOTSTRAP_ADMIN_PASSWORD_FILE: text({
    desc: "Path of a file (mounted secret) holding the first administrator's password, 12+ characters.",
    example: '/run/secrets/zamio_admin_password',
    default: '',
    group: 'Accounts',
  }),
  RATE_LIMIT_WINDOW: duration({
    desc: 'Window of the global per-IP limit and of the upload limit.',
    example: '1m',
    default: 60_000,
    group: 'Rate limits',
  }),
  RATE_LIMIT_GLOBAL_MAX: integer({
    desc: 'Requests per IP per RATE_LIMIT_WINDOW across all routes (404s included).',
    example: '600',
    default: 600,
    group: 'Rate limits',
  }),
  RATE_LIMIT_AUTH_WINDOW: duration({
    desc: 'Window of the sign-in, sign-up and password-change limits.',
    example: '15m',
    default: 900_000,
    group: 'Rate limits',
  }),
  RATE_LIMIT_AUTH_IP_MAX: integer({
    desc: 'Sign-in/sign-up/password attempts per IP per RATE_LIMIT_AUTH_WINDOW.',
    example: '30',
    default: 30,
    group: 'Rate limits',
  }),
  RATE_LIMIT_AUTH_ACCOUNT_MAX: integer({
    desc: 'Failed sign-ins per account (e-mail) from one client address before that address gets 429 for that account (other addresses are unaffected; a success resets it), and password changes per user, per RATE_LIMIT_AUTH_WINDOW.',
    example: '10',
    default: 10,
    group: 'Rate limits',
  }),
  RATE_LIMIT_AUTH_DELAY_AFTER: integer({
    desc: 'Failed sign-ins of one account (from any address) answered without delay; each further attempt waits 250 ms, doubling per failure up to RATE_LIMIT_AUTH_DELAY_MAX.',
    example: '5',
    default: 5,
    group: 'Rate limits',
  }),
  RATE_LIMIT_AUTH_DELAY_MAX: duration({
    desc: "Longest delay a sign-in attempt on a much-failed account waits (the owner's correct password still works, just slower).",
    example: '5s',
    default: 5_000,
    group: 'Rate limits',
  }),
  RATE_LIMIT_AUTH_SPRAY_ADDRESSES: integer({
    desc: 'Distinct client addresses failing to sign in to one account within RATE_LIMIT_AUTH_WINDOW that raise an alert (warning log line and zamio_sign_in_spray_alerts_total).',
    example: '5',
    default: 5,
    group: 'Rate limits',
  }),
  RATE_LIMIT_UPLOAD_MAX: integer({
    desc: 'Uploads per user or capture device per RATE_LIMIT_WINDOW.',
    example: '60',
    default: 60,
    group: 'Rate limits',
  }),
  UPLOAD_MAX_TRACK_AUDIO: integer({
    desc: 'Largest track audio upload in bytes.',
    example: '209715200',
    default: 209_715_200,
    group: 'Uploads',
  }),
  UPLOAD_MAX_CAPTURE_AUDIO: integer({
    desc: 'Largest station capture upload in bytes (10 s captures are small).',
    example: '5242880',
    default: 5_242_880,
    group: 'Uploads',
  }),
  UPLOAD_MAX_PLAYLOG_CSV: integer({
    desc: 'Largest playlog CSV upload in bytes.',
    example: '10485760',
    default: 10_485_760,
    group: 'Uploads',
  }),
  UPLOAD_MAX_DOCUMENT: integer({
    desc: 'Largest image/document upload in bytes.',
    example: '10485760',
    default: 10_485_760,
    group: 'Uploads',
  }),
  UPLOAD_PARTIAL_DIR: text({
    desc: 'Directory of resumable (tus) uploads in progress, shared by every bff process (a volume all bff containers mount, in S3 mode too); empty means `.partial` inside UPLOAD_DIR. Finished files move to the upload storage; nothing here needs a backup.',
    example: '/var/lib/zamio/uploads/.partial',
    default: '',
    group: 'Uploads',
  }),
  UPLOAD_PARTIAL_EXPIRY: duration({
    desc: 'How long after its creation a resumable upload may be continued; older partial uploads are refused (410) and removed by the bff sweep.',
    example: '24h',
    default: 86_400_000,
    group: 'Uploads',
  }),
  ...streamAddressSpec,
  ...storageSpec,
  ...processSpec,
  ...databaseSpec,
  ...redisSpec,
};

/** The bff's environment as validated, by variable name (see config/bff-config.ts for the app's view). */
export type BffEnv = {
  readonly [K in keyof typeof bffSpec]: ReturnType<NonNullable<(typeof bffSpec)[K]['_parse']>>;
};

export const bffSchema: AppSchema<BffEnv> = {
  app: 'bff',
  spec: bffSpec,
  refine: (config, env) => [...productionRefusals(config, env), ...storageRefusals(config, env)],
};
