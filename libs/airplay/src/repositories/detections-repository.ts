// All SQL of the detections table: a capture recognised as a track (at most
// one per capture), the station's review of it, and the play it is evidence for.
import { finishPage, keysetClauses, type Page, type PageRequest, type Queryable } from '@zamio/db';

export const DETECTION_REVIEWS = ['unreviewed', 'confirmed', 'flagged'] as const;
export type DetectionReview = (typeof DETECTION_REVIEWS)[number];

export interface Detection {
  id: string;
  captureId: string;
  stationId: string;
  trackId: string;
  trackTitle: string;
  startedAt: Date;
  durationMs: number;
  /** Where in the track the capture starts. */
  trackOffsetMs: number;
  confidence: number;
  score: number;
  speed: number;
  review: DetectionReview;
  reviewedAt: Date | null;
  playId: string | null;
  createdAt: Date;
}

export interface NewDetection {
  captureId: string;
  stationId: string;
  trackId: string;
  startedAt: Date;
  durationMs: number;
  trackOffsetMs: number;
  confidence: number;
  score: number;
  speed: number;
}

interface DetectionRow {
  id: string;
  capture_id: string;
  station_id: string;
  track_id: string;
  track_title: string;
  started_at: Date;
  duration_ms: number;
  track_offset_ms: number;
  confidence: number;
  score: number;
  speed: number;
  review: DetectionReview;
  reviewed_at: Date | null;
  play_id: string | null;
  created_at: Date;
}

const SELECT_DETECTION = `SELECT d.id, d.capture_id, d.station_id, d.track_id, t.title AS track_title, d.started_at,
       d.duration_ms, d.track_offset_ms, d.confidence, d.score, d.speed, d.review, d.reviewed_at, d.play_id,
       d.created_at`;
const FROM_DETECTION = 'FROM detections d JOIN tracks t ON t.id = d.track_id';

const toDetection = (row: DetectionRow): Detection => ({
  id: row.id,
  captureId: row.capture_id,
  stationId: row.station_id,
  trackId: row.track_id,
  trackTitle: row.track_title,
  startedAt: new Date(row.started_at),
  durationMs: row.duration_ms,
  trackOffsetMs: row.track_offset_ms,
  confidence: row.confidence,
  score: row.score,
  speed: row.speed,
  review: row.review,
  reviewedAt: row.reviewed_at ? new Date(row.reviewed_at) : null,
  playId: row.play_id,
  createdAt: new Date(row.created_at),
});

/** Inserts the capture's detection unless it has one; the new detection, or undefined. */
export async function insertIfNew(db: Queryable, detection: NewDetection): Promise<Detection | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO detections (capture_id, station_id, track_id, started_at, duration_ms, track_offset_ms, confidence,
                             score, speed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (capture_id) DO NOTHING RETURNING id`,
    [
      detection.captureId,
      detection.stationId,
      detection.trackId,
      detection.startedAt,
      detection.durationMs,
      detection.trackOffsetMs,
      detection.confidence,
      detection.score,
      detection.speed,
    ],
  );
  return rows[0] ? findById(db, rows[0].id) : undefined;
}

export async function findById(db: Queryable, detectionId: string): Promise<Detection | undefined> {
  const { rows } = await db.query<DetectionRow>(`${SELECT_DETECTION} ${FROM_DETECTION} WHERE d.id = $1`, [
    detectionId,
  ]);
  return rows[0] ? toDetection(rows[0]) : undefined;
}

export async function findOwned(
  db: Queryable,
  stationId: string,
  detectionId: string,
): Promise<Detection | undefined> {
  const { rows } = await db.query<DetectionRow>(
    `${SELECT_DETECTION} ${FROM_DETECTION} WHERE d.id = $1 AND d.station_id = $2`,
    [detectionId, stationId],
  );
  return rows[0] ? toDetection(rows[0]) : undefined;
}

export interface DetectionFilter {
  trackId?: string | undefined;
  review?: DetectionReview | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export async function listOfStation(
  db: Queryable,
  stationId: string,
  filter: DetectionFilter,
  page: PageRequest<'startedAt'>,
): Promise<Page<Detection>> {
  const params: unknown[] = [
    stationId,
    filter.trackId ?? null,
    filter.review ?? null,
    filter.from ?? null,
    filter.to ?? null,
  ];
  const keyset = keysetClauses(
    { column: 'd.started_at', type: 'timestamptz' },
    page,
    'd.id',
    params.length + 1,
  );
  const { rows } = await db.query<DetectionRow & { page_key: string }>(
    `${SELECT_DETECTION}, ${keyset.select} ${FROM_DETECTION}
     WHERE d.station_id = $1 AND ($2::uuid IS NULL OR d.track_id = $2) AND ($3::text IS NULL OR d.review = $3)
       AND ($4::timestamptz IS NULL OR d.started_at >= $4) AND ($5::timestamptz IS NULL OR d.started_at < $5)
       AND ${keyset.where}
     ${keyset.orderLimit}`,
    [...params, ...keyset.params],
  );
  return finishPage(rows, page, toDetection);
}

export async function setReview(
  db: Queryable,
  detectionId: string,
  review: { review: DetectionReview; reviewedBy: string },
): Promise<void> {
  await db.query('UPDATE detections SET review = $2, reviewed_by = $3, reviewed_at = now() WHERE id = $1', [
    detectionId,
    review.review,
    review.reviewedBy,
  ]);
}

/** The detections (evidence) of these plays, flagged ones included, in air order. */
export async function ofPlays(db: Queryable, playIds: readonly string[]): Promise<Detection[]> {
  if (playIds.length === 0) return [];
  const { rows } = await db.query<DetectionRow>(
    `${SELECT_DETECTION} ${FROM_DETECTION} WHERE d.play_id = ANY($1::uuid[]) ORDER BY d.started_at, d.id`,
    [[...new Set(playIds)]],
  );
  return rows.map(toDetection);
}

/** Makes these detections the evidence of `playId`. */
export async function assignPlay(
  db: Queryable,
  detectionIds: readonly string[],
  playId: string,
): Promise<void> {
  if (detectionIds.length === 0) return;
  await db.query('UPDATE detections SET play_id = $2 WHERE id = ANY($1::uuid[])', [
    [...detectionIds],
    playId,
  ]);
}
