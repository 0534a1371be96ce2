// The real bff entry point (src/main.ts) as a child process on this Node (24),
// loaded through tsx's import hook so signals reach the server process itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { freePort } from '@zamio/testing';

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
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/bff/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      ZAMIO_ENV: 'test',
      LOG_PRETTY: 'false',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      METRICS_PORT: '0',
      REDIS_URL: 'memory:',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await expect
    .poll(async () => (await fetch(`${url}/readyz`).then((r) => r.status).catch(() => 0)) || (child.exitCode !== null ? `exited: ${output}` : 0), { timeout: 45_000, interval: 200 })
    .toBe(200);
  return {
    child,
    url,
    exited,
    output: () => output,
    lines: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
