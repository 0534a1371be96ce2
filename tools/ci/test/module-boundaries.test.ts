// Browser code never reaches a Node-only library: a portal (or libs/ui)
// importing libs/env, libs/db or any other scope:server library fails
// `nx lint` with the module-boundary error, while shared libraries stay
// allowed. And every library that uses Node's own modules is tagged
// scope:server, so the rule knows it. The probes are linted from stdin; no
// file is written.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

interface LintMessage {
  ruleId: string | null;
  message: string;
}

async function lintProbe(file: string, source: string): Promise<LintMessage[]> {
  const child = run('npx', ['eslint', '--stdin', '--stdin-filename', file, '--format', 'json'], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    maxBuffer: 16 * 1024 * 1024,
  });
  child.child.stdin?.end(source);
  // eslint exits 1 when it reports errors; the JSON is on stdout either way.
  const { stdout } = await child.catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const [result] = JSON.parse(stdout) as { messages: LintMessage[] }[];
  return result?.messages ?? [];
}

const boundaryErrors = (messages: LintMessage[]) =>
  messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries');

const libsTagged = (tag: string) =>
  readdirSync(join(root, 'libs')).filter((name) => {
    const file = join(root, 'libs', name, 'package.json');
    try {
      return (JSON.parse(readFileSync(file, 'utf8')) as { nx?: { tags?: string[] } }).nx?.tags?.includes(tag);
    } catch {
      return false;
    }
  });

describe('module boundaries between browser and server code', () => {
  for (const [file, target] of [
    ['apps/artist/src/boundary-probe.ts', '@zamio/env'],
    ['apps/admin/src/boundary-probe.tsx', '@zamio/db'],
    ['apps/station/src/boundary-probe.ts', '@zamio/logger'],
    ['libs/ui/src/boundary-probe.ts', '@zamio/accounts'],
  ] as const) {
    it(`refuses ${target} in ${file.split('/src/')[0]}`, async () => {
      const errors = boundaryErrors(
        await lintProbe(file, `import * as probe from '${target}';\nexport { probe };\n`),
      );
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(
        /scope:web.*can only depend on libs tagged with "scope:web", "scope:shared"/,
      );
    }, 120_000);
  }

  it('allows the shared libraries in a portal', async () => {
    const source =
      "import * as contracts from '@zamio/contracts';\nimport * as client from '@zamio/api-client';\nexport { contracts, client };\n";
    expect(boundaryErrors(await lintProbe('apps/artist/src/boundary-probe.ts', source))).toEqual([]);
  }, 120_000);

  it('tags every library that imports a Node module as scope:server', () => {
    const sourcesOf = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return sourcesOf(path);
        return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
      });
    const shared = libsTagged('scope:shared');
    expect(shared.length).toBeGreaterThan(2);
    for (const lib of shared) {
      const nodeImports = sourcesOf(join(root, 'libs', lib, 'src')).filter((file) =>
        /from ['"]node:/.test(readFileSync(file, 'utf8')),
      );
      expect(nodeImports, `libs/${lib} is scope:shared but imports Node modules`).toEqual([]);
    }
    for (const lib of ['env', 'logger', 'db', 'http', 'platform', 'accounts'])
      expect(libsTagged('scope:server')).toContain(lib);
  });
});
