// All SQL of the users table. E-mails are stored normalised (rules/email.ts);
// the unique index on lower(email) decides duplicates.
import {
  finishPage,
  keysetClauses,
  type Page,
  type PageRequest,
  type Queryable,
  type SortKey,
} from '@zamio/db';
import { conflict } from '@zamio/errors';
import type { AccountStatus, Role } from '../rules/roles';
import { normaliseEmail } from '../rules/email';

export interface Account {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  status: AccountStatus;
  passwordHash: string;
  createdAt: Date;
  approvedAt: Date | null;
  /** Set when an administrator rejected the account (status `rejected`). */
  rejectionReason: string | null;
  rejectedAt: Date | null;
}

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  status: AccountStatus;
  password_hash: string;
  created_at: Date;
  approved_at: Date | null;
  rejection_reason: string | null;
  rejected_at: Date | null;
}

const COLUMNS =
  'id, email, display_name, role, status, password_hash, created_at, approved_at, rejection_reason, rejected_at';

const toAccount = (row: UserRow): Account => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  status: row.status,
  passwordHash: row.password_hash,
  createdAt: new Date(row.created_at),
  approvedAt: row.approved_at ? new Date(row.approved_at) : null,
  rejectionReason: row.rejection_reason,
  rejectedAt: row.rejected_at ? new Date(row.rejected_at) : null,
});

export interface NewAccount {
  email: string;
  displayName: string;
  role: Role;
  status: AccountStatus;
  passwordHash: string;
}

/** Inserts the account; an e-mail already taken is a conflict (409). */
export async function insert(db: Queryable, account: NewAccount): Promise<Account> {
  try {
    const { rows } = await db.query<UserRow>(
      `INSERT INTO users (email, display_name, role, status, password_hash)
       VALUES ($1, $2, $3, $4, $5)
       RETURNING ${COLUMNS}`,
      [
        normaliseEmail(account.email),
        account.displayName,
        account.role,
        account.status,
        account.passwordHash,
      ],
    );
    return toAccount(rows[0]!);
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw conflict('an account with this e-mail already exists');
    throw error;
  }
}

/** Inserts an already approved account unless the e-mail is taken; undefined when it was. */
export async function insertApprovedIfAbsent(
  db: Queryable,
  account: Omit<NewAccount, 'status'>,
): Promise<Account | undefined> {
  const { rows } = await db.query<UserRow>(
    `INSERT INTO users (email, display_name, role, status, password_hash, approved_at)
     VALUES ($1, $2, $3, 'active', $4, now())
     ON CONFLICT DO NOTHING
     RETURNING ${COLUMNS}`,
    [normaliseEmail(account.email), account.displayName, account.role, account.passwordHash],
  );
  return rows[0] ? toAccount(rows[0]) : undefined;
}

export async function findByEmail(db: Queryable, email: string): Promise<Account | undefined> {
  const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE lower(email) = $1`, [
    normaliseEmail(email),
  ]);
  return rows[0] ? toAccount(rows[0]) : undefined;
}

export async function findById(db: Queryable, id: string): Promise<Account | undefined> {
  const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0] ? toAccount(rows[0]) : undefined;
}

export interface AccountFilter {
  status?: AccountStatus | undefined;
  role?: Role | undefined;
  /** Part of the e-mail or display name, case-insensitive. */
  search?: string | undefined;
}

export const ACCOUNT_SORTS = ['createdAt', 'email'] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

const SORT_KEYS: Record<AccountSort, SortKey> = {
  createdAt: { column: 'created_at', type: 'timestamptz' },
  email: { column: 'email', type: 'text' },
};

/** One page of accounts, filtered, in (sort column, id) order. */
export async function listPage(
  db: Queryable,
  filter: AccountFilter,
  page: PageRequest<AccountSort>,
): Promise<Page<Account>> {
  const pattern = filter.search ? `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const keyset = keysetClauses(SORT_KEYS[page.sort], page, 'id', 4);
  const { rows } = await db.query<UserRow & { page_key: string }>(
    `SELECT ${COLUMNS}, ${keyset.select} FROM users
      WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR role = $2)
        AND ($3::text IS NULL OR email ILIKE $3 OR display_name ILIKE $3)
        AND ${keyset.where}
      ${keyset.orderLimit}`,
    [filter.status ?? null, filter.role ?? null, pattern, ...keyset.params],
  );
  return finishPage(rows, page, toAccount);
}

/** The account, its row locked until the transaction ends (status changes one at a time). */
export async function lockById(db: Queryable, id: string): Promise<Account | undefined> {
  const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ? toAccount(rows[0]) : undefined;
}

/** Marks the account rejected with the administrator's reason. */
export async function reject(
  db: Queryable,
  id: string,
  rejection: { reason: string; adminId: string },
): Promise<Account | undefined> {
  const { rows } = await db.query<UserRow>(
    `UPDATE users SET status = 'rejected', updated_at = now(),
            rejection_reason = $2, rejected_at = now(), rejected_by = $3
      WHERE id = $1
      RETURNING ${COLUMNS}`,
    [id, rejection.reason, rejection.adminId],
  );
  return rows[0] ? toAccount(rows[0]) : undefined;
}

export async function activeAdminExists(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ exists: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND status = 'active') AS exists",
  );
  return rows[0]?.exists === true;
}

/**
 * Sets the status; activating records who approved and when (and clears an
 * earlier rejection). Undefined for an unknown id.
 */
export async function setStatus(
  db: Queryable,
  id: string,
  status: AccountStatus,
  adminId: string,
): Promise<Account | undefined> {
  const { rows } = await db.query<UserRow>(
    `UPDATE users SET status = $2, updated_at = now(),
            approved_at = CASE WHEN $2 = 'active' THEN now() ELSE approved_at END,
            approved_by = CASE WHEN $2 = 'active' THEN $3::uuid ELSE approved_by END,
            rejection_reason = CASE WHEN $2 = 'active' THEN NULL ELSE rejection_reason END,
            rejected_at = CASE WHEN $2 = 'active' THEN NULL ELSE rejected_at END,
            rejected_by = CASE WHEN $2 = 'active' THEN NULL ELSE rejected_by END
      WHERE id = $1
      RETURNING ${COLUMNS}`,
    [id, status, adminId],
  );
  return rows[0] ? toAccount(rows[0]) : undefined;
}

export async function setPasswordHash(db: Queryable, id: string, passwordHash: string): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [id, passwordHash]);
}
