// Starts the real bff (and, when asked, the real worker) in this process
// against the machine's Postgres and Redis, with logs captured for assertions.
import { bffConfigFrom, bffSchema, loadConfig, workerConfigFrom, workerSchema } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import { captureLogs, type LogCapture } from '@zamio/testing';
import { startBff, type RunningBff } from '../../../src/start-bff';

export type RawEnv = Record<string, string>;

const BASE_ENV: RawEnv = {
  ZAMIO_ENV: 'test',
  LOG_LEVEL: 'info',
  LOG_PRETTY: 'false',
  METRICS_PORT: '0',
  SHUTDOWN_DRAIN_DELAY: '0',
  DATABASE_CONNECT_TIMEOUT: '2s',
  DATABASE_ACQUIRE_TIMEOUT: '2s',
  REDIS_CONNECT_TIMEOUT: '1s',
  REDIS_COMMAND_TIMEOUT: '1s',
  DATABASE_STARTUP_DEADLINE: '20s',
};

/** The bff's config as main.ts would load it from this env, on a free port. */
export function bffTestConfig(env: RawEnv) {
  return bffConfigFrom({ ...loadConfig(bffSchema, { ...BASE_ENV, ...env }), PORT: 0 });
}

export function workerTestConfig(env: RawEnv) {
  return workerConfigFrom({ ...loadConfig(workerSchema, { ...BASE_ENV, ...env }), WORKER_HEALTH_PORT: 0 });
}

export function testLogger(service: string): { logs: LogCapture; logger: ReturnType<typeof createLogger> } {
  const logs = captureLogs();
  return {
    logs,
    logger: createLogger({
      service,
      version: 'test',
      level: 'info',
      pretty: false,
      destination: logs.stream,
    }),
  };
}

export async function startTestBff(
  env: RawEnv,
): Promise<RunningBff & { logs: LogCapture; stop(): Promise<void> }> {
  const { logs, logger } = testLogger('bff');
  const bff = await startBff(bffTestConfig(env), { logger });
  return { ...bff, logs, stop: async () => void (await bff.lifecycle.shutdown('test done')) };
}
