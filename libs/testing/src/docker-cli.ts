// Thin helpers over the docker CLI for the Docker suites (e2e/containers, e2e/rehearsal).
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** docker-env.sh puts Debian's docker first on PATH; fall back to /usr/bin/docker. */
export const dockerBin =
  process.env.DOCKER_BIN ?? (existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker');

export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run(dockerBin, args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

/** Runs a command, resolving with its combined output and exit code (never rejects). */
export function runCommand(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? workspaceRoot,
      env: { ...process.env, ...options.env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolvePromise({ code: 127, output: `${output}${error.message}` }));
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

export async function dockerReachable(): Promise<boolean> {
  return (await runCommand(dockerBin, ['info', '--format', '{{.ServerVersion}}'])).code === 0;
}

export const isCI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * Without Docker the suite skips loudly on a laptop, but fails in CI: a
 * missing engine there must never look like a pass.
 */
export async function requireDocker(suite: string): Promise<boolean> {
  if (await dockerReachable()) return true;
  const message = `${suite}: no Docker engine reachable (${dockerBin} info failed). Run: source ../shared/container-bases/docker-env.sh`;
  if (isCI) throw new Error(`${message} — required because CI=true`);
  console.warn(`\n*** ${message}\n*** SKIPPING the ${suite} (set CI=true to make this a failure)\n`);
  return false;
}

export async function imageExists(image: string): Promise<boolean> {
  return (await runCommand(dockerBin, ['image', 'inspect', image])).code === 0;
}

/** Stand-in bases when present (CI), the official images otherwise. */
export async function baseImages(): Promise<
  Record<'NODE_IMAGE' | 'DEBIAN_IMAGE' | 'POSTGRES_IMAGE' | 'REDIS_IMAGE', string>
> {
  const pick = async (variable: string, standIn: string, official: string) =>
    process.env[variable] ?? ((await imageExists(standIn)) ? standIn : official);
  return {
    NODE_IMAGE: await pick('NODE_IMAGE', 'zamio-base/node:24', 'node:24-bookworm-slim'),
    DEBIAN_IMAGE: await pick('DEBIAN_IMAGE', 'zamio-base/debian:bookworm-slim', 'debian:bookworm-slim'),
    POSTGRES_IMAGE: await pick('POSTGRES_IMAGE', 'zamio-base/postgres:15', 'postgres:16-bookworm'),
    REDIS_IMAGE: await pick('REDIS_IMAGE', 'zamio-base/redis:7', 'redis:7-bookworm'),
  };
}

/** The BuildKit secret with the proxy CA (docker-env.sh exports it) when present. */
export function caSecretEnv(): NodeJS.ProcessEnv {
  if (process.env.ZAMIO_CA_SECRET) return {};
  const bundle = '/etc/ssl/certs/ca-certificates.crt';
  return existsSync(bundle) ? { ZAMIO_CA_SECRET: `id=extra_ca,src=${bundle}` } : {};
}

/** Thrown from a waitFor probe to stop waiting at once (the thing will never get there). */
export class GiveUp extends Error {}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 120_000,
  intervalMs = 1_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      if (error instanceof GiveUp) throw error;
      last = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`,
  );
}

export async function healthOf(container: string): Promise<string> {
  return docker(
    'inspect',
    '--format',
    '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}',
    container,
  );
}

export async function waitHealthy(container: string, timeoutMs = 180_000): Promise<void> {
  await waitFor(
    `${container} to become healthy`,
    async () => {
      const state = await docker('inspect', '--format', '{{.State.Status}}', container);
      if (state === 'exited' || state === 'dead')
        throw new GiveUp(
          `${container} ${state}:\n${(await runCommand(dockerBin, ['logs', '--tail', '40', container])).output}`,
        );
      const status = await healthOf(container);
      if (status === 'unhealthy')
        throw new GiveUp(
          `${container} is unhealthy:\n${(await runCommand(dockerBin, ['logs', '--tail', '40', container])).output}`,
        );
      return status === 'healthy' ? true : undefined;
    },
    timeoutMs,
  );
}

/** Host port that docker published for a container port (bound to 127.0.0.1). */
export async function publishedPort(container: string, port: number): Promise<number> {
  const mapping = await docker('port', container, `${port}/tcp`);
  const match = /127\.0\.0\.1:(\d+)/.exec(mapping);
  if (!match) throw new Error(`${container}:${port} is not published on 127.0.0.1 (${mapping})`);
  return Number(match[1]);
}

export const buildScript = join(workspaceRoot, 'tools/docker/docker-build.mjs');
