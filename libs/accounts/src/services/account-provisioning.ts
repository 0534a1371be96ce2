// Accounts that must exist without anyone signing up: the first
// administrator (from a mounted password file, never an env value that shows
// in `docker inspect`, or from the create-admin CLI, only while no admin
// exists) and the demo accounts of embedded mode and compose. Idempotent and
// safe to race between replicas.
import { readFile } from 'node:fs/promises';
import type { Database } from '@zamio/db';
import * as users from '../repositories/users-repository';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../rules/demo-accounts';
import { hashPassword } from '../rules/password-hashing';
import { checkPasswordLength } from '../rules/password-policy';
import type { Role } from '../rules/roles';
import type { AccountCreatedHook } from './account-created-hook';

export type BootstrapOutcome = 'not-configured' | 'admin-exists' | 'created';

export async function readPasswordFile(path: string): Promise<string> {
  const password = (await readFile(path, 'utf8')).replace(/\r?\n$/, '');
  checkPasswordLength(password);
  return password;
}

export interface AccountProvisioningDependencies {
  db: Database;
  onAccountCreated?: AccountCreatedHook | undefined;
}

export function createAccountProvisioning({ db, onAccountCreated }: AccountProvisioningDependencies) {
  /** Creates an active account with any role if the e-mail is free; returns whether it did. */
  async function ensureAccount(account: {
    email: string;
    password: string;
    displayName: string;
    role: Role;
  }): Promise<boolean> {
    if (await users.findByEmail(db, account.email)) return false;
    const passwordHash = await hashPassword(account.password);
    return db.transaction(async (tx) => {
      // A concurrent starter (another replica) may win the race: that is fine.
      const created = await users.insertApprovedIfAbsent(tx, { ...account, passwordHash });
      if (created) await onAccountCreated?.(tx, created);
      return created !== undefined;
    });
  }

  return {
    ensureAccount,

    async bootstrapAdmin(settings: { email: string; passwordFile: string }): Promise<BootstrapOutcome> {
      if (!settings.email || !settings.passwordFile) return 'not-configured';
      if (await users.activeAdminExists(db)) return 'admin-exists';
      const password = await readPasswordFile(settings.passwordFile);
      const created = await ensureAccount({
        email: settings.email,
        password,
        displayName: 'Administrator',
        role: 'admin',
      });
      return created ? 'created' : 'admin-exists';
    },

    /** Creates the demo accounts that are missing; returns how many. */
    async seedDemoAccounts(): Promise<number> {
      let created = 0;
      for (const account of DEMO_ACCOUNTS) {
        if (await ensureAccount({ ...account, password: DEMO_PASSWORD })) created += 1;
      }
      return created;
    },
  };
}

export type AccountProvisioning = ReturnType<typeof createAccountProvisioning>;
