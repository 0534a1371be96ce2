import { describe, expect, it } from 'vitest';
import { APP_NAMES, APP_SCHEMAS } from './apps';
import { ConfigError } from './problems';
import { loadConfig, type RawEnv } from './load-config';
import { formatReportJson, formatReportText } from './report';
import type { SchemaSpec } from './variable';
import { requiredInProduction } from './docs/render-configuration-doc';

const STRONG_SECRET = 'q7Yw2LzP9vKc4NxR8mTb3HsJ6dFg1AeU5oWiZ0yXlQ';

/** A production environment that passes every rule; tests break one thing at a time. */
export const validProductionEnv: RawEnv = {
  ZAMIO_ENV: 'production',
  DATABASE_URL: 'postgres://zamio:pw@db.internal:5432/zamio',
  REDIS_URL: 'rediss://default:pw@redis.internal:6380/0',
  SESSION_SECRET: STRONG_SECRET,
  TRUST_PROXY: '10.0.1.0/24',
  PUBLIC_API_URL: 'https://api.zamio.example',
  INTERNAL_API_URL: 'http://bff:3000',
};

function problemsOf(app: keyof typeof APP_SCHEMAS, env: RawEnv): { variable: string; problem: string }[] {
  try {
    loadConfig(APP_SCHEMAS[app] as never, env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

describe('every variable', () => {
  for (const app of APP_NAMES) {
    const spec = APP_SCHEMAS[app].spec as SchemaSpec;
    for (const [name, variable] of Object.entries(spec)) {
      it(`${app}.${name} has a description and an example`, () => {
        expect(variable.zamio.desc.length).toBeGreaterThan(10);
        expect(variable.zamio.example).toBeDefined();
      });
      if (!variable.zamio.secret && name !== 'ZAMIO_ENV') {
        it(`${app}.${name} accepts its documented example in local`, () => {
          const problems = problemsOf(app, {
            ZAMIO_ENV: 'local',
            INTERNAL_API_URL: 'http://bff:3000',
            [name]: variable.zamio.example,
          });
          expect(problems.filter((p) => p.variable === name)).toEqual([]);
        });
      }
      const typed =
        variable.choices !== undefined ||
        /(PORT|TIMEOUT|DELAY|DEADLINE|MAX|LIMIT|CONCURRENCY|AGE)$/.test(name) ||
        typeof variable.default === 'boolean';
      if (typed) {
        it(`${app}.${name} rejects a malformed value and names it`, () => {
          const problems = problemsOf(app, {
            ZAMIO_ENV: 'local',
            INTERNAL_API_URL: 'http://bff:3000',
            [name]: 'not-a-valid-value%',
          });
          expect(problems.map((p) => p.variable)).toContain(name);
        });
      }
    }
  }
});

describe('loadConfig', () => {
  it('reports every missing production variable at once, with description and example', () => {
    const problems = problemsOf('bff', { ZAMIO_ENV: 'production' });
    const required = Object.entries(APP_SCHEMAS.bff.spec as SchemaSpec)
      .filter(([, spec]) => requiredInProduction(spec))
      .map(([name]) => name);
    expect(required.length).toBeGreaterThanOrEqual(5);
    expect(problems.map((p) => p.variable).sort()).toEqual(required.sort());
    const error = new ConfigError('bff', problems);
    const text = formatReportText(error);
    for (const name of required) expect(text).toContain(name);
    expect(text).toContain('example: DATABASE_URL=');
    expect(JSON.parse(formatReportJson(error)).problems).toHaveLength(required.length);
  });

  it('treats empty strings as missing', () => {
    const problems = problemsOf('bff', { ...validProductionEnv, DATABASE_URL: '  ' });
    expect(problems).toEqual([
      expect.objectContaining({ variable: 'DATABASE_URL', problem: 'is required but not set' }),
    ]);
  });

  it('accepts a complete production environment', () => {
    expect(problemsOf('bff', validProductionEnv)).toEqual([]);
    expect(problemsOf('worker', validProductionEnv)).toEqual([]);
    expect(problemsOf('portal', validProductionEnv)).toEqual([]);
  });

  it('uses local defaults only in local and test', () => {
    const local = loadConfig(APP_SCHEMAS.bff, {});
    expect(local.DATABASE_URL).toMatch(/^pglite:/);
    expect(local.LOG_PRETTY).toBe(true);
    expect(problemsOf('bff', { ZAMIO_ENV: 'staging' }).map((p) => p.variable)).toContain('DATABASE_URL');
  });

  it('parses durations, lists and URLs', () => {
    const config = loadConfig(APP_SCHEMAS.bff, {
      ...validProductionEnv,
      KEEP_ALIVE_TIMEOUT: '2m',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      PUBLIC_API_URL: 'https://api.example/',
    });
    expect(config.KEEP_ALIVE_TIMEOUT).toBe(120_000);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(config.PUBLIC_API_URL).toBe('https://api.example');
  });

  it('rejects an unknown ZAMIO_ENV', () => {
    expect(problemsOf('bff', { ZAMIO_ENV: 'prod' }).map((p) => p.variable)).toContain('ZAMIO_ENV');
  });

  it('never echoes a secret value in a report', () => {
    const problems = problemsOf('bff', {
      ...validProductionEnv,
      DATABASE_URL: 'mysql://u:hunter2-secret@h/db',
    });
    expect(JSON.stringify(problems)).not.toContain('hunter2-secret');
  });
});

describe('production refusals', () => {
  const refusals: [string, RawEnv, string][] = [
    ['LOG_PRETTY', { LOG_PRETTY: 'true' }, 'JSON logs'],
    ['LOG_LEVEL', { LOG_LEVEL: 'debug' }, 'debug'],
    ['DATABASE_URL', { DATABASE_URL: 'pglite:.data/pglite' }, 'embedded'],
    ['REDIS_URL', { REDIS_URL: 'memory:' }, 'replicas'],
    ['SESSION_SECRET', { SESSION_SECRET: 'change-me-change-me-change-me-change-me' }, 'weak'],
    ['SESSION_SECRET', { SESSION_SECRET: 'short' }, 'weak'],
    ['SESSION_SECRET', { SESSION_SECRET: 'generate-with-openssl-rand-base64-48' }, 'example'],
    ['CORS_ORIGINS', { CORS_ORIGINS: '*' }, 'wildcard'],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'http://artist.zamio.example' }, 'http://'],
    ['PUBLIC_API_URL', { PUBLIC_API_URL: 'http://api.zamio.example' }, 'https://'],
    ['SEED_DEMO_DATA', { SEED_DEMO_DATA: 'true' }, 'demo'],
    ['FORCE_HTTPS', { FORCE_HTTPS: 'false' }, 'Secure cookies'],
    ['HSTS_MAX_AGE', { HSTS_MAX_AGE: '0' }, 'below 180 days'],
    ['HSTS_MAX_AGE', { HSTS_MAX_AGE: '3600s' }, 'below 180 days'],
    ['CORS_ORIGIN_PATTERNS', { CORS_ORIGIN_PATTERNS: '.*' }, 'anchored'],
    ['CORS_ORIGIN_PATTERNS', { CORS_ORIGIN_PATTERNS: '^.*$' }, 'matches everything'],
    ['CORS_ORIGIN_PATTERNS', { CORS_ORIGIN_PATTERNS: '^https?://.+$' }, 'matches everything'],
    ['CORS_ORIGIN_PATTERNS', { CORS_ORIGIN_PATTERNS: 'zamio\\.example' }, 'anchored'],
    ['HEALTH_DETAILS_TOKEN', { HEALTH_DETAILS_TOKEN: 'abc' }, '32+ random characters'],
  ];
  for (const [variable, change, words] of refusals) {
    it(`refuses ${variable}=${Object.values(change)[0]} with its own message`, () => {
      const problems = problemsOf('bff', { ...validProductionEnv, ...change });
      const mine = problems.filter((p) => p.variable === variable);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.problem).toContain(words);
      // Staging is held to the same rules; local is not.
      expect(
        problemsOf('bff', { ...validProductionEnv, ZAMIO_ENV: 'staging', ...change }).map((p) => p.variable),
      ).toContain(variable);
      expect(problemsOf('bff', { ...validProductionEnv, ZAMIO_ENV: 'local', ...change })).toEqual([]);
    });
  }

  it('accepts a strict HSTS, an anchored preview pattern and a long details token', () => {
    expect(
      problemsOf('bff', {
        ...validProductionEnv,
        HSTS_MAX_AGE: '15552000s',
        CORS_ORIGIN_PATTERNS: '^https://pr-[0-9]+\\.preview\\.zamio\\.example$',
        HEALTH_DETAILS_TOKEN: 'f3a9c1d27e8b4a6f90c5d1e2b3a4f5c6d7e8',
      }),
    ).toEqual([]);
  });

  it.each(['local', 'production'])(
    'refuses TRUST_PROXY garbage and /0 (trusting everyone) as schema errors in %s',
    (environment) => {
      for (const value of [
        'garbage',
        '0.0.0.0/0',
        '::/0',
        '10.0.0.0/33',
        '10.0.1.0/24,nonsense',
        '1.2.3.4/x',
      ]) {
        const problems = problemsOf('bff', {
          ...validProductionEnv,
          ZAMIO_ENV: environment,
          TRUST_PROXY: value,
        });
        expect(
          problems.map((p) => p.variable),
          value,
        ).toEqual(['TRUST_PROXY']);
      }
      for (const value of [
        'loopback',
        '127.0.0.1',
        '10.0.1.0/24, 172.18.0.0/16',
        'fd00::/8',
        'uniquelocal',
        'none',
      ])
        expect(
          problemsOf('bff', { ...validProductionEnv, ZAMIO_ENV: environment, TRUST_PROXY: value }),
          value,
        ).toEqual([]);
    },
  );

  it('refuses an invalid CORS_ORIGIN_PATTERNS regular expression everywhere', () => {
    expect(
      problemsOf('bff', {
        ...validProductionEnv,
        ZAMIO_ENV: 'local',
        CORS_ORIGIN_PATTERNS: '^(https://a$',
      }).map((p) => p.variable),
    ).toEqual(['CORS_ORIGIN_PATTERNS']);
  });

  it('refuses a missing TRUST_PROXY in production', () => {
    const { TRUST_PROXY: _omitted, ...env } = validProductionEnv;
    expect(problemsOf('bff', env).map((p) => p.variable)).toEqual(['TRUST_PROXY']);
  });

  it('refuses an http:// cross-origin API base URL for portals in production', () => {
    expect(
      problemsOf('portal', { ...validProductionEnv, API_BASE_URL: 'http://api.zamio.example' }).map(
        (p) => p.variable,
      ),
    ).toEqual(['API_BASE_URL']);
  });
});
