// SQL for user rows. E-mails are stored lower-cased and trimmed; the unique
// index on lower(email) is the final word on duplicates.
import type { Queryable } from '@zamio/db';
import type { AccountStatus, Role } from '../roles';
import { conflict } from '../errors';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  status: AccountStatus;
  password_hash: string;
  created_at: Date;
  approved_at: Date | null;
}

export interface PublicUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  status: AccountStatus;
  createdAt: string;
  approvedAt: string | null;
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export const toPublicUser = (row: UserRow): PublicUser => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  status: row.status,
  createdAt: new Date(row.created_at).toISOString(),
  approvedAt: row.approved_at ? new Date(row.approved_at).toISOString() : null,
});

const COLUMNS = 'id, email, display_name, role, status, password_hash, created_at, approved_at';

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  status: AccountStatus;
  passwordHash: string;
}

export async function insertUser(db: Queryable, user: NewUser): Promise<UserRow> {
  try {
    const { rows } = await db.query<UserRow>(
      `INSERT INTO users (email, display_name, role, status, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [normaliseEmail(user.email), user.displayName, user.role, user.status, user.passwordHash],
    );
    return rows[0]!;
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw conflict('an account with this e-mail already exists');
    throw error;
  }
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE lower(email) = $1`, [
    normaliseEmail(email),
  ]);
  return rows[0];
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0];
}

export async function listUsers(
  db: Queryable,
  filter: { status?: AccountStatus; role?: Role; limit: number; offset: number },
): Promise<UserRow[]> {
  const { rows } = await db.query<UserRow>(
    `SELECT ${COLUMNS} FROM users WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR role = $2) ORDER BY created_at, id LIMIT $3 OFFSET $4`,
    [filter.status ?? null, filter.role ?? null, filter.limit, filter.offset],
  );
  return rows;
}

export async function setUserStatus(
  db: Queryable,
  id: string,
  status: AccountStatus,
  adminId: string,
): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(
    `UPDATE users SET status = $2, updated_at = now(),
            approved_at = CASE WHEN $2 = 'active' THEN now() ELSE approved_at END,
            approved_by = CASE WHEN $2 = 'active' THEN $3::uuid ELSE approved_by END
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, status, adminId],
  );
  return rows[0];
}

export async function updatePasswordHash(db: Queryable, id: string, passwordHash: string): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [id, passwordHash]);
}
