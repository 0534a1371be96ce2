// Composition root of the worker: consumes jobs (BullMQ, or the embedded
// in-process queue) and serves /livez, /readyz, /health on its own small port.
import Fastify from 'fastify';
import type { Environment, WorkerConfig } from '@zamio/env';
import { createLogger, type Logger } from '@zamio/logger';
import type { Database } from '@zamio/db';
import {
  createBullmqConsumer,
  createRedis,
  type InProcessQueue,
  type JobConsumer,
  type JobEvents,
  type JobProducer,
} from '@zamio/queue';
import {
  awaitRedis,
  bindJobContext,
  createLifecycle,
  createServiceMetrics,
  dataHealthChecks,
  healthRoutes,
  openDataServices,
  requestIdOptions,
  startMetricsServer,
  type Lifecycle,
} from '@zamio/server';
import { heartbeatJob } from './jobs/heartbeat-job';

export interface StartWorkerOptions {
  logger?: Logger;
  /** Embedded mode: take jobs from the bff's in-process queue. */
  queue?: InProcessQueue;
  /** Embedded mode: share the bff's database (PGlite allows one owner per folder). */
  db?: Database;
}

export interface RunningWorker {
  lifecycle: Lifecycle;
  healthUrl: string;
}

export async function startWorker(
  config: WorkerConfig & { ZAMIO_ENV: Environment },
  options: StartWorkerOptions = {},
): Promise<RunningWorker> {
  const startedAt = Date.now();
  const logger =
    options.logger ??
    createLogger({
      service: 'worker',
      version: config.APP_VERSION,
      level: config.LOG_LEVEL,
      pretty: config.LOG_PRETTY,
    });
  logger.info(
    { version: config.APP_VERSION, revision: config.GIT_REVISION, environment: config.ZAMIO_ENV },
    'worker starting',
  );

  const db = options.db ?? (await openDataServices(config, logger, 'worker'));
  const metrics = createServiceMetrics('worker');
  metrics.watchPool(db);

  const handlers = bindJobContext({
    'system.heartbeat': heartbeatJob(db, logger, metrics.business, config.APP_VERSION),
  });
  const events: JobEvents = {
    onCompleted: (job, ms) =>
      metrics.business.jobDuration.observe({ job: job.name, outcome: 'completed' }, ms / 1000),
    onFailed: (job, error, ms) => {
      metrics.business.jobDuration.observe({ job: job.name, outcome: 'failed' }, ms / 1000);
      logger.error({ err: error, job: job.name, jobId: job.id, attempt: job.attempt }, 'job failed');
    },
  };

  let consumer: JobConsumer;
  let pingQueue: Pick<JobProducer, 'ping'>;
  const closeRedis: (() => Promise<void>)[] = [];
  if (options.queue) {
    consumer = options.queue.consume(handlers, events);
    pingQueue = options.queue;
  } else {
    const redisSettings = {
      url: config.REDIS_URL,
      connectTimeoutMs: config.REDIS_CONNECT_TIMEOUT,
      commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT,
    };
    const blocking = createRedis(redisSettings, 'blocking-worker');
    const probe = createRedis(redisSettings, 'request-path');
    blocking.on('error', (error) =>
      logger.warn({ err: error }, 'redis unavailable; jobs pause until it returns'),
    );
    probe.on('error', () => undefined);
    consumer = createBullmqConsumer(
      blocking,
      { concurrency: config.WORKER_CONCURRENCY, prefix: config.REDIS_KEY_PREFIX },
      handlers,
      events,
    );
    pingQueue = { ping: async () => void (await probe.ping()) };
    await awaitRedis(probe, config, logger);
    closeRedis.push(
      async () => void (await blocking.quit().catch(() => blocking.disconnect())),
      async () => void probe.disconnect(),
    );
  }

  // Created before the health server so readiness can read it; steps run only at shutdown.
  const lifecycle = createLifecycle({
    drainDelayMs: 0,
    timeoutMs: config.SHUTDOWN_TIMEOUT,
    logger,
    steps: [
      // Finish running jobs first; unfinished ones return to the queue.
      { name: 'jobs', run: () => consumer.close() },
      ...closeRedis.map((run, i) => ({ name: `redis-${i}`, run })),
      { name: 'health', run: () => health.close() },
      {
        name: 'metrics',
        run: () =>
          new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve())),
      },
      ...(options.db ? [] : [{ name: 'database', run: () => db.close() }]),
    ],
  });

  const health = Fastify({
    loggerInstance: logger,
    ...requestIdOptions({ quietRequests: true }),
    forceCloseConnections: true,
  });
  await health.register(healthRoutes, {
    identity: { service: 'worker', version: config.APP_VERSION, revision: config.GIT_REVISION, startedAt },
    checks: dataHealthChecks(db, pingQueue, true),
    isShuttingDown: () => lifecycle.shuttingDown,
    detailsToken: config.HEALTH_DETAILS_TOKEN,
  });
  const healthUrl = await health.listen({ host: config.HOST, port: config.WORKER_HEALTH_PORT });
  const metricsServer =
    config.METRICS_PORT > 0
      ? await startMetricsServer(metrics.registry, config.METRICS_PORT, config.HOST)
      : undefined;

  logger.info({ healthUrl }, 'worker ready for jobs');
  return { lifecycle, healthUrl };
}
