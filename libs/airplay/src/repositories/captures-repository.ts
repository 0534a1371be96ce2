// All SQL of the captures table: one row per station and chunk id (the
// unique key makes a repeated chunk a no-op). A device capture has its
// uploaded audio; a stream window keeps no file. Lists show each capture's
// result: its detection (track, offset, confidence), if any.
import {
  finishPage,
  keysetClauses,
  type Page,
  type PageRequest,
  type Queryable,
  type SortKey,
} from '@zamio/db';
import { uploadsRepository, type JoinedUploadRow, type UploadRecord } from '@zamio/files';

export const CAPTURE_STATUSES = ['pending', 'matched', 'unmatched', 'failed'] as const;
export type CaptureStatus = (typeof CAPTURE_STATUSES)[number];
export type CaptureSource = 'device' | 'stream';

export interface CaptureResult {
  detectionId: string;
  trackId: string;
  trackTitle: string;
  trackOffsetMs: number;
  confidence: number;
  review: 'unreviewed' | 'confirmed' | 'flagged';
}

export interface Capture {
  id: string;
  stationId: string;
  chunkId: string;
  source: CaptureSource;
  streamId: string | null;
  /** When the audio began on air. */
  startedAt: Date;
  durationMs: number | null;
  /** When the platform received it. */
  capturedAt: Date;
  status: CaptureStatus;
  attempts: number;
  failureReason: string | null;
  processedAt: Date | null;
  upload: UploadRecord | null;
  detection: CaptureResult | null;
}

type CaptureRow = {
  id: string;
  station_id: string;
  chunk_id: string;
  source: CaptureSource;
  stream_id: string | null;
  started_at: Date;
  duration_ms: number | null;
  captured_at: Date;
  status: CaptureStatus;
  attempts: number;
  failure_reason: string | null;
  processed_at: Date | null;
  detection_id: string | null;
  detection_track_id: string | null;
  detection_track_title: string | null;
  detection_track_offset_ms: number | null;
  detection_confidence: number | null;
  detection_review: CaptureResult['review'] | null;
} & JoinedUploadRow;

const SELECT_CAPTURE = `SELECT c.id, c.station_id, c.chunk_id, c.source, c.stream_id, c.started_at, c.duration_ms,
       c.captured_at, c.status, c.attempts, c.failure_reason, c.processed_at,
       d.id AS detection_id, d.track_id AS detection_track_id, t.title AS detection_track_title,
       d.track_offset_ms AS detection_track_offset_ms, d.confidence AS detection_confidence,
       d.review AS detection_review, ${uploadsRepository.UPLOAD_JOIN_COLUMNS}`;
const FROM_CAPTURE = `FROM captures c LEFT JOIN uploads u ON u.id = c.upload_id
  LEFT JOIN detections d ON d.capture_id = c.id LEFT JOIN tracks t ON t.id = d.track_id`;

const date = (value: Date | null) => (value ? new Date(value) : null);

function toCapture(row: CaptureRow): Capture {
  return {
    id: row.id,
    stationId: row.station_id,
    chunkId: row.chunk_id,
    source: row.source,
    streamId: row.stream_id,
    startedAt: new Date(row.started_at),
    durationMs: row.duration_ms,
    capturedAt: new Date(row.captured_at),
    status: row.status,
    attempts: row.attempts,
    failureReason: row.failure_reason,
    processedAt: date(row.processed_at),
    upload: uploadsRepository.fromJoin(row),
    detection:
      row.detection_id === null
        ? null
        : {
            detectionId: row.detection_id,
            trackId: row.detection_track_id!,
            trackTitle: row.detection_track_title!,
            trackOffsetMs: row.detection_track_offset_ms!,
            confidence: row.detection_confidence!,
            review: row.detection_review!,
          },
  };
}

export interface NewCapture {
  stationId: string;
  chunkId: string;
  source: CaptureSource;
  uploadId: string | null;
  deviceId: string | null;
  streamId: string | null;
  startedAt: Date;
  durationMs: number | null;
}

/** Inserts the capture unless the station sent this chunk id before; the new row's id, or undefined. */
export async function insertIfNew(db: Queryable, capture: NewCapture): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO captures (station_id, chunk_id, source, upload_id, device_id, stream_id, started_at, duration_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (station_id, chunk_id) DO NOTHING
     RETURNING id`,
    [
      capture.stationId,
      capture.chunkId,
      capture.source,
      capture.uploadId,
      capture.deviceId,
      capture.streamId,
      capture.startedAt,
      capture.durationMs,
    ],
  );
  return rows[0]?.id;
}

export async function findById(
  db: Queryable,
  stationId: string,
  captureId: string,
): Promise<Capture | undefined> {
  const { rows } = await db.query<CaptureRow>(
    `${SELECT_CAPTURE} ${FROM_CAPTURE} WHERE c.station_id = $1 AND c.id = $2`,
    [stationId, captureId],
  );
  return rows[0] ? toCapture(rows[0]) : undefined;
}

export async function findByChunk(
  db: Queryable,
  stationId: string,
  chunkId: string,
): Promise<Capture | undefined> {
  const { rows } = await db.query<CaptureRow>(
    `${SELECT_CAPTURE} ${FROM_CAPTURE} WHERE c.station_id = $1 AND c.chunk_id = $2`,
    [stationId, chunkId],
  );
  return rows[0] ? toCapture(rows[0]) : undefined;
}

/** A capture to match (the worker's view: any station), with the storage key of its audio. */
export async function findForMatching(
  db: Queryable,
  captureId: string,
): Promise<{ capture: Capture; storageKey: string | null } | undefined> {
  const { rows } = await db.query<CaptureRow & { storage_name: string | null }>(
    `${SELECT_CAPTURE}, u.storage_name ${FROM_CAPTURE} WHERE c.id = $1`,
    [captureId],
  );
  return rows[0] ? { capture: toCapture(rows[0]), storageKey: rows[0].storage_name } : undefined;
}

export const CAPTURE_SORTS = {
  capturedAt: { column: 'c.captured_at', type: 'timestamptz' },
  startedAt: { column: 'c.started_at', type: 'timestamptz' },
} as const satisfies Record<string, SortKey>;
export type CaptureSort = keyof typeof CAPTURE_SORTS;

export interface CaptureFilter {
  status?: CaptureStatus | undefined;
  source?: CaptureSource | undefined;
  /** started_at in [from, to). */
  from?: Date | undefined;
  to?: Date | undefined;
}

export async function listOfStation(
  db: Queryable,
  stationId: string,
  filter: CaptureFilter,
  page: PageRequest<CaptureSort>,
): Promise<Page<Capture>> {
  const params: unknown[] = [
    stationId,
    filter.status ?? null,
    filter.source ?? null,
    filter.from ?? null,
    filter.to ?? null,
  ];
  const keyset = keysetClauses(CAPTURE_SORTS[page.sort], page, 'c.id', params.length + 1);
  const { rows } = await db.query<CaptureRow & { page_key: string }>(
    `${SELECT_CAPTURE}, ${keyset.select} ${FROM_CAPTURE}
     WHERE c.station_id = $1 AND ($2::text IS NULL OR c.status = $2) AND ($3::text IS NULL OR c.source = $3)
       AND ($4::timestamptz IS NULL OR c.started_at >= $4) AND ($5::timestamptz IS NULL OR c.started_at < $5)
       AND ${keyset.where}
     ${keyset.orderLimit}`,
    [...params, ...keyset.params],
  );
  return finishPage(rows, page, toCapture);
}

/** Counts a match attempt; the attempt's number. */
export async function recordAttempt(db: Queryable, captureId: string): Promise<number> {
  const { rows } = await db.query<{ attempts: number }>(
    'UPDATE captures SET attempts = attempts + 1 WHERE id = $1 RETURNING attempts',
    [captureId],
  );
  return rows[0]?.attempts ?? 0;
}

/** The match's outcome: matched / unmatched, or failed (dead letter) with the reason. */
export async function setOutcome(
  db: Queryable,
  captureId: string,
  outcome: { status: Exclude<CaptureStatus, 'pending'>; failureReason: string | null },
): Promise<void> {
  await db.query('UPDATE captures SET status = $2, failure_reason = $3, processed_at = now() WHERE id = $1', [
    captureId,
    outcome.status,
    outcome.failureReason,
  ]);
}

/** Captures still pending since before `before` (their job was lost): oldest first. */
export async function pendingBefore(db: Queryable, before: Date, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM captures WHERE status = 'pending' AND captured_at < $1 ORDER BY captured_at LIMIT $2`,
    [before, limit],
  );
  return rows.map((row) => row.id);
}

/**
 * Device captures answered `unmatched` in [from, to] go back to pending, to be matched again
 * (stream windows keep no audio, so they cannot be). Returns their ids.
 */
export async function reopenUnmatched(db: Queryable, from: Date, to: Date): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE captures SET status = 'pending', processed_at = NULL, failure_reason = NULL
      WHERE status = 'unmatched' AND upload_id IS NOT NULL AND processed_at BETWEEN $1 AND $2
      RETURNING id`,
    [from, to],
  );
  return rows.map((row) => row.id);
}
