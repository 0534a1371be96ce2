// Readiness over what a process opened: Postgres answers, the schema is at
// least the version this code needs, and Redis (critical for the worker,
// which cannot work without it; not for the bff, which degrades).
import { currentSchemaVersion, pingDatabase, REQUIRED_SCHEMA_VERSION, type Database } from '@zamio/db';
import type { HealthCheck } from '@zamio/health';
import type { JobProducer } from '@zamio/queue';

export function dataHealthChecks(
  db: Database,
  queue: Pick<JobProducer, 'ping'>,
  redisCritical: boolean,
  /** Embedded mode: the queue runs in this process and there is no Redis to reach. */
  redisInProcess = false,
): HealthCheck[] {
  return [
    {
      name: 'postgres',
      critical: true,
      timeoutMs: 1_500,
      run: () => pingDatabase(db),
    },
    {
      name: 'schema',
      critical: true,
      timeoutMs: 1_500,
      run: async () => {
        const version = await currentSchemaVersion(db);
        if (version < REQUIRED_SCHEMA_VERSION)
          throw new Error(`schema version ${version} is older than required ${REQUIRED_SCHEMA_VERSION}`);
        return { version, required: REQUIRED_SCHEMA_VERSION };
      },
    },
    {
      name: 'redis',
      critical: redisCritical,
      timeoutMs: 1_000,
      ...(redisInProcess ? { inProcess: true } : {}),
      run: () => queue.ping(),
    },
  ];
}
