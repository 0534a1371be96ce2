import { afterEach, beforeEach, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployOrder, loadResources } from '../src/load-resources';
import { RESOURCES_PATH } from './support/deploy-fixture';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zamio-resources-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const withFile = (text: string) => {
  const path = join(dir, 'resources.yaml');
  writeFileSync(path, text);
  return path;
};
const shipped = () => readFileSync(RESOURCES_PATH, 'utf8');

it('the shipped coolify/resources.yaml is valid for production and staging once uuids are filled in', () => {
  const path = withFile(shipped().replace(/REPLACE-ME-([a-z]+)-uuid/g, '$1-uuid'));
  for (const environment of ['production', 'staging']) {
    const loaded = loadResources(path, environment, { ZAMIO_REGISTRY: 'ghcr.io/acme/' });
    expect(loaded.targets.map((t) => t.name)).toEqual([
      'bff',
      'worker',
      'artist',
      'station',
      'publisher',
      'admin',
    ]);
    expect(loaded.targets[0]!.image).toBe('ghcr.io/acme/zamio/bff');
    for (const target of loaded.targets) {
      expect(target.resource.health_check).toBeDefined();
      expect(target.image).not.toMatch(/:latest$/);
    }
    expect(loaded.targets.find((t) => t.name === 'worker')!.resource.health_check).toMatchObject({
      type: 'cmd',
      command: 'bash /app/healthcheck.sh',
    });
    expect(loaded.targets.find((t) => t.name === 'station')!.resource.health_check).toMatchObject({
      type: 'http',
      path: '/healthz',
      port: 8080,
    });
  }
});

it('refuses placeholders, unknown dependencies and a missing registry, naming each', () => {
  expect(() => loadResources(withFile(shipped()), 'production', { ZAMIO_REGISTRY: 'r' })).toThrow(
    /applications\.bff\.uuid is still a placeholder/,
  );
  const broken = shipped()
    .replace(/REPLACE-ME-([a-z]+)-uuid/g, '$1-uuid')
    .replace('depends_on: [bff]           # runs on', 'depends_on: [api]           # runs on');
  expect(() => loadResources(withFile(broken), 'production', { ZAMIO_REGISTRY: 'r' })).toThrow(
    /worker\.depends_on names unknown application "api"/,
  );
  const filled = withFile(shipped().replace(/REPLACE-ME-([a-z]+)-uuid/g, '$1-uuid'));
  expect(() => loadResources(filled, 'production', {})).toThrow(
    /uses \$\{ZAMIO_REGISTRY\}, which is not set/,
  );
  expect(() => loadResources(filled, 'qa', { ZAMIO_REGISTRY: 'r' })).toThrow(/no environment "qa"/);
});

it('refuses a health command with characters Coolify does not accept', () => {
  const path = withFile(
    shipped()
      .replace(/REPLACE-ME-([a-z]+)-uuid/g, '$1-uuid')
      .replace('command: bash /app/healthcheck.sh   #', 'command: "node -e \'1\'"   #'),
  );
  expect(() => loadResources(path, 'production', { ZAMIO_REGISTRY: 'r' })).toThrow(/health_check\/command/);
});

it('orders by dependencies and reports cycles', () => {
  expect(
    deployOrder({
      portal: { depends_on: ['api'] },
      worker: { depends_on: ['api'] },
      api: { depends_on: [] },
    }),
  ).toEqual(['api', 'portal', 'worker']);
  expect(() => deployOrder({ a: { depends_on: ['b'] }, b: { depends_on: ['a'] } })).toThrow(
    /cycle: a → b → a/,
  );
});
