// bff entry point: validate config (exit 78 on problems, before any port or
// connection opens), then run one process or a cluster of WEB_CONCURRENCY.
import { loadBffConfig, readProcessConfig } from '@zamio/env';
import { createProcessLogger, openPlatform, runClustered } from '@zamio/platform';
import { startBff } from './start-bff';

const config = readProcessConfig(loadBffConfig);
const logger = createProcessLogger('bff', config);

await runClustered({
  concurrency: config.http.processes,
  logger,
  metricsPort: config.metrics.port,
  metricsHost: config.metrics.host,
  shutdownTimeoutMs: config.shutdown.timeoutMs + config.shutdown.drainDelayMs,
  // The primary migrates once, before any worker process serves.
  beforeFork: async () => {
    if (config.migrations.onStart)
      await (
        await openPlatform(config, { service: 'bff-migrate', logger, jobs: false, migrate: true })
      ).close();
  },
  startSingle: async () => (await startBff(config, { logger })).lifecycle,
  startWorker: async (registerMetrics) =>
    (
      await startBff(config, {
        logger,
        role: 'cluster-worker',
        onMetrics: (metrics) => registerMetrics(metrics.registry),
      })
    ).lifecycle,
}).catch((error: unknown) => {
  logger.fatal({ err: error }, 'bff failed to start');
  process.exit(1);
});
