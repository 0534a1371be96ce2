// `npm start`: the whole platform in one process with no Docker and no servers
// to install — bff and worker on an embedded PGlite database and an in-process
// queue, and the four portals on Vite dev servers with HMR proxying /api.
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@zamio/accounts';
import { createInProcessAirplayEvents } from '@zamio/airplay';
import { loadBffConfig, loadWorkerConfig, readProcessConfig } from '@zamio/env';
import { createProcessLogger, openPlatform } from '@zamio/platform';
import { startBff } from '@zamio/bff/start';
import { startWorker } from '@zamio/worker/start';
import { embeddedPorts, embeddedServerEnv, PORTALS } from './embedded-env';

// Every CLI answers --help (tools/ci/test/cli-help.test.ts).
if (process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h')) {
  console.log(`start-embedded — the whole platform in one process (npm start): bff and worker on an embedded
PGlite database and an in-process queue, the four portals on Vite dev servers with HMR.

usage: npm start
env: the bff's and worker's variables (docs/configuration.md); ports as in tools/dev/src/embedded-env.ts`);
  process.exit(0);
}

const root = resolve(import.meta.dirname, '../../..');
process.chdir(root);

const ports = embeddedPorts(process.env);
const raw = embeddedServerEnv(process.env, ports);
// The portals' dev servers are other origins than the bff: trust them for CSRF/CORS.
raw.CORS_ORIGINS ??= PORTALS.flatMap((name) => [
  `http://localhost:${ports.portals[name]}`,
  `http://127.0.0.1:${ports.portals[name]}`,
]).join(',');
const bffConfig = readProcessConfig(loadBffConfig, raw);
const workerConfig = readProcessConfig(loadWorkerConfig, raw);

const logger = createProcessLogger('embedded', bffConfig);
// One platform for both: PGlite allows one owner per folder, and the
// in-process queue carries the bff's jobs to the worker.
const platform = await openPlatform(bffConfig, { service: 'embedded', logger, migrate: true });
// Detections and plays the worker makes reach the bff's live channel in process.
const airplayEvents = createInProcessAirplayEvents();
const bff = await startBff(bffConfig, { logger: logger.child({ service: 'bff' }), platform, airplayEvents });
const worker = await startWorker(workerConfig, {
  logger: logger.child({ service: 'worker' }),
  platform,
  airplayEvents,
});

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
  await platform.close();
  process.exit(code);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
