// One test installation: a mock Coolify holding the six applications as an
// operator following docs/deployment.md would have created them (on tag 1.0.0,
// valid production env, label management switched to "Managed manually" — the
// one click the API cannot do; health type, aliases and labels left at Coolify's
// defaults for the tool to set), the repository's real resources.yaml with their
// uuids filled in, and a way to run the CLI capturing its output.
import { afterEach, beforeEach, expect } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli';
import {
  startMockCoolify,
  type MockApplication,
  type MockCoolify,
} from '../mock-coolify/mock-coolify-server';

export const RESOURCES_PATH = fileURLToPath(new URL('../../../../coolify/resources.yaml', import.meta.url));
export const REGISTRY = 'registry.test/zamio-ci';
export const APPS = ['bff', 'worker', 'artist', 'station', 'publisher', 'admin'] as const;

export const validEnvs: Record<string, Record<string, string>> = {
  bff: {
    ZAMIO_ENV: 'production',
    PUBLIC_API_URL: 'https://api.zamio.test',
    TRUST_PROXY: '10.0.1.0/24',
    SESSION_SECRET: 'Kq8vZt3xNw0pLr7sYb2mHc5dJf9gUa4e',
    UPLOAD_DIR: '/var/lib/zamio/uploads',
    DATABASE_URL: 'postgres://zamio:db-password-1@pg-uuid:5432/zamio',
    REDIS_URL: 'redis://default:redis-password-1@redis-uuid:6379/0',
  },
  worker: {
    ZAMIO_ENV: 'production',
    DATABASE_URL: 'postgres://zamio:db-password-1@pg-uuid:5432/zamio',
    REDIS_URL: 'redis://default:redis-password-1@redis-uuid:6379/0',
  },
  portal: { ZAMIO_ENV: 'production', INTERNAL_API_URL: 'http://zamio-bff-production:3000' },
};

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export interface DeployFixture {
  mock: MockCoolify;
  dir: string;
  configPath: string;
  statePath: string;
  run(args: string[], env?: Record<string, string>): Promise<CliRun>;
  tagsOf(): Record<string, string | null>;
  runningTagsOf(): Record<string, string | null>;
  /** Order in which applications were deployed (POST /deploy). */
  deployOrder(): string[];
  cleanup(): Promise<void>;
}

export async function createDeployFixture(): Promise<DeployFixture> {
  const mock = await startMockCoolify();
  const dir = mkdtempSync(join(tmpdir(), 'zamio-deploy-'));
  const configPath = join(dir, 'resources.yaml');
  writeFileSync(
    configPath,
    readFileSync(RESOURCES_PATH, 'utf8').replace(/REPLACE-ME-([a-z]+)-uuid/g, '$1-uuid'),
  );
  const statePath = join(dir, 'state', 'production.json');

  for (const app of APPS) {
    const node = app === 'bff' || app === 'worker';
    mock.addApplication({
      uuid: `${app}-uuid`,
      name: `zamio-${app}`,
      docker_registry_image_name: `${REGISTRY}/zamio/${app}`,
      docker_registry_image_tag: '1.0.0',
      ports_exposes: app === 'bff' ? '3000' : app === 'worker' ? '3001' : '8080',
      fqdn: node ? null : `https://${app}.zamio.example`,
      settings: { is_container_label_readonly_enabled: false } as MockApplication['settings'],
      envs: node ? { ...validEnvs[app]! } : { ...validEnvs.portal! },
    });
  }

  return {
    mock,
    dir,
    configPath,
    statePath,
    async run(args, env = {}) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main([...args, '--config', configPath, '--state', statePath], {
        out: (t) => out.push(t),
        err: (t) => err.push(t),
        env: {
          COOLIFY_URL: mock.url,
          COOLIFY_TOKEN: mock.token,
          ZAMIO_REGISTRY: REGISTRY,
          DEPLOY_POLL_INTERVAL: '5ms',
          DEPLOY_TIMEOUT: '20s',
          DEPLOY_RETRY_MAX_DELAY: '20ms',
          ...env,
        },
      });
      return { code, out: out.join('\n'), err: err.join('\n') };
    },
    tagsOf: () =>
      Object.fromEntries(APPS.map((a) => [a, mock.apps.get(`${a}-uuid`)!.docker_registry_image_tag])),
    runningTagsOf: () => Object.fromEntries(APPS.map((a) => [a, mock.apps.get(`${a}-uuid`)!.running_tag])),
    deployOrder: () =>
      mock.requests
        .filter((r) => r.method === 'POST' && r.path === '/api/v1/deploy')
        .map((r) => new URLSearchParams(r.query).get('uuid')!.replace(/-uuid$/, '')),
    async cleanup() {
      await mock.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One fresh fixture per test; after each, every request the tool made and every
 * answer the mock gave must have kept to Coolify's contract.
 */
export function useDeployFixture(): () => DeployFixture {
  let fixture: DeployFixture;
  beforeEach(async () => {
    fixture = await createDeployFixture();
  });
  afterEach(async () => {
    expect(fixture.mock.violations).toEqual([]);
    await fixture.cleanup();
  });
  return () => fixture;
}
