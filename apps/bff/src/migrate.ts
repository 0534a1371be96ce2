// One-shot migration entry (compose's `migrate` service, or a deploy step that
// runs before the new release): validate config (exit 78 on problems), wait for
// the database, apply pending migrations under the advisory lock, exit 0 — or
// exit 1 with the error logged.
import { bffSchema, readProcessEnv } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import { applyMigrations, openDataServices } from '@zamio/server';

const config = readProcessEnv(bffSchema);
const logger = createLogger({
  service: 'bff-migrate',
  version: config.APP_VERSION,
  level: config.LOG_LEVEL,
  pretty: config.LOG_PRETTY,
});

try {
  const db = await openDataServices(config, logger, 'bff-migrate');
  try {
    await applyMigrations(db, logger, config.MIGRATION_STATEMENT_TIMEOUT);
  } finally {
    await db.close();
  }
  logger.info({ version: config.APP_VERSION, revision: config.GIT_REVISION }, 'migrations complete');
  process.exit(0);
} catch (error) {
  logger.fatal({ err: error }, 'migration failed');
  process.exit(1);
}
