// The first administrator: from BOOTSTRAP_ADMIN_EMAIL + a password file (a
// mounted secret, never an env value that shows up in `docker inspect`), or
// from the create-admin CLI. Runs only while no admin exists.
import { readFile } from 'node:fs/promises';
import type { Database } from '@zamio/db';
import { ensureAccount } from './accounts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-hashing';

export async function adminExists(db: Database): Promise<boolean> {
  const { rows } = await db.query<{ exists: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND status = 'active') AS exists",
  );
  return rows[0]?.exists === true;
}

export function checkPasswordLength(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new Error(`the password must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters long`);
  }
}

export async function readPasswordFile(path: string): Promise<string> {
  const password = (await readFile(path, 'utf8')).replace(/\r?\n$/, '');
  checkPasswordLength(password);
  return password;
}

export type BootstrapOutcome = 'not-configured' | 'admin-exists' | 'created';

export async function bootstrapAdmin(
  db: Database,
  settings: { email: string; passwordFile: string },
): Promise<BootstrapOutcome> {
  if (!settings.email || !settings.passwordFile) return 'not-configured';
  if (await adminExists(db)) return 'admin-exists';
  const password = await readPasswordFile(settings.passwordFile);
  const created = await ensureAccount(db, {
    email: settings.email,
    password,
    displayName: 'Administrator',
    role: 'admin',
  });
  return created ? 'created' : 'admin-exists';
}
