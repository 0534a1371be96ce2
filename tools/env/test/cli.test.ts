// zamio-env as CI and the deploy tool use it: exit 0 for valid files, 78 with
// one report for invalid ones, 64 for usage mistakes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli';

const dir = mkdtempSync(join(tmpdir(), 'zamio-env-cli-'));
const file = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
};
const validProduction = [
  'ZAMIO_ENV=production',
  'DATABASE_URL=postgres://zamio:pw@db.internal:5432/zamio',
  'REDIS_URL=rediss://default:pw@redis.internal:6380/0',
  'SESSION_SECRET=q7Yw2LzP9vKc4NxR8mTb3HsJ6dFg1AeU5oWiZ0yXlQ',
  'TRUST_PROXY=10.0.1.0/24',
  'PUBLIC_API_URL=https://api.zamio.example',
  'INTERNAL_API_URL=http://bff:3000',
];

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), tty: true });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('zamio-env check', () => {
  it('accepts a valid production file for every app', async () => {
    const result = await run(['check', '--all', '--file', file('ok.env', validProduction)]);
    expect(result.out).toContain('bff: configuration is valid');
    expect(result.code).toBe(0);
  });

  it('reports every problem of an invalid file at once and exits 78', async () => {
    const result = await run([
      'check',
      '--app',
      'bff',
      '--file',
      file('bad.env', ['ZAMIO_ENV=production', 'PORT=eighty', 'LOG_PRETTY=true']),
    ]);
    expect(result.code).toBe(78);
    for (const name of ['PORT', 'LOG_PRETTY', 'DATABASE_URL', 'REDIS_URL', 'SESSION_SECRET', 'TRUST_PROXY'])
      expect(result.out).toContain(name);
  });

  it('names a missing file and an unknown app', async () => {
    expect((await run(['check', '--app', 'bff', '--file', join(dir, 'nope.env')])).code).toBe(66);
    const unknown = await run(['check', '--app', 'mailer']);
    expect(unknown.code).toBe(64);
    expect(unknown.err).toContain('--app must be one of bff, worker, portal');
  });
});

describe('zamio-env docs --check', () => {
  it('passes on the repository (generated files are committed in sync)', async () => {
    const result = await run(['docs', '--check', '--root', resolve(import.meta.dirname, '../../..')]);
    expect(result.code).toBe(0);
  });

  it('fails on a tree whose generated files are missing', async () => {
    const result = await run(['docs', '--check', '--root', dir]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('docs/configuration.md');
  });
});
