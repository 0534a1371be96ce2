// Measures the production images and writes a table into docs/performance.md
// between <!-- images:start --> and <!-- images:end -->:
//   final size, size added on top of the base, cold build (no cache) and warm
//   rebuild after a one-file change (both medians of BENCH_RUNS, default 3).
// Usage (Docker + bases ready, e.g. after sourcing docker-env.sh):
//   NODE_IMAGE=zamio-base/node:24 DEBIAN_IMAGE=zamio-base/debian:bookworm-slim node bench/images/measure-images.mjs [app...]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFacts } from '../../tools/docker/git-info.mjs';
import { ALL_APPS, NODE_APPS, imageTags } from '../../tools/docker/image-spec.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const apps = process.argv.slice(2).length ? process.argv.slice(2) : ALL_APPS;
const namespace = 'zamio-bench';
const nodeImage = process.env.NODE_IMAGE ?? 'node:24-bookworm-slim';
const debianImage = process.env.DEBIAN_IMAGE ?? 'debian:bookworm-slim';
const SKIP = new Set(['node_modules', '.git', 'dist', '.nx', 'coverage', 'tmp', 'var', '.data']);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const imageSize = (image) =>
  Number(
    execFileSync('docker', ['image', 'inspect', '--format', '{{.Size}}', image], { encoding: 'utf8' }).trim(),
  );

function build(app, context, extra = []) {
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [join(root, 'tools/docker/docker-build.mjs'), app, '--context', context, '--', ...extra],
    {
      env: {
        ...process.env,
        NODE_IMAGE: nodeImage,
        DEBIAN_IMAGE: debianImage,
        ZAMIO_IMAGE_NAMESPACE: namespace,
        ZAMIO_REGISTRY: '',
      },
      encoding: 'utf8',
    },
  );
  if (result.status !== 0)
    throw new Error(`build of ${app} failed:\n${(result.stdout + result.stderr).slice(-3000)}`);
  return Date.now() - started;
}

function freshContext() {
  const dir = mkdtempSync(join(tmpdir(), 'zamio-bench-'));
  cpSync(root, dir, {
    recursive: true,
    filter: (source) =>
      !relative(root, source)
        .split('/')
        .some((part) => SKIP.has(part)),
  });
  return dir;
}

const rows = [];
for (const app of apps) {
  const context = freshContext();
  try {
    const cold = [];
    const warm = [];
    for (let i = 0; i < runs; i++) {
      cold.push(build(app, context, ['--no-cache']));
      const file = join(context, 'apps', app, 'src', NODE_APPS.includes(app) ? 'main.ts' : 'main.tsx');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n// bench change ${Date.now()}\n`);
      warm.push(build(app, context));
    }
    const [image] = imageTags(app, { ...buildFacts(root), namespace });
    const size = imageSize(image);
    const base = imageSize(debianImage);
    rows.push(
      `| ${app} | ${mb(size)} | ${mb(size - base)} | ${seconds(median(cold))} | ${seconds(median(warm))} |`,
    );
    console.log(rows.at(-1));
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${process.env.BENCH_MACHINE ?? 'this machine'}, builder ${nodeImage}, runtime base ${debianImage}, medians of ${runs} run(s).`,
  'Cold = `--no-cache` build (every layer rebuilt; the BuildKit npm download cache mount stays warm, as on a CI runner with a persistent builder); warm = rebuild after a one-line change to the app\'s entry source (dependency layers cached). Both runtimes start from the Debian slim base: for bff/worker "added to base" includes the node binary (~120 MB), for portals Debian\'s nginx with brotli_static.',
  '',
  '| image | final size | added to base | cold build | warm rebuild |',
  '|---|---|---|---|---|',
  ...rows,
].join('\n');
const doc = join(root, 'docs/performance.md');
const current = existsSync(doc)
  ? readFileSync(doc, 'utf8')
  : '# Performance\n\n## Images\n\n<!-- images:start -->\n<!-- images:end -->\n';
const updated = current.replace(
  /<!-- images:start -->[\s\S]*<!-- images:end -->/,
  `<!-- images:start -->\n${table}\n<!-- images:end -->`,
);
writeFileSync(
  doc,
  updated.includes('<!-- images:start -->')
    ? updated
    : `${current}\n## Images\n\n<!-- images:start -->\n${table}\n<!-- images:end -->\n`,
);
console.log(`wrote docs/performance.md (${rows.length} images)`);
for (const app of apps) {
  const tags = execFileSync(
    'docker',
    ['images', '--format', '{{.Repository}}:{{.Tag}}', `${namespace}/${app}`],
    { encoding: 'utf8' },
  )
    .split('\n')
    .filter(Boolean);
  if (tags.length) spawnSync('docker', ['rmi', '-f', ...tags], { stdio: 'ignore' });
}
