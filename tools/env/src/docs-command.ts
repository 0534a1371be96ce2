// `zamio-env docs`: writes docs/configuration.md and the example env files
// from the schemas; `--check` only compares and fails on drift (CI).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderConfigurationDoc, renderLocalEnvExample, renderProductionEnvExample } from '@zamio/env';

export function generatedFiles(): Record<string, string> {
  return {
    'docs/configuration.md': renderConfigurationDoc(),
    'coolify/env/bff.env.example': renderProductionEnvExample('bff'),
    'coolify/env/worker.env.example': renderProductionEnvExample('worker'),
    'coolify/env/portal.env.example': renderProductionEnvExample('portal'),
    '.env.local.example': renderLocalEnvExample(['bff', 'worker', 'portal']),
  };
}

export function runDocs(root: string, check: boolean, write: (text: string) => void): number {
  const stale: string[] = [];
  for (const [file, content] of Object.entries(generatedFiles())) {
    const path = join(root, file);
    let current: string | undefined;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === content) continue;
    if (check) stale.push(file);
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      write(`wrote ${file}`);
    }
  }
  if (stale.length > 0) {
    write(`out of date (run \`npm run env:docs\` and commit): ${stale.join(', ')}`);
    return 1;
  }
  if (check) write('configuration docs and env examples are in sync with the schemas');
  return 0;
}
