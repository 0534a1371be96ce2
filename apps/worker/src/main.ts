// worker entry point: validate config (exit 78 on problems), start, drain on SIGTERM.
import { readProcessEnv, workerSchema } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import { startWorker } from './start-worker';

const config = readProcessEnv(workerSchema);
const logger = createLogger({
  service: 'worker',
  version: config.APP_VERSION,
  level: config.LOG_LEVEL,
  pretty: config.LOG_PRETTY,
});

try {
  const worker = await startWorker(config, { logger });
  worker.lifecycle.handleSignals();
} catch (error) {
  logger.fatal({ err: error }, 'worker failed to start');
  process.exit(1);
}
