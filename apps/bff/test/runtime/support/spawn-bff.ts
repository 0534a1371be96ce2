// The real bff entry point (src/main.ts) as a child process on this Node (24),
// started by @zamio/testing's runEntry and returned once /readyz answers 200.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { freePort, runEntry } from '@zamio/testing';

const ROOT = join(import.meta.dirname, '../../../../..');

export interface SpawnedBff {
  child: ChildProcess;
  url: string;
  output(): string;
  lines(): Record<string, unknown>[];
  exited: Promise<number | null>;
}

export async function spawnBff(env: Record<string, string>): Promise<SpawnedBff> {
  const port = await freePort();
  const run = runEntry(
    'apps/bff/src/main.ts',
    {
      ZAMIO_ENV: 'test',
      LOG_PRETTY: 'false',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      METRICS_PORT: '0',
      REDIS_URL: 'memory:',
      ...env,
    },
    ROOT,
  );
  const { child } = run;
  const output = run.output;
  const exited = run.exited.then(({ code }) => code);
  const url = `http://127.0.0.1:${port}`;
  await expect
    .poll(
      async () =>
        (await fetch(`${url}/readyz`)
          .then((r) => r.status)
          .catch(() => 0)) || (child.exitCode !== null ? `exited: ${output()}` : 0),
      { timeout: 45_000, interval: 200 },
    )
    .toBe(200);
  return {
    child,
    url,
    exited,
    output,
    lines: () =>
      output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
