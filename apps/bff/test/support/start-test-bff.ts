// Starts the real bff in-process on a free port: embedded PGlite and the
// in-process queue by default, or the machine's Postgres/Redis when the
// caller passes DATABASE_URL / REDIS_URL. Logs are captured for assertions.
import { loadBffConfig } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import { captureLogs, freePort, untilServing, type LogCapture } from '@zamio/testing';
import { startBff, type RunningBff } from '../../src/start-bff';

export interface TestBff extends RunningBff {
  baseUrl: string;
  logs: LogCapture;
  stop(): Promise<void>;
}

export async function startTestBff(env: Record<string, string> = {}): Promise<TestBff> {
  const port = await freePort();
  const config = loadBffConfig({
    ZAMIO_ENV: 'test',
    HOST: '127.0.0.1',
    DATABASE_URL: 'pglite:memory',
    REDIS_URL: 'memory:',
    METRICS_PORT: '0',
    LOG_PRETTY: 'false',
    SHUTDOWN_DRAIN_DELAY: '0',
    ...env,
    PORT: String(port),
  });
  const logs = captureLogs();
  const logger = createLogger({
    service: 'bff',
    version: config.release.version,
    level: 'info',
    pretty: false,
    destination: logs.stream,
  });
  const running = await startBff(config, { logger });
  // Past load shedding's start-up sample (a 503 on a busy machine).
  await untilServing(`http://127.0.0.1:${port}/version`);
  return {
    ...running,
    baseUrl: `http://127.0.0.1:${port}`,
    logs,
    stop: async () => void (await running.lifecycle.shutdown('test')),
  };
}
