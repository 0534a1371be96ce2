import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useDeployFixture } from './support/deploy-fixture';

const fixture = useDeployFixture();

it('rollback redeploys the recorded previous tags, portals first and the bff last', async () => {
  expect((await fixture().run(['apply', '--env', 'production', '--tag', '1.1.0'])).code).toBe(0);
  const deploysBefore = fixture().deployOrder().length;

  const { code, out } = await fixture().run(['rollback', '--env', 'production']);
  expect(code).toBe(0);
  expect(out).toContain('database schema is not rolled back');
  expect(fixture().deployOrder().slice(deploysBefore)).toEqual([
    'admin',
    'publisher',
    'station',
    'artist',
    'worker',
    'bff',
  ]);
  expect(fixture().tagsOf()).toEqual({
    bff: '1.0.0',
    worker: '1.0.0',
    artist: '1.0.0',
    station: '1.0.0',
    publisher: '1.0.0',
    admin: '1.0.0',
  });
  expect(Object.values(fixture().runningTagsOf())).toEqual(Array(6).fill('1.0.0'));
  const log = JSON.parse(readFileSync(fixture().statePath, 'utf8'));
  expect(log.releases.map((r: { kind: string; outcome: string }) => `${r.kind}:${r.outcome}`)).toEqual([
    'apply:succeeded',
    'rollback:succeeded',
  ]);
});

it('after a release that failed at the worker, rollback only touches what was deployed (the bff)', async () => {
  fixture().mock.unhealthyImages.add('registry.test/zamio-ci/zamio/worker:1.2.0');
  expect((await fixture().run(['apply', '--env', 'production', '--tag', '1.2.0'])).code).toBe(1);
  expect(fixture().runningTagsOf()).toMatchObject({ bff: '1.2.0', worker: '1.0.0' });
  const deploysBefore = fixture().deployOrder().length;

  const { code } = await fixture().run(['rollback', '--env', 'production']);
  expect(code).toBe(0);
  expect(fixture().deployOrder().slice(deploysBefore)).toEqual(['bff']);
  expect(Object.values(fixture().runningTagsOf())).toEqual(Array(6).fill('1.0.0'));
});

it('rollback --to <tag> works without a record; without either it explains what is missing', async () => {
  const none = await fixture().run(['rollback', '--env', 'production']);
  expect(none.code).toBe(64);
  expect(none.out).toContain('No release recorded');
  expect(fixture().mock.requests).toEqual([]);

  const to = await fixture().run(['rollback', '--env', 'production', '--to', 'sha-0a1b2c3']);
  expect(to.code).toBe(0);
  expect(Object.values(fixture().tagsOf())).toEqual(Array(6).fill('sha-0a1b2c3'));
});
