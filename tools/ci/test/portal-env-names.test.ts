// The portals' Vite config reads its settings from the environment itself
// (Node loads it before any bundling, so it cannot use libs/env's TypeScript);
// every name it reads must still be declared, documented, in the portal schema.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portalSpec } from '@zamio/env';

const viteDir = resolve(import.meta.dirname, '../../../libs/ui/vite');

describe('portal dev-server variables', () => {
  it('are all declared in the portal schema', () => {
    const names = new Set<string>();
    for (const file of readdirSync(viteDir).filter((f) => f.endsWith('.ts'))) {
      for (const match of readFileSync(resolve(viteDir, file), 'utf8').matchAll(/env\.([A-Z][A-Z0-9_]+)/g))
        names.add(match[1]!);
    }
    expect(names.size).toBeGreaterThan(3);
    for (const name of names) expect(Object.keys(portalSpec), name).toContain(name);
  });
});
