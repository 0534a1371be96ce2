// Starts `npm start`'s launcher as a real child process on free ports with a
// throw-away PGlite folder, and stops it with SIGINT as a developer would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');
export const PORTALS = ['artist', 'station', 'publisher', 'admin'] as const;

export interface EmbeddedPlatform {
  bffUrl: string;
  portalUrls: Record<(typeof PORTALS)[number], string>;
  output(): string;
  stop(): Promise<number | null>;
}

const isFree = (port: number) =>
  new Promise<boolean>((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });

async function freeRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const checks = await Promise.all(Array.from({ length: count }, (_, i) => isFree(base + i)));
    if (checks.every(Boolean)) return base;
  }
  throw new Error('no free port range');
}

export async function startEmbeddedPlatform(timeoutMs = 180_000): Promise<EmbeddedPlatform> {
  const base = await freeRange(6);
  const dataDir = mkdtempSync(join(tmpdir(), 'zamio-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [TSX_CLI, 'tools/dev/src/start-embedded.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(base),
      WORKER_HEALTH_PORT: String(base + 1),
      ZAMIO_PORT_BASE: String(base + 2),
      DATABASE_URL: `pglite:${dataDir}`,
      LOG_PRETTY: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));

  const started = Date.now();
  while (!output.includes('Press Ctrl-C to stop.')) {
    if (child.exitCode !== null) throw new Error(`embedded platform exited early:\n${output}`);
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`embedded platform not up within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const portalUrls = Object.fromEntries(
    PORTALS.map((name, i) => [name, `http://localhost:${base + 2 + i}`]),
  ) as EmbeddedPlatform['portalUrls'];
  return {
    bffUrl: `http://127.0.0.1:${base}`,
    portalUrls,
    output: () => output,
    async stop() {
      child.kill('SIGINT');
      const code = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
