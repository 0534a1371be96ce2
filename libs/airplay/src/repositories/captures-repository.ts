// All SQL of the captures table: one row per station and chunk id (the
// unique key makes a repeated chunk a no-op), each with its uploaded audio.
import type { Queryable } from '@zamio/db';
import { uploadsRepository, type JoinedUploadRow, type UploadRecord } from '@zamio/files';

export interface Capture {
  id: string;
  chunkId: string;
  capturedAt: Date;
  upload: UploadRecord;
}

type CaptureRow = { id: string; chunk_id: string; captured_at: Date } & JoinedUploadRow;

const SELECT_CAPTURE = `SELECT c.id, c.chunk_id, c.captured_at, ${uploadsRepository.UPLOAD_JOIN_COLUMNS}
  FROM captures c JOIN uploads u ON u.id = c.upload_id`;

function toCapture(row: CaptureRow): Capture {
  const upload = uploadsRepository.fromJoin(row);
  // An inner join: every capture has its upload.
  if (!upload) throw new Error(`capture ${row.id} has no upload`);
  return { id: row.id, chunkId: row.chunk_id, capturedAt: new Date(row.captured_at), upload };
}

/** Inserts the capture unless the station sent this chunk id before; the new row's id, or undefined. */
export async function insertIfNew(
  db: Queryable,
  capture: { stationId: string; chunkId: string; uploadId: string; deviceId: string | undefined },
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO captures (station_id, chunk_id, upload_id, device_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (station_id, chunk_id) DO NOTHING
     RETURNING id`,
    [capture.stationId, capture.chunkId, capture.uploadId, capture.deviceId ?? null],
  );
  return rows[0]?.id;
}

export async function findById(
  db: Queryable,
  stationId: string,
  captureId: string,
): Promise<Capture | undefined> {
  const { rows } = await db.query<CaptureRow>(`${SELECT_CAPTURE} WHERE c.station_id = $1 AND c.id = $2`, [
    stationId,
    captureId,
  ]);
  return rows[0] ? toCapture(rows[0]) : undefined;
}

export async function findByChunk(
  db: Queryable,
  stationId: string,
  chunkId: string,
): Promise<Capture | undefined> {
  const { rows } = await db.query<CaptureRow>(
    `${SELECT_CAPTURE} WHERE c.station_id = $1 AND c.chunk_id = $2`,
    [stationId, chunkId],
  );
  return rows[0] ? toCapture(rows[0]) : undefined;
}

/** The station's newest captures first. */
export async function listOfStation(db: Queryable, stationId: string, limit: number): Promise<Capture[]> {
  const { rows } = await db.query<CaptureRow>(
    `${SELECT_CAPTURE} WHERE c.station_id = $1 ORDER BY c.captured_at DESC LIMIT $2`,
    [stationId, limit],
  );
  return rows.map(toCapture);
}
