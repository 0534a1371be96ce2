// Container health probe without curl/wget (the Node images have neither):
// GET http://127.0.0.1:<port><path>, exit 0 on 2xx, 1 otherwise, 3 s timeout.
// bff: /readyz on PORT — readiness is what Traefik routes on, so it fails as
// soon as a shutdown starts. worker: /readyz on WORKER_HEALTH_PORT.
// Plain characters only in the command (`node /app/healthcheck.js`), as
// Coolify's command health check requires.
import { request } from 'node:http';

// Every CLI answers --help (tools/ci/test/cli-help.test.ts).
if (process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h')) {
  console.log(
    `healthcheck.js — GET http://127.0.0.1:<port><path>; exit 0 on 2xx, 1 otherwise (3 s timeout)\nenv: HEALTHCHECK_PORT, WORKER_HEALTH_PORT or PORT; HEALTHCHECK_PATH\n\nusage: node healthcheck.js [path]   (default /readyz)`,
  );
  process.exit(0);
}

const port = process.env.HEALTHCHECK_PORT || process.env.WORKER_HEALTH_PORT || process.env.PORT || '3000';
const path = process.env.HEALTHCHECK_PATH || process.argv[2] || '/readyz';

const req = request({ host: '127.0.0.1', port: Number(port), path, method: 'GET', timeout: 3000 }, (res) => {
  res.resume();
  process.exit(res.statusCode >= 200 && res.statusCode < 300 ? 0 : 1);
});
req.on('timeout', () => {
  console.error(`healthcheck: no answer from 127.0.0.1:${port}${path} within 3s`);
  req.destroy();
  process.exit(1);
});
req.on('error', (error) => {
  console.error(`healthcheck: ${error.message}`);
  process.exit(1);
});
req.end();
