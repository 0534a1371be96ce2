// The workspace's shape, as Nx sees it: six apps, apps depend only on libs,
// and a change in one portal affects that portal alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const nx = (...args: string[]) =>
  execFileSync('npx', ['nx', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
const APPS = ['artist', 'station', 'publisher', 'admin', 'bff', 'worker'];
const LIBS = ['env', 'logger', 'health', 'api-client', 'contracts', 'db', 'queue', 'ui'];

interface Graph {
  graph: {
    nodes: Record<string, { type: string; data: { root: string; tags?: string[] } }>;
    dependencies: Record<string, { target: string; type: string }[]>;
  };
}

describe('Nx project graph', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'zamio-graph-')), 'graph.json');
  nx('graph', `--file=${file}`);
  const { graph } = JSON.parse(readFileSync(file, 'utf8')) as Graph;

  it('lists the six apps and the libs', () => {
    const projects = nx('show', 'projects', '--json');
    const names = JSON.parse(projects) as string[];
    for (const name of [...APPS, ...LIBS]) expect(names).toContain(name);
  });

  it('lets apps import only libs (build tooling is an implicit, non-code dependency)', () => {
    for (const app of APPS) {
      for (const dependency of (graph.dependencies[app] ?? []).filter((d) => graph.nodes[d.target])) {
        const target = graph.nodes[dependency.target]!;
        if (dependency.type === 'implicit') {
          // docker/, tools/build, tools/docker: a Dockerfile change must mark images affected.
          expect(target.data.tags, `${app} → ${dependency.target}`).toContain('type:tool');
          expect(target.data.root, `${app} → ${dependency.target}`).not.toMatch(/^apps\//);
        } else {
          expect(target.data.root, `${app} → ${dependency.target}`).toMatch(/^libs\//);
        }
      }
    }
  });

  it('marks only the artist portal affected by a change in apps/artist', () => {
    const affected = nx('show', 'projects', '--affected', '--files=apps/artist/src/main.tsx', '--json');
    const names = JSON.parse(affected) as string[];
    expect(names).toContain('artist');
    for (const other of APPS.filter((a) => a !== 'artist')) expect(names).not.toContain(other);
  });
});
