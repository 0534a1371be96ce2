// Builds one app's production image (the `docker-build` Nx target):
//   node tools/docker/docker-build.mjs <app> [--context DIR] [--progress plain] [-- extra docker build args]
// Env: NODE_IMAGE / DEBIAN_IMAGE (base images; CI passes the stand-ins),
// ZAMIO_CA_SECRET (BuildKit secret with an extra CA, from docker-env.sh),
// ZAMIO_REGISTRY (also tag for that registry), ZAMIO_IMAGE_NAMESPACE.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildFacts } from './git-info.mjs';
import { dockerfileOf, imageTags } from './image-spec.mjs';

// Every CLI answers --help (tools/ci/test/cli-help.test.ts).
if (process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h')) {
  console.log(
    `docker-build.mjs — builds one app's production image\nenv: NODE_IMAGE, DEBIAN_IMAGE, ZAMIO_CA_SECRET, ZAMIO_REGISTRY, ZAMIO_IMAGE_NAMESPACE\n\nusage: node tools/docker/docker-build.mjs <app> [--context DIR] [--progress plain] [-- docker build args]`,
  );
  process.exit(0);
}

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { context: { type: 'string' }, progress: { type: 'string' } },
});
const [app, ...extra] = positionals;
if (!app) {
  console.error('usage: docker-build.mjs <app> [--context DIR] [--progress plain] [-- docker build args]');
  process.exit(64);
}

const env = process.env;
const { dockerfile, target } = dockerfileOf(app);
const context = resolve(values.context ?? workspaceRoot);
const facts = buildFacts(workspaceRoot, env);
const namespace = env.ZAMIO_IMAGE_NAMESPACE || 'zamio';
const tags = [
  ...imageTags(app, { ...facts, namespace }),
  ...(env.ZAMIO_REGISTRY ? imageTags(app, { ...facts, namespace, registry: env.ZAMIO_REGISTRY }) : []),
];

const args = ['build', '-f', resolve(context, dockerfile), '--target', target];
const buildArgs = {
  APP: app,
  VERSION: facts.version,
  REVISION: facts.revision,
  CREATED: facts.created,
  SOURCE: facts.source,
};
if (env.NODE_IMAGE) buildArgs.NODE_IMAGE = env.NODE_IMAGE;
if (env.DEBIAN_IMAGE) buildArgs.DEBIAN_IMAGE = env.DEBIAN_IMAGE;
for (const [name, value] of Object.entries(buildArgs)) args.push('--build-arg', `${name}=${value}`);
if (env.ZAMIO_CA_SECRET) args.push('--secret', env.ZAMIO_CA_SECRET);
if (values.progress) args.push(`--progress=${values.progress}`);
for (const tag of tags) args.push('-t', tag);
args.push(...extra, context);

console.log(
  `docker-build ${app}: ${tags.join(' ')}${facts.dirty ? ' (uncommitted changes: dev tag only, never a release tag)' : ''}`,
);
const result = spawnSync('docker', args, { stdio: 'inherit', env: { ...env, DOCKER_BUILDKIT: '1' } });
if (result.error) {
  console.error(
    `docker-build: cannot run docker (${result.error.message}); source ../shared/container-bases/docker-env.sh or install Docker`,
  );
  process.exit(1);
}
process.exit(result.status ?? 1);
