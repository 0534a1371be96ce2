// The real bff entry point (src/main.ts) as a child process on this Node (24),
// started by @zamio/testing's runEntry and returned once /readyz answers 200.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
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
  // A plain loop, not expect.poll: set-ups (beforeAll) call this too.
  const until = Date.now() + 45_000;
  for (;;) {
    const status = await fetch(`${url}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (child.exitCode !== null) throw new Error(`bff exited with ${child.exitCode}: ${output()}`);
    if (Date.now() > until) throw new Error(`bff not ready within 45 s (last ${status}): ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
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
