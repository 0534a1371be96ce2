// Composition root of the bff: config in, a listening server out. main.ts
// calls it in production; the embedded launcher and tests call it directly.
import type { FastifyInstance } from 'fastify';
import type { InProcessAirplayEvents } from '@zamio/airplay';
import type { Database } from '@zamio/db';
import type { BffConfig } from '@zamio/env';
import type { Logger } from '@zamio/logger';
import { createServiceMetrics, startMetricsServer, type ServiceMetrics } from '@zamio/metrics';
import { createLifecycle, openPlatform, type Lifecycle, type Platform } from '@zamio/platform';
import { instrumentStorage, RedisLocker, startPartialUploadSweep } from '@zamio/uploads';
import { buildBffApp } from './app';
import { createBffServices } from './bff-services';
import { openAirplayLive } from './open-airplay-live';
import { prepareAccounts } from './prepare-accounts';

export interface StartBffOptions {
  logger: Logger;
  /** Embedded mode: the launcher's platform (one database, one in-process queue), closed by the launcher. */
  platform?: Platform;
  /** Cluster workers leave migrations and /metrics to the primary process. */
  role?: 'single' | 'cluster-worker';
  onMetrics?: (metrics: ServiceMetrics) => void;
  /** Embedded mode: the launcher's in-process airplay events (its worker publishes them). */
  airplayEvents?: InProcessAirplayEvents;
}

export interface RunningBff {
  app: FastifyInstance;
  url: string;
  db: Database;
  lifecycle: Lifecycle;
  metrics: ServiceMetrics;
}

export async function startBff(config: BffConfig, options: StartBffOptions): Promise<RunningBff> {
  const startedAt = Date.now();
  const { logger } = options;
  const role = options.role ?? 'single';
  logger.info(
    // `version` is already on every line (the logger's base), so not repeated here.
    {
      revision: config.release.revision,
      environment: config.environment,
      pid: process.pid,
    },
    'bff starting',
  );

  const platform =
    options.platform ??
    (await openPlatform(config, {
      service: 'bff',
      logger,
      migrate: role === 'single' && config.migrations.onStart,
    }));
  const metrics = createServiceMetrics('bff');
  // Announced here (detection reviews) and by the workers; pushed to this process's sockets.
  const live = openAirplayLive(platform, logger, options.airplayEvents);
  // Resumable uploads lock across processes in Redis; embedded mode (no Redis) is one process.
  const uploadLocker = platform.redis
    ? new RedisLocker({ redis: platform.redis, keyPrefix: platform.redisKeyPrefix })
    : undefined;
  const services = createBffServices(platform, config, instrumentStorage(platform.storage, metrics.storage), {
    uploadLocker,
    airplayEvents: live.events,
    // One line per such request, without a stack: the outage itself is logged by the Redis state lines.
    onJobDeferred: (job, error) =>
      logger.warn(
        { job, reason: error.message },
        'stored; its job is left to the lost-work sweep (queue unavailable)',
      ),
  });
  // Idempotent and safe to race between replicas; needs the migrated schema.
  await prepareAccounts(services.provisioning, config.accounts, logger);

  metrics.watchPool(platform.db);
  metrics.watchQueues(platform.jobs);
  options.onMetrics?.(metrics);

  // Every process sweeps (removing a file twice is harmless), so no single one has to be up.
  const stopPartialSweep = startPartialUploadSweep(
    services.trackAudioUploads,
    Math.min(config.uploads.partial.expiryMs / 4, 3_600_000),
    (outcome) => {
      if ('error' in outcome) logger.warn({ err: outcome.error }, 'partial upload sweep failed');
      else if (outcome.removed > 0)
        logger.info({ removed: outcome.removed }, 'expired partial uploads removed');
    },
  );

  // Created before the app so readiness can read it; its steps run only at shutdown.
  const lifecycle = createLifecycle({
    drainDelayMs: config.shutdown.drainDelayMs,
    timeoutMs: config.shutdown.timeoutMs,
    logger,
    steps: [
      { name: 'http', run: () => app.close() },
      { name: 'live updates', run: () => live.close() },
      {
        name: 'resumable uploads',
        run: async () => {
          stopPartialSweep();
          await uploadLocker?.close();
        },
      },
      { name: 'metrics', run: async () => metricsServer?.close() },
      // A borrowed platform is the launcher's to close.
      ...(options.platform ? [] : platform.closeSteps),
    ],
  });

  const app = await buildBffApp({
    config,
    logger,
    platform,
    services,
    liveFeed: live.feed,
    metrics,
    checks: platform.healthChecks({ redisCritical: false }),
    isShuttingDown: () => lifecycle.shuttingDown,
    startedAt,
  });

  const metricsServer =
    role === 'single' && config.metrics.port > 0
      ? await startMetricsServer(metrics.registry, config.metrics.port, config.metrics.host)
      : undefined;

  const address = await app.listen({ host: config.http.host, port: config.http.port });
  logger.info({ address, metricsPort: metricsServer?.port }, 'bff listening');
  return { app, url: address, db: platform.db, lifecycle, metrics };
}
