// Composition root of the bff: config in, a listening server out. main.ts
// calls it in production; the embedded launcher and tests call it directly.
import type { FastifyInstance } from 'fastify';
import type { BffConfig, Environment } from '@zamio/env';
import { createLogger, type Logger } from '@zamio/logger';
import type { Database } from '@zamio/db';
import { createInProcessQueue, type JobProducer } from '@zamio/queue';
import {
  applyMigrations,
  awaitRedis,
  createLifecycle,
  createServiceMetrics,
  dataHealthChecks,
  openDataServices,
  openRedisProducer,
  startMetricsServer,
  type Lifecycle,
  type ServiceMetrics,
} from '@zamio/server';
import { buildBffApp } from './app';
import { prepareAccounts } from './prepare-accounts';

export interface StartBffOptions {
  logger?: Logger;
  /** Embedded mode shares one in-process queue between bff and worker. */
  queue?: JobProducer;
  /** Cluster workers leave migrations and /metrics to the primary process. */
  role?: 'single' | 'cluster-worker';
  /** Embedded mode: the launcher owns the one PGlite database. */
  db?: Database;
  onMetrics?: (metrics: ServiceMetrics) => void;
}

export interface RunningBff {
  app: FastifyInstance;
  url: string;
  db: Database;
  lifecycle: Lifecycle;
  metrics: ServiceMetrics;
}

export async function startBff(
  config: BffConfig & { ZAMIO_ENV: Environment },
  options: StartBffOptions = {},
): Promise<RunningBff> {
  const startedAt = Date.now();
  const logger =
    options.logger ??
    createLogger({
      service: 'bff',
      version: config.APP_VERSION,
      level: config.LOG_LEVEL,
      pretty: config.LOG_PRETTY,
    });
  const role = options.role ?? 'single';
  logger.info(
    {
      version: config.APP_VERSION,
      revision: config.GIT_REVISION,
      environment: config.ZAMIO_ENV,
      pid: process.pid,
    },
    'bff starting',
  );

  const db = options.db ?? (await openDataServices(config, logger, 'bff'));
  if (config.MIGRATE_ON_START && role === 'single')
    await applyMigrations(db, logger, config.MIGRATION_STATEMENT_TIMEOUT);

  // Idempotent and safe to race between replicas; needs the migrated schema.
  await prepareAccounts(db, config, logger);

  const redisProducer = config.REDIS_URL.startsWith('memory:')
    ? undefined
    : openRedisProducer(config, logger);
  if (redisProducer) await awaitRedis(redisProducer.redis, config, logger);
  const queue = options.queue ?? redisProducer?.producer ?? createInProcessQueue();

  const metrics = createServiceMetrics('bff');
  metrics.watchPool(db);
  metrics.watchQueues(queue);
  options.onMetrics?.(metrics);

  // Created before the app so readiness can read it; its steps run only at shutdown.
  const lifecycle = createLifecycle({
    drainDelayMs: config.SHUTDOWN_DRAIN_DELAY,
    timeoutMs: config.SHUTDOWN_TIMEOUT,
    logger,
    steps: [
      { name: 'http', run: () => app.close() },
      {
        name: 'metrics',
        run: () =>
          new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve())),
      },
      { name: 'queue', run: () => queue.close() },
      {
        name: 'redis',
        run: async () =>
          void (await redisProducer?.redis.quit().catch(() => redisProducer.redis.disconnect())),
      },
      ...(options.db ? [] : [{ name: 'database', run: () => db.close() }]),
    ],
  });

  const app = await buildBffApp({
    config,
    logger,
    db,
    queue,
    metrics,
    checks: dataHealthChecks(db, queue, false),
    isShuttingDown: () => lifecycle.shuttingDown,
    startedAt,
    rateLimitRedis: redisProducer?.redis,
  });

  const metricsServer =
    role === 'single' && config.METRICS_PORT > 0
      ? await startMetricsServer(metrics.registry, config.METRICS_PORT, config.HOST)
      : undefined;

  const address = await app.listen({ host: config.HOST, port: config.PORT });
  logger.info({ address, metricsPort: metricsServer ? config.METRICS_PORT : undefined }, 'bff listening');
  return { app, url: address, db, lifecycle, metrics };
}
