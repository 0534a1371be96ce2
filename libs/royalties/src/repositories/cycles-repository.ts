// All SQL of royalty cycles: a period of local calendar days, its status and
// the calculation's progress. The database refuses overlapping periods and
// any change to a locked cycle.
import type { Queryable } from '@zamio/db';
import { conflict } from '@zamio/errors';

export const CYCLE_STATUSES = ['open', 'calculating', 'calculated', 'locked'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export interface Cycle {
  id: string;
  name: string;
  /** First local day (YYYY-MM-DD, inclusive). */
  periodStart: string;
  /** Day after the last (YYYY-MM-DD, exclusive). */
  periodEnd: string;
  status: CycleStatus;
  progressTotal: number;
  progressDone: number;
  lastError: string | null;
  openedBy: string | null;
  openedAt: Date;
  calculatedAt: Date | null;
  lockedBy: string | null;
  lockedAt: Date | null;
}

interface CycleRow {
  id: string;
  name: string;
  period_start: string;
  period_end: string;
  status: CycleStatus;
  progress_total: number;
  progress_done: number;
  last_error: string | null;
  opened_by: string | null;
  opened_at: Date;
  calculated_at: Date | null;
  locked_by: string | null;
  locked_at: Date | null;
}

const SELECT_CYCLE = `SELECT id, name, to_char(period_start, 'YYYY-MM-DD') AS period_start,
       to_char(period_end, 'YYYY-MM-DD') AS period_end, status, progress_total, progress_done, last_error,
       opened_by, opened_at, calculated_at, locked_by, locked_at FROM royalty_cycles`;

const date = (d: Date | null) => (d ? new Date(d) : null);
const toCycle = (r: CycleRow): Cycle => ({
  id: r.id,
  name: r.name,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  status: r.status,
  progressTotal: r.progress_total,
  progressDone: r.progress_done,
  lastError: r.last_error,
  openedBy: r.opened_by,
  openedAt: new Date(r.opened_at),
  calculatedAt: date(r.calculated_at),
  lockedBy: r.locked_by,
  lockedAt: date(r.locked_at),
});

export async function insert(
  db: Queryable,
  cycle: { name: string; periodStart: string; periodEnd: string; openedBy: string },
): Promise<string> {
  try {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO royalty_cycles (name, period_start, period_end, opened_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [cycle.name, cycle.periodStart, cycle.periodEnd, cycle.openedBy],
    );
    return rows[0]!.id;
  } catch (error) {
    if ((error as { code?: string }).code === '23P01')
      throw conflict(`the period ${cycle.periodStart} – ${cycle.periodEnd} overlaps an existing cycle`);
    throw error;
  }
}

export async function findById(db: Queryable, id: string, forUpdate = false): Promise<Cycle | undefined> {
  const { rows } = await db.query<CycleRow>(
    `${SELECT_CYCLE} WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] && toCycle(rows[0]);
}

/** Newest period first. */
export async function list(db: Queryable, filter: { status?: CycleStatus | undefined }): Promise<Cycle[]> {
  const { rows } = await db.query<CycleRow>(
    `${SELECT_CYCLE} WHERE ($1::text IS NULL OR status = $1) ORDER BY period_start DESC`,
    [filter.status ?? null],
  );
  return rows.map(toCycle);
}

export async function setStatus(
  db: Queryable,
  id: string,
  status: CycleStatus,
  extra: { lockedBy?: string; lastError?: string | null } = {},
): Promise<void> {
  await db.query(
    `UPDATE royalty_cycles SET status = $2,
            calculated_at = CASE WHEN $2 = 'calculated' THEN now() ELSE calculated_at END,
            locked_at = CASE WHEN $2 = 'locked' THEN now() ELSE locked_at END,
            locked_by = COALESCE($3, locked_by),
            last_error = CASE WHEN $5 THEN $4 ELSE last_error END
      WHERE id = $1`,
    [id, status, extra.lockedBy ?? null, extra.lastError ?? null, extra.lastError !== undefined],
  );
}

export async function setProgress(
  db: Queryable,
  id: string,
  progress: { total?: number; done: number },
): Promise<void> {
  await db.query(
    `UPDATE royalty_cycles SET progress_total = COALESCE($2, progress_total), progress_done = $3 WHERE id = $1`,
    [id, progress.total ?? null, progress.done],
  );
}

/** The open (not locked) cycle that starts latest after `day`: where corrections of a locked cycle are booked. */
export async function latestUnlockedAfter(db: Queryable, day: string): Promise<Cycle | undefined> {
  const { rows } = await db.query<CycleRow>(
    `${SELECT_CYCLE} WHERE status <> 'locked' AND period_start >= $1 ORDER BY period_start DESC LIMIT 1`,
    [day],
  );
  return rows[0] && toCycle(rows[0]);
}
