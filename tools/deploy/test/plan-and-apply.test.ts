import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useDeployFixture } from './support/deploy-fixture';

const fixture = useDeployFixture();

describe('zamio-deploy plan', () => {
  it("shows each application's tag and health-check changes in deploy order without changing anything", async () => {
    const { code, out } = await fixture().run(['plan', '--env', 'production', '--tag', '1.1.0']);
    expect(code).toBe(0);
    expect(out).toContain('deploy order: bff → worker → artist → station → publisher → admin');
    expect(out).toMatch(/1\. bff \(bff-uuid\) registry\.test\/zamio-ci\/zamio\/bff: 1\.0\.0 → 1\.1\.0/);
    expect(out).toMatch(/health_check_enabled: false → true/);
    expect(out).toMatch(/health_check_path: \/ → \/readyz/);
    expect(out).toMatch(/health_check_path: \/ → \/healthz/);
    expect(out).toMatch(/stop_grace_period: \(unset\) → 30/);
    expect(out).toContain('6 of 6 application(s) would change. Nothing was changed.');
    expect(fixture().mock.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(fixture().tagsOf().bff).toBe('1.0.0');
  });

  it('refuses `latest` and tags that are not versions', async () => {
    const latest = await fixture().run(['plan', '--env', 'production', '--tag', 'latest']);
    expect(latest.code).toBe(64);
    expect(latest.err).toContain('--tag latest is refused');
    const branch = await fixture().run(['plan', '--env', 'production', '--tag', 'main']);
    expect(branch.code).toBe(64);
    expect(fixture().mock.requests).toEqual([]);
  });
});

describe('zamio-deploy apply', () => {
  it('updates all six applications in order bff → worker → portals, waiting for each deployment', async () => {
    const { code, out } = await fixture().run(['apply', '--env', 'production', '--tag', '1.1.0']);
    expect(code).toBe(0);
    expect(fixture().deployOrder()).toEqual(['bff', 'worker', 'artist', 'station', 'publisher', 'admin']);

    // Each application was deployed only after the previous one's deployment finished.
    const requests = fixture().mock.requests;
    const deploys = requests.map((r, i) => ({ r, i })).filter(({ r }) => r.path === '/api/v1/deploy');
    for (const [n, { i }] of deploys.entries()) {
      if (n === 0) continue;
      const previousDeployment = [...fixture().mock.deployments.values()][n - 1]!;
      const lastPollOfPrevious = requests.findLastIndex(
        (r) => r.path === `/api/v1/deployments/${previousDeployment.deployment_uuid}`,
      );
      expect(lastPollOfPrevious).toBeLessThan(i);
      expect(previousDeployment.status).toBe('finished');
    }

    expect(Object.values(fixture().runningTagsOf())).toEqual(Array(6).fill('1.1.0'));
    const bff = fixture().mock.apps.get('bff-uuid')!;
    expect(bff).toMatchObject({
      docker_registry_image_name: 'registry.test/zamio-ci/zamio/bff',
      health_check_enabled: true,
      health_check_path: '/readyz',
      health_check_port: '3000',
      health_check_interval: 2,
      health_check_retries: 2,
    });
    expect(bff.settings.stop_grace_period).toBe(30);
    expect(fixture().mock.apps.get('artist-uuid')).toMatchObject({
      health_check_path: '/healthz',
      health_check_port: '8080',
      fqdn: 'https://artist.zamio.example',
    });
    expect(out).toContain('Released 1.1.0 to production');

    const log = JSON.parse(readFileSync(fixture().statePath, 'utf8'));
    expect(log.releases.at(-1)).toMatchObject({ kind: 'apply', tag: '1.1.0', outcome: 'succeeded' });
    expect(
      log.releases
        .at(-1)
        .apps.map((a: { name: string; previous_tag: string; outcome: string }) => [
          a.name,
          a.previous_tag,
          a.outcome,
        ]),
    ).toEqual(
      ['bff', 'worker', 'artist', 'station', 'publisher', 'admin'].map((name) => [name, '1.0.0', 'deployed']),
    );
  });

  it('stops at a failed bff deployment: worker and portals untouched, old bff kept, non-zero exit', async () => {
    fixture().mock.unhealthyImages.add('registry.test/zamio-ci/zamio/bff:1.2.0');
    const { code, out } = await fixture().run(['apply', '--env', 'production', '--tag', '1.2.0']);
    expect(code).toBe(1);
    expect(fixture().deployOrder()).toEqual(['bff']);
    expect(out).toMatch(/✗ bff: deployment .* ended "failed"/);
    expect(out).toContain('Not deployed: worker, artist, station, publisher, admin.');
    expect(fixture().runningTagsOf()).toEqual({
      bff: '1.0.0',
      worker: '1.0.0',
      artist: '1.0.0',
      station: '1.0.0',
      publisher: '1.0.0',
      admin: '1.0.0',
    });
    // The failed tag is not left configured, so a later redeploy cannot pick it up.
    expect(fixture().tagsOf().bff).toBe('1.0.0');
    const patchedWorker = fixture().mock.requests.some(
      (r) => r.method === 'PATCH' && r.path.includes('worker-uuid'),
    );
    expect(patchedWorker).toBe(false);
    const log = JSON.parse(readFileSync(fixture().statePath, 'utf8'));
    expect(log.releases.at(-1).outcome).toBe('failed');
  });

  it('skips applications already on the tag with the same settings', async () => {
    expect((await fixture().run(['apply', '--env', 'production', '--tag', '1.1.0'])).code).toBe(0);
    const again = await fixture().run(['apply', '--env', 'production', '--tag', '1.1.0']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('= bff: already registry.test/zamio-ci/zamio/bff:1.1.0, nothing to deploy');
    expect(fixture().deployOrder()).toHaveLength(6);
  });
});
