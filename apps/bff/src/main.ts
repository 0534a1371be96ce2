// bff entry point: validate config (exit 78 on problems, before any port or
// connection opens), then run one process or a cluster of WEB_CONCURRENCY.
import { bffSchema, readProcessEnv } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import { applyMigrations, openDataServices, runClustered } from '@zamio/server';
import { startBff } from './start-bff';

const config = readProcessEnv(bffSchema);
const logger = createLogger({
  service: 'bff',
  version: config.APP_VERSION,
  level: config.LOG_LEVEL,
  pretty: config.LOG_PRETTY,
});

await runClustered({
  concurrency: config.WEB_CONCURRENCY,
  logger,
  metricsPort: config.METRICS_PORT,
  metricsHost: config.HOST,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT + config.SHUTDOWN_DRAIN_DELAY,
  beforeFork: async () => {
    if (!config.MIGRATE_ON_START) return;
    const db = await openDataServices(config, logger, 'bff-migrate');
    await applyMigrations(db, logger, config.MIGRATION_STATEMENT_TIMEOUT);
    await db.close();
  },
  startSingle: async () => (await startBff(config, { logger })).lifecycle,
  startWorker: async (registerMetrics) =>
    (
      await startBff(config, {
        logger,
        role: 'cluster-worker',
        onMetrics: (m) => registerMetrics(m.registry),
      })
    ).lifecycle,
}).catch((error: unknown) => {
  logger.fatal({ err: error }, 'bff failed to start');
  process.exit(1);
});
