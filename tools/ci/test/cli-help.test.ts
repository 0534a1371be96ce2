// Every command-line tool under tools/ answers --help: usage on stdout, exit
// 0, nothing else done. The tools are found, not listed: every `bin` of a
// tools/* package, every script that reads its arguments or has a shebang,
// and the embedded launcher (`npm start`), so a new CLI cannot be forgotten.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const tools = join(root, 'tools');

function* scripts(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!['node_modules', 'test', 'bin'].includes(name)) yield* scripts(path);
    } else if (/\.(mjs|js|ts)$/.test(name) && !/\.(test|config|d)\.[mc]?[jt]s$/.test(name)) yield path;
  }
}

const bins = readdirSync(tools).flatMap((dir) => {
  try {
    const manifest = JSON.parse(readFileSync(join(tools, dir, 'package.json'), 'utf8')) as {
      bin?: Record<string, string>;
    };
    return Object.values(manifest.bin ?? {}).map((bin) => join(tools, dir, bin));
  } catch {
    return [];
  }
});
// A library module (cli.ts behind a bin) exports main(); the bin is what runs.
const runnable = [...scripts(tools)].filter((file) => {
  const source = readFileSync(file, 'utf8');
  if (/export (async )?function main\b/.test(source)) return false;
  return /^#!/.test(source) || /process\.argv|parseArgs\(/.test(source);
});
const CLIS = [...new Set([...bins, ...runnable, join(tools, 'dev/src/start-embedded.ts')])]
  .map((file) => relative(root, file))
  .sort();

describe('every CLI under tools/ answers --help', () => {
  it('finds them', () => {
    expect(CLIS).toEqual(
      expect.arrayContaining([
        'tools/env/bin/zamio-env.mjs',
        'tools/deploy/bin/zamio-deploy.mjs',
        'tools/backup/bin/zamio-backup.mjs',
        'tools/backup/bin/zamio-restore.mjs',
        'tools/storage/bin/zamio-storage.mjs',
        'tools/ci/run-tests.mjs',
        'tools/docker/docker-build.mjs',
        'tools/build/build-node-app.mjs',
        'tools/dev/src/start-embedded.ts',
      ]),
    );
  });

  it.each(CLIS)('%s --help', (cli) => {
    const args = cli.endsWith('.ts') ? ['--import', 'tsx', cli, '--help'] : [cli, '--help'];
    const result = spawnSync(process.execPath, args, {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      // No registry, no CI: --help must not depend on them (and must not start anything).
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
    });
    expect(result.stderr, cli).toBe('');
    expect(result.status, `${cli}: ${result.stderr}`).toBe(0);
    expect(result.stdout.toLowerCase()).toContain('usage');
  });
});
