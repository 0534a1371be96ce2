// Load shedding: when the event loop lags or the heap is nearly full, answer
// 503 with Retry-After at once rather than queue work the process cannot
// finish in time. Event-loop *utilisation* is deliberately not a trigger: a
// process at 100 % CPU with a short lag is busy, not overloaded (the benchmark
// showed it shedding most requests while answering them in < 100 ms).
import { getHeapStatistics } from 'node:v8';
import underPressure from '@fastify/under-pressure';
import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import { FASTIFY_VERSION, PLUGIN } from '../plugin-names';

export interface LoadSheddingOptions {
  /** Mean event-loop delay over one sample interval above which requests are shed. */
  maxEventLoopDelayMs: number;
  /** Heap used, as a share of V8's heap limit. */
  maxHeapUsedRatio: number;
  sampleIntervalMs: number;
  retryAfterSeconds: number;
}

export const LOAD_SHEDDING_DEFAULTS: LoadSheddingOptions = {
  maxEventLoopDelayMs: 500,
  maxHeapUsedRatio: 0.9,
  sampleIntervalMs: 1_000,
  retryAfterSeconds: 5,
};

/** Routes that must never be shed (health probes) set this as their route config. */
export const NEVER_SHED = { pressureHandler: () => undefined };

const loadShedding: FastifyPluginAsync<Partial<LoadSheddingOptions>> = async (app, overrides) => {
  const options = { ...LOAD_SHEDDING_DEFAULTS, ...overrides };
  // The process's own start-up (schema compilation, migrations) stalls the
  // loop once; the first samples after ready still carry that stall, and a
  // fresh instance would shed its first requests for it. Until two sample
  // intervals after ready, event-loop delay alone does not shed.
  let startupGraceUntil = Number.POSITIVE_INFINITY;
  app.addHook('onReady', async () => {
    startupGraceUntil = Date.now() + 2 * options.sampleIntervalMs;
  });
  await app.register(underPressure, {
    pressureHandler: (_request, reply, type) => {
      if (type === 'eventLoopDelay' && Date.now() < startupGraceUntil) return undefined;
      reply.header('Retry-After', String(options.retryAfterSeconds));
      throw Object.assign(new Error('Service Unavailable'), { statusCode: 503, code: 'FST_UNDER_PRESSURE' });
    },
    maxEventLoopDelay: options.maxEventLoopDelayMs,
    maxHeapUsedBytes: Math.floor(getHeapStatistics().heap_size_limit * options.maxHeapUsedRatio),
    sampleInterval: options.sampleIntervalMs,
    retryAfter: options.retryAfterSeconds,
    exposeStatusRoute: false,
  });
};

export const loadSheddingPlugin = fp(loadShedding, {
  name: PLUGIN.loadShedding,
  fastify: FASTIFY_VERSION,
  dependencies: [PLUGIN.errorHandler],
});
