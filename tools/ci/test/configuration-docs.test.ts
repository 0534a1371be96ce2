// docs/configuration.md and the .env examples are generated from the schemas;
// CI fails when someone changes a schema without regenerating them.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDocs } from '@zamio/tools-env/src/docs-command';

describe('generated configuration files', () => {
  it('are in sync with libs/env schemas', () => {
    const messages: string[] = [];
    const code = runDocs(resolve(import.meta.dirname, '../../..'), true, (m) => messages.push(m));
    expect(messages.join('\n')).not.toContain('out of date');
    expect(code).toBe(0);
  });
});
