// All SQL of the ledger: append-only, double-entry rows. A posting debits a
// station (negative) and credits recipients (positive) within one cycle; the
// database checks every posting balances, refuses UPDATE/DELETE and any
// entry into a locked cycle, and keeps one row per play × account × cycle ×
// entry type. Balances are sums; amounts of plays under an open dispute are held.
import type { Queryable } from '@zamio/db';

export const ENTRY_TYPES = ['royalty', 'correction_reversal', 'correction', 'dispute_reversal'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];
export type AccountKind = 'station' | 'user' | 'contributor';

export interface NewLedgerEntry {
  postingId: string;
  cycleId: string;
  playId: string | null;
  disputeId: string | null;
  entryType: EntryType;
  accountKind: AccountKind;
  accountId: string;
  contributorId: string | null;
  amountMinor: number;
}

export interface LedgerRow extends NewLedgerEntry {
  id: number;
  createdAt: Date;
}

export async function insertMany(db: Queryable, entries: readonly NewLedgerEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `INSERT INTO ledger_entries (posting_id, cycle_id, play_id, dispute_id, entry_type, account_kind, account_id,
                                 contributor_id, amount_minor)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::uuid[],
                          $8::uuid[], $9::int8[])`,
    [
      entries.map((e) => e.postingId),
      entries.map((e) => e.cycleId),
      entries.map((e) => e.playId),
      entries.map((e) => e.disputeId),
      entries.map((e) => e.entryType),
      entries.map((e) => e.accountKind),
      entries.map((e) => e.accountId),
      entries.map((e) => e.contributorId),
      entries.map((e) => e.amountMinor),
    ],
  );
}

interface EntryRow {
  id: string;
  posting_id: string;
  cycle_id: string;
  play_id: string | null;
  dispute_id: string | null;
  entry_type: EntryType;
  account_kind: AccountKind;
  account_id: string;
  contributor_id: string | null;
  amount_minor: string;
  created_at: Date;
}
const toEntry = (r: EntryRow): LedgerRow => ({
  id: Number(r.id),
  postingId: r.posting_id,
  cycleId: r.cycle_id,
  playId: r.play_id,
  disputeId: r.dispute_id,
  entryType: r.entry_type,
  accountKind: r.account_kind,
  accountId: r.account_id,
  contributorId: r.contributor_id,
  amountMinor: Number(r.amount_minor),
  createdAt: new Date(r.created_at),
});

export async function ofCycle(db: Queryable, cycleId: string): Promise<LedgerRow[]> {
  const { rows } = await db.query<EntryRow>('SELECT * FROM ledger_entries WHERE cycle_id = $1 ORDER BY id', [
    cycleId,
  ]);
  return rows.map(toEntry);
}

export async function ofPlay(db: Queryable, playId: string): Promise<LedgerRow[]> {
  const { rows } = await db.query<EntryRow>('SELECT * FROM ledger_entries WHERE play_id = $1 ORDER BY id', [
    playId,
  ]);
  return rows.map(toEntry);
}

export interface NetLeg {
  playId: string;
  accountKind: AccountKind;
  accountId: string;
  contributorId: string | null;
  amountMinor: number;
}

/** Net amount per play × account × contributor over every cycle (what a reversal must undo); zero nets omitted. */
export async function netOfPlays(db: Queryable, playIds: readonly string[]): Promise<NetLeg[]> {
  if (playIds.length === 0) return [];
  const { rows } = await db.query<{
    play_id: string;
    account_kind: AccountKind;
    account_id: string;
    contributor_id: string | null;
    amount: string;
  }>(
    `SELECT play_id, account_kind, account_id, contributor_id, sum(amount_minor) AS amount
       FROM ledger_entries WHERE play_id = ANY($1::uuid[])
      GROUP BY play_id, account_kind, account_id, contributor_id
     HAVING sum(amount_minor) <> 0
      ORDER BY play_id, account_kind, account_id, contributor_id`,
    [[...playIds]],
  );
  return rows.map((r) => ({
    playId: r.play_id,
    accountKind: r.account_kind,
    accountId: r.account_id,
    contributorId: r.contributor_id,
    amountMinor: Number(r.amount),
  }));
}

/** Sum of every entry in the cycle (0 when balanced) and the number of entries. */
export async function cycleSum(db: Queryable, cycleId: string): Promise<{ sum: number; entries: number }> {
  const { rows } = await db.query<{ sum: string; n: string }>(
    'SELECT COALESCE(sum(amount_minor), 0) AS sum, count(*) AS n FROM ledger_entries WHERE cycle_id = $1',
    [cycleId],
  );
  return { sum: Number(rows[0]!.sum), entries: Number(rows[0]!.n) };
}

export interface RecipientTotal {
  accountKind: Exclude<AccountKind, 'station'>;
  accountId: string;
  name: string;
  amountMinor: number;
  heldMinor: number;
}

const HELD = `EXISTS (SELECT 1 FROM disputes d WHERE d.play_id = le.play_id AND d.status = 'open')`;
const ACCOUNT_NAME = `COALESCE(u.display_name, ct.name, st.name)`;
const ACCOUNT_JOINS = `LEFT JOIN users u ON le.account_kind = 'user' AND u.id = le.account_id
  LEFT JOIN contributors ct ON le.account_kind = 'contributor' AND ct.id = le.account_id
  LEFT JOIN stations st ON le.account_kind = 'station' AND st.id = le.account_id`;

/** Per recipient of the cycle: its net total and the part held by open disputes. */
export async function recipientTotals(db: Queryable, cycleId: string): Promise<RecipientTotal[]> {
  const { rows } = await db.query<{
    account_kind: 'user' | 'contributor';
    account_id: string;
    name: string;
    amount: string;
    held: string;
  }>(
    `SELECT le.account_kind, le.account_id, ${ACCOUNT_NAME} AS name, sum(le.amount_minor) AS amount,
            COALESCE(sum(le.amount_minor) FILTER (WHERE ${HELD}), 0) AS held
       FROM ledger_entries le ${ACCOUNT_JOINS}
      WHERE le.cycle_id = $1 AND le.account_kind <> 'station'
      GROUP BY le.account_kind, le.account_id, 3 ORDER BY 3, le.account_id`,
    [cycleId],
  );
  return rows.map((r) => ({
    accountKind: r.account_kind,
    accountId: r.account_id,
    name: r.name,
    amountMinor: Number(r.amount),
    heldMinor: Number(r.held),
  }));
}

export interface StatementRow {
  playId: string;
  startedAt: Date;
  durationMs: number;
  trackId: string;
  trackTitle: string;
  isrc: string | null;
  stationId: string;
  stationName: string;
  contributorId: string | null;
  contributorName: string | null;
  /** Net of this play × contributor for the account in the cycle (royalty, corrections, reversals). */
  amountMinor: number;
  held: boolean;
}

/** Every play × contributor line of one recipient in one cycle, in play order; zero nets kept out. */
export async function statementRows(
  db: Queryable,
  cycleId: string,
  account: { kind: AccountKind; id: string },
): Promise<StatementRow[]> {
  const { rows } = await db.query<{
    play_id: string;
    started_at: Date;
    duration_ms: number;
    track_id: string;
    title: string;
    isrc: string | null;
    station_id: string;
    station_name: string;
    contributor_id: string | null;
    contributor_name: string | null;
    amount: string;
    held: boolean;
  }>(
    `SELECT le.play_id, p.started_at, p.duration_ms, t.id AS track_id, t.title, t.isrc, s.id AS station_id,
            s.name AS station_name, le.contributor_id, ct.name AS contributor_name, sum(le.amount_minor) AS amount,
            ${HELD} AS held
       FROM ledger_entries le
       JOIN plays p ON p.id = le.play_id JOIN tracks t ON t.id = p.track_id JOIN stations s ON s.id = p.station_id
       LEFT JOIN contributors ct ON ct.id = le.contributor_id
      WHERE le.cycle_id = $1 AND le.account_kind = $2 AND le.account_id = $3
      GROUP BY le.play_id, p.started_at, p.duration_ms, t.id, t.title, t.isrc, s.id, s.name, le.contributor_id, ct.name
     HAVING sum(le.amount_minor) <> 0
      ORDER BY p.started_at, le.play_id, le.contributor_id`,
    [cycleId, account.kind, account.id],
  );
  return rows.map((r) => ({
    playId: r.play_id,
    startedAt: new Date(r.started_at),
    durationMs: r.duration_ms,
    trackId: r.track_id,
    trackTitle: r.title,
    isrc: r.isrc,
    stationId: r.station_id,
    stationName: r.station_name,
    contributorId: r.contributor_id,
    contributorName: r.contributor_name,
    amountMinor: Number(r.amount),
    held: r.held,
  }));
}

/** The ledger's own total for an account in a cycle (what a statement must reconcile with). */
export async function accountCycleTotal(
  db: Queryable,
  cycleId: string,
  account: { kind: AccountKind; id: string },
): Promise<number> {
  const { rows } = await db.query<{ sum: string }>(
    `SELECT COALESCE(sum(amount_minor), 0) AS sum FROM ledger_entries
      WHERE cycle_id = $1 AND account_kind = $2 AND account_id = $3`,
    [cycleId, account.kind, account.id],
  );
  return Number(rows[0]!.sum);
}

export interface AccountCycleEarning {
  cycleId: string;
  cycleName: string;
  periodStart: string;
  status: string;
  amountMinor: number;
  heldMinor: number;
}

/** An account's net per cycle (newest first): earnings by cycle. */
export async function earningsByCycle(
  db: Queryable,
  account: { kind: AccountKind; id: string },
): Promise<AccountCycleEarning[]> {
  const { rows } = await db.query<{
    cycle_id: string;
    name: string;
    period_start: string;
    status: string;
    amount: string;
    held: string;
  }>(
    `SELECT c.id AS cycle_id, c.name, to_char(c.period_start, 'YYYY-MM-DD') AS period_start, c.status,
            sum(le.amount_minor) AS amount, COALESCE(sum(le.amount_minor) FILTER (WHERE ${HELD}), 0) AS held
       FROM ledger_entries le JOIN royalty_cycles c ON c.id = le.cycle_id
      WHERE le.account_kind = $1 AND le.account_id = $2
      GROUP BY c.id, c.name, c.period_start, c.status ORDER BY c.period_start DESC`,
    [account.kind, account.id],
  );
  return rows.map((r) => ({
    cycleId: r.cycle_id,
    cycleName: r.name,
    periodStart: r.period_start,
    status: r.status,
    amountMinor: Number(r.amount),
    heldMinor: Number(r.held),
  }));
}

export interface AccountBalance {
  /** Net of locked cycles, not held. */
  earnedMinor: number;
  /** Of locked cycles, under an open dispute. */
  heldMinor: number;
  /** In cycles not locked yet. */
  pendingMinor: number;
}

export async function balanceOfUser(db: Queryable, userId: string): Promise<AccountBalance> {
  const { rows } = await db.query<{ earned: string; held: string; pending: string }>(
    `SELECT COALESCE(sum(le.amount_minor) FILTER (WHERE c.status = 'locked' AND NOT ${HELD}), 0) AS earned,
            COALESCE(sum(le.amount_minor) FILTER (WHERE c.status = 'locked' AND ${HELD}), 0) AS held,
            COALESCE(sum(le.amount_minor) FILTER (WHERE c.status <> 'locked'), 0) AS pending
       FROM ledger_entries le JOIN royalty_cycles c ON c.id = le.cycle_id
      WHERE le.account_kind = 'user' AND le.account_id = $1`,
    [userId],
  );
  const r = rows[0]!;
  return { earnedMinor: Number(r.earned), heldMinor: Number(r.held), pendingMinor: Number(r.pending) };
}

export interface UsageRow {
  key: string;
  label: string;
  isrc: string | null;
  plays: number;
  seconds: number;
  amountMinor: number;
}

/** A cycle's usage for the collecting society, per station or per work: plays and seconds priced in it, net amount. */
export async function usage(db: Queryable, cycleId: string, by: 'station' | 'work'): Promise<UsageRow[]> {
  const group = by === 'station' ? 's.id, s.name' : 't.id, t.title, t.isrc';
  const key = by === 'station' ? 's.id' : 't.id';
  const label = by === 'station' ? 's.name' : 't.title';
  const isrc = by === 'station' ? 'NULL::text' : 't.isrc';
  const { rows } = await db.query<{
    key: string;
    label: string;
    isrc: string | null;
    plays: string;
    ms: string;
    amount: string;
  }>(
    `WITH priced AS (
       SELECT pp.play_id, pp.duration_ms FROM play_pricings pp WHERE pp.cycle_id = $1 AND pp.rate_version_id IS NOT NULL
     ), amounts AS (
       SELECT le.play_id, -sum(le.amount_minor) AS amount FROM ledger_entries le
        WHERE le.cycle_id = $1 AND le.account_kind = 'station' GROUP BY le.play_id
     ), lines AS (
       SELECT COALESCE(pr.play_id, a.play_id) AS play_id, pr.duration_ms, COALESCE(a.amount, 0) AS amount
         FROM priced pr FULL JOIN amounts a ON a.play_id = pr.play_id
     )
     SELECT ${key}::text AS key, ${label} AS label, ${isrc} AS isrc, count(l.duration_ms) AS plays,
            COALESCE(sum(l.duration_ms), 0) AS ms, sum(l.amount) AS amount
       FROM lines l JOIN plays p ON p.id = l.play_id JOIN stations s ON s.id = p.station_id
       JOIN tracks t ON t.id = p.track_id
      GROUP BY ${group} ORDER BY label, key`,
    [cycleId],
  );
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    isrc: r.isrc,
    plays: Number(r.plays),
    seconds: Number(r.ms) / 1000,
    amountMinor: Number(r.amount),
  }));
}

/** Display name of a ledger account (a user, an outside party or a station). */
export async function accountName(
  db: Queryable,
  account: { kind: AccountKind; id: string },
): Promise<string | undefined> {
  const table =
    account.kind === 'user' ? 'users' : account.kind === 'contributor' ? 'contributors' : 'stations';
  const column = account.kind === 'user' ? 'display_name' : 'name';
  const { rows } = await db.query<{ name: string }>(`SELECT ${column} AS name FROM ${table} WHERE id = $1`, [
    account.id,
  ]);
  return rows[0]?.name;
}
