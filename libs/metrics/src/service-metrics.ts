// A process's metrics registry: Node defaults (event loop lag, heap, GC),
// HTTP durations, database pool and queue depths, upload storage, and the
// business counters.
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { createBusinessMetrics, type BusinessMetrics } from './business-metrics';
import { createStorageMetrics, type StorageMetricsSink } from './storage-metrics';

export interface PoolStatsSource {
  stats(): { total: number; idle: number; waiting: number; max: number };
}

export interface QueueDepthSource {
  depths(): Promise<{ queue: string; waiting: number; active: number; delayed: number; failed: number }[]>;
}

export interface ServiceMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  business: BusinessMetrics;
  /** Pass to instrumentStorage (libs/uploads). */
  storage: StorageMetricsSink;
  watchPool(pool: PoolStatsSource): void;
  watchQueues(queues: QueueDepthSource): void;
}

export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });

  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const pools: PoolStatsSource[] = [];
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections by state (total, idle, waiting clients, max).',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const pool of pools) {
        const s = pool.stats();
        this.inc({ state: 'total' }, s.total);
        this.inc({ state: 'idle' }, s.idle);
        this.inc({ state: 'waiting' }, s.waiting);
        this.inc({ state: 'max' }, s.max);
      }
    },
  });

  const queueSources: QueueDepthSource[] = [];
  new Gauge({
    name: 'queue_jobs',
    help: 'Jobs per queue and state.',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const source of queueSources) {
        // A Redis outage must not break /metrics: report nothing for queues then.
        const depths = await source.depths().catch(() => []);
        for (const d of depths) {
          for (const state of ['waiting', 'active', 'delayed', 'failed'] as const)
            this.set({ queue: d.queue, state }, d[state]);
        }
      }
    },
  });

  return {
    registry,
    httpDuration,
    business: createBusinessMetrics(registry),
    storage: createStorageMetrics(registry),
    watchPool: (pool) => void pools.push(pool),
    watchQueues: (queues) => void queueSources.push(queues),
  };
}
