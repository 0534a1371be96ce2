// The mock is only useful if it refuses what real Coolify refuses: these tests
// make sure a wrong field, type, path or token fails instead of passing silently.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startMockCoolify, type MockCoolify } from './mock-coolify/mock-coolify-server';

let mock: MockCoolify;
beforeEach(async () => {
  mock = await startMockCoolify();
  mock.addApplication({ uuid: 'app-1', name: 'one', docker_registry_image_tag: '1.0.0' });
});
afterEach(async () => {
  await mock.close();
});

const call = (method: string, path: string, body?: unknown, token = mock.token) =>
  fetch(`${mock.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

it('refuses PATCH fields neither the spec nor the overlay lists (label management is readable, not writable) and wrong types', async () => {
  const unknown = await call('PATCH', '/applications/app-1', { is_container_label_readonly_enabled: false });
  expect(unknown.status).toBe(422);
  expect(await unknown.json()).toMatchObject({ errors: { body: ['This field is not allowed.'] } });
  const wrongType = await call('PATCH', '/applications/app-1', { health_check_interval: '5' });
  expect(wrongType.status).toBe(422);
  const badCommand = await call('PATCH', '/applications/app-1', { health_check_command: "node -e '1'" });
  expect(badCommand.status).toBe(422);
  expect(mock.violations).toHaveLength(3);
});

it('accepts the overlay fields the controller takes beyond the published spec', async () => {
  const accepted = await call('PATCH', '/applications/app-1', {
    health_check_type: 'cmd',
    health_check_command: 'bash /app/healthcheck.sh',
    custom_network_aliases: ' zamio-bff-production , zamio-bff-production',
  });
  expect(accepted.status).toBe(200);
  expect(mock.apps.get('app-1')).toMatchObject({
    health_check_type: 'cmd',
    custom_network_aliases: 'zamio-bff-production',
  });
  expect((await call('PATCH', '/applications/app-1', { custom_labels: 'not base64!' })).status).toBe(422);
  expect(mock.violations).toEqual([]);
});

it('answers 429 with Retry-After when the queue is full, and skips a deploy while one runs', async () => {
  mock.queueFullAnswers = 1;
  const full = await call('POST', '/deploy?uuid=app-1');
  expect(full.status).toBe(429);
  expect(full.headers.get('retry-after')).toBe('60');
  const running = mock.startDeployment('app-1', 5);
  const skipped = (await (await call('POST', '/deploy?uuid=app-1')).json()) as {
    deployments: { deployment_uuid: string; message: string }[];
  };
  expect(skipped.deployments[0]!.message).toBe('Deployment already queued for this commit.');
  expect(skipped.deployments[0]!.deployment_uuid).not.toBe(running.deployment_uuid);
  expect((await call('GET', `/deployments/${skipped.deployments[0]!.deployment_uuid}`)).status).toBe(404);
  const active = (await (await call('GET', '/deployments')).json()) as { deployment_url: string }[];
  expect(active.map((d) => d.deployment_url)).toEqual([expect.stringContaining('/application/app-1/')]);
  expect(mock.violations).toEqual([]);
});

it('refuses unknown paths, methods and query parameters, and a wrong token', async () => {
  expect((await call('GET', '/applications/app-1/nope')).status).toBe(404);
  expect((await call('PUT', '/applications/app-1', {})).status).toBe(405);
  expect((await call('POST', '/deploy?uuid=app-1&tag_name=x')).status).toBe(422);
  const unauthorized = await call('GET', '/applications/app-1', undefined, 'wrong');
  expect(unauthorized.status).toBe(401);
  expect(await unauthorized.json()).toEqual({ message: 'Unauthenticated.' });
});

it('moves a deployment queued → in_progress → finished, or failed keeping the old container', async () => {
  const started = (await (await call('POST', '/deploy?uuid=app-1')).json()) as {
    deployments: { deployment_uuid: string }[];
  };
  const id = started.deployments[0]!.deployment_uuid;
  const statuses = [];
  for (let i = 0; i < 3; i += 1)
    statuses.push(((await (await call('GET', `/deployments/${id}`)).json()) as { status: string }).status);
  expect(statuses).toEqual(['in_progress', 'finished', 'finished']);

  await call('PATCH', '/applications/app-1', { docker_registry_image_tag: '2.0.0' });
  mock.unhealthyImages.add(':2.0.0');
  const failing = (await (await call('POST', '/deploy?uuid=app-1')).json()) as {
    deployments: { deployment_uuid: string }[];
  };
  await call('GET', `/deployments/${failing.deployments[0]!.deployment_uuid}`);
  const final = (await (
    await call('GET', `/deployments/${failing.deployments[0]!.deployment_uuid}`)
  ).json()) as { status: string };
  expect(final.status).toBe('failed');
  expect(mock.apps.get('app-1')!.running_tag).toBe('1.0.0');
  expect(mock.violations).toEqual([]);
});
