// Airplay: a station's captures (what its devices or stream recorder sent,
// with the match state), detections (a capture recognised as a track, which
// the station confirms or flags) and plays (consecutive detections merged),
// plus the live messages pushed to open portals. Times are ISO 8601; audio
// positions and lengths are seconds.
import Type, { type Static } from 'typebox';
import { DateRangeFields, Paged, PageQueryFields } from './paging';
import { UploadResult } from './uploads';

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });

// ---------------------------------------------------------------- captures

/** pending → matched | unmatched, or failed (dead letter after the last attempt: deadReason says why). */
export const CaptureStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('matched'),
  Type.Literal('unmatched'),
  Type.Literal('failed'),
]);
export type CaptureStatus = Static<typeof CaptureStatus>;

export const CaptureSource = Type.Union([Type.Literal('device'), Type.Literal('stream')]);
export type CaptureSource = Static<typeof CaptureSource>;

/** detected: not reviewed yet; flagged: excluded from plays until confirmed. */
export const DetectionState = Type.Union([
  Type.Literal('detected'),
  Type.Literal('confirmed'),
  Type.Literal('flagged'),
]);
export type DetectionState = Static<typeof DetectionState>;

/** A matched capture's result. */
export const CaptureResult = Type.Object({
  detectionId: Uuid,
  trackId: Uuid,
  trackTitle: Type.String(),
  /** Where in the track the capture starts. */
  offsetSeconds: Type.Number(),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  state: DetectionState,
});
export type CaptureResult = Static<typeof CaptureResult>;

export const Capture = Type.Object({
  id: Uuid,
  chunkId: Type.String(),
  source: CaptureSource,
  streamId: Type.Union([Uuid, Type.Null()]),
  /** When the audio began on air. */
  startedAt: DateTime,
  durationSeconds: Type.Union([Type.Number(), Type.Null()]),
  /** When the platform received it. */
  capturedAt: DateTime,
  status: CaptureStatus,
  attempts: Type.Integer(),
  /** Why matching gave up (status failed). */
  deadReason: Type.Union([Type.String(), Type.Null()]),
  processedAt: Type.Union([DateTime, Type.Null()]),
  upload: Type.Union([UploadResult, Type.Null()]),
  /** The detection, when matched. */
  result: Type.Union([CaptureResult, Type.Null()]),
});
export type Capture = Static<typeof Capture>;

export const CapturePage = Paged(Capture);
export type CapturePage = Static<typeof CapturePage>;

/** Multipart text fields of POST /api/station/captures (sent before the file part). */
export const CHUNK_ID_PATTERN = '^[A-Za-z0-9._:-]{1,128}$';
/** A capture's audio must be this long (seconds). */
export const CAPTURE_MIN_SECONDS = 5;
export const CAPTURE_MAX_SECONDS = 30;

/**
 * The text fields of the capture upload: `chunk_id` (required, the idempotency
 * key), `started_at` (ISO 8601, when the audio began on air; default: received
 * time) and `duration` (seconds, as the device measured it; the decoded audio
 * wins when they differ).
 */
export const CaptureUploadFields = Type.Object({
  chunk_id: Type.String({ pattern: CHUNK_ID_PATTERN }),
  started_at: Type.Optional(DateTime),
  duration: Type.Optional(Type.Number({ minimum: CAPTURE_MIN_SECONDS, maximum: CAPTURE_MAX_SECONDS })),
});
export type CaptureUploadFields = Static<typeof CaptureUploadFields>;

export const CaptureListQuery = Type.Object(
  {
    ...PageQueryFields,
    status: Type.Optional(CaptureStatus),
    source: Type.Optional(CaptureSource),
    ...DateRangeFields,
  },
  { additionalProperties: false },
);
export type CaptureListQuery = Static<typeof CaptureListQuery>;

// -------------------------------------------------------------- detections

export const Detection = Type.Object({
  id: Uuid,
  captureId: Uuid,
  stationId: Uuid,
  trackId: Uuid,
  trackTitle: Type.String(),
  startedAt: DateTime,
  durationSeconds: Type.Number(),
  /** Where in the track the capture starts. */
  offsetSeconds: Type.Number(),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  state: DetectionState,
  reviewedAt: Type.Union([DateTime, Type.Null()]),
  /** The play this detection is evidence for (null while flagged). */
  playId: Type.Union([Uuid, Type.Null()]),
  createdAt: DateTime,
});
export type Detection = Static<typeof Detection>;

export const DetectionPage = Paged(Detection);
export type DetectionPage = Static<typeof DetectionPage>;

export const DetectionListQuery = Type.Object(
  {
    ...PageQueryFields,
    track: Type.Optional(Uuid),
    state: Type.Optional(DetectionState),
    ...DateRangeFields,
  },
  { additionalProperties: false },
);
export type DetectionListQuery = Static<typeof DetectionListQuery>;

// ------------------------------------------------------------------- plays

/** active: counts; flagged: every detection flagged (excluded until reviewed). */
export const PlayStatus = Type.Union([
  Type.Literal('active'),
  Type.Literal('flagged'),
  Type.Literal('merged'),
]);
export type PlayStatus = Static<typeof PlayStatus>;

export const Play = Type.Object({
  id: Uuid,
  stationId: Uuid,
  stationName: Type.String(),
  trackId: Uuid,
  trackTitle: Type.String(),
  startedAt: DateTime,
  endedAt: DateTime,
  durationSeconds: Type.Number(),
  /** Where in the track the play starts. */
  offsetSeconds: Type.Number(),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  status: PlayStatus,
  /** The detections (evidence) merged into this play, in air order. */
  detectionIds: Type.Array(Uuid),
  /** Grows with every change of bounds or status. */
  version: Type.Integer(),
  updatedAt: DateTime,
});
export type Play = Static<typeof Play>;

export const PlayPage = Paged(Play);
export type PlayPage = Static<typeof PlayPage>;

/** GET /api/artist/plays: filter by station and/or track and a date range (started_at). */
export const ArtistPlayListQuery = Type.Object(
  {
    ...PageQueryFields,
    station: Type.Optional(Uuid),
    track: Type.Optional(Uuid),
    ...DateRangeFields,
  },
  { additionalProperties: false },
);
export type ArtistPlayListQuery = Static<typeof ArtistPlayListQuery>;

/** GET /api/station/plays. */
export const StationPlayListQuery = Type.Object(
  {
    ...PageQueryFields,
    track: Type.Optional(Uuid),
    status: Type.Optional(PlayStatus),
    ...DateRangeFields,
  },
  { additionalProperties: false },
);
export type StationPlayListQuery = Static<typeof StationPlayListQuery>;

/** GET /api/artist/plays/summary: `from` and `to` required (at most 366 days apart). */
export const PlaysSummaryQuery = Type.Object(
  {
    from: DateTime,
    to: DateTime,
    station: Type.Optional(Uuid),
    track: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type PlaysSummaryQuery = Static<typeof PlaysSummaryQuery>;

export const PlaysSummary = Type.Object({
  /** UTC calendar days. */
  perDay: Type.Array(
    Type.Object({ day: Type.String(), plays: Type.Integer(), durationSeconds: Type.Number() }),
  ),
  perStation: Type.Array(
    Type.Object({
      stationId: Uuid,
      station: Type.String(),
      plays: Type.Integer(),
      durationSeconds: Type.Number(),
    }),
  ),
});
export type PlaysSummary = Static<typeof PlaysSummary>;

// ------------------------------------------------------------ live updates

/**
 * What the live channel (WebSocket) pushes to an open portal: a station sees
 * its own detections and plays, an artist those of their tracks.
 */
export const LiveMessage = Type.Union([
  Type.Object({ type: Type.Literal('detection.created'), detection: Detection }),
  Type.Object({ type: Type.Literal('play.changed'), play: Play }),
]);
export type LiveMessage = Static<typeof LiveMessage>;
