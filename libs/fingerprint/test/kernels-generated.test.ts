import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { compileKernels, generatedModule } from '../assembly/build-kernels.ts';

describe('the WASM kernels', () => {
  it('are the compiled assembly/kernels.ts (npm run build:fingerprint-kernels after an edit)', async () => {
    const committed = await readFile(new URL('../src/kernels-wasm.generated.ts', import.meta.url), 'utf8');
    expect(committed).toBe(generatedModule(await compileKernels()));
  }, 60_000);
});
