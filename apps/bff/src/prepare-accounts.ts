// Accounts that must exist when the bff starts: the first administrator
// (BOOTSTRAP_ADMIN_EMAIL + BOOTSTRAP_ADMIN_PASSWORD_FILE, only while no admin
// exists) and, when SEED_DEMO_DATA=true (refused in production), one demo
// account per role.
import type { AccountProvisioning } from '@zamio/accounts';
import type { AccountsConfig } from '@zamio/env';
import type { Logger } from '@zamio/logger';

export async function prepareAccounts(
  provisioning: AccountProvisioning,
  config: AccountsConfig,
  logger: Logger,
): Promise<void> {
  const outcome = await provisioning.bootstrapAdmin(config.bootstrapAdmin);
  if (outcome === 'created')
    logger.info({ email: config.bootstrapAdmin.email }, 'first administrator created');
  if (config.seedDemoData) {
    const created = await provisioning.seedDemoAccounts();
    logger.info({ created }, 'demo accounts ready');
  }
}
