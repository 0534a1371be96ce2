// Demo accounts for embedded mode and compose (SEED_DEMO_DATA=true, which
// staging and production refuse). The password is public by design.
import type { Database } from '@zamio/db';
import { ensureAccount } from './accounts';
import type { Role } from './roles';

export const DEMO_PASSWORD = 'zamio-demo-password';

export const DEMO_ACCOUNTS: readonly { role: Role; email: string; displayName: string }[] = [
  { role: 'artist', email: 'artist@demo.zamio.local', displayName: 'Demo Artist' },
  { role: 'station', email: 'station@demo.zamio.local', displayName: 'Demo FM' },
  { role: 'publisher', email: 'publisher@demo.zamio.local', displayName: 'Demo Publishing' },
  { role: 'admin', email: 'admin@demo.zamio.local', displayName: 'Demo Admin' },
];

/** Idempotent: creates the accounts that are missing; returns how many were created. */
export async function seedDemoAccounts(db: Database): Promise<number> {
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await ensureAccount(db, { ...account, password: DEMO_PASSWORD })) created += 1;
  }
  return created;
}
