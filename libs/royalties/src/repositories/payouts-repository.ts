// All SQL of payouts: requested → approved → paid (with the external
// reference), or rejected. Requests of one account are serialised by a
// transaction lock so parallel requests cannot overdraw its balance.
import {
  finishPage,
  keysetClauses,
  type Page,
  type PageRequest,
  type Queryable,
  type SortKey,
} from '@zamio/db';

export const PAYOUT_STATUSES = ['requested', 'approved', 'paid', 'rejected'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];
export type PayoutMethod = 'mobile_money' | 'bank';

export interface Payout {
  id: string;
  userId: string;
  userName: string;
  amountMinor: number;
  method: PayoutMethod;
  destination: string;
  status: PayoutStatus;
  requestedAt: Date;
  approvedBy: string | null;
  approvedAt: Date | null;
  paidBy: string | null;
  paidAt: Date | null;
  externalReference: string | null;
  rejectedReason: string | null;
}

interface Row {
  id: string;
  user_id: string;
  user_name: string;
  amount_minor: string;
  method: PayoutMethod;
  destination: string;
  status: PayoutStatus;
  requested_at: Date;
  approved_by: string | null;
  approved_at: Date | null;
  paid_by: string | null;
  paid_at: Date | null;
  external_reference: string | null;
  rejected_reason: string | null;
}
const d = (v: Date | null) => (v ? new Date(v) : null);
const toPayout = (r: Row): Payout => ({
  id: r.id,
  userId: r.user_id,
  userName: r.user_name,
  amountMinor: Number(r.amount_minor),
  method: r.method,
  destination: r.destination,
  status: r.status,
  requestedAt: new Date(r.requested_at),
  approvedBy: r.approved_by,
  approvedAt: d(r.approved_at),
  paidBy: r.paid_by,
  paidAt: d(r.paid_at),
  externalReference: r.external_reference,
  rejectedReason: r.rejected_reason,
});

const SELECT = 'SELECT p.*, u.display_name AS user_name FROM payouts p JOIN users u ON u.id = p.user_id';

/** Holds the account's payout lock until the transaction ends. */
export async function lockAccount(db: Queryable, userId: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('payouts:' || $1::text))`, [userId]);
}

/** Sum of the account's payouts that are not rejected (requested, approved or paid). */
export async function committedOf(db: Queryable, userId: string): Promise<number> {
  const { rows } = await db.query<{ sum: string }>(
    `SELECT COALESCE(sum(amount_minor), 0) AS sum FROM payouts WHERE user_id = $1 AND status <> 'rejected'`,
    [userId],
  );
  return Number(rows[0]!.sum);
}

export async function insert(
  db: Queryable,
  payout: { userId: string; amountMinor: number; method: PayoutMethod; destination: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO payouts (user_id, amount_minor, method, destination) VALUES ($1, $2, $3, $4) RETURNING id`,
    [payout.userId, payout.amountMinor, payout.method, payout.destination],
  );
  return rows[0]!.id;
}

export async function findById(db: Queryable, id: string): Promise<Payout | undefined> {
  const { rows } = await db.query<Row>(`${SELECT} WHERE p.id = $1`, [id]);
  return rows[0] && toPayout(rows[0]);
}

export const PAYOUT_SORTS = {
  requestedAt: { column: 'p.requested_at', type: 'timestamptz' },
  amountMinor: { column: 'p.amount_minor', type: 'bigint' },
} as const satisfies Record<string, SortKey>;
export type PayoutSort = keyof typeof PAYOUT_SORTS;

/** One page of payouts (keyset), filtered by status and account. */
export async function list(
  db: Queryable,
  filter: { status?: PayoutStatus | undefined; userId?: string | undefined },
  page: PageRequest<PayoutSort>,
): Promise<Page<Payout>> {
  const params: unknown[] = [filter.status ?? null, filter.userId ?? null];
  const keyset = keysetClauses(PAYOUT_SORTS[page.sort], page, 'p.id', params.length + 1);
  const { rows } = await db.query<Row & { page_key: string }>(
    `SELECT p.*, u.display_name AS user_name, ${keyset.select} FROM payouts p JOIN users u ON u.id = p.user_id
     WHERE ($1::text IS NULL OR p.status = $1) AND ($2::uuid IS NULL OR p.user_id = $2) AND ${keyset.where}
     ${keyset.orderLimit}`,
    [...params, ...keyset.params],
  );
  return finishPage(rows, page, toPayout);
}

/** Moves a payout from `from` to `to`; false when it was not in `from`. */
export async function transition(
  db: Queryable,
  id: string,
  from: PayoutStatus,
  to: PayoutStatus,
  by: string,
  extra: { externalReference?: string; rejectedReason?: string } = {},
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE payouts SET status = $3,
            approved_by = CASE WHEN $3 = 'approved' THEN $4::uuid ELSE approved_by END,
            approved_at = CASE WHEN $3 = 'approved' THEN now() ELSE approved_at END,
            paid_by = CASE WHEN $3 = 'paid' THEN $4::uuid ELSE paid_by END,
            paid_at = CASE WHEN $3 = 'paid' THEN now() ELSE paid_at END,
            external_reference = COALESCE($5, external_reference),
            rejected_reason = COALESCE($6, rejected_reason)
      WHERE id = $1 AND status = $2`,
    [id, from, to, by, extra.externalReference ?? null, extra.rejectedReason ?? null],
  );
  return rowCount > 0;
}
