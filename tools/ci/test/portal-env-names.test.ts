// The portals' Vite config reads its settings only through the portal schema
// (libs/ui/vite/portal-env.ts → libs/env's loadConfig), never from env names of
// its own: one reader, one set of defaults, every variable documented.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const viteDir = resolve(import.meta.dirname, '../../../libs/ui/vite');

describe('portal dev-server variables', () => {
  it('are read through the portal schema only', () => {
    const sources = readdirSync(viteDir)
      .filter((f) => f.endsWith('.ts'))
      .map((file) => [file, readFileSync(resolve(viteDir, file), 'utf8')] as const);
    for (const [file, text] of sources)
      expect(
        [...text.matchAll(/env\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]),
        file,
      ).toEqual([]);
    const reader = sources.find(([file]) => file === 'portal-env.ts')?.[1] ?? '';
    expect(reader).toMatch(/loadConfig\(envLib\.portalSchema, env\)/);
  });
});
