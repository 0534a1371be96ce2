// Pushes one app's image (the `docker-push` Nx target, after docker-build):
// tags `<namespace>/<app>:<version>` and `:sha-<short>` for ZAMIO_REGISTRY and
// pushes both. Refuses a build from uncommitted changes: a sha tag must mean
// exactly that commit.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFacts } from './git-info.mjs';
import { imageTags } from './image-spec.mjs';

// Every CLI answers --help (tools/ci/test/cli-help.test.ts).
if (process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h')) {
  console.log(
    `docker-push.mjs — tags and pushes one app's image (<version> and sha-<short>) to ZAMIO_REGISTRY; refuses a dirty working tree\n\nusage: node tools/docker/docker-push.mjs <app>`,
  );
  process.exit(0);
}

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const app = process.argv[2];
const registry = process.env.ZAMIO_REGISTRY;
if (!app) {
  console.error('usage: docker-push.mjs <app>   (env ZAMIO_REGISTRY=registry.example.com/team)');
  process.exit(64);
}
if (!registry) {
  console.error('docker-push: set ZAMIO_REGISTRY (e.g. ghcr.io/zamio) to the registry to push to');
  process.exit(64);
}
const facts = buildFacts(workspaceRoot);
if (facts.dirty) {
  console.error(
    'docker-push: the working tree has uncommitted changes; its images are tagged dev-… and never pushed: commit first',
  );
  process.exit(1);
}
const namespace = process.env.ZAMIO_IMAGE_NAMESPACE || 'zamio';
const local = imageTags(app, { ...facts, namespace });
const remote = imageTags(app, { ...facts, namespace, registry });

const docker = (...args) => {
  const result = spawnSync('docker', args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
local.forEach((tag, i) => docker('tag', tag, remote[i]));
for (const tag of remote) docker('push', tag);
console.log(`docker-push ${app}: pushed ${remote.join(' ')}`);
