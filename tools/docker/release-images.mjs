// Release images (the `release-images` Nx target; CI's release job runs it):
//   node tools/docker/release-images.mjs --base <previous release commit> [--head HEAD] [--dry-run]
// builds and pushes the images Nx finds affected between the two commits, and
// retags the others' previous images (pull, tag, push) with this release's
// `<version>` and `sha-<short>`. Env: ZAMIO_REGISTRY (required; docker login
// first), NODE_IMAGE / DEBIAN_IMAGE, ZAMIO_CA_SECRET as for docker-build.
// Refuses a dirty working tree: release tags name exactly one commit.
import { execFileSync, spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildFacts } from './git-info.mjs';
import { ALL_APPS } from './image-spec.mjs';
import { releasePlan } from './release-plan.mjs';

// Every CLI answers --help (tools/ci/test/cli-help.test.ts).
if (process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h')) {
  console.log(
    `release-images.mjs — builds and pushes the affected images, retags the others with this release's tags\nenv: ZAMIO_REGISTRY (required), NODE_IMAGE, DEBIAN_IMAGE, ZAMIO_CA_SECRET\n\nusage: node tools/docker/release-images.mjs --base <previous release commit> [--head HEAD] [--dry-run]`,
  );
  process.exit(0);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: { base: { type: 'string' }, head: { type: 'string' }, 'dry-run': { type: 'boolean' } },
});
const registry = (process.env.ZAMIO_REGISTRY ?? '').replace(/\/+$/, '');
if (!registry) {
  console.error('release-images: set ZAMIO_REGISTRY (e.g. ghcr.io/acme) and docker login to it first');
  process.exit(64);
}
const facts = buildFacts(root);
if (facts.dirty) {
  console.error('release-images: the working tree has uncommitted changes; release from a clean checkout');
  process.exit(1);
}
const head = values.head ?? 'HEAD';
const git = (...args) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' }).trim();
// No usable base (first release, force-push, shallow clone): build everything.
const base = values.base && !/^0+$/.test(values.base) && gitHas(values.base) ? values.base : null;

let affected = ALL_APPS;
if (base) {
  const output = execFileSync(
    process.execPath,
    [
      realpathSync(resolve(root, 'node_modules/.bin/nx')),
      'show',
      'projects',
      '--affected',
      `--base=${base}`,
      `--head=${head}`,
      '-t',
      'docker-build',
      '--json',
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
  );
  affected = JSON.parse(output.slice(output.indexOf('[')));
}
const plan = releasePlan({
  affected,
  baseShortSha: base ? git('rev-parse', '--short=7', base) : null,
  version: facts.version,
  shortSha: facts.shortSha,
  registry,
  namespace: process.env.ZAMIO_IMAGE_NAMESPACE || 'zamio',
});

console.log(
  `release ${facts.version} (sha-${facts.shortSha}) to ${registry}, changes since ${base ?? 'the beginning'}:`,
);
for (const step of plan)
  console.log(
    `  ${step.app.padEnd(10)} ${step.action === 'build' ? 'build + push' : `retag ${step.from}`} → ${step.tags.join(', ')}`,
  );
if (values['dry-run']) process.exit(0);

const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`release-images: ${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
};
for (const step of plan) {
  if (step.action === 'build') {
    run(process.execPath, [resolve(root, 'tools/docker/docker-build.mjs'), step.app], {
      ZAMIO_REGISTRY: registry,
    });
    for (const tag of step.tags) run('docker', ['push', tag]);
  } else {
    run('docker', ['pull', step.from]);
    for (const tag of step.tags) {
      run('docker', ['tag', step.from, tag]);
      run('docker', ['push', tag]);
    }
  }
}
console.log(`release-images: every app has ${plan[0].tags.map((t) => t.split(':').pop()).join(' and ')}`);

function gitHas(commit) {
  return spawnSync('git', ['-C', root, 'cat-file', '-e', `${commit}^{commit}`]).status === 0;
}
