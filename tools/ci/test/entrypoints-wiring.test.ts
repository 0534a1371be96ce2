// Apps only wire things together: main.ts files stay short compositions.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

describe('app entry points', () => {
  for (const app of ['bff', 'worker']) {
    it(`${app}/src/main.ts only reads config and starts the app`, () => {
      const source = readFileSync(resolve(root, `apps/${app}/src/main.ts`), 'utf8');
      expect(source).not.toMatch(/process\.env\./);
      expect(source.split('\n').length).toBeLessThan(60);
    });
  }
});
