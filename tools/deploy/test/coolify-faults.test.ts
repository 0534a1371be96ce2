// The ways a release would fail on a real Coolify v4 (issue "Coolify for real"),
// each reproduced against the mock — which behaves as Coolify's source does —
// and shown fixed. Compose-file faults are in compose-file.test.ts; the portal
// drain and the alias resolving on a real Docker network in e2e/containers.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeLabels } from '../src/traefik-labels';
import { useDeployFixture } from './support/deploy-fixture';

const fixture = useDeployFixture();
const apply = (tag = '1.1.0', env: Record<string, string> = {}) =>
  fixture().run(['apply', '--env', 'production', '--tag', tag], env);
const app = (name: string) => fixture().mock.apps.get(`${name}-uuid`)!;

describe('1. portals reach the bff through a per-environment network alias', () => {
  it('sets custom_network_aliases on the bff, so its container answers to zamio-bff-production', async () => {
    expect((await apply()).code).toBe(0);
    expect(app('bff').custom_network_aliases).toBe('zamio-bff-production');
    const container = app('bff').running!;
    // Coolify names the container <uuid>-<timestamp>: never the bare uuid.
    expect(container.name).toMatch(/^bff-uuid-\d+$/);
    expect(container.aliases).toEqual([container.name, 'zamio-bff-production']);
    expect(app('worker').custom_network_aliases).toBeNull();
  });

  it('refuses a portal whose INTERNAL_API_URL points at the bare bff uuid, naming the URL to use', async () => {
    app('artist').envs.INTERNAL_API_URL = 'http://bff-uuid:3000';
    const { code, out } = await apply();
    expect(code).toBe(78);
    expect(out).toContain(
      'INTERNAL_API_URL is "http://bff-uuid:3000" but must be http://zamio-bff-production:3000',
    );
    expect(fixture().mock.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

describe('2. the Traefik middlewares are attached by the generated router label', () => {
  it('writes router labels carrying the middlewares; they survive the deploy (coolify.* labels do not)', async () => {
    // What the repository used to do: Coolify deletes this label at deploy.
    app('artist').custom_labels = Buffer.from(
      'coolify.traefik.middlewares=zamio-security-headers@file,zamio-rate-limit@file',
    ).toString('base64');
    expect((await apply()).code).toBe(0);
    const running = app('artist').running!.labels;
    expect(running).toContain(
      'traefik.http.routers.https-0-artist-uuid.middlewares=gzip,zamio-security-headers@file,zamio-rate-limit@file',
    );
    expect(running).toContain(
      'traefik.http.routers.https-0-artist-uuid.rule=Host(`artist.zamio.example`) && PathPrefix(`/`)',
    );
    expect(running).toContain('traefik.http.routers.http-0-artist-uuid.middlewares=redirect-to-https');
    expect(running.some((label) => label.startsWith('coolify.'))).toBe(false);
    // Body buffering only on the bff: it would buffer whole asset responses on a portal.
    expect(running.join('\n')).not.toContain('zamio-upload-body-limit');
  });

  it('gives the bff the body limit when it has a domain', async () => {
    const config = readFileSync(fixture().configPath, 'utf8').replace(
      'bff: { uuid: bff-uuid, domains: "" }',
      'bff: { uuid: bff-uuid, domains: "https://api.zamio.example" }',
    );
    writeFileSync(fixture().configPath, config);
    app('bff').envs.SHUTDOWN_DRAIN_DELAY = '15s';
    expect((await apply()).code).toBe(0);
    expect(app('bff').running!.labels).toContain(
      'traefik.http.routers.https-0-bff-uuid.middlewares=gzip,zamio-security-headers@file,zamio-upload-body-limit@file,zamio-rate-limit@file',
    );
  });

  it('moves routers and middlewares together when a domain changes', async () => {
    expect((await apply()).code).toBe(0);
    writeFileSync(
      fixture().configPath,
      readFileSync(fixture().configPath, 'utf8').replace(
        'artist: { uuid: artist-uuid, domains: https://artist.zamio.example }',
        'artist: { uuid: artist-uuid, domains: "https://artists.zamio.example,https://artist.zamio.example" }',
      ),
    );
    const plan = await fixture().run(['plan', '--env', 'production', '--tag', '1.1.0']);
    expect(plan.out).toContain(
      'labels: router https-1-artist-uuid middlewares (unset) → gzip,zamio-security-headers@file,zamio-rate-limit@file',
    );
    expect((await apply()).code).toBe(0);
    const labels = decodeLabels(app('artist').custom_labels);
    expect(app('artist').fqdn).toBe('https://artists.zamio.example,https://artist.zamio.example');
    expect(labels).toContain(
      'traefik.http.routers.https-0-artist-uuid.rule=Host(`artists.zamio.example`) && PathPrefix(`/`)',
    );
    expect(
      labels.filter((l) => /routers\.https-\d-artist-uuid\.middlewares=.*zamio-rate-limit@file/.test(l)),
    ).toHaveLength(2);
  });
});

describe('3. a deploy that overlaps a running one, or a full queue', () => {
  it('waits for the running deployment, then deploys its own (the running one had the old tag)', async () => {
    const theirs = fixture().mock.startDeployment('bff-uuid', 3);
    const { code, out } = await apply();
    expect(code, out).toBe(0);
    expect(out).toContain(
      `bff: Coolify skipped the request (Deployment already queued for this commit.); waiting for ${theirs.deployment_uuid}`,
    );
    expect(theirs.status).toBe('finished');
    expect(theirs.docker_registry_image_tag).toBe('1.0.0');
    expect(app('bff').running_tag).toBe('1.1.0');
    expect(Object.values(fixture().runningTagsOf())).toEqual(Array(6).fill('1.1.0'));
  });

  it('retries a 429 (queue full) with backoff and goes on', async () => {
    fixture().mock.queueFullAnswers = 2;
    const { code, out } = await apply();
    expect(code, out).toBe(0);
    expect(out.match(/deployment queue is full \(429\), retrying/g)).toHaveLength(2);
    expect(Object.values(fixture().runningTagsOf())).toEqual(Array(6).fill('1.1.0'));
  });

  it('gives up on a queue that stays full, puts the tag back and stops the rollout', async () => {
    fixture().mock.queueFullAnswers = 1_000;
    const { code, out, err } = await apply('1.1.0', { DEPLOY_TIMEOUT: '200ms' });
    expect(code).toBe(1);
    expect(err).toContain("Coolify's deployment queue stayed full");
    expect(out).toContain("bff's configured tag is back to 1.0.0");
    expect(fixture().tagsOf()).toEqual(
      Object.fromEntries(Object.keys(fixture().tagsOf()).map((a) => [a, '1.0.0'])),
    );
    const log = JSON.parse(readFileSync(fixture().statePath, 'utf8'));
    expect(log.releases.at(-1)).toMatchObject({ outcome: 'failed' });
    expect(log.releases.at(-1).apps.map((a: { outcome: string }) => a.outcome)).toEqual([
      'failed',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
    ]);
  });
});

describe('5. health type and command are set through the API', () => {
  it('sets the command check on the Node apps and the HTTP check on the portals', async () => {
    expect(app('bff').health_check_type).toBe('http'); // Coolify's default
    expect((await apply()).code).toBe(0);
    for (const name of ['bff', 'worker'])
      expect(app(name).running!.health, name).toEqual({
        enabled: true,
        type: 'cmd',
        command: 'bash /app/healthcheck.sh',
      });
    expect(app('station')).toMatchObject({ health_check_type: 'http', health_check_path: '/healthz' });
    const patch = fixture().mock.requests.find((r) => r.method === 'PATCH' && r.path.endsWith('/bff-uuid'));
    expect(patch!.body).toMatchObject({
      health_check_type: 'cmd',
      health_check_command: 'bash /app/healthcheck.sh',
    });
  });
});
