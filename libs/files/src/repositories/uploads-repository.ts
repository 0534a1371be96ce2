// All SQL of the uploads table: one row per accepted file (random storage
// name, never the client's; checksum; detected type; probed audio facts).
// Other features' queries that join an upload select its columns with the
// `upload_` prefix (UPLOAD_JOIN_COLUMNS) and read them back with fromJoin.
import type { Queryable } from '@zamio/db';
import type { StoredUpload, UploadKind } from '@zamio/uploads';

export interface UploadRecord {
  id: string;
  kind: UploadKind;
  sizeBytes: number;
  sha256: string;
  mimeType: string;
  durationMs: number | null;
  sampleRate: number | null;
}

export interface UploadOwner {
  userId: string;
  stationId?: string | undefined;
}

interface UploadRow {
  id: string;
  kind: UploadKind;
  size_bytes: string | number;
  sha256: string;
  mime_type: string;
  duration_ms: number | null;
  sample_rate: number | null;
}

const toUpload = (row: UploadRow): UploadRecord => ({
  id: row.id,
  kind: row.kind,
  sizeBytes: Number(row.size_bytes),
  sha256: row.sha256,
  mimeType: row.mime_type,
  durationMs: row.duration_ms,
  sampleRate: row.sample_rate,
});

export async function insert(
  db: Queryable,
  stored: StoredUpload,
  owner: UploadOwner,
  originalName: string | undefined,
): Promise<UploadRecord> {
  const { rows } = await db.query<UploadRow>(
    `INSERT INTO uploads (kind, owner_user_id, station_id, storage_name, size_bytes, sha256, mime_type,
                          duration_ms, sample_rate, original_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     RETURNING id, kind, size_bytes, sha256, mime_type, duration_ms, sample_rate`,
    [
      stored.kind,
      owner.userId,
      owner.stationId ?? null,
      stored.storageName,
      stored.sizeBytes,
      stored.sha256,
      stored.mimeType,
      stored.audio?.durationMs ?? null,
      stored.audio?.sampleRate ?? null,
      originalName ?? null,
    ],
  );
  return toUpload(rows[0]!);
}

/** The upload columns for a query that joins `uploads u`, each prefixed `upload_`. */
export const UPLOAD_JOIN_COLUMNS = `u.id AS upload_id, u.kind AS upload_kind, u.size_bytes AS upload_size_bytes,
       u.sha256 AS upload_sha256, u.mime_type AS upload_mime_type, u.duration_ms AS upload_duration_ms,
       u.sample_rate AS upload_sample_rate`;

/** A joined upload's columns: all present, or (a left join that found none) all null. */
export type JoinedUploadRow =
  | {
      upload_id: string;
      upload_kind: UploadKind;
      upload_size_bytes: string | number;
      upload_sha256: string;
      upload_mime_type: string;
      upload_duration_ms: number | null;
      upload_sample_rate: number | null;
    }
  | { upload_id: null };

/** The joined upload of a row, or null where the (left) join found none. */
export function fromJoin(row: JoinedUploadRow): UploadRecord | null {
  if (row.upload_id === null) return null;
  return toUpload({
    id: row.upload_id,
    kind: row.upload_kind,
    size_bytes: row.upload_size_bytes,
    sha256: row.upload_sha256,
    mime_type: row.upload_mime_type,
    duration_ms: row.upload_duration_ms,
    sample_rate: row.upload_sample_rate,
  });
}

/** Where the upload's bytes are kept (its storage key), for a job that reads them. */
export async function findStorageName(db: Queryable, uploadId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ storage_name: string }>(
    'SELECT storage_name FROM uploads WHERE id = $1',
    [uploadId],
  );
  return rows[0]?.storage_name;
}

/** Where an upload's bytes are stored, and what they are: for reading them back. */
export interface StoredUploadRef {
  storageName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

export async function findStored(db: Queryable, uploadId: string): Promise<StoredUploadRef | undefined> {
  const { rows } = await db.query<{
    storage_name: string;
    mime_type: string;
    size_bytes: string | number;
    sha256: string;
  }>('SELECT storage_name, mime_type, size_bytes, sha256 FROM uploads WHERE id = $1', [uploadId]);
  const row = rows[0];
  return (
    row && {
      storageName: row.storage_name,
      mimeType: row.mime_type,
      sizeBytes: Number(row.size_bytes),
      sha256: row.sha256,
    }
  );
}
