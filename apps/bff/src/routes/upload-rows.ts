// The uploads table: one row per accepted file, plus its public shape.
import type { Queryable } from '@zamio/db';
import type { UploadResult } from '@zamio/contracts';
import type { StoredUpload } from '@zamio/uploads';

export interface UploadRow {
  id: string;
  kind: UploadResult['kind'];
  size_bytes: string | number;
  sha256: string;
  mime_type: string;
  duration_ms: number | null;
  sample_rate: number | null;
}

export const UPLOAD_COLUMNS = 'id, kind, size_bytes, sha256, mime_type, duration_ms, sample_rate';

export async function insertUpload(
  db: Queryable,
  stored: StoredUpload,
  owner: { userId: string; stationId?: string | undefined },
  originalName: string | undefined,
): Promise<UploadRow> {
  const { rows } = await db.query<UploadRow>(
    `INSERT INTO uploads (kind, owner_user_id, station_id, storage_name, size_bytes, sha256, mime_type, duration_ms, sample_rate, original_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${UPLOAD_COLUMNS}`,
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
  return rows[0]!;
}

export const toUploadResult = (row: UploadRow): UploadResult => ({
  id: row.id,
  kind: row.kind,
  sizeBytes: Number(row.size_bytes),
  sha256: row.sha256,
  mimeType: row.mime_type,
  durationMs: row.duration_ms,
  sampleRate: row.sample_rate,
});
