// The all-in-one compose alternative: Coolify's conventions (header, magic
// variables, exclude_from_hc, one-shot migrate) and plain compose validity.
import { expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const COMPOSE_PATH = fileURLToPath(new URL('../../../coolify/docker-compose.coolify.yml', import.meta.url));
const text = readFileSync(COMPOSE_PATH, 'utf8');
type Service = {
  image?: string;
  labels?: string[];
  container_name?: string;
  depends_on?: Record<string, { condition: string }>;
  exclude_from_hc?: boolean;
  restart?: string;
  healthcheck?: unknown;
  environment?: Record<string, string>;
};
const services = (parse(text, { merge: true }) as { services: Record<string, Service> }).services;

it("follows Coolify's template conventions", () => {
  expect(text).toMatch(/^# documentation: /m);
  expect(text).toMatch(/^# port: 8080$/m);
  expect(Object.values(services).some((s) => s.container_name)).toBe(false);
  expect(text).not.toMatch(/^networks:/m);
  expect(services.migrate).toMatchObject({ restart: 'no', exclude_from_hc: true });
  expect(services.worker!.exclude_from_hc).toBe(true);
  expect(services.bff!.depends_on).toMatchObject({
    migrate: { condition: 'service_completed_successfully' },
    'zamio-db': { condition: 'service_healthy' },
  });
  for (const portal of ['artist', 'station', 'publisher', 'admin'])
    expect(services[portal]!.depends_on).toEqual({ bff: { condition: 'service_healthy' } });
  for (const [name, service] of Object.entries(services)) {
    if (service.image?.includes('/zamio/')) expect(service.image, name).toMatch(/:\$\{ZAMIO_TAG:\?\}$/);
    if (name !== 'migrate') expect(service.healthcheck, name).toBeDefined();
  }
  expect(text).toMatch(/\$\{SERVICE_PASSWORD_POSTGRES\}/);
  expect(text).toMatch(/SESSION_SECRET: \$\{SERVICE_PASSWORD_64_SESSION\}/);
});

it('marks required variables so that Coolify blocks the deploy (nothing after `:?`) and creates them', () => {
  // Coolify's compose parser stores the text after `:?` as the variable's value:
  // `${TRUST_PROXY:?set it}` would deploy with TRUST_PROXY="set it".
  const required = [...text.replace(/^\s*#.*$/gm, '').matchAll(/\$\{([A-Z0-9_]+):\?([^}]*)\}/g)];
  expect(required.length).toBeGreaterThan(0);
  for (const [whole, , message] of required) expect(message, whole).toBe('');
  expect(new Set(required.map(([, name]) => name))).toEqual(
    new Set(['ZAMIO_REGISTRY', 'ZAMIO_TAG', 'TRUST_PROXY']),
  );
  // It creates variables from `environment:` blocks only, never from `image:`.
  const declared = new Set(Object.values(services).flatMap((s) => Object.keys(s.environment ?? {})));
  for (const name of ['ZAMIO_REGISTRY', 'ZAMIO_TAG', 'TRUST_PROXY']) expect(declared, name).toContain(name);
});

it('attaches the proxy middlewares to every routed service, body buffering on the bff only', () => {
  const middlewares = (name: string) =>
    services[name]!.labels?.find((l) => l.startsWith('coolify.traefik.middlewares='))?.split('=')[1];
  expect(middlewares('bff')).toBe(
    'zamio-security-headers@file,zamio-upload-body-limit@file,zamio-rate-limit@file',
  );
  for (const portal of ['artist', 'station', 'publisher', 'admin'])
    expect(middlewares(portal), portal).toBe('zamio-security-headers@file,zamio-rate-limit@file');
});

it('is valid for docker-compose once Coolify-only keys are removed (when docker-compose is installed)', () => {
  const found = spawnSync('sh', ['-c', 'command -v docker-compose'], { encoding: 'utf8' });
  const hasCompose = found.status === 0;
  // Always check the file parses as YAML with unique keys; run compose when present.
  expect(() => parse(text, { uniqueKeys: true, merge: true })).not.toThrow();
  if (!hasCompose) return;
  const stripped = text.replace(/^.*exclude_from_hc.*\n/gm, '');
  const config = (env: Record<string, string>) =>
    spawnSync('docker-compose', ['-f', '-', 'config', '--quiet'], {
      input: stripped,
      env: {
        PATH: process.env.PATH,
        ZAMIO_REGISTRY: 'registry.test',
        ZAMIO_TAG: '1.0.0',
        TRUST_PROXY: '172.18.0.0/16',
        ...env,
      },
      encoding: 'utf8',
    });
  const valid = config({});
  expect(valid.status, valid.stderr).toBe(0);
  expect(valid.stdout).toBe('');
  // Empty is missing: compose refuses to start, which is what blocks Coolify's deploy.
  for (const missing of ['ZAMIO_TAG', 'ZAMIO_REGISTRY', 'TRUST_PROXY']) {
    const result = config({ [missing]: '' });
    expect(result.status, missing).not.toBe(0);
    expect(result.stderr, missing).toContain(missing);
  }
});
