// WEB_CONCURRENCY processes behind one port (node:cluster), the way an ASGI
// server runs workers: the primary migrates once, forks, serves the merged
// /metrics, relays SIGTERM and exits when every worker has drained.
import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { Logger } from '@zamio/logger';
import type { Lifecycle } from './lifecycle';
import { startMetricsServer } from '@zamio/metrics';
import { containerCpus } from './container-cpus';

export interface ClusterSettings {
  /** 0 = one per CPU this process may use (container CPU quota respected). */
  concurrency: number;
  logger: Logger;
  metricsPort: number;
  metricsHost: string;
  shutdownTimeoutMs: number;
  beforeFork: () => Promise<void>;
  startSingle: () => Promise<Lifecycle>;
  startWorker: (registerMetrics: (registry: Registry) => void) => Promise<Lifecycle>;
}

export function resolveConcurrency(requested: number): number {
  return requested > 0 ? requested : containerCpus();
}

export async function runClustered(settings: ClusterSettings): Promise<void> {
  const processes = resolveConcurrency(settings.concurrency);
  if (processes === 1) {
    (await settings.startSingle()).handleSignals();
    return;
  }
  if (cluster.isWorker) {
    const lifecycle = await settings.startWorker((registry) => AggregatorRegistry.setRegistries([registry]));
    // The primary relays signals; a worker only drains and exits.
    lifecycle.handleSignals();
    return;
  }

  await settings.beforeFork();
  const aggregator = new AggregatorRegistry();
  const metricsServer =
    settings.metricsPort > 0
      ? await startMetricsServer(
          { contentType: aggregator.contentType, metrics: () => aggregator.clusterMetrics() },
          settings.metricsPort,
          settings.metricsHost,
        )
      : undefined;

  let stopping = false;
  for (let i = 0; i < processes; i++) cluster.fork();
  settings.logger.info({ processes }, 'cluster started');
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        // Exit without waiting on a scraper's keep-alive connection.
        void metricsServer?.close();
        process.exit(0);
      }
      return;
    }
    settings.logger.error(
      { pid: worker.process.pid, code, signal },
      'worker process died; starting a new one',
    );
    cluster.fork();
  });

  const relay = (signal: NodeJS.Signals) => {
    if (stopping) {
      settings.logger.error({ signal }, 'second signal; exiting now');
      process.exit(1);
    }
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(1), settings.shutdownTimeoutMs + 2_000).unref();
  };
  process.on('SIGTERM', relay);
  process.on('SIGINT', relay);
}
