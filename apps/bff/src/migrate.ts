// One-shot migration entry (compose's `migrate` service, or a deploy step that
// runs before the new release): validate config (exit 78 on problems), wait for
// the database, apply pending migrations under the advisory lock, exit 0 — or
// exit 1 with the error logged.
import { loadBffConfig, readProcessConfig } from '@zamio/env';
import { createProcessLogger, openPlatform } from '@zamio/platform';

const config = readProcessConfig(loadBffConfig);
const logger = createProcessLogger('bff-migrate', config);

try {
  const platform = await openPlatform(config, { service: 'bff-migrate', logger, jobs: false, migrate: true });
  await platform.close();
  // `version` is on every line already (the logger's base): repeating it made a duplicate key.
  logger.info({ revision: config.release.revision }, 'migrations complete');
  process.exit(0);
} catch (error) {
  logger.fatal({ err: error }, 'migration failed');
  process.exit(1);
}
