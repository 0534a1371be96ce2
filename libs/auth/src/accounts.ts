// Account operations used by the routes, the seeding and the admin CLI.
import type { Database, Queryable } from '@zamio/db';
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from './password-hashing';
import { initialStatusFor, type Role, type SelfServiceRole } from './roles';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  updatePasswordHash,
  type UserRow,
} from './store/users-store';
import { insertStation } from './store/stations-store';
import { revokeUserSessions } from './store/sessions-store';
import { HttpError, unauthorized } from './errors';

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
  role: SelfServiceRole;
}

/** Creates the user (and the station row for station accounts) in one transaction. */
export async function signUp(db: Database, input: SignUpInput): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const user = await insertUser(tx, {
      email: input.email,
      displayName: input.displayName,
      role: input.role,
      status: initialStatusFor(input.role),
      passwordHash,
    });
    if (input.role === 'station') await insertStation(tx, user.id, input.displayName);
    return user;
  });
}

/**
 * Checks e-mail + password. Unknown e-mail and wrong password give the same
 * error after the same work; a pending or disabled account is told so only
 * after its password proved correct.
 */
export async function authenticate(db: Queryable, email: string, password: string): Promise<UserRow> {
  const user = await findUserByEmail(db, email);
  if (!user) {
    await burnPasswordCheck(password);
    throw unauthorized('e-mail or password is wrong');
  }
  if (!(await verifyPassword(password, user.password_hash)))
    throw unauthorized('e-mail or password is wrong');
  if (user.status === 'pending')
    throw new HttpError(403, 'this account is waiting for approval by an administrator');
  if (user.status !== 'active') throw new HttpError(403, 'this account is disabled');
  if (needsRehash(user.password_hash)) await updatePasswordHash(db, user.id, await hashPassword(password));
  return user;
}

/** Changes the password and signs out every other session of the user. */
export async function changePassword(
  db: Queryable,
  userId: string,
  currentPassword: string,
  newPassword: string,
  keepSessionId: string,
): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user || !(await verifyPassword(currentPassword, user.password_hash)))
    throw new HttpError(403, 'the current password is wrong');
  await updatePasswordHash(db, userId, await hashPassword(newPassword));
  await revokeUserSessions(db, userId, keepSessionId);
}

/**
 * Creates an active account with any role if the e-mail is free; returns
 * whether it was created. Used by the bootstrap admin and the demo seeding,
 * which must be idempotent.
 */
export async function ensureAccount(
  db: Database,
  account: { email: string; password: string; displayName: string; role: Role },
): Promise<boolean> {
  if (await findUserByEmail(db, account.email)) return false;
  const passwordHash = await hashPassword(account.password);
  return db.transaction(async (tx) => {
    // A concurrent starter (another replica) may win the race: that is fine.
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO users (email, display_name, role, status, password_hash, approved_at) VALUES ($1, $2, $3, 'active', $4, now())
       ON CONFLICT DO NOTHING RETURNING id`,
      [account.email.trim().toLowerCase(), account.displayName, account.role, passwordHash],
    );
    const id = rows[0]?.id;
    if (id && account.role === 'station') await insertStation(tx, id, account.displayName);
    return id !== undefined;
  });
}
