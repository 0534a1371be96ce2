// The worker's configuration: job concurrency and its small health port, plus
// the storage it reads uploaded audio from (the same variables as the bff's).
import { duration, integer, text } from '../validators';
import type { AppSchema } from '../load-config';
import type { ConfigProblem } from '../problems';
import { databaseSpec, processSpec, redisSpec, runtimeSpec } from './common';
import { productionRefusals } from '../production-refusals';
import { streamMonitorProblems, streamMonitorSpec } from './streams';
import { storageRefusals, storageSpec } from './storage';

export const workerSpec = {
  ...runtimeSpec,
  HOST: text({
    desc: 'Interface the health and metrics listeners bind to.',
    example: '0.0.0.0',
    default: '0.0.0.0',
    group: 'HTTP server',
  }),
  WORKER_HEALTH_PORT: integer({
    desc: "Port of the worker's /livez, /readyz and /health endpoints.",
    example: '3001',
    default: 3001,
    group: 'HTTP server',
  }),
  WORKER_CONCURRENCY: integer({
    desc: 'Jobs processed at once per queue in this process.',
    example: '4',
    default: 4,
    group: 'Jobs',
  }),
  LOST_WORK_SWEEP_INTERVAL: duration({
    desc:
      'How often the worker queues again work left without a job (a capture still pending, audio not ' +
      'fingerprinted; e.g. accepted while Redis was down): work unfinished for longer than this is ' +
      'queued again, so it resumes at most about twice this after Redis returns. Between 1s and 10m.',
    example: '15s',
    default: 15_000,
    group: 'Jobs',
  }),
  ...streamMonitorSpec,
  ...storageSpec,
  ...processSpec,
  ...databaseSpec,
  ...redisSpec,
};

/** The worker's environment as validated, by variable name (see config/worker-config.ts). */
export type WorkerEnv = {
  readonly [K in keyof typeof workerSpec]: ReturnType<NonNullable<(typeof workerSpec)[K]['_parse']>>;
};

/** Below 1 s the sweep's queries would run back to back; beyond 10 m lost work waits too long. */
function sweepProblems(intervalMs: number | undefined): ConfigProblem[] {
  if (intervalMs === undefined || (intervalMs >= 1_000 && intervalMs <= 600_000)) return [];
  return [
    { variable: 'LOST_WORK_SWEEP_INTERVAL', problem: `must be between 1s and 10m (got ${intervalMs} ms)` },
  ];
}

export const workerSchema: AppSchema<WorkerEnv> = {
  app: 'worker',
  spec: workerSpec,
  refine: (config, env) => [
    ...productionRefusals(config, env),
    ...storageRefusals(config, env),
    ...streamMonitorProblems(config),
    ...sweepProblems(config.LOST_WORK_SWEEP_INTERVAL),
  ],
};
