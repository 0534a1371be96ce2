// Composition root of the worker: consumes jobs (BullMQ, or the embedded
// in-process queue) and serves /livez, /readyz, /health on its own small port.
import Fastify from 'fastify';
import type { WorkerConfig } from '@zamio/env';
import { healthReportOf, runChecks } from '@zamio/health';
import { healthRoutes, requestLoggingOptions } from '@zamio/http';
import { createRepeatLimiter, type Logger } from '@zamio/logger';
import { createServiceMetrics, startMetricsServer } from '@zamio/metrics';
import { createLifecycle, openPlatform, type Lifecycle, type Platform } from '@zamio/platform';
import {
  bindJobContext,
  createBullmqScheduler,
  createTimerScheduler,
  type JobEvents,
  type JobScheduler,
} from '@zamio/queue';
import { createCycleService } from '@zamio/royalties';
import { createHeartbeatService } from '@zamio/system-status';
import {
  createInProcessAirplayEvents,
  createMatchService,
  createRedisAirplayEvents,
  createReindexRematchService,
  createStreamMonitor,
  liveChannel,
  type AirplayEvents,
} from '@zamio/airplay';
import { createFingerprintIndex, createFingerprintService, type AudioReader } from '@zamio/catalog';
import { fingerprintTrackJob } from './jobs/fingerprint-track-job';
import { instrumentStorage, type ObjectStorage } from '@zamio/uploads';
import { calculateCycleJob } from './jobs/calculate-cycle-job';
import { heartbeatJob } from './jobs/heartbeat-job';
import { queueStreamChecksJob } from './jobs/queue-stream-checks-job';
import { recordStreamWindowJob } from './jobs/record-stream-window-job';
import { matchCaptureJob } from './jobs/match-capture-job';
import { startLostWorkSweep } from './sweeps/requeue-lost-work';

/** How often every worker records a heartbeat (the status page calls one stale after 5 minutes). */
export const HEARTBEAT_EVERY_MS = 60_000;

export interface StartWorkerOptions {
  logger: Logger;
  /** Embedded mode: the launcher's platform (the bff's database and in-process queue), closed by the launcher. */
  platform?: Platform;
  /** Where new detections and changed plays are announced (embedded: the bff's in-process port). */
  airplayEvents?: AirplayEvents;
}

export interface RunningWorker {
  lifecycle: Lifecycle;
  healthUrl: string;
  /** The upload storage as the worker's jobs read it. */
  storage: ObjectStorage;
  /** Where the match jobs announce detections and plays (Redis channel, or in-process). */
  airplayEvents: AirplayEvents;
}

export async function startWorker(config: WorkerConfig, options: StartWorkerOptions): Promise<RunningWorker> {
  const startedAt = Date.now();
  const { logger } = options;
  logger.info(
    // `version` is already on every line (the logger's base).
    { revision: config.release.revision, environment: config.environment },
    'worker starting',
  );

  const platform = options.platform ?? (await openPlatform(config, { service: 'worker', logger }));
  const metrics = createServiceMetrics('worker');
  metrics.watchPool(platform.db);
  // Jobs read uploaded audio through this (storage.read, withLocalCopy), counted on /metrics.
  const storage = instrumentStorage(platform.storage, metrics.storage);

  const heartbeats = createHeartbeatService({ db: platform.db, jobs: platform.jobs });
  const healthChecks = platform.healthChecks({ redisCritical: true });
  const identity = {
    service: 'worker',
    version: config.release.version,
    revision: config.release.revision,
    startedAt,
  };
  // Jobs may run before the lifecycle below exists; from then on it says whether we are stopping.
  let shuttingDown = () => false;
  // What /health answers with the details token; each heartbeat stores it for the admin status page.
  const ownHealthReport = async () =>
    healthReportOf(identity, healthChecks, await runChecks(healthChecks), shuttingDown(), true);
  // Live updates: every bff process subscribes to this Redis channel (a lost event only delays a portal's refresh).
  const airplayEvents: AirplayEvents =
    options.airplayEvents ??
    (platform.redis
      ? createRedisAirplayEvents({
          redis: platform.redis,
          channel: liveChannel(platform.redisKeyPrefix),
          onError: (error, event) =>
            logger.warn({ err: error, event: event.type }, 'live update not published'),
        })
      : createInProcessAirplayEvents());
  // Aborts recordings in flight at shutdown (not counted against their streams).
  const stopping = new AbortController();
  const streamMonitor = createStreamMonitor({
    db: platform.db,
    jobs: platform.jobs,
    storage,
    settings: config.streams,
  });
  const readAudio: AudioReader = (key) => storage.read(key);
  const fingerprints = createFingerprintService({ db: platform.db, readAudio });
  // The catalogue's fingerprints in memory, following Postgres' change log (loaded on the first match).
  const index = createFingerprintIndex({ db: platform.db });
  const matches = createMatchService({
    db: platform.db,
    readAudio,
    index,
    events: airplayEvents,
  });
  const cycles = createCycleService({ db: platform.db, jobs: platform.jobs });
  const handlers = bindJobContext({
    'system.heartbeat': heartbeatJob(
      heartbeats,
      logger,
      metrics.business,
      { version: config.release.version, revision: config.release.revision },
      ownHealthReport,
    ),
    'catalog.fingerprint-track': fingerprintTrackJob(fingerprints, logger, metrics.business),
    'airplay.match-capture': matchCaptureJob(matches, logger, metrics.business),
    'streams.queue-due-checks': queueStreamChecksJob(streamMonitor, logger),
    'stream.record-window': recordStreamWindowJob(streamMonitor, logger, metrics.business, stopping.signal),
    'royalties.calculate-cycle': calculateCycleJob(cycles, logger, metrics.business),
  });
  const events: JobEvents = {
    onCompleted: (job, ms) =>
      metrics.business.jobDuration.observe({ job: job.name, outcome: 'completed' }, ms / 1000),
    onFailed: (job, error, ms) => {
      metrics.business.jobDuration.observe({ job: job.name, outcome: 'failed' }, ms / 1000);
      logger.error({ err: error, job: job.name, jobId: job.id, attempt: job.attempt }, 'job failed');
    },
  };
  // Opens this params version's re-index window before the first capture is matched (see
  // ReindexRematchService); the sweep opens it too, should the schema not be there yet.
  const rematch = createReindexRematchService({ db: platform.db });
  await rematch
    .openReindexWindow()
    .catch((error: unknown) => logger.warn({ err: error }, 're-index window not opened; the sweep retries'));
  const consumer = platform.jobs.consume(handlers, events, config.jobs.concurrency);
  const schedulerErrorDue = createRepeatLimiter();
  // One schedule shared by every replica (BullMQ job scheduler on Redis); a timer in embedded mode.
  const scheduler: JobScheduler = platform.redis
    ? createBullmqScheduler(platform.redis, platform.redisKeyPrefix, (error, queue) => {
        // Repeated on every reconnect attempt while Redis is down: once per distinct error per 30 s.
        if (schedulerErrorDue(`${queue}:${(error as Error).message}`))
          logger.warn({ err: error, queue }, 'job scheduler cannot reach Redis');
      })
    : createTimerScheduler(platform.jobs, (error) =>
        logger.error({ err: error }, 'a scheduled job could not be queued'),
      );
  await scheduler.every('stream-checks', 'streams.queue-due-checks', config.streams.intervalMs, {
    requestId: 'schedule:stream-checks',
  });
  // A regular heartbeat keeps the admin status page's view of every worker fresh.
  await scheduler.every('heartbeat', 'system.heartbeat', HEARTBEAT_EVERY_MS, {
    requestId: 'schedule:heartbeat',
    origin: 'schedule',
  });
  const sweep = startLostWorkSweep({
    jobs: platform.jobs,
    fingerprints,
    matches,
    rematch,
    logger,
    intervalMs: config.jobs.lostWorkSweepMs,
  });

  // Created before the health server so readiness can read it; steps run only at shutdown.
  const lifecycle = createLifecycle({
    drainDelayMs: config.shutdown.drainDelayMs,
    timeoutMs: config.shutdown.timeoutMs,
    logger,
    steps: [
      { name: 'schedules', run: () => scheduler.close() },
      // Finish running jobs first (stream recordings are cut short); unfinished ones return to the queue.
      {
        name: 'jobs',
        run: async () => {
          sweep.stop();
          stopping.abort();
          await consumer.close();
        },
      },
      { name: 'health', run: () => health.close() },
      { name: 'metrics', run: async () => metricsServer?.close() },
      // A borrowed platform is the launcher's to close.
      ...(options.platform ? [] : platform.closeSteps),
    ],
  });

  shuttingDown = () => lifecycle.shuttingDown;

  const health = Fastify({
    loggerInstance: logger,
    ...requestLoggingOptions({ quietRequests: true }),
    forceCloseConnections: true,
  });
  await health.register(healthRoutes, {
    identity,
    checks: healthChecks,
    isShuttingDown: () => lifecycle.shuttingDown,
    detailsToken: config.health.detailsToken,
  });
  const healthUrl = await health.listen({ host: config.health.host, port: config.health.port });
  const metricsServer =
    config.metrics.port > 0
      ? await startMetricsServer(metrics.registry, config.metrics.port, config.metrics.host)
      : undefined;

  logger.info({ healthUrl }, 'worker ready for jobs');
  return { lifecycle, healthUrl, storage, airplayEvents };
}
