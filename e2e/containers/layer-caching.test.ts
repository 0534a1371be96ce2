// Layer caching: after a one-file bff change the dependency install is reused
// from cache, and Nx does not consider any portal image affected. The change
// is made in a temporary copy of the build context, never in the repository.
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  baseImages,
  buildScript,
  caSecretEnv,
  dockerBin,
  requireDocker,
  runCommand,
  workspaceRoot,
} from '@zamio/testing/docker-cli';

const available = await requireDocker('container suite');
const namespace = `zamio-e2e-cache-${randomBytes(3).toString('hex')}`;
const SKIP = new Set(['node_modules', '.git', 'dist', '.nx', 'coverage', 'tmp', 'var', '.data']);

/** Copies the repo as a build context (what .dockerignore would keep anyway, roughly). */
function copyContext(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zamio-context-'));
  cpSync(workspaceRoot, dir, {
    recursive: true,
    filter: (source) =>
      !relative(workspaceRoot, source)
        .split('/')
        .some((part) => SKIP.has(part)),
  });
  return dir;
}

describe.runIf(available)('layer caching', () => {
  const contexts: string[] = [];
  afterAll(async () => {
    for (const dir of contexts) rmSync(dir, { recursive: true, force: true });
    for (const app of ['bff', 'artist']) {
      const tags = (
        await runCommand(dockerBin, ['images', '--format', '{{.Repository}}:{{.Tag}}', `${namespace}/${app}`])
      ).output
        .split('\n')
        .filter(Boolean);
      if (tags.length) await runCommand(dockerBin, ['rmi', '-f', ...tags]);
    }
  });

  /** Builds `app` twice in a copy of the repository, with a one-line change to `file` between. */
  async function buildTwice(app: string, file: string) {
    const bases = await baseImages();
    const context = copyContext();
    contexts.push(context);
    const build = () =>
      runCommand(process.execPath, [buildScript, app, '--context', context, '--progress', 'plain'], {
        env: {
          ...caSecretEnv(),
          NODE_IMAGE: bases.NODE_IMAGE,
          DEBIAN_IMAGE: bases.DEBIAN_IMAGE,
          ZAMIO_IMAGE_NAMESPACE: namespace,
          ZAMIO_REGISTRY: '',
        },
      });
    const first = await build();
    expect(first.code, first.output.slice(-3000)).toBe(0);
    const path = join(context, file);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n// cache probe ${Date.now()}\n`);
    const second = await build();
    expect(second.code, second.output.slice(-3000)).toBe(0);
    // BuildKit plain progress prints "#N CACHED" right after a step's header.
    return (step: RegExp) => {
      const header = second.output.split('\n').find((line) => step.test(line));
      const stepId = header?.match(/^#(\d+) /)?.[1];
      return stepId !== undefined && new RegExp(`^#${stepId} CACHED`, 'm').test(second.output);
    };
  }

  it('rebuilding the bff after a one-file change reuses the npm ci layers', async () => {
    const cached = await buildTwice('bff', 'apps/bff/src/main.ts');
    expect(cached(/\[deps \d\/\d\] RUN .*npm ci --ignore-scripts/), 'workspace npm ci').toBe(true);
    expect(cached(/\[runtime-deps \d\/\d\] RUN .*npm ci --omit=dev/), 'production npm ci').toBe(true);
    // ...while the source-dependent build step really ran again.
    expect(cached(/\[build \d\/\d\] RUN .*nx build/), 'bundle step').toBe(false);
  }, 900_000);

  it('rebuilding a portal after a one-file change reuses the nginx + brotli layer', async () => {
    const cached = await buildTwice('artist', 'apps/artist/src/main.tsx');
    expect(cached(/\[portal \d+\/\d+\] RUN set -eu;.*apt-get update/), 'nginx + brotli_static install').toBe(
      true,
    );
    expect(cached(/\[build \d\/\d\] RUN .*nx build/), 'vite build').toBe(false);
  }, 900_000);

  it('a bff source change leaves every portal image unaffected', async () => {
    const result = await runCommand(
      process.execPath,
      [
        realpathSync(join(workspaceRoot, 'node_modules/.bin/nx')),
        'show',
        'projects',
        '--affected',
        '--files=apps/bff/src/main.ts',
        '--json',
      ],
      { env: { NX_DAEMON: 'false' } },
    );
    expect(result.code, result.output).toBe(0);
    const affected = JSON.parse(result.output.slice(result.output.indexOf('['))) as string[];
    expect(affected).toContain('bff');
    for (const portal of ['artist', 'station', 'publisher', 'admin']) expect(affected).not.toContain(portal);
  });
});
