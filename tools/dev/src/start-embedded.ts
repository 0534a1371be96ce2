// `npm start`: the whole platform in one process with no Docker and no servers
// to install — bff and worker on an embedded PGlite database and an in-process
// queue, and the four portals on Vite dev servers with HMR proxying /api.
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { bffSchema, readProcessEnv, workerSchema } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import { openDatabase } from '@zamio/db';
import { createInProcessQueue } from '@zamio/queue';
import { applyMigrations } from '@zamio/server';
import { startBff } from '@zamio/bff/start';
import { startWorker } from '@zamio/worker/start';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@zamio/auth';
import { embeddedPorts, embeddedServerEnv, PORTALS } from './embedded-env';

const root = resolve(import.meta.dirname, '../../..');
process.chdir(root);

const ports = embeddedPorts(process.env);
const raw = embeddedServerEnv(process.env, ports);
// The portals' dev servers are other origins than the bff: trust them for CSRF/CORS.
raw.CORS_ORIGINS ??= PORTALS.flatMap((name) => [
  `http://localhost:${ports.portals[name]}`,
  `http://127.0.0.1:${ports.portals[name]}`,
]).join(',');
const bffConfig = readProcessEnv(bffSchema, raw);
const workerConfig = readProcessEnv(workerSchema, raw);

const logger = createLogger({
  service: 'embedded',
  version: bffConfig.APP_VERSION,
  level: bffConfig.LOG_LEVEL,
  pretty: bffConfig.LOG_PRETTY,
});
const db = await openDatabase({
  url: bffConfig.DATABASE_URL,
  poolMax: 1,
  idleTimeoutMs: 0,
  connectTimeoutMs: 0,
  acquireTimeoutMs: 0,
  statementTimeoutMs: 0,
  applicationName: 'zamio-embedded',
});
await applyMigrations(db, logger, bffConfig.MIGRATION_STATEMENT_TIMEOUT);
const queue = createInProcessQueue();
const bff = await startBff(bffConfig, { logger: logger.child({ service: 'bff' }), db, queue });
const worker = await startWorker(workerConfig, { logger: logger.child({ service: 'worker' }), db, queue });

const bffUrl = `http://127.0.0.1:${ports.bff}`;
process.env.INTERNAL_API_URL = bffUrl;
const portals: ViteDevServer[] = [];
for (const name of PORTALS) {
  process.env.PORTAL_PORT = String(ports.portals[name]);
  const server = await createServer({
    configFile: resolve(root, `apps/${name}/vite.config.ts`),
    root: resolve(root, `apps/${name}`),
    logLevel: 'warn',
  });
  await server.listen();
  portals.push(server);
}

const lines = [
  '',
  'ZamIO is running (embedded mode: PGlite database in .data/, in-process jobs).',
  '',
  ...PORTALS.map((name) => `  ${name.padEnd(10)} portal  http://localhost:${ports.portals[name]}/`),
  `  bff (API)          ${bffUrl}/version   health: ${bffUrl}/readyz`,
  `  worker health      ${worker.healthUrl}/readyz`,
  '',
  `Demo accounts (password: ${DEMO_PASSWORD}):`,
  ...DEMO_ACCOUNTS.map(
    (a) => `  ${a.role.padEnd(10)} ${a.email}  →  http://localhost:${ports.portals[a.role]}/`,
  ),
  '',
  'Press Ctrl-C to stop.',
  '',
];
console.log(lines.join('\n'));

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) process.exit(1);
  stopping = true;
  logger.info({ signal }, 'stopping embedded platform');
  // Open browser tabs keep HMR sockets and keep-alive connections; never let
  // them hold a developer's terminal: give the orderly stop 10 s at most.
  setTimeout(() => {
    logger.warn('stop took longer than 10 s; exiting anyway');
    process.exit(1);
  }, 10_000).unref();
  await Promise.all(portals.map((p) => p.close()));
  await worker.lifecycle.shutdown(signal);
  const code = await bff.lifecycle.shutdown(signal);
  await db.close();
  process.exit(code);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
