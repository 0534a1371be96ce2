// Version and revision facts for image labels and tags.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const git = (root, ...args) =>
  execFileSync('git', ['-C', root, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();

export function buildFacts(workspaceRoot, env = process.env) {
  const version = JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8')).version;
  let revision = env.GIT_REVISION || env.SOURCE_COMMIT || '';
  let created = '';
  let dirty = false;
  let source = env.ZAMIO_SOURCE_URL || '';
  try {
    revision ||= git(workspaceRoot, 'rev-parse', 'HEAD');
    // The commit time, not "now": rebuilding one commit yields identical labels.
    created = git(workspaceRoot, 'log', '-1', '--format=%cI', revision);
    dirty = git(workspaceRoot, 'status', '--porcelain', '--untracked-files=no').length > 0;
    source ||= git(workspaceRoot, 'remote', 'get-url', 'origin');
  } catch {
    // Not a git checkout (e.g. a source tarball): fall back to env or placeholders.
  }
  if (!revision)
    throw new Error('cannot tell the git revision: build from a git checkout or set GIT_REVISION');
  return {
    version,
    revision: dirty ? `${revision}-dirty` : revision,
    shortSha: revision.slice(0, 7),
    dirty,
    created: created || new Date().toISOString(),
    source:
      source.replace(/^git@([^:]+):/, 'https://$1/').replace(/\.git$/, '') ||
      'https://github.com/zamio/zamio',
  };
}
