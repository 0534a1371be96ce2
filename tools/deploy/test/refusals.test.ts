import { expect, it } from 'vitest';
import { useDeployFixture } from './support/deploy-fixture';

const fixture = useDeployFixture();

const changedNothing = () => expect(fixture().mock.requests.filter((r) => r.method !== 'GET')).toEqual([]);

it("refuses to deploy when an application's env is invalid, naming the variable, and changes nothing", async () => {
  const worker = fixture().mock.apps.get('worker-uuid')!;
  delete worker.envs.REDIS_URL;
  fixture().mock.apps.get('artist-uuid')!.envs.INTERNAL_API_URL = 'not a url';

  const { code, out } = await fixture().run(['apply', '--env', 'production', '--tag', '1.1.0']);
  expect(code).toBe(78);
  expect(out).toContain('✗ REDIS_URL is required but not set');
  expect(out).toMatch(/✗ INTERNAL_API_URL .*not an absolute URL/);
  expect(out).toContain('Refused: worker, artist');
  changedNothing();
});

it('refuses production-unsafe values and an env written for another environment', async () => {
  fixture().mock.apps.get('bff-uuid')!.envs.SESSION_SECRET = 'weakweakweakweakweakweakweakweak-1';
  fixture().mock.apps.get('station-uuid')!.envs.ZAMIO_ENV = 'staging';
  const { code, out } = await fixture().run(['apply', '--env', 'production', '--tag', '1.1.0']);
  expect(code).toBe(78);
  expect(out).toContain('✗ SESSION_SECRET is weak or an example value');
  expect(out).toContain('✗ ZAMIO_ENV is "staging" but this deploy targets "production"');
  // The secret's value itself is never echoed.
  expect(out).not.toContain('weakweakweak');
  changedNothing();
});

it('refuses when the drain delay is shorter than the time Traefik needs to stop routing', async () => {
  fixture().mock.apps.get('bff-uuid')!.envs.SHUTDOWN_DRAIN_DELAY = '5s';
  const { code, out } = await fixture().run(['apply', '--env', 'production', '--tag', '1.1.0']);
  expect(code).toBe(78);
  expect(out).toContain(
    'SHUTDOWN_DRAIN_DELAY (5 s) must exceed health retries × (interval + timeout) + Traefik throttle (2 × (2 s + 3 s) + 2 s = 12 s)',
  );
  changedNothing();
});

it('refuses host port mappings and labels managed by Coolify (both need a click the API cannot do)', async () => {
  fixture().mock.apps.get('admin-uuid')!.ports_mappings = '8080:8080';
  fixture().mock.apps.get('station-uuid')!.settings.is_container_label_readonly_enabled = true;
  const { code, out } = await fixture().run(['plan', '--env', 'production', '--tag', '1.1.0']);
  expect(code).toBe(78);
  expect(out).toContain('has host port mappings (8080:8080)');
  expect(out).toMatch(/label management is "Managed by Coolify".*Label management to "Managed manually"/);
  expect(out).toContain('2 application(s) would be refused: station, admin.');
});

it('never prints the token, and a 401 says what to fix', async () => {
  const wrong = `${fixture().mock.token}x`;
  const { code, out, err } = await fixture().run(['apply', '--env', 'production', '--tag', '1.1.0'], {
    COOLIFY_TOKEN: wrong,
  });
  expect(code).toBe(77);
  expect(err).toContain('Coolify rejected the API token (401 Unauthenticated.)');
  expect(err).toContain('check COOLIFY_TOKEN');
  expect(`${out}\n${err}`).not.toContain(fixture().mock.token);
  expect(fixture().mock.requests[0]!.authorization).toBe(`Bearer ${wrong}`);
  changedNothing();
});

it('never prints the token during a failed release or a status report', async () => {
  fixture().mock.unhealthyImages.add('registry.test/zamio-ci/zamio/bff:1.3.0');
  const release = await fixture().run(['apply', '--env', 'production', '--tag', '1.3.0']);
  const status = await fixture().run(['status', '--env', 'production']);
  const output = [release.out, release.err, status.out, status.err].join('\n');
  expect(output).not.toContain(fixture().mock.token);
  expect(fixture().mock.requests.every((r) => r.authorization === `Bearer ${fixture().mock.token}`)).toBe(
    true,
  );
});

it('reports missing tool configuration by name before calling Coolify', async () => {
  const { code, err } = await fixture().run(['plan', '--env', 'production', '--tag', '1.1.0'], {
    COOLIFY_TOKEN: '',
    ZAMIO_REGISTRY: '',
  });
  expect(code).toBe(78);
  expect(err).toContain('✗ COOLIFY_TOKEN is required but not set');
  expect(err).toContain('✗ ZAMIO_REGISTRY is required but not set');
  expect(fixture().mock.requests).toEqual([]);
});

it('refuses filesystem storage without the shared upload directory at UPLOAD_DIR, accepts S3 without one', async () => {
  fixture().mock.apps.get('worker-uuid')!.envs.UPLOAD_DIR = '/data/uploads';
  const refused = await fixture().run(['plan', '--env', 'production', '--tag', '1.1.0']);
  expect(refused.code).toBe(78);
  expect(refused.out).toContain(
    'STORAGE_KIND=filesystem but no volume is mounted at UPLOAD_DIR (/data/uploads): the bff and the worker must mount the same host directory there',
  );
  expect(refused.out).toContain('1 application(s) would be refused: worker.');

  Object.assign(fixture().mock.apps.get('worker-uuid')!.envs, {
    STORAGE_KIND: 's3',
    STORAGE_S3_ENDPOINT: 'https://s3.eu-central-1.wasabisys.com',
    STORAGE_S3_REGION: 'eu-central-1',
    STORAGE_S3_BUCKET: 'zamio-uploads',
    STORAGE_S3_ACCESS_KEY_ID: 'AKIAZAMIOTESTKEY0001',
    STORAGE_S3_SECRET_ACCESS_KEY: 'c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NQ',
  });
  const accepted = await fixture().run(['plan', '--env', 'production', '--tag', '1.1.0']);
  expect(accepted.out).not.toContain('STORAGE_KIND=filesystem');
  expect(accepted.code, accepted.out).toBe(0);
});
