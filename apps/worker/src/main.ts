// worker entry point: validate config (exit 78 on problems), start, drain on SIGTERM.
import { loadWorkerConfig, readProcessConfig } from '@zamio/env';
import { createProcessLogger } from '@zamio/platform';
import { startWorker } from './start-worker';

const config = readProcessConfig(loadWorkerConfig);
const logger = createProcessLogger('worker', config);

try {
  const worker = await startWorker(config, { logger });
  worker.lifecycle.handleSignals();
} catch (error) {
  logger.fatal({ err: error }, 'worker failed to start');
  process.exit(1);
}
