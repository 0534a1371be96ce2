// No URL of any environment is written in source: every service URL comes
// from env. Allowed: tests and test fixtures, comments (docs links), and the
// env schema's own descriptions and examples.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const SOURCE = /\.(ts|tsx|js|mjs|cjs|html|css)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.nx', 'coverage', 'test', '__fixtures__']);
// A scheme followed by a host: a written-down address (a scheme named in a
// message, or a URL built from the request, is not one).
const URL_LITERAL = /https?:\/\/[A-Za-z0-9[]/;
const RESERVED_EXAMPLE_URL =
  /https?:\/\/(?:[A-Za-z0-9-]+\.)*(?:example\.(?:com|net|org)|[A-Za-z0-9-]+\.(?:example|invalid|test))(?![A-Za-z0-9.-])/g;

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP_DIRS.has(name)) yield* sourceFiles(path);
    } else if (SOURCE.test(name) && !/\.test\.(ts|tsx)$/.test(name)) yield path;
  }
}

// Test support code (libs/testing, a lib's testing/ entry point) starts local servers.
const allowedFile = (file: string) => file.startsWith('libs/testing/') || file.includes('/testing/');

function allowedLine(file: string, line: string): boolean {
  const trimmed = line.trim();
  if (
    trimmed.startsWith('//') ||
    trimmed.startsWith('*') ||
    trimmed.startsWith('/*') ||
    trimmed.startsWith('<!--')
  )
    return true;
  // Schema documentation: descriptions and examples show URL shapes.
  if (file.startsWith('libs/env/src/schemas/') && /\b(desc|example):/.test(line)) return true;
  // Naming a scheme in a check (e.g. startsWith('http:')) is not a URL, nor is an
  // example on a reserved name (RFC 2606: example.com/net/org, .example, .invalid,
  // .test) such as a form's placeholder: no environment can ever serve those.
  return (
    line
      .replace(/['"`]https?:\/\/['"`]/g, '')
      .replace(RESERVED_EXAMPLE_URL, '')
      .match(URL_LITERAL) === null
  );
}

export function findUrlLiterals(): string[] {
  const offenders: string[] = [];
  for (const top of ['apps', 'libs']) {
    for (const path of sourceFiles(join(root, top))) {
      const file = relative(root, path);
      if (allowedFile(file)) continue;
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (URL_LITERAL.test(line) && !allowedLine(file, line))
            offenders.push(`${file}:${index + 1}: ${line.trim()}`);
        });
    }
  }
  return offenders;
}

describe('service URLs come from env only', () => {
  it('has no http(s):// literal in apps/ and libs/ source outside the allowlist', () => {
    expect(findUrlLiterals()).toEqual([]);
  });
});
