// Start-up refusals for staging and production: each unsafe setting gets its
// own message naming the variable (in the spirit of paperless-ngx's checks).
import type { ConfigProblem } from './problems';
import type { Environment } from './variable';
import { isEmbeddedDatabaseUrl, isInProcessRedisUrl } from './config/connection-targets';

interface ServerLikeConfig {
  LOG_PRETTY?: boolean;
  LOG_LEVEL?: string;
  DATABASE_URL?: string;
  REDIS_URL?: string;
  SESSION_SECRET?: string;
  SESSION_SECRET_PREVIOUS?: string;
  TRUST_PROXY?: string[];
  CORS_ORIGINS?: string[];
  PUBLIC_API_URL?: string;
  SEED_DEMO_DATA?: boolean;
  FORCE_HTTPS?: boolean;
  /** Milliseconds, as the duration validator returns it. */
  HSTS_MAX_AGE?: number;
  CORS_ORIGIN_PATTERNS?: string[];
  HEALTH_DETAILS_TOKEN?: string;
}

/** Mozilla Observatory's and most scanners' minimum for HSTS: 180 days. */
export const MIN_HSTS_MAX_AGE_SECONDS = 180 * 24 * 3600;

/**
 * Origins no allow-list pattern may match: if one does, the pattern admits
 * strangers. (Built from parts: the source holds no URL literals.)
 */
const FOREIGN_ORIGINS = [
  ['https', 'attacker.invalid'],
  ['http', 'localhost'],
  ['https', 'zamio.example.attacker.invalid'],
]
  .map(([scheme, host]) => `${scheme}://${host}`)
  .concat('null');

/** Why a CORS origin pattern admits more than intended, or undefined. */
export function loosePatternProblem(pattern: string): string | undefined {
  if (!pattern.startsWith('^') || !pattern.endsWith('$'))
    return `"${pattern}" must be anchored (^…$), or it matches any origin containing it`;
  const re = new RegExp(pattern);
  const foreign = FOREIGN_ORIGINS.find((origin) => re.test(origin));
  return foreign === undefined ? undefined : `"${pattern}" matches everything (e.g. ${foreign})`;
}

const KNOWN_WEAK = [
  /^change-?me/i,
  /^secret$/i,
  /^password/i,
  /generate-with/i,
  /local-development/i,
  /^example/i,
  /^(.)\1+$/,
];

export function isWeakSecret(value: string): boolean {
  if (value.length < 32) return true;
  if (KNOWN_WEAK.some((re) => re.test(value))) return true;
  return new Set(value).size < 10;
}

export function productionRefusals(config: ServerLikeConfig, env: Environment): ConfigProblem[] {
  if (env !== 'production' && env !== 'staging') return [];
  const problems: ConfigProblem[] = [];
  const refuse = (variable: string, problem: string) => problems.push({ variable, problem });

  if (config.LOG_PRETTY)
    refuse('LOG_PRETTY', `pretty logs are for development; ${env} needs JSON logs (set LOG_PRETTY=false)`);
  if (config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace')
    refuse('LOG_LEVEL', `debug logging is refused in ${env}; use info or warn`);
  if (config.DATABASE_URL !== undefined && isEmbeddedDatabaseUrl(config.DATABASE_URL))
    refuse('DATABASE_URL', `the embedded database is for local use; ${env} needs a postgres:// URL`);
  if (config.REDIS_URL !== undefined && isInProcessRedisUrl(config.REDIS_URL))
    refuse(
      'REDIS_URL',
      `in-process queues cannot be shared between replicas; ${env} needs a redis:// or rediss:// URL`,
    );
  if (config.SESSION_SECRET !== undefined && isWeakSecret(config.SESSION_SECRET)) {
    refuse(
      'SESSION_SECRET',
      'is weak or an example value; use 32+ random characters (openssl rand -base64 48)',
    );
  }
  if (config.SESSION_SECRET_PREVIOUS && isWeakSecret(config.SESSION_SECRET_PREVIOUS)) {
    refuse('SESSION_SECRET_PREVIOUS', 'is weak or an example value');
  }
  if (config.TRUST_PROXY !== undefined && config.TRUST_PROXY.length === 0) {
    refuse(
      'TRUST_PROXY',
      `must name the proxy's addresses (e.g. the coolify network CIDR), or "none" when no proxy is in front`,
    );
  }
  if (config.CORS_ORIGINS?.some((origin) => origin === '*' || origin.includes('*'))) {
    refuse(
      'CORS_ORIGINS',
      'a wildcard origin with credentialed requests is refused; list exact https:// origins',
    );
  }
  if (config.CORS_ORIGINS?.some((origin) => origin.startsWith('http:'))) {
    refuse('CORS_ORIGINS', 'plain http:// origins are refused; use https://');
  }
  if (config.PUBLIC_API_URL !== undefined && !config.PUBLIC_API_URL.startsWith('https://')) {
    refuse('PUBLIC_API_URL', `must be an https:// URL in ${env}`);
  }
  if (config.SEED_DEMO_DATA)
    refuse('SEED_DEMO_DATA', `demo accounts with known passwords are refused in ${env}`);
  if (config.FORCE_HTTPS === false)
    refuse('FORCE_HTTPS', `must stay on in ${env} (Secure cookies, HTTPS redirect)`);
  if (config.HSTS_MAX_AGE !== undefined && config.HSTS_MAX_AGE / 1000 < MIN_HSTS_MAX_AGE_SECONDS)
    refuse(
      'HSTS_MAX_AGE',
      `is below 180 days (${MIN_HSTS_MAX_AGE_SECONDS}s); browsers must keep using HTTPS — use 31536000s`,
    );
  for (const pattern of config.CORS_ORIGIN_PATTERNS ?? []) {
    const problem = loosePatternProblem(pattern);
    if (problem) {
      refuse('CORS_ORIGIN_PATTERNS', problem);
      break;
    }
  }
  if (config.HEALTH_DETAILS_TOKEN && isWeakSecret(config.HEALTH_DETAILS_TOKEN))
    refuse(
      'HEALTH_DETAILS_TOKEN',
      'is weak: use 32+ random characters (openssl rand -hex 32), or leave it empty to show no details',
    );
  return problems;
}
