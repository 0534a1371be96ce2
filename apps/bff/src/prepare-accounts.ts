// Accounts that must exist when the bff starts: the first administrator
// (BOOTSTRAP_ADMIN_EMAIL + BOOTSTRAP_ADMIN_PASSWORD_FILE, only while no admin
// exists) and, when SEED_DEMO_DATA=true (refused in production), one demo
// account per role.
import type { Database } from '@zamio/db';
import type { Logger } from '@zamio/logger';
import { bootstrapAdmin, seedDemoAccounts } from '@zamio/auth';

export interface AccountSettings {
  BOOTSTRAP_ADMIN_EMAIL: string;
  BOOTSTRAP_ADMIN_PASSWORD_FILE: string;
  SEED_DEMO_DATA: boolean;
}

export async function prepareAccounts(db: Database, config: AccountSettings, logger: Logger): Promise<void> {
  const outcome = await bootstrapAdmin(db, {
    email: config.BOOTSTRAP_ADMIN_EMAIL,
    passwordFile: config.BOOTSTRAP_ADMIN_PASSWORD_FILE,
  });
  if (outcome === 'created')
    logger.info({ email: config.BOOTSTRAP_ADMIN_EMAIL }, 'first administrator created');
  if (config.SEED_DEMO_DATA) {
    const created = await seedDemoAccounts(db);
    logger.info({ created }, 'demo accounts ready');
  }
}
