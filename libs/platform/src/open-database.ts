// Start-up of the database: open it (pool or embedded), wait for it with
// backoff until the deadline, then apply pending migrations under the
// advisory lock when asked.
import { migrate, openDatabase, waitForDatabase, type Database } from '@zamio/db';
import type { DatabaseConfig } from '@zamio/env';
import type { Logger } from '@zamio/logger';

export async function openReachableDatabase(
  config: DatabaseConfig,
  logger: Logger,
  service: string,
): Promise<Database> {
  const db = await openDatabase(config, {
    applicationName: `zamio-${service}`,
    onPoolError: (error) => logger.warn({ err: error }, 'database connection lost; the pool will reconnect'),
  });
  await waitForDatabase(db, {
    deadlineMs: config.startupDeadlineMs,
    onRetry: (attempt, delayMs, error) =>
      logger.warn(
        { attempt, delayMs: Math.round(delayMs), err: error },
        'database not reachable yet, retrying',
      ),
  });
  logger.info({ kind: db.kind }, 'database reachable');
  return db;
}

export async function applyMigrations(
  db: Database,
  logger: Logger,
  statementTimeoutMs: number,
): Promise<void> {
  const result = await migrate(db, {
    statementTimeoutMs,
    onWaitingForLock: () => logger.info('another process is migrating; waiting for the migration lock'),
    onApplied: (m) => logger.info({ migration: m }, 'migration applied'),
  });
  logger.info({ schemaVersion: result.version, applied: result.applied.length }, 'schema up to date');
}
