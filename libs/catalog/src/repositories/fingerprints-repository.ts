// All SQL of the fingerprint store: track_fingerprints (one row per track and
// params version: hashes and offsets as int4 arrays) and the change log the
// in-memory indexes follow (fingerprint_index_changes, ordered by the
// generation of fingerprint_index_state — see migration 003).
import { int4ArrayFromBinary, type Queryable } from '@zamio/db';

export interface StoredFingerprint {
  /** The matcher's track number (uint32). */
  number: number;
  trackId: string;
  hashes: Uint32Array;
  offsets: Uint32Array;
}

export interface IndexChange {
  generation: number;
  number: number;
  change: 'added' | 'removed';
}

interface FingerprintRow {
  number: number;
  track_id: string;
  /** array_send(hashes | offsets): the binary int4[] (see int4ArrayFromBinary). */
  hashes: Uint8Array;
  offsets: Uint8Array;
}

const toFingerprint = (row: FingerprintRow): StoredFingerprint => ({
  number: row.number,
  trackId: row.track_id,
  hashes: int4ArrayFromBinary(row.hashes),
  offsets: int4ArrayFromBinary(row.offsets),
});

const FINGERPRINT_COLUMNS =
  'f.number, f.track_id, array_send(f.hashes) AS hashes, array_send(f.offsets) AS offsets';

/** Appends changes to the log, each with the next generation (the state row's lock orders writers). */
async function logChanges(
  db: Queryable,
  changes: readonly { number: number; paramsVersion: number; change: IndexChange['change'] }[],
): Promise<void> {
  if (changes.length === 0) return;
  await db.query(
    `WITH bumped AS (
       UPDATE fingerprint_index_state SET generation = generation + $1
       RETURNING generation - $1 AS base)
     INSERT INTO fingerprint_index_changes (generation, fingerprint_number, params_version, change)
     SELECT bumped.base + c.ord, c.number, c.params_version, c.change
       FROM bumped, unnest($2::int4[], $3::int2[], $4::text[]) WITH ORDINALITY AS c(number, params_version, change, ord)`,
    [
      changes.length,
      changes.map((c) => c.number),
      changes.map((c) => c.paramsVersion),
      changes.map((c) => c.change),
    ],
  );
}

/**
 * Replaces the track's fingerprint of this params version with a new row
 * (a new number) and logs both changes. Run it in the transaction that also
 * marks the track ready, so matchers see old or new, never both or none.
 */
export async function replace(
  db: Queryable,
  fingerprint: {
    trackId: string;
    uploadId: string;
    paramsVersion: number;
    hashes: Uint32Array;
    offsets: Uint32Array;
    durationMs: number;
  },
): Promise<number> {
  const { paramsVersion } = fingerprint;
  const removed = await db.query<{ number: number }>(
    'DELETE FROM track_fingerprints WHERE track_id = $1 AND params_version = $2 RETURNING number',
    [fingerprint.trackId, paramsVersion],
  );
  // The arrays go as one parameter each (node-pg sends a JS array as an array literal).
  const { rows } = await db.query<{ number: number }>(
    `INSERT INTO track_fingerprints (track_id, params_version, upload_id, hashes, offsets, posting_count, duration_ms)
     VALUES ($1, $2, $3, $4::int4[], $5::int4[], $6, $7) RETURNING number`,
    [
      fingerprint.trackId,
      paramsVersion,
      fingerprint.uploadId,
      Array.from(fingerprint.hashes),
      Array.from(fingerprint.offsets),
      fingerprint.hashes.length,
      fingerprint.durationMs,
    ],
  );
  const number = rows[0]!.number;
  await logChanges(db, [
    ...removed.rows.map((row) => ({ number: row.number, paramsVersion, change: 'removed' as const })),
    { number, paramsVersion, change: 'added' },
  ]);
  return number;
}

/** Deletes every fingerprint of the track (its audio failed); returns how many. */
export async function removeOfTrack(db: Queryable, trackId: string): Promise<number> {
  const { rows } = await db.query<{ number: number; params_version: number }>(
    'DELETE FROM track_fingerprints WHERE track_id = $1 RETURNING number, params_version',
    [trackId],
  );
  await logChanges(
    db,
    rows.map((row) => ({ number: row.number, paramsVersion: row.params_version, change: 'removed' })),
  );
  return rows.length;
}

/**
 * Logs the track's fingerprints as removed (withdrawn) or added again
 * (reinstated) without deleting them: matchers drop or take them back.
 */
export async function logTrackVisibility(db: Queryable, trackId: string, visible: boolean): Promise<void> {
  const { rows } = await db.query<{ number: number; params_version: number }>(
    'SELECT number, params_version FROM track_fingerprints WHERE track_id = $1',
    [trackId],
  );
  await logChanges(
    db,
    rows.map((row) => ({
      number: row.number,
      paramsVersion: row.params_version,
      change: visible ? 'added' : 'removed',
    })),
  );
}

/** The generation of the newest committed change. */
export async function currentGeneration(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ generation: string }>(
    'SELECT generation FROM fingerprint_index_state WHERE singleton',
  );
  return Number(rows[0]!.generation);
}

/** The oldest generation the log still holds changes after (older ones were pruned). */
export async function oldestLoggedGeneration(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ generation: string | null }>(
    'SELECT min(generation) AS generation FROM fingerprint_index_changes',
  );
  return rows[0]!.generation === null ? Number.POSITIVE_INFINITY : Number(rows[0]!.generation);
}

/** Changes of this params version after `generation`, oldest first. */
export async function changesSince(
  db: Queryable,
  generation: number,
  paramsVersion: number,
  limit: number,
): Promise<IndexChange[]> {
  const { rows } = await db.query<{
    generation: string;
    fingerprint_number: number;
    change: IndexChange['change'];
  }>(
    `SELECT generation, fingerprint_number, change FROM fingerprint_index_changes
     WHERE generation > $1 AND params_version = $2 ORDER BY generation LIMIT $3`,
    [generation, paramsVersion, limit],
  );
  return rows.map((row) => ({
    generation: Number(row.generation),
    number: row.fingerprint_number,
    change: row.change,
  }));
}

const MATCHABLE = `FROM track_fingerprints f JOIN tracks t ON t.id = f.track_id
  WHERE t.withdrawn_at IS NULL AND f.params_version = $1`;

/** A batch of matchable fingerprints (track not withdrawn) of this version, by number after `afterNumber`. */
export async function matchableBatch(
  db: Queryable,
  paramsVersion: number,
  afterNumber: number,
  limit: number,
): Promise<StoredFingerprint[]> {
  const { rows } = await db.query<FingerprintRow>(
    `SELECT ${FINGERPRINT_COLUMNS} ${MATCHABLE} AND f.number > $2 ORDER BY f.number LIMIT $3`,
    [paramsVersion, afterNumber, limit],
  );
  return rows.map(toFingerprint);
}

/** These fingerprints, where they still exist and are matchable. */
export async function matchableByNumbers(
  db: Queryable,
  paramsVersion: number,
  numbers: readonly number[],
): Promise<StoredFingerprint[]> {
  if (numbers.length === 0) return [];
  const { rows } = await db.query<FingerprintRow>(
    `SELECT ${FINGERPRINT_COLUMNS} ${MATCHABLE} AND f.number = ANY($2::int4[])`,
    [paramsVersion, [...numbers]],
  );
  return rows.map(toFingerprint);
}

/** Size of the store for one version (operations, benchmark). */
export async function storeSize(
  db: Queryable,
  paramsVersion: number,
): Promise<{ tracks: number; postings: number; audioMs: number }> {
  const { rows } = await db.query<{ tracks: string; postings: string | null; audio_ms: string | null }>(
    `SELECT count(*) AS tracks, sum(posting_count) AS postings, sum(duration_ms) AS audio_ms
       FROM track_fingerprints WHERE params_version = $1`,
    [paramsVersion],
  );
  return {
    tracks: Number(rows[0]!.tracks),
    postings: Number(rows[0]!.postings ?? 0),
    audioMs: Number(rows[0]!.audio_ms ?? 0),
  };
}

/** Removes log entries older than `before` (a matcher further behind reloads in full). */
export async function pruneChanges(db: Queryable, before: Date): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM fingerprint_index_changes
     WHERE changed_at < $1 AND generation < (SELECT generation FROM fingerprint_index_state)`,
    [before],
  );
  return rowCount;
}

/** After a re-index: drops the rows of every other params version (no matcher reads them any more). */
export async function removeOtherVersions(db: Queryable, keepVersion: number): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM track_fingerprints WHERE params_version <> $1', [
    keepVersion,
  ]);
  return rowCount;
}

/**
 * Opens the params version's re-index window if it has none yet (the first worker of the
 * version is about to match); returns how far the window has got.
 */
export async function openReindex(
  db: Queryable,
  paramsVersion: number,
): Promise<{ finished: boolean; reopened: boolean }> {
  await db.query(
    'INSERT INTO fingerprint_reindexes (params_version) VALUES ($1) ON CONFLICT (params_version) DO NOTHING',
    [paramsVersion],
  );
  const { rows } = await db.query<{ finished: boolean; reopened: boolean }>(
    `SELECT finished_at IS NOT NULL AS finished, reopened_at IS NOT NULL AS reopened
       FROM fingerprint_reindexes WHERE params_version = $1`,
    [paramsVersion],
  );
  return rows[0]!;
}

/** Every track is indexed at the version: its window closes (once). */
export async function finishReindex(db: Queryable, paramsVersion: number): Promise<void> {
  await db.query(
    `UPDATE fingerprint_reindexes SET finished_at = now()
      WHERE params_version = $1 AND finished_at IS NULL`,
    [paramsVersion],
  );
}

/**
 * Claims the closed window for reopening its captures, once it closed more than `graceMs` ago
 * (captures still being matched when it closed have their answer written by then). Returns the
 * span to reopen — start to close plus the grace — or undefined when there is nothing to claim.
 */
export async function claimFinishedReindex(
  db: Queryable,
  paramsVersion: number,
  graceMs: number,
): Promise<{ from: Date; to: Date } | undefined> {
  const { rows } = await db.query<{ started_at: Date; until: Date }>(
    `UPDATE fingerprint_reindexes SET reopened_at = now()
      WHERE params_version = $1 AND finished_at IS NOT NULL AND reopened_at IS NULL
        AND finished_at < now() - make_interval(secs => $2::double precision / 1000)
      RETURNING started_at, finished_at + make_interval(secs => $2::double precision / 1000) AS until`,
    [paramsVersion, graceMs],
  );
  const row = rows[0];
  return row ? { from: new Date(row.started_at), to: new Date(row.until) } : undefined;
}

/** Records how many captures the claimed window reopened (for operators). */
export async function recordReopenedCaptures(
  db: Queryable,
  paramsVersion: number,
  count: number,
): Promise<void> {
  await db.query('UPDATE fingerprint_reindexes SET reopened_captures = $2 WHERE params_version = $1', [
    paramsVersion,
    count,
  ]);
}
