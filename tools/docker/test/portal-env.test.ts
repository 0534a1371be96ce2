// The portal container reads its configuration in POSIX sh (its image has no
// Node): these tests keep that reader one with the portal schema in libs/env —
// the generated defaults file in sync, and the shell's verdicts and values the
// same as loadConfig()'s for the same environment.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, portalSchema, portalSpec } from '@zamio/env';
import { PORTAL_ENV_PATH, PORTAL_KINDS, renderPortalEnv } from '../render-portal-env';

const CONFIG_SCRIPT = fileURLToPath(new URL('../../../docker/nginx/zamio-portal-config.sh', import.meta.url));

function shell(env: Record<string, string>) {
  const result = spawnSync('sh', [CONFIG_SCRIPT, '--check'], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  const values = Object.fromEntries(
    result.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const problems = [...result.stderr.matchAll(/✗ ([A-Z_]+) /g)].map((m) => m[1]!);
  return { code: result.status, values, problems };
}

function typescript(env: Record<string, string>) {
  try {
    const config = loadConfig(portalSchema, env) as Record<string, unknown>;
    return { ok: true as const, config, problems: [] as string[] };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { ok: false as const, config: {}, problems: error.problems.map((p) => p.variable) };
  }
}

/** The shell's rendering of a parsed value (lists comma-joined, durations in ms). */
const asShell = (value: unknown) => (Array.isArray(value) ? value.join(',') : String(value));

const CASES: Record<string, string>[] = [
  {},
  { INTERNAL_API_URL: 'http://zamio-bff-production:3000' },
  { ZAMIO_ENV: 'production', INTERNAL_API_URL: 'http://zamio-bff-production:3000/' },
  {
    ZAMIO_ENV: 'production',
    API_BASE_URL: 'https://api.zamio.example',
    CSP_CONNECT_SRC: 'https://api.zamio.example',
  },
  { ZAMIO_ENV: 'staging', API_BASE_URL: 'http://api.zamio.example' },
  { ZAMIO_ENV: 'qa', INTERNAL_API_URL: 'http://bff:3000' },
  { API_BASE_URL: 'api', INTERNAL_API_URL: 'http://bff:3000' },
  { INTERNAL_API_URL: 'http://bff:3000/api' },
  { INTERNAL_API_URL: 'ftp://bff:3000' },
  {
    INTERNAL_API_URL: 'http://bff:3000',
    PORT: '9090',
    HSTS: 'yes',
    FEATURE_FLAGS: ' realtime, ,playlog-csv ',
  },
  { INTERNAL_API_URL: 'http://bff:3000', PORT: '70000' },
  { INTERNAL_API_URL: 'http://bff:3000', PORT: 'http' },
  { INTERNAL_API_URL: 'http://bff:3000', HSTS: 'maybe' },
  { INTERNAL_API_URL: 'http://bff:3000', SHUTDOWN_DRAIN_DELAY: '9s', SHUTDOWN_TIMEOUT: '1m' },
  { INTERNAL_API_URL: 'http://bff:3000', SHUTDOWN_DRAIN_DELAY: '30s' },
  { INTERNAL_API_URL: 'http://bff:3000', SHUTDOWN_DRAIN_DELAY: 'soon' },
  { INTERNAL_API_URL: 'http://bff:3000', SHUTDOWN_TIMEOUT: '1500' },
  { INTERNAL_API_URL: '   ', APP_VERSION: '  1.4.2 ' },
];

describe('portal container configuration', () => {
  it('docker/nginx/zamio-portal-env.sh is generated from the portal schema and in sync', () => {
    expect(readFileSync(PORTAL_ENV_PATH, 'utf8')).toBe(renderPortalEnv());
    for (const name of Object.keys(portalSpec)) expect(PORTAL_KINDS[name], name).toBeDefined();
  });

  it('uses the schema defaults (ZAMIO_ENV local unless the image or operator says otherwise)', () => {
    const { values } = shell({ INTERNAL_API_URL: 'http://bff:3000' });
    expect(values).toMatchObject({ ZAMIO_ENV: 'local', PORT: '8080', API_BASE_URL: '/api', HSTS: 'false' });
    expect(values.SHUTDOWN_DRAIN_DELAY).toBe(String(portalSpec.SHUTDOWN_DRAIN_DELAY.default));
  });

  it.each(CASES.map((env) => [JSON.stringify(env), env] as const))(
    'agrees with libs/env for %s',
    (_, env) => {
      const ts = typescript(env);
      const sh = shell(env);
      expect(sh.code === 0, `shell ${JSON.stringify(sh)} vs libs/env ${JSON.stringify(ts.problems)}`).toBe(
        ts.ok,
      );
      if (ts.ok) {
        for (const [name, value] of Object.entries(sh.values))
          expect(value, name).toBe(asShell(ts.config[name]));
      } else {
        expect(sh.code).toBe(78);
        expect(new Set(sh.problems)).toEqual(new Set(ts.problems));
      }
    },
  );
});
